import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/last-known-status';
import { corpusRecord, planted } from './fixtures';

const overall = '/protocolSection/statusModule/overallStatus';
const lastKnown = '/protocolSection/statusModule/lastKnownStatus';
// UNKNOWN, last known RECRUITING / ACTIVE_NOT_RECRUITING.
const unknownRecruiting = corpusRecord('NCT03475563');
const unknownActive = corpusRecord('NCT04207047');
const completed = corpusRecord('NCT03418623');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real UNKNOWN record, last known RECRUITING', record: unknownRecruiting },
    { name: 'a real UNKNOWN record, last known ACTIVE_NOT_RECRUITING', record: unknownActive },
    { name: 'a completed record without lastKnownStatus', record: completed },
    {
      name: 'last known ENROLLING_BY_INVITATION',
      record: planted(unknownActive, { [lastKnown]: 'ENROLLING_BY_INVITATION' }),
    },
    {
      name: 'no overall status at all (required-fields reports that)',
      record: planted(unknownActive, { [overall]: undefined }),
    },
    {
      name: 'a lastKnownStatus of the wrong type (the schema reports it)',
      record: planted(unknownActive, { [lastKnown]: ['RECRUITING'] }),
    },
  ],
  invalid: [
    {
      name: 'lastKnownStatus on a completed study',
      record: planted(completed, { [lastKnown]: 'RECRUITING' }),
      errors: [
        {
          pointer: lastKnown,
          severity: 'warning',
          message:
            "lastKnownStatus (RECRUITING) goes only with the overall status UNKNOWN, and this study's status is COMPLETED; remove it.",
          related: [overall],
        },
      ],
      output: completed,
    },
    {
      name: 'UNKNOWN without lastKnownStatus',
      record: planted(unknownRecruiting, { [lastKnown]: undefined }),
      errors: [
        {
          pointer: lastKnown,
          message: /^No lastKnownStatus, though the overall status is UNKNOWN/,
          related: [overall],
        },
      ],
    },
    {
      name: 'a last known status after completion',
      record: planted(unknownActive, { [lastKnown]: 'COMPLETED' }),
      errors: [
        {
          pointer: lastKnown,
          message:
            /lastKnownStatus is COMPLETED, but only a study that had not finished turns UNKNOWN.*make that the overall status instead/,
        },
      ],
    },
    {
      name: 'a last known status of UNKNOWN',
      record: planted(unknownActive, { [lastKnown]: 'UNKNOWN' }),
      errors: [{ pointer: lastKnown, message: /lastKnownStatus is UNKNOWN/ }],
    },
  ],
});
