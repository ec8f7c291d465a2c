import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/verification-due';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const verified = `${status}/statusVerifiedDate`;
const overall = `${status}/overallStatus`;
// RECRUITING, verified 2025-08.
const recruiting = corpusRecord('NCT04267848');
// COMPLETED, verified 2020-10: a finished study need not be verified again.
const completed = corpusRecord('NCT03418623');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'verified within the last 12 months', record: planted(recruiting, { [verified]: '2026-01' }) },
    { name: 'exactly 12 months ago, by the month', record: planted(recruiting, { [verified]: '2025-11' }) },
    { name: 'a finished study verified long ago', record: completed },
    {
      name: 'more than 2 years: status-verified-date warns instead',
      record: planted(recruiting, { [verified]: '2024-10' }),
    },
    {
      name: 'no verification date (the required-fields finding)',
      record: planted(recruiting, { [verified]: undefined }),
    },
  ],
  invalid: [
    {
      name: 'a real RECRUITING record verified 15 months ago',
      record: recruiting,
      errors: [
        {
          pointer: verified,
          severity: 'info',
          message:
            'Yearly verification was due by 2026-08 (12 months after 2025-08) while the status is RECRUITING: review it, update what changed, and set this date to the current month.',
          related: [overall],
        },
      ],
    },
    {
      name: "exactly 2 years ago is still this rule's",
      record: planted(recruiting, { [verified]: '2024-11' }),
      errors: [{ pointer: verified, message: /^Yearly verification was due by 2025-11/ }],
    },
    {
      name: 'ACTIVE_NOT_RECRUITING counts as ongoing',
      record: planted(completed, { [overall]: 'ACTIVE_NOT_RECRUITING', [verified]: '2025-06' }),
      errors: [{ pointer: verified, message: /while the status is ACTIVE_NOT_RECRUITING/ }],
    },
  ],
});
