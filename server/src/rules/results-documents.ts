import { defineRule } from '../service/types';
import { asObject, FINAL_RULE_OPTIONS } from './study';
import { objectsOf, resultsUnderFinalRule } from './support/ipd-results-hygiene';

const DOCUMENTS = '/documentSection/largeDocumentModule';

export default defineRule({
  meta: {
    id: 'results-documents',
    severity: 'warning',
    category: 'results',
    description:
      'Results of studies with primary completion on or after 2017-01-18 come with the protocol and the statistical analysis plan',
    source: 'RES-07 (42 CFR 11.48(a)(5); results QC criteria: document upload)',
    docs:
      'Under the Final Rule, results of a study whose primary completion date is on or after 2017-01-18 are submitted ' +
      'with the study protocol and the statistical analysis plan, uploaded as documents (documentSection, ' +
      'largeDocumentModule: a document with hasProtocol and one with hasSap, possibly the same file). When the plan is ' +
      'part of the protocol or there is none, noSap says so. A missing document is a warning. On the sample: all 33 ' +
      'records with results and a primary completion on or after 2017-01-18 have the protocol, 31 the plan and 2 say ' +
      'noSap. The rule option `finalRule: "always"` asks it of every record with results. See the document upload ' +
      'section of the [results data element definitions](https://clinicaltrials.gov/policy/results-definitions).',
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    const root = asObject(context.record);
    if (!asObject(root?.resultsSection) || !resultsUnderFinalRule(context)) return;
    const documents = asObject(asObject(root?.documentSection)?.largeDocumentModule);
    const largeDocs = objectsOf(documents?.largeDocs);
    const missing: string[] = [];
    if (!largeDocs.some((doc) => doc?.hasProtocol === true)) missing.push('the study protocol');
    if (!largeDocs.some((doc) => doc?.hasSap === true) && documents?.noSap !== true)
      missing.push('the statistical analysis plan');
    if (missing.length === 0) return;
    context.report({
      pointer: documents ? `${DOCUMENTS}/largeDocs` : '/documentSection',
      target: 'key',
      message: `Results lack ${missing.join(' and ')}; a study whose primary completion is on or after 2017-01-18 uploads them with its results (largeDocs with hasProtocol and hasSap, or noSap when there is no separate plan).`,
    });
  },
});
