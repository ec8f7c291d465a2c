import { defineRule, type RuleContext } from '../service/types';
import type { JsonObject } from './study';
import { forEachAnalysis } from './support/ipd-results-hygiene';

export default defineRule({
  meta: {
    id: 'analysis-fields',
    severity: 'warning',
    category: 'results',
    description:
      'Each statistical analysis names its groups, its type of test, and a p-value, an estimate or another method',
    source: 'RES-05',
    docs:
      'A statistical analysis of an outcome measure says which groups it compares (groupIds), what kind of test it is ' +
      '(nonInferiorityType: superiority, non-inferiority, equivalence or other), and what it found: a p-value (pValue), an ' +
      'estimated parameter with its value (paramType and paramValue, e.g. "Hazard Ratio (HR)" 0.82), or a description of ' +
      'another method (otherAnalysisDescription). Without these the analysis cannot be read. Example: an analysis with ' +
      'groupIds ["OG000", "OG001"], nonInferiorityType "SUPERIORITY" and pValue "0.03" is complete.',
    fixable: false,
  },
  check(context) {
    forEachAnalysis(context.record, (analysis, pointer, name) => checkAnalysis(context, analysis, pointer, name));
  },
});

function checkAnalysis(context: RuleContext, analysis: JsonObject, base: string, name: string): void {
  const groupIds = analysis.groupIds;
  if (groupIds === undefined || (Array.isArray(groupIds) && groupIds.length === 0)) {
    context.report({
      pointer: `${base}/groupIds`,
      target: 'key',
      message: `${name} does not say which groups it compares; list their ids in groupIds (e.g. ["OG000", "OG001"]).`,
    });
  }
  if (isBlank(analysis.nonInferiorityType)) {
    context.report({
      pointer: `${base}/nonInferiorityType`,
      target: 'key',
      message: `${name} has no type of statistical test; set nonInferiorityType (e.g. SUPERIORITY, NON_INFERIORITY, EQUIVALENCE or OTHER).`,
    });
  }
  const hasEstimateType = !isBlank(analysis.paramType);
  const hasEstimateValue = !isBlank(analysis.paramValue);
  if (hasEstimateType !== hasEstimateValue) {
    const [present, missing] = hasEstimateType ? ['paramType', 'paramValue'] : ['paramValue', 'paramType'];
    context.report({
      pointer: `${base}/${missing}`,
      target: 'key',
      message: `${name} gives an estimated parameter's ${present === 'paramType' ? 'type' : 'value'} but not its ${missing === 'paramType' ? 'type' : 'value'}; add ${missing}.`,
      related: [
        {
          pointer: `${base}/${present}`,
          message: `The ${present === 'paramType' ? 'type' : 'value'} of the estimate is given here.`,
        },
      ],
    });
  }
  if (
    isBlank(analysis.pValue) &&
    !(hasEstimateType && hasEstimateValue) &&
    isBlank(analysis.otherAnalysisDescription)
  ) {
    context.report({
      pointer: `${base}/pValue`,
      target: 'key',
      message: `${name} reports no result: give a p-value (pValue), an estimated parameter (paramType and paramValue), or describe the method in otherAnalysisDescription.`,
    });
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
