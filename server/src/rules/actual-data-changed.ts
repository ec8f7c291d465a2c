import { defineRule, type RuleContext } from '../service/types';
import { asObject, dateStruct, isPartialDate, KEY_DATE_NAMES, KEY_DATES, POINTERS, protocolModule } from './study';
import { previousRecord } from './support/changes';
import { isBeforeToday } from './support/dates-status';

const ENROLLMENT_POINTER = `${POINTERS.design}/enrollmentInfo`;

function enrollment(record: unknown): { count?: unknown; type?: unknown } | undefined {
  return asObject(protocolModule(record, 'designModule')?.enrollmentInfo);
}

function checkActualDates(context: RuleContext, previous: unknown): void {
  for (const key of KEY_DATES) {
    const before = dateStruct(previous, key);
    const now = dateStruct(context.record, key);
    if (before?.type !== 'ACTUAL' || !isPartialDate(before.date) || now?.date === undefined || now.date === before.date)
      continue;
    context.report({
      pointer: `${POINTERS.status}/${key}/date`,
      message: `Actual ${KEY_DATE_NAMES[key]} moved from ${before.date} to ${now.date}: an ACTUAL date records what happened, so it changes only to correct a mistake; say which date is right and why it changed.`,
    });
  }
}

/** Enrollment changes once the primary completion date has passed only to correct an actual count. */
function checkEnrollment(context: RuleContext, previous: unknown): void {
  const primaryCompletion = dateStruct(previous, 'primaryCompletionDateStruct')?.date;
  if (!isPartialDate(primaryCompletion) || !isBeforeToday(primaryCompletion, context.today)) return;
  const before = enrollment(previous);
  const now = enrollment(context.record);
  if (
    before?.type !== 'ACTUAL' ||
    typeof before.count !== 'number' ||
    now?.count === undefined ||
    now.count === before.count
  )
    return;
  context.report({
    pointer: `${ENROLLMENT_POINTER}/count`,
    message: `Actual enrollment changed from ${before.count} to ${String(now.count)} after the primary completion date (${primaryCompletion}) had passed: once enrollment has ended its actual count changes only to correct a mistake; say why.`,
    related: [
      {
        pointer: `${POINTERS.status}/primaryCompletionDateStruct/date`,
        message: `Primary completion ${primaryCompletion}.`,
      },
    ],
  });
}

export default defineRule({
  meta: {
    id: 'actual-data-changed',
    severity: 'warning',
    category: 'changes',
    description: 'ACTUAL dates and the actual enrollment do not move once they are recorded',
    source: 'CHG-02',
    docs:
      'Compares the record with its version at the revision under review (`lint --changed-since REF`). A start, primary completion or completion date ' +
      'marked ACTUAL records what happened, and so does the actual enrollment once the primary completion date has passed: a later change to them ' +
      "rewrites the study's history, which reviewers and readers of the record's history need explained. Turning an ESTIMATED date or enrollment into the " +
      "ACTUAL one is the normal update and is not reported. See [the registry's definitions of the study dates](https://clinicaltrials.gov/policy/protocol-definitions#StudyStartDate) " +
      'and [of enrollment](https://clinicaltrials.gov/policy/protocol-definitions#Enrollment).',
    fixable: false,
  },
  check(context) {
    const previous = previousRecord(context);
    if (!previous) return;
    checkActualDates(context, previous);
    checkEnrollment(context, previous);
  },
});
