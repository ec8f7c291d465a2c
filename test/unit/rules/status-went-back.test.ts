import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/status-went-back';
import { corpusRecord, planted } from './fixtures';

const overall = '/protocolSection/statusModule/overallStatus';
const completed = corpusRecord('NCT03418623');
const recruiting = corpusRecord('NCT04267848');
const notYet = corpusRecord('NCT06171568');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'no earlier version', record: planted(completed, { [overall]: 'RECRUITING' }) },
    {
      name: 'forward: NOT_YET_RECRUITING to RECRUITING',
      record: planted(notYet, { [overall]: 'RECRUITING' }),
      previous: notYet,
    },
    {
      name: 'forward: RECRUITING to COMPLETED',
      record: planted(recruiting, { [overall]: 'COMPLETED' }),
      previous: recruiting,
    },
    {
      name: 'a correction between final statuses',
      record: planted(completed, { [overall]: 'TERMINATED' }),
      previous: completed,
    },
    {
      name: 'recruitment re-opened',
      record: recruiting,
      previous: planted(recruiting, { [overall]: 'ACTIVE_NOT_RECRUITING' }),
    },
  ],
  invalid: [
    {
      name: 'COMPLETED back to RECRUITING',
      record: planted(completed, { [overall]: 'RECRUITING' }),
      previous: completed,
      errors: [
        {
          pointer: overall,
          severity: 'warning',
          message:
            'Overall status went back from COMPLETED to RECRUITING: a study does not return to an earlier status; if this corrects a mistake, say so, otherwise keep COMPLETED.',
        },
      ],
    },
    {
      name: 'RECRUITING back to NOT_YET_RECRUITING',
      record: planted(recruiting, { [overall]: 'NOT_YET_RECRUITING' }),
      previous: recruiting,
      errors: [{ pointer: overall, message: /from RECRUITING to NOT_YET_RECRUITING/ }],
    },
    {
      name: 'WITHDRAWN back to ACTIVE_NOT_RECRUITING',
      record: planted(completed, { [overall]: 'ACTIVE_NOT_RECRUITING' }),
      previous: planted(completed, { [overall]: 'WITHDRAWN' }),
      errors: [{ pointer: overall, message: /from WITHDRAWN to ACTIVE_NOT_RECRUITING/ }],
    },
  ],
});
