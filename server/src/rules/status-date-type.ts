import { capitalized } from '../service/words';
import { defineRule, type Fix } from '../service/types';
import { dateTypeForStatus, overallStatus, type DateType } from './study';
import { keyDates, overallStatusRelated, typeFitsToday, type KeyDateEntry } from './support/dates-status';

function reason(status: string, entry: KeyDateEntry, wanted: DateType): string {
  if (wanted === 'ESTIMATED') return 'a study that has not started yet has an ESTIMATED start date';
  if (entry.key === 'startDateStruct') return `a study that is ${status} has started, so its start date is ACTUAL`;
  return `once a study has ${status === 'COMPLETED' ? 'completed' : 'been terminated'} its dates are ACTUAL`;
}

export default defineRule({
  meta: {
    id: 'status-date-type',
    severity: 'warning',
    category: 'status',
    description: 'Start, primary completion and completion date types agree with the overall status',
    source: 'STA-05',
    docs:
      'The overall status says which events have happened, and the date types must say the same. A study that is NOT_YET_RECRUITING has an ESTIMATED start date; ' +
      'one that is RECRUITING, ENROLLING_BY_INVITATION, ACTIVE_NOT_RECRUITING, SUSPENDED, TERMINATED or COMPLETED has started, so its start date is ACTUAL; ' +
      'a COMPLETED or TERMINATED study has ACTUAL primary completion and completion dates too. ' +
      'Example: a COMPLETED study with {"date": "2023-05", "type": "ESTIMATED"} as its completion date should say ACTUAL. ' +
      'A date without a type is left to the required-fields rule.',
    fixable: true,
  },
  check(context) {
    const status = overallStatus(context.record);
    if (status === undefined) return;
    for (const entry of keyDates(context.record)) {
      const wanted = dateTypeForStatus(status, entry.key);
      // A missing or misspelled type is for required-fields and the schema.
      if (wanted === undefined || (entry.type !== 'ACTUAL' && entry.type !== 'ESTIMATED') || entry.type === wanted)
        continue;
      const setType: Fix = {
        title: `Make the ${entry.name} ${wanted}`,
        changes: [{ op: 'set', pointer: entry.typePointer, value: wanted }],
      };
      // Switching the type would make an ACTUAL date in the future (or an ESTIMATED one in the past): then the date or status may be the mistake.
      const fits = typeFitsToday(wanted, entry.date, context.today);
      context.report({
        pointer: entry.typePointer,
        message:
          `${capitalized(entry.name)} ${entry.date} is ${entry.type}, but the status is ${status}; ${reason(status, entry, wanted)}.` +
          (fits
            ? ''
            : ` The date ${entry.date} is ${wanted === 'ACTUAL' ? 'after' : 'before'} today (${context.today}), so check the date and the status too.`),
        related: [overallStatusRelated(status)],
        ...(fits ? { fix: setType } : { suggestions: [setType] }),
      });
    }
  },
});
