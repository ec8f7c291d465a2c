import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/expanded-access-nct';
import { planted, sampleRecord } from './fixtures';

const info = '/protocolSection/statusModule/expandedAccessInfo';
// Offers expanded access through NCT05918913 (AVAILABLE).
const offered = sampleRecord('NCT05326516');
// hasExpandedAccess false.
const notOffered = sampleRecord('NCT00668018');

new RuleTester().run(rule, {
  valid: [
    { name: "expanded access offered with the record's NCT number", record: offered },
    { name: 'no expanded access', record: notOffered },
    { name: 'the question not answered', record: planted(notOffered, { [info]: undefined }) },
    { name: "a malformed number is the schema's finding", record: planted(offered, { [`${info}/nctId`]: 'NCT123' }) },
  ],
  invalid: [
    {
      name: 'offered without the NCT number',
      record: planted(offered, { [`${info}/nctId`]: undefined }),
      errors: [
        {
          pointer: `${info}/nctId`,
          severity: 'warning',
          message:
            'No expanded access record named, though the study offers expanded access (hasExpandedAccess is true); add its NCT number as expandedAccessInfo.nctId (e.g. "NCT01234567").',
          related: [`${info}/hasExpandedAccess`],
        },
      ],
    },
    {
      name: 'offered with a blank number',
      record: planted(notOffered, { [`${info}/hasExpandedAccess`]: true, [`${info}/nctId`]: ' ' }),
      errors: [
        {
          pointer: `${info}/nctId`,
          message: /^No expanded access record named, though the study offers expanded access/,
        },
      ],
    },
  ],
});
