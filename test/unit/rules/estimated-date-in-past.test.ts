import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/estimated-date-in-past';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const start = `${status}/startDateStruct`;
const primary = `${status}/primaryCompletionDateStruct`;
const completion = `${status}/completionDateStruct`;
const completed = corpusRecord('NCT03418623');
// RECRUITING, last updated 2024-01: primary completion 2024-09 and completion 2024-12 still ESTIMATED.
const staleRecruiting = corpusRecord('NCT05147467');
// NOT_YET_RECRUITING, last updated 2023-12: every date ESTIMATED and now past.
const staleNotYetRecruiting = corpusRecord('NCT06171568');
// UNKNOWN (last known ACTIVE_NOT_RECRUITING): completion 2020-03-31 ESTIMATED.
const unknown = corpusRecord('NCT04207047');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real completed record with ACTUAL dates', record: completed },
    {
      name: 'the stale recruiting record while its dates were still ahead',
      record: staleRecruiting,
      today: '2024-01-22',
    },
    {
      name: 'an ESTIMATED month that is the current month',
      record: planted(staleRecruiting, {
        [primary]: { date: '2026-11', type: 'ESTIMATED' },
        [completion]: { date: '2027', type: 'ESTIMATED' },
      }),
    },
    {
      name: 'an ESTIMATED date that is today',
      record: planted(staleRecruiting, {
        [primary]: { date: '2026-11-24', type: 'ESTIMATED' },
        [completion]: { date: '2026-12', type: 'ESTIMATED' },
      }),
    },
    {
      name: 'a past date without a type (old records)',
      record: planted(completed, { [completion]: { date: '2020-03-13' } }),
    },
    { name: 'a status module of the wrong type', record: planted(completed, { [status]: ['2020', 'ESTIMATED'] }) },
  ],
  invalid: [
    {
      name: 'a real stale RECRUITING record: warnings, no fix (the estimates may just be out of date)',
      record: staleRecruiting,
      errors: [
        {
          pointer: `${completion}/date`,
          severity: 'warning',
          message:
            'Completion date 2024-12 is ESTIMATED but before today (2026-11-24); the status is RECRUITING: if it has happened, give the real date as ACTUAL; if not, update the estimate.',
        },
        {
          pointer: `${primary}/date`,
          severity: 'warning',
          message: /^Primary completion date 2024-09 is ESTIMATED but before today/,
        },
      ],
      output: staleRecruiting,
    },
    {
      name: 'a real NOT_YET_RECRUITING record past its estimated start',
      record: staleNotYetRecruiting,
      errors: [
        { pointer: `${completion}/date`, message: /; the status is NOT_YET_RECRUITING/ },
        { pointer: `${primary}/date`, message: /; the status is NOT_YET_RECRUITING/ },
        {
          pointer: `${start}/date`,
          message:
            /^Start date 2024-02-01 is ESTIMATED .* the status is still NOT_YET_RECRUITING: if the study has started, update the status/,
          related: [`${status}/overallStatus`],
        },
      ],
    },
    {
      name: 'a real UNKNOWN-status record: a warning only',
      record: unknown,
      errors: [
        {
          pointer: `${completion}/date`,
          severity: 'warning',
          message: /^Completion date 2020-03-31 .*; the status is UNKNOWN/,
        },
      ],
    },
    {
      name: 'a COMPLETED study with an ESTIMATED completion date in the past: made ACTUAL',
      record: planted(completed, { [`${completion}/type`]: 'ESTIMATED' }),
      errors: [
        {
          pointer: `${completion}/date`,
          message:
            /^Completion date 2020-03-13 is ESTIMATED but before today \(2026-11-24\); the status COMPLETED says it has happened: make it ACTUAL/,
          related: [`${status}/overallStatus`],
        },
      ],
      output: completed,
    },
    {
      name: 'a TERMINATED study with an ESTIMATED primary completion in the past: made ACTUAL',
      record: planted(completed, { [`${status}/overallStatus`]: 'TERMINATED', [`${primary}/type`]: 'ESTIMATED' }),
      errors: [{ pointer: `${primary}/date`, message: /status TERMINATED says it has happened/ }],
      output: planted(completed, { [`${status}/overallStatus`]: 'TERMINATED' }),
    },
    {
      name: 'a day before today at day precision',
      record: planted(staleRecruiting, {
        [primary]: { date: '2026-11-23', type: 'ESTIMATED' },
        [completion]: { date: '2026-12', type: 'ESTIMATED' },
      }),
      errors: [{ pointer: `${primary}/date`, message: /2026-11-23 is ESTIMATED but before today/ }],
    },
  ],
});
