import { defineRule, type RuleContext } from '../service/types';
import { asString, type JsonObject } from './study';
import { forEachAnalysis } from './support/ipd-results-hygiene';
import { decimalValue, isGiven, RESULTS_DEFINITIONS_URL } from './support/results-numbers';
import { quote } from '../service/words';

/** A p-value as the registry takes it: a number, or a bound such as "<0.001" (also "=0.247", "≤0.05"). */
const P_VALUE = /^\s*(?:<=|>=|<|>|=|≤|≥)?\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;
const NON_INFERIORITY_TYPES = new Set([
  'NON_INFERIORITY',
  'EQUIVALENCE',
  'NON_INFERIORITY_OR_EQUIVALENCE',
  'NON_INFERIORITY_OR_EQUIVALENCE_LEGACY',
]);

export default defineRule({
  meta: {
    id: 'analysis-values',
    severity: 'warning',
    category: 'results',
    description:
      "A statistical analysis's numbers hold together: p-value between 0 and 1, lower limit ≤ estimate ≤ upper limit, a confidence level between 0 and 100, and a comment for a non-inferiority or equivalence test",
    source: 'RES-05 (results QC criteria: statistical analyses)',
    docs:
      'A p-value is a probability: a number from 0 to 1, or a bound such as "<0.001". One above 1 (or below 0) is an ' +
      'error: it cannot be a p-value, and is usually a test statistic or a percentage typed in the wrong field. A p-value ' +
      'that is not a number at all ("NS", "significant") is a warning. The estimated parameter lies within its confidence ' +
      'interval (ciLowerLimit ≤ paramValue ≤ ciUpperLimit), and the confidence level (ciPctValue) is a percentage between ' +
      '0 and 100 (usually 95). A non-inferiority or equivalence analysis explains its margin and how it was chosen in ' +
      'nonInferiorityComment. These three are warnings: the QC review asks for them. The groups an analysis compares are ' +
      'checked by results-group-reference. On the sample: 0 of 702 analyses in the 70 records with results have a p-value ' +
      'out of range (683 are numbers or bounds, one is written "=0.247"), none has an estimate outside its interval or a ' +
      'level outside 0–100 (625 say 95, 18 say 90), and all 7 non-inferiority or equivalence analyses have their comment. ' +
      `See "Statistical Analysis" in the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: false,
  },
  check(context) {
    forEachAnalysis(context.record, (analysis, base, name) => {
      checkPValue(context, analysis, base, name);
      checkConfidenceInterval(context, analysis, base, name);
      checkNonInferiority(context, analysis, base, name);
    });
  },
});

function checkPValue(context: RuleContext, analysis: JsonObject, base: string, name: string): void {
  const pValue = asString(analysis.pValue);
  if (pValue === undefined || pValue.trim() === '') return;
  const match = P_VALUE.exec(pValue);
  if (!match) {
    context.report({
      pointer: `${base}/pValue`,
      message: `${name}: the p-value ${quote(pValue)} is not a number; write it as a number between 0 and 1 (e.g. "0.032") or a bound (e.g. "<0.001"), and put any remark in pValueComment.`,
    });
    return;
  }
  const value = Number(match[1]);
  if (value >= 0 && value <= 1) return;
  context.report({
    pointer: `${base}/pValue`,
    severity: 'error',
    message: `${name}: the p-value is ${pValue.trim()}, but a p-value lies between 0 and 1; check whether a test statistic or a percentage was written here.`,
  });
}

function checkConfidenceInterval(context: RuleContext, analysis: JsonObject, base: string, name: string): void {
  const level = asString(analysis.ciPctValue);
  if (level !== undefined && level.trim() !== '') {
    const percent = decimalValue(level);
    if (percent === undefined || percent <= 0 || percent >= 100) {
      context.report({
        pointer: `${base}/ciPctValue`,
        message: `${name}: the confidence level is ${quote(level)}; write it as a percentage between 0 and 100, e.g. "95" for a 95% confidence interval.`,
      });
    }
  }
  const lower = decimalValue(analysis.ciLowerLimit);
  const upper = decimalValue(analysis.ciUpperLimit);
  const estimate = decimalValue(analysis.paramValue);
  if (lower !== undefined && upper !== undefined && lower > upper) {
    context.report({
      pointer: `${base}/ciLowerLimit`,
      message: `${name}: the confidence interval's lower limit (${lower}) is above its upper limit (${upper}); the two may be swapped.`,
      related: [{ pointer: `${base}/ciUpperLimit`, message: `Upper limit: ${upper}.` }],
    });
    return;
  }
  if (estimate === undefined) return;
  const outside =
    lower !== undefined && estimate < lower
      ? { bound: 'lower', limit: lower }
      : upper !== undefined && estimate > upper
        ? { bound: 'upper', limit: upper }
        : undefined;
  if (!outside) return;
  context.report({
    pointer: `${base}/paramValue`,
    message: `${name}: the estimate ${estimate} lies outside its confidence interval (${outside.bound} limit ${outside.limit}); the estimate lies between the lower and the upper limit.`,
    related: [
      {
        pointer: `${base}/${outside.bound === 'lower' ? 'ciLowerLimit' : 'ciUpperLimit'}`,
        message: `The ${outside.bound} limit: ${outside.limit}.`,
      },
    ],
  });
}

function checkNonInferiority(context: RuleContext, analysis: JsonObject, base: string, name: string): void {
  const type = asString(analysis.nonInferiorityType);
  if (type === undefined || !NON_INFERIORITY_TYPES.has(type) || isGiven(analysis.nonInferiorityComment)) return;
  context.report({
    pointer: `${base}/nonInferiorityComment`,
    target: 'key',
    message: `${name} is a ${type === 'EQUIVALENCE' ? 'equivalence' : 'non-inferiority or equivalence'} test but does not explain it; give the margin and how it was chosen in nonInferiorityComment.`,
    related: [{ pointer: `${base}/nonInferiorityType`, message: `Type of test: ${type}.` }],
  });
}
