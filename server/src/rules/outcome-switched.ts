import { capitalized } from '../service/words';
import { defineRule, type RuleContext } from '../service/types';
import { asString, dateStruct, isPartialDate, POINTERS } from './study';
import {
  matchByName,
  OUTCOME_LISTS,
  outcomePointer,
  outcomes,
  previousRecord,
  quoted,
  type Named,
} from './support/changes';
import { isAfterToday } from './support/dates-status';

const START_POINTER = `${POINTERS.status}/startDateStruct/date`;
const EXPLAIN =
  'a change of outcomes after the start is outcome switching unless the record says why: explain it where readers of the record and its history will see it (for example in the detailed description).';

/** The actual start date when the study has started (today or before), else undefined. */
function actualStart(record: unknown, today: string): string | undefined {
  const start = dateStruct(record, 'startDateStruct');
  if (start?.type !== 'ACTUAL' || !isPartialDate(start.date) || isAfterToday(start.date, today)) return undefined;
  return start.date;
}

function timeFrame(entry: Named): string | undefined {
  return asString(entry.entry.timeFrame);
}

function reportChanges(
  context: RuleContext,
  key: string,
  kind: string,
  before: Named[],
  after: Named[],
  started: string,
): void {
  const related = [{ pointer: START_POINTER, message: `The study started ${started} (ACTUAL).` }];
  const { kept, removed, added } = matchByName(before, after);
  for (const { before: old, after: now } of kept) {
    if (timeFrame(old) === timeFrame(now)) continue;
    context.report({
      pointer: `${outcomePointer(key, now.index)}/timeFrame`,
      message: `Time frame of the ${kind} ${quoted(now.name)} changed from ${quoted(timeFrame(old))} to ${quoted(timeFrame(now))} after the study started (${started}): ${EXPLAIN}`,
      related,
    });
  }
  // A renamed outcome shows as one removed and one added: the leftovers are paired in order.
  const renamed = Math.min(removed.length, added.length);
  for (let i = 0; i < renamed; i++) {
    context.report({
      pointer: `${outcomePointer(key, added[i].index)}/measure`,
      message: `${capitalized(kind)} ${quoted(removed[i].name)} (time frame ${quoted(timeFrame(removed[i]))}) became ${quoted(added[i].name)} (time frame ${quoted(timeFrame(added[i]))}) after the study started (${started}): ${EXPLAIN}`,
      related,
    });
  }
  for (const entry of added.slice(renamed)) {
    context.report({
      pointer: `${outcomePointer(key, entry.index)}/measure`,
      message: `${capitalized(kind)} ${quoted(entry.name)} was added after the study started (${started}): ${EXPLAIN}`,
      related,
    });
  }
  for (const entry of removed.slice(renamed)) {
    context.report({
      pointer: outcomePointer(key),
      message: `${capitalized(kind)} ${quoted(entry.name)} (time frame ${quoted(timeFrame(entry))}) was removed after the study started (${started}): ${EXPLAIN}`,
      related,
    });
  }
}

export default defineRule({
  meta: {
    id: 'outcome-switched',
    severity: 'warning',
    category: 'changes',
    description:
      'Primary and secondary outcomes are not added, removed or changed after the study started, unless the record explains it',
    source: 'CHG-01 (ICMJE, SPIRIT; COMPare)',
    docs:
      'Compares the record with its version at the revision under review (`lint --changed-since REF`). Once a study has started (an ACTUAL start date ' +
      'on or before today), its pre-specified outcomes are what its results will be judged against: a primary or secondary outcome that is added, removed, ' +
      'renamed or given another time frame afterwards is outcome switching, one of the best-documented problems of trial reporting (the COMPare project ' +
      'found it in most of the trials it checked). The registry keeps every version of a record in its history, so such a change is visible anyway; ' +
      'the record should say why it was made. Outcomes are matched by their titles, not their positions; a renamed outcome is reported with its old and new ' +
      "title. See [the registry's definition of outcome measures](https://clinicaltrials.gov/policy/protocol-definitions#PrimaryOutcome).",
    fixable: false,
  },
  check(context) {
    const previous = previousRecord(context);
    if (!previous) return;
    const started = actualStart(context.record, context.today);
    if (!started) return;
    for (const { key, name } of OUTCOME_LISTS.slice(0, 2))
      reportChanges(context, key, name, outcomes(previous, key), outcomes(context.record, key), started);
  },
});
