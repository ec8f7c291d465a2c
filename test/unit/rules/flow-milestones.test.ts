import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/flow-milestones';
import { corpusRecord, planted } from './fixtures';

const periods = '/resultsSection/participantFlowModule/periods';
// Two periods; the first has milestones STARTED, two of its own, COMPLETED, NOT COMPLETED.
const record = corpusRecord('NCT02552212');
const firstPeriod = record.resultsSection.participantFlowModule.periods[0];

new RuleTester().run(rule, {
  valid: [
    { name: 'two periods with their own milestones between STARTED and COMPLETED (NCT02552212)', record },
    { name: 'one period: STARTED, COMPLETED, NOT COMPLETED (NCT00763412)', record: corpusRecord('NCT00763412') },
    { name: 'a record without results', record: corpusRecord('NCT03418623') },
    { name: 'periods that are not a list', record: planted(record, { [periods]: 'Overall Study' }) },
    {
      name: 'a milestone that is not an object, beside the required ones',
      record: planted(record, { [`${periods}/0/milestones/1`]: null }),
    },
  ],
  invalid: [
    {
      name: 'COMPLETED missing in the second period',
      record: planted(record, { [`${periods}/1/milestones/1`]: undefined }),
      errors: [
        {
          pointer: `${periods}/1/milestones`,
          severity: 'warning',
          message: /^Period "SFE Period \(Week 52 - 156\)" has no COMPLETED milestone/,
        },
      ],
    },
    {
      name: 'STARTED missing in the first period',
      record: planted(record, { [`${periods}/0/milestones`]: firstPeriod.milestones.slice(1) }),
      errors: [
        {
          pointer: `${periods}/0/milestones`,
          message: /^Period "Double-Blind Period \(Week 0 - 52\)" has no STARTED milestone/,
        },
      ],
    },
    {
      name: 'no milestones at all, in an untitled period',
      record: planted(record, { [`${periods}/1/milestones`]: undefined, [`${periods}/1/title`]: undefined }),
      errors: [{ pointer: `${periods}/1/milestones`, message: /^Period 2 has no STARTED or COMPLETED milestone/ }],
    },
    {
      name: 'STARTED written as its display label: fixed to the code',
      record: planted(record, { [`${periods}/0/milestones/0/type`]: 'Started' }),
      errors: [
        {
          pointer: `${periods}/0/milestones/0/type`,
          message: 'Milestone "Started" is the standard STARTED milestone; write it as the code "STARTED".',
        },
      ],
      output: record,
    },
    {
      name: 'NOT COMPLETED with an underscore',
      record: planted(record, { [`${periods}/1/milestones/2/type`]: 'NOT_COMPLETED' }),
      errors: [{ pointer: `${periods}/1/milestones/2/type`, message: /write it as the code "NOT COMPLETED"/ }],
      output: record,
    },
  ],
});
