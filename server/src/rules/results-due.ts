import { defineRule, type RuleContext } from '../service/types';
import { isPartialDate, overallStatus, startsOnOrAfterFinalRule } from './study';
import {
  actualPrimaryCompletion,
  addMonths,
  notApplicableBecause,
  PRIMARY_COMPLETION_POINTER,
  statusModule,
} from './support/deadlines';
import { isBeforeToday } from './support/dates-status';
import { hasResults } from './support/changes';

/** How long before the deadline the rule starts to say it is coming. */
const NOTICE_MONTHS = 3;

function resultsSubmitted(record: unknown): boolean {
  return hasResults(record) || isPartialDate(statusModule(record)?.resultsFirstSubmitDate);
}

function report(context: RuleContext, primaryCompletion: string, due: string, certified: boolean): void {
  const basis = certified
    ? `three years after the actual primary completion date ${primaryCompletion}, the latest a certification of delayed results allows`
    : `one year after the actual primary completion date ${primaryCompletion}`;
  if (isBeforeToday(due, context.today)) {
    context.report({
      pointer: `${PRIMARY_COMPLETION_POINTER}/date`,
      message: `No results submitted; they were due by ${due} (${basis}): submit them, or check whether this study must report.`,
      due,
    });
  } else if (isBeforeToday(addMonths(due, -NOTICE_MONTHS), context.today)) {
    context.report({
      pointer: `${PRIMARY_COMPLETION_POINTER}/date`,
      message: `Results are due by ${due} (${basis}).`,
      severity: 'info',
      due,
    });
  }
}

export default defineRule({
  meta: {
    id: 'results-due',
    severity: 'warning',
    category: 'deadlines',
    description: 'An applicable clinical trial submits its results within a year of its actual primary completion date',
    source: '42 CFR 11.44',
    docs:
      'Under the FDAAA Final Rule, the results of an applicable clinical trial are due no later than one year after its primary completion date; ' +
      'a certification that the product is awaiting approval (its submission date is `dispFirstSubmitDate`) delays them, at most until three years after it. ' +
      'The public record cannot show everything that makes a trial applicable (an IND or IDE, for one), so this rule looks at what it can: an interventional study ' +
      'that started on or after 2017-01-18, of an FDA-regulated drug or device, not a phase 1 drug study or a device feasibility study, with a U.S. site or ' +
      'a product exported from the U.S., not withdrawn. It reports a deadline that has passed without results as a warning, and one in the next three months as a note; ' +
      'the due date is in the message and in the Markdown report\'s "Deadlines" section. ' +
      'See [the Final Rule, 42 CFR 11.44](https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-11/subpart-C/section-11.44) and ' +
      "[the registry's results deadlines](https://clinicaltrials.gov/policy/fdaaa-801-final-rule).",
    fixable: false,
  },
  check(context) {
    const record = context.record;
    if (notApplicableBecause(record) !== undefined || !startsOnOrAfterFinalRule(record)) return;
    if (overallStatus(record) === 'WITHDRAWN' || resultsSubmitted(record)) return;
    const primaryCompletion = actualPrimaryCompletion(record);
    if (primaryCompletion === undefined) return;
    const certified = isPartialDate(statusModule(record)?.dispFirstSubmitDate);
    report(context, primaryCompletion, addMonths(primaryCompletion, certified ? 36 : 12), certified);
  },
});
