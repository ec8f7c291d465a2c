import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/flow-enrollment';
import { corpusRecord, planted, sampleRecord } from './fixtures';

const periods = '/resultsSection/participantFlowModule/periods';
// Four periods (Baseline, Month 1, Month 3, Month 6) of two groups; enrollment 61 = 28 + 33 started; no details.
const record = sampleRecord('NCT04396795');

new RuleTester().run(rule, {
  valid: [
    { name: 'each period starts with those who completed the one before (NCT04396795)', record },
    {
      name: 'a difference from the enrollment explained in the pre-assignment details (NCT05034276: 34 enrolled, 28 started)',
      record: sampleRecord('NCT05034276'),
    },
    {
      name: 'a later period that starts with fewer, explained in comments on STARTED (NCT02552212)',
      record: corpusRecord('NCT02552212'),
    },
    {
      name: 'an estimated enrollment is not compared',
      record: planted(record, { '/protocolSection/designModule/enrollmentInfo': { count: 80, type: 'ESTIMATED' } }),
    },
    {
      name: 'a count that is not a number stops the comparison',
      record: planted(record, {
        [`${periods}/0/milestones/0/achievements/0/numSubjects`]: 'NA',
        '/protocolSection/designModule/enrollmentInfo/count': 62,
      }),
    },
    { name: 'a record without results (NCT00000410)', record: sampleRecord('NCT00000410') },
  ],
  invalid: [
    {
      name: 'the actual enrollment differs from the participants started, with no details',
      record: planted(record, { '/protocolSection/designModule/enrollmentInfo/count': 65 }),
      errors: [
        {
          pointer: `${periods}/0/milestones/0`,
          severity: 'warning',
          message:
            'Participant flow starts with 61 participants, but the actual enrollment is 65; make the two agree, or explain the difference in the pre-assignment details (participants enrolled but never assigned to a group).',
          related: ['/protocolSection/designModule/enrollmentInfo/count'],
        },
      ],
    },
    {
      name: 'a later period starts with more than completed the one before, without a comment',
      record: planted(record, {
        [`${periods}/2/milestones/0/achievements/1/numSubjects`]: '31',
        [`${periods}/2/milestones/2/achievements/1/numSubjects`]: '4',
      }),
      errors: [
        {
          pointer: `${periods}/2/milestones/0`,
          message:
            'Period "Month 3" starts with 57 participants, but 56 completed the period before it (Period "Month 1"); explain the difference in a comment on its STARTED milestone, or make the counts agree.',
          related: [`${periods}/1/milestones/1`],
        },
      ],
    },
  ],
});
