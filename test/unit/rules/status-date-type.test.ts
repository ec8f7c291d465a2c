import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/status-date-type';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const overall = `${status}/overallStatus`;
const start = `${status}/startDateStruct`;
const primary = `${status}/primaryCompletionDateStruct`;
const completion = `${status}/completionDateStruct`;
const completed = corpusRecord('NCT03418623');
const recruiting = corpusRecord('NCT04267848');
const notYetRecruiting = corpusRecord('NCT06171568');
// TERMINATED in 2007; its start date (2004-05) has no type, as old records often do.
const oldTerminated = corpusRecord('NCT00184067');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real completed record', record: completed },
    { name: 'a real recruiting record (ESTIMATED completion dates are fine while recruiting)', record: recruiting },
    { name: 'a real not-yet-recruiting record', record: notYetRecruiting },
    { name: 'an old record without a start date type (left to required-fields)', record: oldTerminated },
    { name: 'WITHDRAWN leaves the date types open', record: corpusRecord('NCT00973089') },
    {
      name: 'UNKNOWN leaves the date types open',
      record: planted(completed, { [overall]: 'UNKNOWN', [`${completion}/type`]: 'ESTIMATED' }),
    },
    {
      name: "a misspelled type is the schema's finding",
      record: planted(completed, { [`${completion}/type`]: 'actual' }),
    },
    {
      name: 'a status of the wrong type',
      record: planted(completed, { [overall]: 7, [`${completion}/type`]: 'ESTIMATED' }),
    },
  ],
  invalid: [
    {
      name: 'COMPLETED with an ESTIMATED completion date',
      record: planted(completed, { [completion]: { date: '2023-05', type: 'ESTIMATED' } }),
      errors: [
        {
          pointer: `${completion}/type`,
          severity: 'warning',
          message:
            'Completion date 2023-05 is ESTIMATED, but the status is COMPLETED; once a study has completed its dates are ACTUAL.',
          related: [overall],
        },
      ],
      output: planted(completed, { [completion]: { date: '2023-05', type: 'ACTUAL' } }),
    },
    {
      name: 'TERMINATED with an ESTIMATED primary completion date',
      record: planted(completed, { [overall]: 'TERMINATED', [`${primary}/type`]: 'ESTIMATED' }),
      errors: [
        {
          pointer: `${primary}/type`,
          message:
            /^Primary completion date 2020-03-13 is ESTIMATED, but the status is TERMINATED; once a study has been terminated/,
        },
      ],
      output: planted(completed, { [overall]: 'TERMINATED' }),
    },
    {
      name: 'RECRUITING with an ESTIMATED start date',
      record: planted(recruiting, { [`${start}/type`]: 'ESTIMATED' }),
      errors: [
        {
          pointer: `${start}/type`,
          message:
            /^Start date 2020-06-16 is ESTIMATED, but the status is RECRUITING; a study that is RECRUITING has started/,
          related: [overall],
        },
      ],
      output: recruiting,
    },
    {
      name: 'NOT_YET_RECRUITING with an ACTUAL start date still to come',
      record: planted(notYetRecruiting, { [start]: { date: '2027-01-15', type: 'ACTUAL' } }),
      errors: [
        {
          pointer: `${start}/type`,
          message:
            /^Start date 2027-01-15 is ACTUAL, but the status is NOT_YET_RECRUITING; a study that has not started yet has an ESTIMATED start date\.$/,
        },
      ],
      output: planted(notYetRecruiting, { [start]: { date: '2027-01-15', type: 'ESTIMATED' } }),
    },
    {
      name: 'NOT_YET_RECRUITING with an ACTUAL start in the past: maybe the status is wrong, so only a suggestion',
      record: planted(notYetRecruiting, { [`${start}/type`]: 'ACTUAL' }),
      errors: [
        {
          pointer: `${start}/type`,
          message: /The date 2024-02-01 is before today \(2026-11-24\), so check the date and the status too/,
        },
      ],
      output: planted(notYetRecruiting, { [`${start}/type`]: 'ACTUAL' }),
    },
    {
      name: 'COMPLETED with an ESTIMATED completion date still to come: only a suggestion',
      record: planted(completed, { [completion]: { date: '2027-05', type: 'ESTIMATED' } }),
      errors: [{ pointer: `${completion}/type`, message: /The date 2027-05 is after today/ }],
      output: planted(completed, { [completion]: { date: '2027-05', type: 'ESTIMATED' } }),
    },
    {
      name: 'all three dates of a COMPLETED study ESTIMATED',
      record: planted(completed, {
        [`${start}/type`]: 'ESTIMATED',
        [`${primary}/type`]: 'ESTIMATED',
        [`${completion}/type`]: 'ESTIMATED',
      }),
      errors: [{ pointer: `${completion}/type` }, { pointer: `${primary}/type` }, { pointer: `${start}/type` }],
      output: completed,
    },
  ],
});

describe('status-date-type suggestions', () => {
  it('offers the type change as a suggestion, not a fix, when it would contradict today', () => {
    const [finding] = new RuleTester({ today: '2026-11-24' }).findings(rule, {
      record: planted(completed, { [completion]: { date: '2027-05', type: 'ESTIMATED' } }),
    });
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions).toEqual([
      {
        title: 'Make the completion date ACTUAL',
        changes: [{ op: 'set', pointer: `${completion}/type`, value: 'ACTUAL' }],
      },
    ]);
  });
});
