import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/actual-data-changed';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const enrollment = '/protocolSection/designModule/enrollmentInfo';
// COMPLETED: start 2018-03-08, primary completion 2020-03-13 and enrollment 24, all ACTUAL.
const completed = corpusRecord('NCT03418623');
// RECRUITING: primary completion 2025-12-15 and enrollment 1210, both ESTIMATED.
const recruiting = corpusRecord('NCT04267848');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'no earlier version', record: planted(completed, { [`${status}/startDateStruct/date`]: '2018-04-01' }) },
    { name: 'nothing changed', record: completed, previous: completed },
    {
      name: 'an estimate that passed becomes the actual date and count: the normal update',
      record: planted(recruiting, {
        [`${status}/primaryCompletionDateStruct`]: { date: '2026-02-01', type: 'ACTUAL' },
        [enrollment]: { count: 1180, type: 'ACTUAL' },
      }),
      previous: recruiting,
    },
    {
      name: 'an estimate moved',
      record: planted(recruiting, { [`${status}/completionDateStruct/date`]: '2027-06' }),
      previous: recruiting,
    },
    {
      name: 'the enrollment changed before the primary completion date',
      record: planted(completed, { [enrollment]: { count: 30, type: 'ACTUAL' } }),
      previous: completed,
      today: '2019-01-01',
    },
  ],
  invalid: [
    {
      name: 'an ACTUAL start date moved',
      record: planted(completed, { [`${status}/startDateStruct/date`]: '2018-05-01' }),
      previous: completed,
      errors: [
        {
          pointer: `${status}/startDateStruct/date`,
          severity: 'warning',
          message:
            'Actual start date moved from 2018-03-08 to 2018-05-01: an ACTUAL date records what happened, so it changes only to correct a mistake; say which date is right and why it changed.',
        },
      ],
    },
    {
      name: 'the actual enrollment changed after the primary completion date',
      record: planted(completed, { [`${enrollment}/count`]: 30 }),
      previous: completed,
      errors: [
        {
          pointer: `${enrollment}/count`,
          message:
            'Actual enrollment changed from 24 to 30 after the primary completion date (2020-03-13) had passed: once enrollment has ended its actual count changes only to correct a mistake; say why.',
          related: [`${status}/primaryCompletionDateStruct/date`],
        },
      ],
    },
    {
      name: 'an ACTUAL primary completion date moved and was made an estimate again',
      record: planted(completed, { [`${status}/primaryCompletionDateStruct`]: { date: '2027-01', type: 'ESTIMATED' } }),
      previous: completed,
      errors: [
        {
          pointer: `${status}/primaryCompletionDateStruct/date`,
          message: /^Actual primary completion date moved from 2020-03-13 to 2027-01/,
        },
      ],
    },
  ],
});
