import { capitalized } from '../service/words';
import { defineRule } from '../service/types';
import { dateTypeForStatus, overallStatus } from './study';
import { isAfterToday, keyDates, overallStatusRelated } from './support/dates-status';

export default defineRule({
  meta: {
    id: 'actual-date-in-future',
    severity: 'error',
    category: 'dates',
    description: 'An ACTUAL start, primary completion or completion date is not after today',
    source: 'STA-04',
    docs:
      'ACTUAL means the event has happened, so an ACTUAL date cannot lie in the future; a date still to come is ESTIMATED until it happens. ' +
      'Dates are compared at their own precision: an ACTUAL "2026-11" is fine on 2026-11-24. ' +
      'Example: on 2026-11-24 a completion date {"date": "2027-03", "type": "ACTUAL"} is wrong; make it ESTIMATED, or correct the date. ' +
      'Where the status already says the event has happened (a COMPLETED study and its completion date), the date itself is what needs correcting.',
    fixable: true,
  },
  check(context) {
    const status = overallStatus(context.record);
    for (const entry of keyDates(context.record)) {
      if (entry.type !== 'ACTUAL' || !isAfterToday(entry.date, context.today)) continue;
      if (status !== undefined && dateTypeForStatus(status, entry.key) === 'ACTUAL') {
        context.report({
          pointer: entry.datePointer,
          message: `${capitalized(entry.name)} ${entry.date} is ACTUAL but after today (${context.today}), and the status ${status} says it has happened: correct the date, or the status if the study has not got this far.`,
          related: [overallStatusRelated(status)],
        });
        continue;
      }
      context.report({
        pointer: entry.datePointer,
        message: `${capitalized(entry.name)} ${entry.date} is ACTUAL but after today (${context.today}); a date that has not happened yet is ESTIMATED.`,
        fix: {
          title: `Make the ${entry.name} ESTIMATED`,
          changes: [{ op: 'set', pointer: entry.typePointer, value: 'ESTIMATED' }],
        },
      });
    }
  },
});
