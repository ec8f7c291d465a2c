import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import { validateText } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import rule from '../../../server/src/rules/contact-format';
import { planted, sampleRecord } from './fixtures';

// A central contact with e-mail, "+917940202375" and extension "2375"; site contacts with a phone or an e-mail.
const record = sampleRecord('NCT03671044');
const central = '/protocolSection/contactsLocationsModule/centralContacts/0';
const siteContact = '/protocolSection/contactsLocationsModule/locations/0/contacts/0';
// A results point of contact with "800-545-5979" and an e-mail address.
const withResults = sampleRecord('NCT02397473');
const pointOfContact = '/resultsSection/moreInfoModule/pointOfContact';

new RuleTester().run(rule, {
  valid: [
    { name: 'real contacts', record },
    { name: 'a real point of contact', record: withResults },
    {
      name: 'an extension written into the number',
      record: planted(record, { [`${siteContact}/phone`]: '407-816-5700 ext 1044' }),
    },
    {
      name: 'a trunk prefix in parentheses',
      record: planted(record, { [`${siteContact}/phone`]: '+44 (0)20 7946 0000' }),
    },
    {
      name: 'a vanity word and a note after the number',
      record: planted(withResults, { [`${pointOfContact}/phone`]: '1-833-445-3230 (GILEAD-0)' }),
    },
    { name: 'an extension spoken as an option', record: planted(record, { [`${central}/phoneExt`]: 'option 6' }) },
    {
      name: 'an address under an internationalized top-level domain',
      record: planted(record, { [`${central}/email`]: 'info@example.xn--p1ai' }),
    },
  ],
  invalid: [
    {
      name: 'two "@" in one address (as published in NCT06620835)',
      record: planted(record, { [`${central}/email`]: 'rschott@strasbourg@unicancer.fr' }),
      errors: [
        {
          pointer: `${central}/email`,
          severity: 'warning',
          message: '"rschott@strasbourg@unicancer.fr" is not an e-mail address: it has 2 "@".',
        },
      ],
    },
    {
      name: 'an address without a domain',
      record: planted(withResults, { [`${pointOfContact}/email`]: 'ClinicalTrials.gov@lilly' }),
      errors: [
        {
          pointer: `${pointOfContact}/email`,
          message:
            '"ClinicalTrials.gov@lilly" is not an e-mail address: the part after "@" is not a domain such as "example.org".',
        },
      ],
    },
    {
      name: 'two addresses in one field: the first is suggested',
      record: planted(record, { [`${central}/email`]: 'prashantmodi@lambda-cro.com; info@lambda-cro.com' }),
      errors: [
        {
          pointer: `${central}/email`,
          message:
            '2 e-mail addresses in one field; it takes one. Keep the main one and give the others to further contacts.',
        },
      ],
    },
    {
      name: 'a mailto: prefix is removed by the fix',
      record: planted(record, { [`${central}/email`]: 'mailto:prashantmodi@lambda-cro.com' }),
      errors: [
        {
          pointer: `${central}/email`,
          message: '"mailto:prashantmodi@lambda-cro.com" starts with "mailto:"; the field holds the address alone.',
        },
      ],
      output: record,
    },
    {
      name: 'a placeholder number (as published in NCT04613596)',
      record: planted(record, { [`${siteContact}/phone`]: '06-xxxxxxxx' }),
      errors: [
        {
          pointer: `${siteContact}/phone`,
          message: '"06-xxxxxxxx" holds placeholder characters instead of digits; write the real number.',
        },
      ],
    },
    {
      name: 'an area code alone (as published in NCT04224974)',
      record: planted(record, { [`${siteContact}/phone`]: '613' }),
      errors: [{ pointer: `${siteContact}/phone`, message: '"613" has only 3 digits; no phone number is that short.' }],
    },
    {
      name: 'no digits at all',
      record: planted(record, { [`${siteContact}/phone`]: 'N/A' }),
      errors: [
        {
          pointer: `${siteContact}/phone`,
          message: '"N/A" has no digits; write the phone number or leave the field out.',
        },
      ],
    },
    {
      name: 'an e-mail address in the phone field of a contact without e-mail',
      record: planted(record, { [`${siteContact}/phone`]: 'csmith@gabrialcancercenter.com' }),
      errors: [
        {
          pointer: `${siteContact}/phone`,
          message: '"csmith@gabrialcancercenter.com" is an e-mail address, not a phone number.',
        },
      ],
    },
    {
      name: 'a country calling code as the extension (as published in NCT06349226)',
      record: planted(withResults, { [`${pointOfContact}/phoneExt`]: '+1' }),
      errors: [
        {
          pointer: `${pointOfContact}/phoneExt`,
          message:
            'Extension "+1" is a country calling code; it belongs at the start of the phone number, and the extension field holds the digits dialled after it.',
        },
      ],
    },
  ],
});

describe('contact-format suggestions', () => {
  const suggestionsFor = (changed: unknown, pointer: string) =>
    validateText(JSON.stringify(changed, null, 2), {
      today: '2026-12-07',
      rules: builtinRules.filter((candidate) => candidate === rule),
    }).find((finding) => finding.pointer === pointer)?.suggestions;

  it('moves a calling code from the extension to the start of a number without one', () => {
    const changed = planted(withResults, { [`${pointOfContact}/phoneExt`]: '+1' });
    expect(suggestionsFor(changed, `${pointOfContact}/phoneExt`)).toEqual([
      {
        title: 'Put +1 before the phone number',
        changes: [
          { op: 'set', pointer: `${pointOfContact}/phone`, value: '+1 800-545-5979' },
          { op: 'remove', pointer: `${pointOfContact}/phoneExt` },
        ],
      },
    ]);
  });

  it('keeps the first of several addresses, and moves an address out of the phone field when the e-mail is free', () => {
    const several = planted(record, { [`${central}/email`]: 'prashantmodi@lambda-cro.com; info@lambda-cro.com' });
    expect(suggestionsFor(several, `${central}/email`)?.[0].changes).toEqual([
      { op: 'set', pointer: `${central}/email`, value: 'prashantmodi@lambda-cro.com' },
    ]);
    const inPhone = planted(record, { [`${siteContact}/phone`]: 'csmith@gabrialcancercenter.com' });
    expect(suggestionsFor(inPhone, `${siteContact}/phone`)?.[0].changes).toEqual([
      { op: 'set', pointer: `${siteContact}/email`, value: 'csmith@gabrialcancercenter.com' },
      { op: 'remove', pointer: `${siteContact}/phone` },
    ]);
  });
});
