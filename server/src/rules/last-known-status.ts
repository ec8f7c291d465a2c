import { defineRule } from '../service/types';
import { asString, overallStatus, POINTERS, protocolModule } from './study';
import { ONGOING_STATUSES, overallStatusRelated } from './support/dates-status';

const LAST_KNOWN_STATUS_POINTER = `${POINTERS.status}/lastKnownStatus`;

/** The statuses a study can have been in when the registry stopped hearing from it, as messages list them. */
const BEFORE_COMPLETION = [...ONGOING_STATUSES].join(', ');

export default defineRule({
  meta: {
    id: 'last-known-status',
    severity: 'warning',
    category: 'status',
    description: 'lastKnownStatus goes with overall status UNKNOWN only, and is a status before completion',
    source: 'STA-08',
    docs:
      'The registry sets the overall status to UNKNOWN when a study that was still to start or running passed its completion date ' +
      'and was not verified for 2 years; it then keeps the status the study had in lastKnownStatus. So lastKnownStatus appears with UNKNOWN and only then, ' +
      'and it is one of NOT_YET_RECRUITING, RECRUITING, ENROLLING_BY_INVITATION or ACTIVE_NOT_RECRUITING. ' +
      'Example: {"overallStatus": "UNKNOWN", "lastKnownStatus": "RECRUITING"} is right; a COMPLETED study has no lastKnownStatus.',
    fixable: true,
  },
  check(context) {
    const statusModule = protocolModule(context.record, 'statusModule');
    const status = overallStatus(context.record);
    if (!statusModule || status === undefined) return;
    const value = statusModule.lastKnownStatus;
    const lastKnown = asString(value);
    // A value of the wrong type is the schema's finding.
    if (value !== undefined && lastKnown === undefined) return;
    if (status !== 'UNKNOWN') {
      if (lastKnown === undefined) return;
      context.report({
        pointer: LAST_KNOWN_STATUS_POINTER,
        target: 'key',
        message: `lastKnownStatus (${lastKnown}) goes only with the overall status UNKNOWN, and this study's status is ${status}; remove it.`,
        related: [overallStatusRelated(status)],
        fix: { title: 'Remove lastKnownStatus', changes: [{ op: 'remove', pointer: LAST_KNOWN_STATUS_POINTER }] },
      });
      return;
    }
    if (lastKnown === undefined) {
      context.report({
        pointer: LAST_KNOWN_STATUS_POINTER,
        message: `No lastKnownStatus, though the overall status is UNKNOWN; give the status the study had when last verified (one of ${BEFORE_COMPLETION}).`,
        related: [overallStatusRelated(status)],
      });
      return;
    }
    if (!ONGOING_STATUSES.has(lastKnown)) {
      context.report({
        pointer: LAST_KNOWN_STATUS_POINTER,
        message: `lastKnownStatus is ${lastKnown}, but only a study that had not finished turns UNKNOWN: the last known status is one of ${BEFORE_COMPLETION}. If the study ended as ${lastKnown}, make that the overall status instead.`,
        related: [overallStatusRelated(status)],
      });
    }
  },
});
