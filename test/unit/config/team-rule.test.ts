// A team tests its own rule with the RuleTester from the package export `trial-records/testing`,
// exactly as the README shows (valid and invalid cases, in vitest).
import { RuleTester } from 'trial-records/testing';
// @ts-expect-error a team's rule is plain JavaScript
import rule from '../../fixtures/team/rules/central-contact-domain.mjs';
import { corpusRecord, planted } from '../rules/fixtures';

const contacts = '/protocolSection/contactsLocationsModule/centralContacts';
const record = corpusRecord('NCT03418623');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'no central contacts', record },
    { name: 'a contact at the sponsor domain', record: planted(record, { [contacts]: [{ name: 'Ada', email: 'ada@example.org' }] }) },
    { name: 'the domain comes from the options', record: planted(record, { [contacts]: [{ name: 'Ada', email: 'ada@sponsor.test' }] }), options: { domain: 'sponsor.test' } },
  ],
  invalid: [
    {
      name: 'a contact elsewhere, reported as a warning',
      record: planted(record, { [contacts]: [{ name: 'Ada', email: 'ada@example.org' }, { name: 'Bob', email: 'bob@elsewhere.net' }] }),
      errors: [{ pointer: `${contacts}/1/email`, severity: 'warning', message: /bob@elsewhere\.net is not an @example\.org address/ }],
    },
  ],
});
