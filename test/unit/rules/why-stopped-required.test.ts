import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/why-stopped-required';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const whyStopped = `${status}/whyStopped`;
const overall = `${status}/overallStatus`;
// TERMINATED, started 2004-05 (before the Final Rule), "Primary PI left institution".
const oldTerminated = corpusRecord('NCT00184067');
// WITHDRAWN, started 2010-05.
const withdrawn = corpusRecord('NCT00973089');
// COMPLETED, started 2018-03-08 (after the Final Rule).
const recent = corpusRecord('NCT03418623');
const recentTerminated = planted(recent, { [overall]: 'TERMINATED' });

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real terminated record with its reason', record: oldTerminated },
    { name: 'a real withdrawn record with its reason', record: withdrawn },
    { name: 'a completed study needs no reason', record: recent },
    {
      name: "a reason of the wrong type is the schema's finding",
      record: planted(recentTerminated, { [whyStopped]: 42 }),
    },
    { name: 'no status module', record: { protocolSection: { designModule: {} } } },
  ],
  invalid: [
    {
      name: 'TERMINATED after the Final Rule without a reason: error',
      record: recentTerminated,
      errors: [
        {
          pointer: whyStopped,
          severity: 'error',
          message:
            'No reason why the study stopped, though the status is TERMINATED; add the reason as whyStopped (e.g. "Slow recruitment").',
          related: [overall],
        },
      ],
    },
    {
      name: 'SUSPENDED after the Final Rule with a blank reason: error',
      record: planted(recent, { [overall]: 'SUSPENDED', [whyStopped]: '  ' }),
      errors: [{ pointer: whyStopped, severity: 'error', message: /status is SUSPENDED/ }],
    },
    {
      name: 'TERMINATED before the Final Rule without a reason: warning',
      record: planted(oldTerminated, { [whyStopped]: undefined }),
      errors: [{ pointer: whyStopped, severity: 'warning', message: /status is TERMINATED/ }],
    },
    {
      name: 'before the Final Rule but with finalRule "always" (strict preset): error',
      record: planted(withdrawn, { [whyStopped]: undefined }),
      options: { finalRule: 'always' },
      errors: [{ pointer: whyStopped, severity: 'error', message: /status is WITHDRAWN/ }],
    },
    {
      name: 'a start date on the Final Rule date: error',
      record: planted(withdrawn, { [whyStopped]: undefined, [`${status}/startDateStruct/date`]: '2017-01-18' }),
      errors: [{ pointer: whyStopped, severity: 'error' }],
    },
    {
      name: 'a start date the day before the Final Rule date: warning',
      record: planted(withdrawn, { [whyStopped]: undefined, [`${status}/startDateStruct/date`]: '2017-01-17' }),
      errors: [{ pointer: whyStopped, severity: 'warning' }],
    },
  ],
});
