import { defineRule, type Fix } from '../service/types';
import { asObject, overallStatus, protocolModule } from './study';
import { ENROLLMENT_POINTER, overallStatusRelated } from './support/dates-status';

export default defineRule({
  meta: {
    id: 'withdrawn-enrollment',
    severity: 'warning',
    category: 'status',
    description: 'A WITHDRAWN study enrolled nobody: enrollment 0, ACTUAL',
    source: 'STA-07',
    docs:
      'WITHDRAWN means the study stopped before its first participant was enrolled, so its enrollment is 0 and that number is ACTUAL. ' +
      'If participants were enrolled before the study stopped, the status is TERMINATED instead. ' +
      'Example: a WITHDRAWN study gives {"count": 0, "type": "ACTUAL"}; {"count": 40, "type": "ESTIMATED"} is the target it never reached.',
    fixable: true,
  },
  check(context) {
    const status = overallStatus(context.record);
    if (status !== 'WITHDRAWN') return;
    const enrollment = asObject(protocolModule(context.record, 'designModule')?.enrollmentInfo);
    if (!enrollment) return;
    const { count, type } = enrollment;
    // Only values that are there and wrong: a missing count or type is for required-fields.
    const wrongCount = typeof count === 'number' && count !== 0;
    const wrongType = typeof type === 'string' && type !== 'ACTUAL';
    if (!wrongCount && !wrongType) return;
    const stated = [wrongCount ? `a count of ${count}` : undefined, wrongType ? `the type ${type}` : undefined]
      .filter(Boolean)
      .join(' and ');
    const setEmpty: Fix = {
      title: 'Set the enrollment to 0, ACTUAL',
      changes: [
        { op: 'set', pointer: `${ENROLLMENT_POINTER}/count`, value: 0 },
        { op: 'set', pointer: `${ENROLLMENT_POINTER}/type`, value: 'ACTUAL' },
      ],
    };
    // An ACTUAL count above 0 says participants were enrolled: then the status may be the mistake.
    const enrolledSome = wrongCount && type === 'ACTUAL';
    context.report({
      pointer: `${ENROLLMENT_POINTER}/${wrongCount ? 'count' : 'type'}`,
      message: `Enrollment has ${stated}, but the status is WITHDRAWN; a withdrawn study enrolled nobody, so its enrollment is 0, ACTUAL (if participants were enrolled, the status is TERMINATED).`,
      related: [overallStatusRelated(status)],
      ...(enrolledSome ? { suggestions: [setEmpty] } : { fix: setEmpty }),
    });
  },
});
