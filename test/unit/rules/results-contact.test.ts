import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/results-contact';
import { planted, sampleRecord } from './fixtures';

const moreInfo = '/resultsSection/moreInfoModule';
// Contact "Therapeutic Area Head", Bayer, e-mail and phone; a restriction of type OTHER with its details.
const record = sampleRecord('NCT00867815');

new RuleTester().run(rule, {
  valid: [
    { name: 'a reachable contact and a described restriction (NCT00867815)', record },
    { name: 'before the Final Rule a phone number is enough (NCT00089661)', record: sampleRecord('NCT00089661') },
    {
      name: 'investigators employed by the sponsor answer nothing more',
      record: planted(record, { [`${moreInfo}/certainAgreement`]: { piSponsorEmployee: true } }),
    },
    { name: 'a record without results (NCT00000410)', record: sampleRecord('NCT00000410') },
  ],
  invalid: [
    {
      name: 'a restriction without its type (as NCT04770285 was posted)',
      record: planted(record, {
        [`${moreInfo}/certainAgreement/restrictionType`]: undefined,
        [`${moreInfo}/certainAgreement/otherDetails`]: undefined,
      }),
      errors: [
        {
          pointer: `${moreInfo}/certainAgreement/restrictionType`,
          severity: 'warning',
          message:
            'An agreement restricts what the principal investigators may publish, but its type is not given; set restrictionType (LTE60, GT60 or OTHER, with otherDetails for OTHER).',
        },
      ],
    },
    {
      name: 'a restriction of type OTHER without details',
      record: planted(record, { [`${moreInfo}/certainAgreement/otherDetails`]: undefined }),
      errors: [
        {
          pointer: `${moreInfo}/certainAgreement/otherDetails`,
          message: 'Restriction on publishing of type OTHER is not described; say what it is in otherDetails.',
        },
      ],
    },
    {
      name: 'no way to reach the contact',
      record: planted(record, {
        [`${moreInfo}/pointOfContact/email`]: undefined,
        [`${moreInfo}/pointOfContact/phone`]: undefined,
      }),
      errors: [
        {
          pointer: `${moreInfo}/pointOfContact/email`,
          message:
            'Results point of contact lacks a phone number or an e-mail address; add it, so that questions about the results reach someone.',
        },
      ],
    },
    {
      name: 'Final Rule: a phone number but no e-mail',
      record: planted(record, { [`${moreInfo}/pointOfContact/email`]: undefined }),
      errors: [
        {
          pointer: `${moreInfo}/pointOfContact/email`,
          message: /lacks an e-mail address \(asked when the primary completion is on or after 2017-01-18\)/,
        },
      ],
    },
    {
      name: 'no name or title and no organization',
      record: planted(record, {
        [`${moreInfo}/pointOfContact/title`]: '',
        [`${moreInfo}/pointOfContact/organization`]: undefined,
      }),
      errors: [
        { pointer: `${moreInfo}/pointOfContact/title`, message: /lacks a name or official title \(title\)/ },
        { pointer: `${moreInfo}/pointOfContact/organization`, message: /lacks the organization/ },
      ],
    },
    {
      name: 'no point of contact at all',
      record: planted(record, { [`${moreInfo}/pointOfContact`]: undefined }),
      errors: [{ pointer: `${moreInfo}/pointOfContact`, message: /^No results point of contact/ }],
    },
    {
      name: 'limitations and caveats over 500 characters',
      record: planted(record, { [`${moreInfo}/limitationsAndCaveats/description`]: 'Small sample. '.repeat(40) }),
      errors: [
        {
          pointer: `${moreInfo}/limitationsAndCaveats/description`,
          message: /^Limitations and caveats have 560 characters; the registry takes at most 500\./,
        },
      ],
    },
  ],
});
