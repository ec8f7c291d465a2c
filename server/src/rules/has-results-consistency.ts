import { defineRule } from '../service/types';
import { asObject, asString, POINTERS, protocolModule } from './study';

const RESULTS_SUBMIT_POINTER = `${POINTERS.status}/resultsFirstSubmitDate`;

export default defineRule({
  meta: {
    id: 'has-results-consistency',
    severity: 'warning',
    category: 'results',
    description:
      'hasResults is true exactly when results were submitted (resultsFirstSubmitDate) and the record has a resultsSection',
    source: 'STA-14',
    docs:
      'hasResults is a flag the registry derives: it is true when the record has a results first submitted date, and such records carry their results in resultsSection. ' +
      'A flag that disagrees with the date or the section usually means a record was edited by hand or put together from parts. ' +
      'Example: {"hasResults": true} with statusModule.resultsFirstSubmitDate "2017-03-30" and a resultsSection is right; ' +
      'hasResults true without either is not. Records without a status module (partial extracts) are not checked.',
    fixable: true,
  },
  check(context) {
    const root = asObject(context.record);
    const statusModule = protocolModule(context.record, 'statusModule');
    const flag = root?.hasResults;
    if (!root || !statusModule || typeof flag !== 'boolean') return;
    const submitted = asString(statusModule.resultsFirstSubmitDate);
    const hasSubmitDate = submitted !== undefined && submitted !== '';
    const hasSection = root.resultsSection !== undefined && root.resultsSection !== null;
    const dateAgrees = flag === hasSubmitDate;
    const sectionAgrees = flag === hasSection;
    if (dateAgrees && sectionAgrees) return;
    const dateRelated = {
      pointer: RESULTS_SUBMIT_POINTER,
      message: hasSubmitDate ? `Results were first submitted ${submitted}.` : 'No results first submitted date here.',
    };
    if (!dateAgrees && !sectionAgrees) {
      // The date and the section agree with each other: the derived flag is what is wrong.
      context.report({
        pointer: '/hasResults',
        message: flag
          ? 'hasResults is true but the record has neither a results first submitted date nor a resultsSection; set it to false.'
          : `hasResults is false but the record has results (first submitted ${submitted}, and a resultsSection); set it to true.`,
        related: [dateRelated],
        fix: { title: `Set hasResults to ${!flag}`, changes: [{ op: 'set', pointer: '/hasResults', value: !flag }] },
      });
      return;
    }
    if (!dateAgrees) {
      context.report({
        pointer: '/hasResults',
        message: flag
          ? 'No results first submitted date (statusModule.resultsFirstSubmitDate): hasResults is true and there is a resultsSection; add the date results were first submitted.'
          : `hasResults is false and there is no resultsSection, but statusModule.resultsFirstSubmitDate is ${submitted}; the registry sets hasResults once that date exists. Remove the date or add the results.`,
        related: [dateRelated],
      });
      return;
    }
    context.report({
      pointer: flag ? '/hasResults' : '/resultsSection',
      target: flag ? 'value' : 'key',
      message: flag
        ? `hasResults is true (results first submitted ${submitted}) but the record has no resultsSection; the results themselves are missing from this file.`
        : 'resultsSection present, but hasResults is false and there is no results first submitted date; set both, or remove the section if it does not belong here.',
      related: [flag ? dateRelated : { pointer: '/hasResults', message: 'hasResults is false.' }],
    });
  },
});
