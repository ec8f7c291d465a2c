import { defineRule, type Fix, type RuleContext } from '../service/types';
import { asString, FINAL_RULE_OPTIONS, type JsonObject } from './study';
import {
  objectsOf,
  outcomeMeasures,
  resultsModule,
  RESULTS_POINTERS,
  resultsUnderFinalRule,
} from './support/ipd-results-hygiene';
import { quote } from '../service/words';

const COUNT_TITLE = /^\s*number\s+of\s+(participants|subjects|patients)\b/i;
const PERCENTAGE_TITLE = /^\s*percentage\s+of\s+(participants|subjects|patients)\b/i;
const PEOPLE_UNIT = /participant|subject|patient/i;
const PERCENT_UNIT = /percent|%/i;
/** Units that say nothing: "NA", "N/A", "none", dashes, or numerals alone ("1", "100"). */
const PLACEHOLDER_UNIT = /^\s*(?:n\/?a|not applicable|none|null|-+|\.+|[\d\s.,]+)?\s*$/i;

export default defineRule({
  meta: {
    id: 'outcome-unit-title',
    severity: 'warning',
    category: 'results',
    description:
      'A measure\'s unit agrees with its title ("Number of participants" → participants, "Percentage" → percent) and is not a placeholder',
    source: 'RES-04',
    docs:
      'The unit of measure says what the numbers in a results table count. A measure titled "Number of participants with …" ' +
      'counts participants, so its unit names participants; one titled "Percentage of participants with …" reports ' +
      'percentages, so its unit says percent (e.g. "percentage of participants"). A unit such as "NA" or a bare number ' +
      'tells the reader nothing. The registry checks this on outcome and baseline measures, as an error for studies whose ' +
      'primary completion date is on or after 2017-01-18 and as a warning before; this rule does the same for placeholders ' +
      'and for titles that name participants. Titles about subjects or patients are held to the same agreement, but only as ' +
      'a warning: the registry does not refuse them. Of the 64 sample records with results, one (primary completion ' +
      '2021-04, results submitted 2022-04) was accepted with 11 "Percentage of Subjects …" measures in "Participants". A unit ' +
      'naming subjects or patients counts as naming participants. Definitions: https://clinicaltrials.gov/policy/results-definitions',
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    const severity = resultsUnderFinalRule(context) ? 'error' : 'warning';
    outcomeMeasures(context.record).forEach((measure, m) => {
      if (measure) checkMeasure(context, measure, `${RESULTS_POINTERS.outcomeMeasures}/${m}`, severity);
    });
    objectsOf(resultsModule(context.record, 'baselineCharacteristicsModule')?.measures).forEach((measure, m) => {
      if (measure) checkMeasure(context, measure, `${RESULTS_POINTERS.baseline}/measures/${m}`, severity);
    });
  },
});

function checkMeasure(context: RuleContext, measure: JsonObject, base: string, severity: 'error' | 'warning'): void {
  const unit = asString(measure.unitOfMeasure);
  if (unit === undefined) return;
  const pointer = `${base}/unitOfMeasure`;
  const title = asString(measure.title) ?? '';
  const titleRelated = [{ pointer: `${base}/title`, message: `The measure is titled ${quote(title)}.` }];
  if (PLACEHOLDER_UNIT.test(unit)) {
    context.report({
      pointer,
      severity,
      message: `Unit of measure ${quote(unit)} is a placeholder; name what the values count or measure (e.g. "participants", "mg/dL", "units on a scale").`,
    });
    return;
  }
  const counted = COUNT_TITLE.exec(title)?.[1];
  if (counted && (!PEOPLE_UNIT.test(unit) || PERCENT_UNIT.test(unit))) {
    context.report({
      pointer,
      severity: severityForTitleWord(counted, severity),
      message: `Unit ${quote(unit)} for a title that counts ${counted.toLowerCase()} ("Number of ${counted.toLowerCase()} …"); the unit should be participants. If the values are percentages, retitle the measure "Percentage of …".`,
      related: titleRelated,
      suggestions: [setUnit(pointer, 'Participants')],
    });
    return;
  }
  const percentOf = PERCENTAGE_TITLE.exec(title)?.[1];
  if (percentOf && !PERCENT_UNIT.test(unit)) {
    context.report({
      pointer,
      severity: severityForTitleWord(percentOf, severity),
      message: `Unit ${quote(unit)} for a title that reports a percentage ("Percentage of ${percentOf.toLowerCase()} …"); the unit should say percent, e.g. "percentage of participants". If the values are counts, retitle the measure "Number of …".`,
      related: titleRelated,
      suggestions: [setUnit(pointer, 'percentage of participants')],
    });
  }
}

/** The registry's check reads titles that name participants; titles about subjects or patients are only advised on. */
function severityForTitleWord(word: string, severity: 'error' | 'warning'): 'error' | 'warning' {
  return word.toLowerCase() === 'participants' ? severity : 'warning';
}

function setUnit(pointer: string, unit: string): Fix {
  return { title: `Set the unit to ${quote(unit)}`, changes: [{ op: 'set', pointer, value: unit }] };
}
