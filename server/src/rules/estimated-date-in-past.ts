import { capitalized } from '../service/words';
import { defineRule } from '../service/types';
import { dateTypeForStatus, overallStatus } from './study';
import { isBeforeToday, keyDates, overallStatusRelated } from './support/dates-status';

export default defineRule({
  meta: {
    id: 'estimated-date-in-past',
    severity: 'warning',
    category: 'dates',
    description: 'An ESTIMATED start, primary completion or completion date is not before today',
    source: 'STA-03',
    docs:
      'An ESTIMATED date is a plan. Once the day has passed, either the event happened (then the record gives the real date as ACTUAL) ' +
      'or it did not (then the estimate needs a new date). Dates are compared at their own precision: an ESTIMATED "2026-11" is fine on 2026-11-24. ' +
      'Registry records that nobody updated any more show this too, which is why it is a warning. ' +
      'Example: a COMPLETED study with {"date": "2023-05", "type": "ESTIMATED"} as its completion date should say ACTUAL; ' +
      'a RECRUITING study whose primary completion date 2024-09 is still ESTIMATED needs a new estimate or the real date.',
    fixable: true,
  },
  check(context) {
    const status = overallStatus(context.record);
    for (const entry of keyDates(context.record)) {
      if (entry.type !== 'ESTIMATED' || !isBeforeToday(entry.date, context.today)) continue;
      const passed = `${capitalized(entry.name)} ${entry.date} is ESTIMATED but before today (${context.today})`;
      // Only the status can tell whether the event has happened; otherwise the estimate may simply be out of date.
      const implied = dateTypeForStatus(status, entry.key);
      if (status !== undefined && implied === 'ACTUAL') {
        context.report({
          pointer: entry.datePointer,
          message: `${passed}; the status ${status} says it has happened: make it ACTUAL (and check it is the real date).`,
          related: [overallStatusRelated(status)],
          due: entry.date,
          fix: {
            title: `Make the ${entry.name} ACTUAL`,
            changes: [{ op: 'set', pointer: entry.typePointer, value: 'ACTUAL' }],
          },
        });
      } else if (status !== undefined && implied === 'ESTIMATED') {
        context.report({
          pointer: entry.datePointer,
          message: `${passed}, and the status is still ${status}: if the study has started, update the status and give the real start date as ACTUAL; if not, set a new estimated start date.`,
          related: [overallStatusRelated(status)],
          due: entry.date,
        });
      } else {
        context.report({
          pointer: entry.datePointer,
          message: `${passed}${status ? `; the status is ${status}` : ''}: if it has happened, give the real date as ACTUAL; if not, update the estimate.`,
          due: entry.date,
        });
      }
    }
  },
});
