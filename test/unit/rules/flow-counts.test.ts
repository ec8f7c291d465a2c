import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/flow-counts';
import { planted, sampleRecord } from './fixtures';

const period = '/resultsSection/participantFlowModule/periods/0';
const started = `${period}/milestones/0/achievements`;
const completed = `${period}/milestones/1/achievements`;
const notCompleted = `${period}/milestones/2/achievements`;
// One period, three groups: STARTED 100/99/99, COMPLETED 76/85/91, NOT COMPLETED 24/14/8, five reasons that add up.
const record = sampleRecord('NCT00895011');

new RuleTester().run(rule, {
  valid: [
    { name: 'counts that add up, with five reasons for not completing (NCT00895011)', record },
    { name: 'four periods without reasons (NCT04396795)', record: sampleRecord('NCT04396795') },
    { name: 'a record without results (NCT00000410)', record: sampleRecord('NCT00000410') },
    {
      name: 'a count that is not a number is left to the reader',
      record: planted(record, { [`${completed}/0/numSubjects`]: 'NA' }),
    },
    {
      name: 'periods that are not a list',
      record: planted(record, { '/resultsSection/participantFlowModule/periods': 'Overall Study' }),
    },
    {
      name: 'no NOT COMPLETED milestone: nothing to compare',
      record: planted(record, { [`${period}/milestones/2`]: undefined }),
    },
  ],
  invalid: [
    {
      name: 'COMPLETED above STARTED (120 of 100): an error, and nothing else is recomputed for that group',
      record: planted(record, { [`${completed}/0/numSubjects`]: '120' }),
      errors: [
        {
          pointer: `${completed}/0/numSubjects`,
          severity: 'error',
          message:
            'Period "Overall Study", group FG000 ("Placebo"): 120 participants completed the period but only 100 started it; COMPLETED can\'t exceed STARTED.',
          related: [`${started}/0/numSubjects`],
        },
      ],
    },
    {
      name: 'NOT COMPLETED that is not STARTED − COMPLETED: fixed by recomputing it',
      record: planted(record, { [`${notCompleted}/1/numSubjects`]: '15' }),
      errors: [
        {
          pointer: `${notCompleted}/1/numSubjects`,
          severity: 'warning',
          message:
            'Period "Overall Study", group FG001 ("Avanafil 100 mg"): NOT COMPLETED is 15, but 99 started and 85 completed, so 14 did not complete.',
          related: [`${started}/1/numSubjects`, `${completed}/1/numSubjects`],
        },
      ],
      output: record,
    },
    {
      name: 'COMPLETED changed alone: NOT COMPLETED and the reasons no longer add up',
      record: planted(record, { [`${completed}/2/numSubjects`]: '90' }),
      errors: [
        {
          pointer: `${notCompleted}/2/numSubjects`,
          severity: 'warning',
          message: /NOT COMPLETED is 8, but 99 started and 90 completed, so 9 did not complete\.$/,
        },
        {
          pointer: `${period}/dropWithdraws`,
          severity: 'warning',
          message:
            'Period "Overall Study", group FG002 ("Avanafil 200 mg"): the reasons for not completing add up to 8, but 9 participants did not complete (99 started, 90 completed); give a reason for each of them.',
        },
      ],
      output: planted(record, { [`${completed}/2/numSubjects`]: '90', [`${notCompleted}/2/numSubjects`]: '9' }),
    },
    {
      name: 'a reason count changed: the reasons add up to 23 of 24',
      record: planted(record, { [`${period}/dropWithdraws/0/reasons/0/numSubjects`]: '13' }),
      errors: [
        {
          pointer: `${period}/dropWithdraws`,
          message:
            /group FG000 \("Placebo"\): the reasons for not completing add up to 23, but 24 participants did not complete/,
        },
      ],
    },
  ],
});
