// A team tests its own rule with the RuleTester from the package export `trial-records/testing`,
// exactly as the README shows (valid and invalid cases, in vitest), on records and on texts.
import { expect, it } from 'vitest';
import { RuleTester } from 'trial-records/testing';
// @ts-expect-error a team's rule is plain JavaScript
import rule from '../../fixtures/team/rules/central-contact-domain.mjs';
// @ts-expect-error a team's rule is plain JavaScript
import indentRule from '../../fixtures/team/rules/two-space-indent.mjs';
import { corpusRecord, planted } from '../rules/fixtures';

const contacts = '/protocolSection/contactsLocationsModule/centralContacts';
const record = corpusRecord('NCT03418623');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'no central contacts', record },
    {
      name: 'a contact at the sponsor domain',
      record: planted(record, { [contacts]: [{ name: 'Ada', email: 'ada@example.org' }] }),
    },
    {
      name: 'the domain comes from the options',
      record: planted(record, { [contacts]: [{ name: 'Ada', email: 'ada@sponsor.test' }] }),
      options: { domain: 'sponsor.test' },
    },
  ],
  invalid: [
    {
      name: 'a contact elsewhere, reported as a warning',
      record: planted(record, {
        [contacts]: [
          { name: 'Ada', email: 'ada@example.org' },
          { name: 'Bob', email: 'bob@elsewhere.net' },
        ],
      }),
      errors: [
        {
          pointer: `${contacts}/1/email`,
          severity: 'warning',
          message: /bob@elsewhere\.net is not an @example\.org address/,
        },
      ],
    },
  ],
});

// A rule that reads the text is tested on texts.
new RuleTester().run(indentRule, {
  valid: [
    { name: 'two spaces', text: JSON.stringify(record, null, 2) },
    { name: 'a record given as a value is indented with two spaces', record },
    { name: 'one line has no indentation to judge', text: JSON.stringify(record) },
  ],
  invalid: [
    {
      name: 'four spaces',
      text: JSON.stringify(record, null, 4),
      errors: [{ pointer: '', message: 'Line 2 is indented with 4 spaces; our records use two spaces.' }],
    },
    {
      name: 'tabs',
      text: JSON.stringify(record, null, '\t'),
      errors: [{ pointer: '', message: 'Line 2 is indented with a tab; our records use two spaces.' }],
    },
  ],
});

it("refuses a case whose options do not fit the rule's options schema, as a config would", () => {
  const tester = new RuleTester({ today: '2026-11-24' });
  expect(() => tester.findings(rule, { name: 'typo', record, options: { domian: 'sponsor.test' } })).toThrow(
    /case typo: its options do not fit the rule's options schema: there is no option "domian"; the options are "domain"/,
  );
  expect(
    tester.findings(rule, {
      record: planted(record, { [contacts]: [{ email: 'a@b.test' }] }),
      options: { domain: 'b.test' },
    }),
  ).toEqual([]);
});

it('fails a case whose rule reports something malformed, saying what is wrong', () => {
  const sloppy = {
    meta: { id: 'sloppy', severity: 'warn', description: 'x' },
    check: (context: { report: (report: unknown) => void }) =>
      context.report({ pointer: 'protocolSection', message: 'x' }),
  };
  expect(() => new RuleTester().findings(sloppy as never, { record })).toThrow(
    /it reported the pointer "protocolSection"; a pointer is a string: "" for the whole record/,
  );
});
