import { defineRule } from '../service/types';
import { asObject, overallStatus, protocolModule, type DateType } from './study';
import { ENROLLMENT_POINTER, overallStatusRelated } from './support/dates-status';

/** The enrollment type a status implies; other statuses leave it open. */
const ENROLLMENT_TYPE_FOR_STATUS: Readonly<Record<string, DateType>> = {
  NOT_YET_RECRUITING: 'ESTIMATED',
  ACTIVE_NOT_RECRUITING: 'ACTUAL',
  COMPLETED: 'ACTUAL',
  TERMINATED: 'ACTUAL',
};

function reason(wanted: DateType): string {
  return wanted === 'ACTUAL'
    ? 'once enrollment has ended the count is the ACTUAL number of participants enrolled'
    : 'before anyone is enrolled the count is the ESTIMATED target';
}

export default defineRule({
  meta: {
    id: 'enrollment-type-status',
    severity: 'warning',
    category: 'status',
    description: 'The enrollment type agrees with the overall status',
    source: 'STA-06',
    docs:
      'Enrollment is a target (ESTIMATED) until enrollment ends, and then the number of participants actually enrolled (ACTUAL). ' +
      'So a study that is NOT_YET_RECRUITING gives an ESTIMATED enrollment, and one that is ACTIVE_NOT_RECRUITING, COMPLETED or TERMINATED an ACTUAL one. ' +
      'Example: a COMPLETED study with {"count": 120, "type": "ESTIMATED"} should give the number it enrolled, as ACTUAL. ' +
      'When the fix changes the type, check that the count is the real number too.',
    fixable: true,
  },
  check(context) {
    const status = overallStatus(context.record);
    const wanted = status === undefined ? undefined : ENROLLMENT_TYPE_FOR_STATUS[status];
    const enrollment = asObject(protocolModule(context.record, 'designModule')?.enrollmentInfo);
    const type = enrollment?.type;
    // A missing or misspelled type is for required-fields and the schema.
    if (!wanted || status === undefined || (type !== 'ACTUAL' && type !== 'ESTIMATED') || type === wanted) return;
    const count = typeof enrollment?.count === 'number' ? ` ${enrollment.count}` : '';
    context.report({
      pointer: `${ENROLLMENT_POINTER}/type`,
      message: `Enrollment${count} is ${type}, but the status is ${status}; ${reason(wanted)}.`,
      related: [overallStatusRelated(status)],
      fix: {
        title: `Make the enrollment ${wanted}`,
        changes: [{ op: 'set', pointer: `${ENROLLMENT_POINTER}/type`, value: wanted }],
      },
    });
  },
});
