import { defineRule, type Fix } from '../service/types';
import { asString } from './study';
import { outcomeEntries } from './support/required-outcomes-eligibility';

/** Numbers only, alone or as a list or range ("12", "0, 4, 8", "6-12"): nothing says days, weeks or months. */
const NUMBERS_ONLY = /^\d+(?:[.,]\d+)?(?:\s*(?:,|;|-|–|to|and)\s*\d+(?:[.,]\d+)?)*$/i;

/** "2025-12" is a date, not a count without a unit. */
const CALENDAR_DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

function unitSuggestions(pointer: string, timeFrame: string): Fix[] | undefined {
  if (!/^\d+$/.test(timeFrame)) return undefined;
  const count = Number(timeFrame);
  return ['day', 'week', 'month'].map((unit) => {
    const value = `${timeFrame} ${count === 1 ? unit : `${unit}s`}`;
    return { title: `Change to "${value}"`, changes: [{ op: 'set' as const, pointer, value }] };
  });
}

export default defineRule({
  meta: {
    id: 'outcome-time-frame',
    severity: 'warning',
    category: 'outcomes',
    description: 'Outcome time frames have a unit, not only a number',
    source: 'OUT-03',
    docs:
      'The time frame says when an outcome is assessed. A bare number ("12") leaves readers guessing whether it means days, ' +
      "weeks or months; the registry's reviewers ask for the unit. Applies to the protocol's outcomes and to posted results. " +
      'Example: "12" becomes "12 weeks", or better "Baseline and week 12".',
    fixable: false,
  },
  check(context) {
    for (const entry of outcomeEntries(context.record)) {
      const timeFrame = asString(entry.outcome.timeFrame)?.trim();
      if (!timeFrame || !NUMBERS_ONLY.test(timeFrame) || CALENDAR_DATE.test(timeFrame)) continue;
      const pointer = `${entry.pointer}/timeFrame`;
      context.report({
        pointer,
        message: `Time frame of ${entry.description}, "${timeFrame}", is only a number; add the unit, e.g. "${timeFrame} weeks".`,
        suggestions: unitSuggestions(pointer, timeFrame),
      });
    }
  },
});
