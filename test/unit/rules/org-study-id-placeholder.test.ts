import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/org-study-id-placeholder';
import { planted, sampleRecord } from './fixtures';

const id = '/protocolSection/identificationModule/orgStudyIdInfo/id';
// Organization study ID "10678".
const record = sampleRecord('NCT00668018');

function withId(value: unknown): Record<string, any> {
  return planted(record, { [id]: value });
}

new RuleTester().run(rule, {
  valid: [
    { name: 'a real protocol number', record },
    { name: 'a short real number ("1", as in the sample)', record: withId('1') },
    { name: 'a number with leading zeros', record: withId('0001') },
    { name: 'a number with a sign ("#03", as in the sample)', record: withId('#03') },
    { name: 'a word that merely contains a placeholder', record: withId('NA-2019-04') },
    { name: "a blank ID is the required-fields rule's finding", record: withId('  ') },
    { name: "a number is the schema's finding", record: withId(42) },
    { name: 'no identification module', record: { protocolSection: {} } },
  ],
  invalid: [
    {
      name: 'TBD',
      record: withId('TBD'),
      errors: [
        {
          pointer: id,
          severity: 'warning',
          message:
            'Organization\'s study ID "TBD" is a placeholder, not an identifier; give the sponsor\'s own protocol or study number (at most 30 characters).',
        },
      ],
    },
    {
      name: 'Unknown, any case',
      record: withId('UNKNOWN'),
      errors: [{ pointer: id, message: /"UNKNOWN" is a placeholder/ }],
    },
    { name: 'N/A', record: withId('N/A'), errors: [{ pointer: id, message: /"N\/A" is a placeholder/ }] },
    { name: 'na', record: withId('na'), errors: [{ pointer: id, message: /"na" is a placeholder/ }] },
    {
      name: 'none, with spaces around',
      record: withId(' none '),
      errors: [{ pointer: id, message: /"none" is a placeholder/ }],
    },
    { name: 'a dash', record: withId('-'), errors: [{ pointer: id, message: /"-" is a placeholder/ }] },
    { name: 'zero', record: withId('0'), errors: [{ pointer: id, message: /"0" is a placeholder/ }] },
    {
      name: 'to be determined, words spaced twice',
      record: withId('To be  determined'),
      errors: [{ pointer: id, message: /"To be  determined" is a placeholder/ }],
    },
  ],
});
