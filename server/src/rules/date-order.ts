import { capitalized } from '../service/words';
import { defineRule } from '../service/types';
import { comparePartialDates, dateStruct, isPartialDate, KEY_DATE_NAMES, KEY_DATES, POINTERS } from './study';

export default defineRule({
  meta: {
    id: 'date-order',
    severity: 'error',
    category: 'dates',
    description: 'Start ≤ primary completion ≤ completion',
    source: 'STA-01/02',
    docs:
      'A study starts before its primary outcome data are complete, and the whole study completes no earlier than that. ' +
      'Dates are compared at the precision both have, so "2021-05" and "2021-05-20" count as equal. ' +
      'Example: start 2021-03, primary completion 2022-06, completion 2022-12 is right; completion 2022-01 would be before the primary completion.',
    fixable: false,
  },
  check(context) {
    const dates = KEY_DATES.map((key) => ({ key, date: dateStruct(context.record, key)?.date })).filter(
      (entry): entry is { key: (typeof KEY_DATES)[number]; date: string } => isPartialDate(entry.date),
    );
    for (let later = 1; later < dates.length; later++) {
      const earlier = dates
        .slice(0, later)
        .reverse()
        .find((candidate) => comparePartialDates(dates[later].date, candidate.date) < 0);
      if (!earlier) continue;
      const laterName = KEY_DATE_NAMES[dates[later].key];
      const earlierName = KEY_DATE_NAMES[earlier.key];
      context.report({
        pointer: `${POINTERS.status}/${dates[later].key}/date`,
        message: `${capitalized(laterName)} ${dates[later].date} is before the ${earlierName} ${earlier.date}; it must be on or after it.`,
        related: [
          { pointer: `${POINTERS.status}/${earlier.key}/date`, message: `The ${earlierName} is ${earlier.date}.` },
        ],
      });
    }
  },
});
