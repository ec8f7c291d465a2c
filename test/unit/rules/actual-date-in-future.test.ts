import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/actual-date-in-future';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const completed = corpusRecord('NCT03418623');
// RECRUITING: start ACTUAL 2020-06-16, primary completion and completion ESTIMATED 2025-12-15.
const recruiting = corpusRecord('NCT04267848');
const primary = `${status}/primaryCompletionDateStruct`;

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real completed record', record: completed },
    { name: 'a real recruiting record', record: recruiting },
    {
      name: 'an ACTUAL month that is the current month',
      record: planted(recruiting, { [primary]: { date: '2026-11', type: 'ACTUAL' } }),
    },
    {
      name: 'an ACTUAL year that is the current year',
      record: planted(recruiting, { [primary]: { date: '2026', type: 'ACTUAL' } }),
    },
    {
      name: 'an ACTUAL date that is today',
      record: planted(recruiting, { [primary]: { date: '2026-11-24', type: 'ACTUAL' } }),
    },
    {
      name: 'a future date that is ESTIMATED',
      record: planted(recruiting, { [primary]: { date: '2027-06', type: 'ESTIMATED' } }),
    },
    {
      name: 'a future date without a type (old records)',
      record: planted(recruiting, { [primary]: { date: '2027-06' } }),
    },
    {
      name: 'the same record on an earlier day',
      record: planted(recruiting, { [primary]: { date: '2026-11-25', type: 'ACTUAL' } }),
      today: '2026-11-25',
    },
    {
      name: 'dates of the wrong shape are ignored',
      record: planted(recruiting, {
        [primary]: { date: 20270601, type: 'ACTUAL' },
        [`${status}/completionDateStruct`]: ['2027-06', 'ACTUAL'],
      }),
    },
  ],
  invalid: [
    {
      name: 'an ACTUAL primary completion date tomorrow, while recruiting',
      record: planted(recruiting, { [primary]: { date: '2026-11-25', type: 'ACTUAL' } }),
      errors: [
        {
          pointer: `${primary}/date`,
          severity: 'error',
          message:
            'Primary completion date 2026-11-25 is ACTUAL but after today (2026-11-24); a date that has not happened yet is ESTIMATED.',
        },
      ],
      output: planted(recruiting, { [primary]: { date: '2026-11-25', type: 'ESTIMATED' } }),
    },
    {
      name: 'an ACTUAL month after the current one',
      record: planted(recruiting, { [primary]: { date: '2026-12', type: 'ACTUAL' } }),
      errors: [{ pointer: `${primary}/date`, message: /2026-12 is ACTUAL but after today/ }],
      output: planted(recruiting, { [primary]: { date: '2026-12', type: 'ESTIMATED' } }),
    },
    {
      name: 'a COMPLETED study with its completion date in the future: the date is wrong, no fix',
      record: planted(completed, { [`${status}/completionDateStruct/date`]: '2027-03-13' }),
      errors: [
        {
          pointer: `${status}/completionDateStruct/date`,
          message:
            /^Completion date 2027-03-13 is ACTUAL but after today \(2026-11-24\), and the status COMPLETED says it has happened: correct the date/,
          related: [`${status}/overallStatus`],
        },
      ],
      output: planted(completed, { [`${status}/completionDateStruct/date`]: '2027-03-13' }),
    },
    {
      name: 'a RECRUITING study whose ACTUAL start is next year',
      record: planted(recruiting, { [`${status}/startDateStruct/date`]: '2027' }),
      errors: [
        {
          pointer: `${status}/startDateStruct/date`,
          message: /^Start date 2027 is ACTUAL .* status RECRUITING says it has happened/,
          related: [`${status}/overallStatus`],
        },
      ],
    },
    {
      name: 'without a status, every future ACTUAL date is offered the ESTIMATED fix',
      record: planted(completed, {
        [`${status}/overallStatus`]: undefined,
        [`${status}/primaryCompletionDateStruct/date`]: '2027-01',
        [`${status}/completionDateStruct/date`]: '2027-02',
      }),
      errors: [
        { pointer: `${status}/completionDateStruct/date` },
        { pointer: `${status}/primaryCompletionDateStruct/date` },
      ],
      output: planted(completed, {
        [`${status}/overallStatus`]: undefined,
        [`${status}/primaryCompletionDateStruct`]: { date: '2027-01', type: 'ESTIMATED' },
        [`${status}/completionDateStruct`]: { date: '2027-02', type: 'ESTIMATED' },
      }),
    },
  ],
});
