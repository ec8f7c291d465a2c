import { defineRule } from '../service/types';
import { overallStatus } from './study';
import { previousRecord } from './support/changes';
import { OVERALL_STATUS_POINTER } from './support/dates-status';

/** Statuses a study does not leave once it is in them, except to correct a mistake. */
const FINAL_STATUSES: ReadonlySet<string> = new Set(['COMPLETED', 'TERMINATED', 'WITHDRAWN']);
/** Statuses that say the study has begun: going from one of them to NOT_YET_RECRUITING goes back in time. */
const STARTED_STATUSES: ReadonlySet<string> = new Set([
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
]);

function wentBack(before: string, now: string): boolean {
  if (FINAL_STATUSES.has(before)) return !FINAL_STATUSES.has(now) && now !== 'UNKNOWN';
  return STARTED_STATUSES.has(before) && now === 'NOT_YET_RECRUITING';
}

export default defineRule({
  meta: {
    id: 'status-went-back',
    severity: 'warning',
    category: 'changes',
    description: 'The overall status does not go back (COMPLETED to RECRUITING, RECRUITING to NOT_YET_RECRUITING)',
    source: 'CHG-03',
    docs:
      'Compares the record with its version at the revision under review (`lint --changed-since REF`). A study moves forward through its statuses: ' +
      'once COMPLETED, TERMINATED or WITHDRAWN it does not become ongoing again, and once it has started it is not NOT_YET_RECRUITING again. Such a ' +
      'change is usually a mistake (an edit to the wrong record, or a revert); a study that really starts again (a new phase, a re-opened cohort) is ' +
      'normally registered anew. A change between the final statuses (COMPLETED to TERMINATED) corrects the record and is not reported. ' +
      "See [the registry's definition of the overall status](https://clinicaltrials.gov/policy/protocol-definitions#OverallStatus).",
    fixable: false,
  },
  check(context) {
    const previous = previousRecord(context);
    const before = overallStatus(previous);
    const now = overallStatus(context.record);
    if (!previous || before === undefined || now === undefined || !wentBack(before, now)) return;
    context.report({
      pointer: OVERALL_STATUS_POINTER,
      message: `Overall status went back from ${before} to ${now}: a study does not return to an earlier status; if this corrects a mistake, say so, otherwise keep ${before}.`,
    });
  },
});
