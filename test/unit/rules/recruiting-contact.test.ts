import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/recruiting-contact';
import { planted, sampleRecord } from './fixtures';

const contacts = '/protocolSection/contactsLocationsModule';
const central = `${contacts}/centralContacts`;
const status = '/protocolSection/statusModule/overallStatus';
// RECRUITING, one central contact, 10 recruiting sites none of which names a contact.
const multiSite = sampleRecord('NCT04025515');
// RECRUITING, no central contact, its one recruiting site (Stanford) names a contact.
const siteContact = sampleRecord('NCT04624126');
// NOT_YET_RECRUITING, no central contact and no site yet (accepted, last updated 2023-11-09).
const noSites = sampleRecord('NCT06132438');
// NOT_YET_RECRUITING, one central contact, one site without a status of its own that names a contact.
const notYetRecruiting = sampleRecord('NCT03390920');

new RuleTester().run(rule, {
  valid: [
    { name: 'a central contact stands in for the sites', record: multiSite },
    { name: 'no central contact, but the recruiting site has a contact', record: siteContact },
    {
      name: 'a site with no status of its own and a contact',
      record: planted(notYetRecruiting, { [central]: undefined }),
    },
    {
      name: 'a completed study needs no contact',
      record: planted(multiSite, { [status]: 'COMPLETED', [central]: undefined }),
    },
    {
      name: 'sites that no longer recruit need no contact',
      record: planted(siteContact, {
        [`${contacts}/locations/0/status`]: 'COMPLETED',
        [`${contacts}/locations/0/contacts`]: undefined,
        [`${contacts}/locations/1`]: {
          facility: 'Other site',
          status: 'RECRUITING',
          city: 'Palo Alto',
          country: 'United States',
          contacts: [{ name: 'Study desk', phone: '650-000-0000' }],
        },
      }),
    },
    { name: 'no contacts module and no status', record: { protocolSection: { designModule: {} } } },
  ],
  invalid: [
    {
      name: 'ten recruiting sites without contacts and no central contact: error naming three',
      record: planted(multiSite, { [central]: undefined }),
      errors: [
        {
          pointer: central,
          severity: 'error',
          message:
            'No central contact (centralContacts) while the study is RECRUITING, and none of its 10 recruiting sites names a contact: location 1 ("The Brunei Cancer Centre"), ' +
            'location 2 ("Hong Kong Integrated Oncology Centre"), location 3 ("The Chinese University of Hong Kong, Department of Clinic…") and 7 more sites; add a central contact, or a contact at every recruiting site.',
          related: [status, `${contacts}/locations/0`, `${contacts}/locations/1`, `${contacts}/locations/2`],
        },
      ],
    },
    {
      name: 'the one recruiting site loses its contact: error',
      record: planted(siteContact, { [`${contacts}/locations/0/contacts`]: [] }),
      errors: [
        {
          pointer: central,
          severity: 'error',
          message:
            /and its recruiting site names no contact: location 1 \("Stanford Health Care, Stanford Hospital"\);/,
          related: [status, `${contacts}/locations/0`],
        },
      ],
    },
    {
      name: 'one of two recruiting sites without a contact',
      record: planted(siteContact, {
        [`${contacts}/locations/1`]: {
          facility: 'Second site',
          status: 'RECRUITING',
          city: 'Palo Alto',
          country: 'United States',
        },
      }),
      errors: [
        {
          pointer: central,
          message: /and 1 of its 2 recruiting sites names no contact: location 2 \("Second site"\);/,
          related: [status, `${contacts}/locations/1`],
        },
      ],
    },
    {
      name: 'an empty central contact list counts as none',
      record: planted(notYetRecruiting, { [central]: [], [`${contacts}/locations/0/contacts`]: undefined }),
      errors: [
        {
          pointer: central,
          severity: 'error',
          message: /^No central contact \(centralContacts\) while the study is NOT_YET_RECRUITING/,
        },
      ],
    },
    {
      name: 'no central contact and no site at all: warning (the registry accepted this record)',
      record: noSites,
      errors: [
        {
          pointer: central,
          severity: 'warning',
          message:
            'No central contact (centralContacts) and no recruiting site with a contact, though the study is NOT_YET_RECRUITING; add a central contact so that people can ask to take part.',
          related: [status],
        },
      ],
    },
  ],
});
