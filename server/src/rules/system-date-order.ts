import { capitalized } from '../service/words';
import { defineRule } from '../service/types';
import { asObject, comparePartialDates, isPartialDate, POINTERS, protocolModule, type JsonObject } from './study';

/** A registry-kept date of the status module: a plain date string or the date of a struct. */
interface SystemDate {
  name: string;
  key: string;
  inStruct: boolean;
}

const DATES = {
  firstSubmit: { name: 'first submitted date', key: 'studyFirstSubmitDate', inStruct: false },
  firstQc: { name: 'first submitted date that met QC criteria', key: 'studyFirstSubmitQcDate', inStruct: false },
  firstPost: { name: 'first posted date', key: 'studyFirstPostDateStruct', inStruct: true },
  lastUpdateSubmit: { name: 'last update submitted date', key: 'lastUpdateSubmitDate', inStruct: false },
  lastUpdatePost: { name: 'last update posted date', key: 'lastUpdatePostDateStruct', inStruct: true },
  resultsSubmit: { name: 'results first submitted date', key: 'resultsFirstSubmitDate', inStruct: false },
  resultsQc: {
    name: 'results first submitted date that met QC criteria',
    key: 'resultsFirstSubmitQcDate',
    inStruct: false,
  },
  resultsPost: { name: 'results first posted date', key: 'resultsFirstPostDateStruct', inStruct: true },
  dispSubmit: { name: 'certification/extension first submitted date', key: 'dispFirstSubmitDate', inStruct: false },
  dispQc: {
    name: 'certification/extension first submitted date that met QC criteria',
    key: 'dispFirstSubmitQcDate',
    inStruct: false,
  },
  dispPost: { name: 'certification/extension first posted date', key: 'dispFirstPostDateStruct', inStruct: true },
} satisfies Record<string, SystemDate>;

/**
 * Each date with the dates that must not come after it, nearest first. A record that was never
 * updated keeps its last update submitted date at the first QC date, one day before it was
 * first posted, so the last update is ordered after the first QC date, not after the first post.
 */
const ORDER: ReadonlyArray<{ later: SystemDate; earlier: readonly SystemDate[] }> = [
  { later: DATES.firstQc, earlier: [DATES.firstSubmit] },
  { later: DATES.firstPost, earlier: [DATES.firstQc, DATES.firstSubmit] },
  { later: DATES.lastUpdateSubmit, earlier: [DATES.firstQc, DATES.firstSubmit] },
  {
    later: DATES.lastUpdatePost,
    earlier: [DATES.lastUpdateSubmit, DATES.firstPost, DATES.resultsPost, DATES.dispPost],
  },
  { later: DATES.resultsQc, earlier: [DATES.resultsSubmit] },
  { later: DATES.resultsPost, earlier: [DATES.resultsQc, DATES.resultsSubmit] },
  { later: DATES.dispQc, earlier: [DATES.dispSubmit] },
  { later: DATES.dispPost, earlier: [DATES.dispQc, DATES.dispSubmit] },
];

function pointerOf(date: SystemDate): string {
  return `${POINTERS.status}/${date.key}${date.inStruct ? '/date' : ''}`;
}

function valueOf(statusModule: JsonObject, date: SystemDate): string | undefined {
  const value = date.inStruct ? asObject(statusModule[date.key])?.date : statusModule[date.key];
  return isPartialDate(value) ? value : undefined;
}

export default defineRule({
  meta: {
    id: 'system-date-order',
    severity: 'warning',
    category: 'dates',
    description: 'Submitted ≤ QC ≤ posted, for the first version, the last update, results and certification',
    source: 'STA-13',
    docs:
      'The registry keeps the dates on which a record was submitted, passed its quality-control review and was posted, for the first version, ' +
      'the results and any certification or extension request, and the dates of the last update. Each step follows the one before it: ' +
      'a version is submitted, then passes review, then is posted, and the last update is posted no earlier than anything else. ' +
      'A reversed pair usually means a date was copied into the wrong field. Example: first submitted 2018-01-08, met QC 2018-01-25, ' +
      'first posted 2018-02-01 is right; first posted 2018-01-20 would be before the QC date.',
    fixable: false,
  },
  check(context) {
    const statusModule = protocolModule(context.record, 'statusModule');
    if (!statusModule) return;
    for (const { later, earlier } of ORDER) {
      const laterValue = valueOf(statusModule, later);
      if (laterValue === undefined) continue;
      const violated = earlier
        .map((date) => ({ date, value: valueOf(statusModule, date) }))
        .find((candidate) => candidate.value !== undefined && comparePartialDates(laterValue, candidate.value) < 0);
      if (!violated) continue;
      context.report({
        pointer: pointerOf(later),
        message: `${capitalized(later.name)} ${laterValue} is too early: it is before the ${violated.date.name} ${violated.value}; it should be on or after it. Check which of the two dates was entered wrongly.`,
        related: [{ pointer: pointerOf(violated.date), message: `The ${violated.date.name} is ${violated.value}.` }],
      });
    }
  },
});
