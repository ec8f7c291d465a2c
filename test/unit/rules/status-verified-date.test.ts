import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/status-verified-date';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const verified = `${status}/statusVerifiedDate`;
const overall = `${status}/overallStatus`;
// RECRUITING, verified 2025-08.
const recruiting = corpusRecord('NCT04267848');
// RECRUITING, verified 2024-01 and not since.
const staleRecruiting = corpusRecord('NCT05147467');
// COMPLETED, verified 2020-10: a finished study need not be verified again.
const completed = corpusRecord('NCT03418623');
// UNKNOWN, verified 2019-11: the registry has already turned it UNKNOWN.
const unknown = corpusRecord('NCT03475563');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real recruiting record verified last year', record: recruiting },
    { name: 'a real completed record verified long ago', record: completed },
    { name: 'a real UNKNOWN record verified long ago', record: unknown },
    { name: 'verified this month', record: planted(recruiting, { [verified]: '2026-11' }) },
    { name: 'verified exactly 2 years ago, by the month', record: planted(recruiting, { [verified]: '2024-11' }) },
    { name: 'the stale record on the day it was last updated', record: staleRecruiting, today: '2024-01-22' },
    { name: "a malformed date is the schema's finding", record: planted(recruiting, { [verified]: 'August 2025' }) },
    { name: 'a date of the wrong type', record: planted(recruiting, { [verified]: 202508 }) },
  ],
  invalid: [
    {
      name: 'a real RECRUITING record not verified for more than 2 years',
      record: staleRecruiting,
      errors: [
        {
          pointer: verified,
          severity: 'warning',
          message:
            'Last verified 2024-01, more than 2 years before today (2026-11-24), while the status is RECRUITING: the registry shows such a study as "Unknown status". Verify the record, update what changed, and set this date to the current month.',
          related: [overall],
        },
      ],
    },
    {
      name: 'one month past the 2 years',
      record: planted(recruiting, { [verified]: '2024-10' }),
      errors: [{ pointer: verified, message: /^Last verified 2024-10, more than 2 years/ }],
    },
    {
      name: 'ENROLLING_BY_INVITATION counts as ongoing',
      record: planted(completed, { [overall]: 'ENROLLING_BY_INVITATION' }),
      errors: [{ pointer: verified, message: /while the status is ENROLLING_BY_INVITATION/ }],
    },
    {
      name: 'a verification date in the future',
      record: planted(recruiting, { [verified]: '2026-12' }),
      errors: [
        {
          pointer: verified,
          message:
            'Verification date 2026-12 is after today (2026-11-24); give the month the record was last verified.',
        },
      ],
    },
    {
      name: 'a full date instead of a month: fixed to the month',
      record: planted(recruiting, { [verified]: '2025-08-14' }),
      errors: [{ pointer: verified, message: /gives a day; the registry records the month only \(yyyy-MM\): 2025-08/ }],
      output: recruiting,
    },
    {
      name: 'a year only: no fix (the month is not known)',
      record: planted(completed, { [verified]: '2020' }),
      errors: [{ pointer: verified, message: /gives a year only/ }],
      output: planted(completed, { [verified]: '2020' }),
    },
    {
      name: 'a full date that is also stale: two findings, the form fixed',
      record: planted(staleRecruiting, { [verified]: '2024-01-22' }),
      errors: [
        { pointer: verified, message: /gives a day/ },
        { pointer: verified, message: /more than 2 years/ },
      ],
      output: staleRecruiting,
    },
  ],
});
