import { capitalized } from '../service/words';
import { defineRule, type RuleContext } from '../service/types';
import { POINTERS } from './study';
import {
  armEntries,
  hasResults,
  interventionEntries,
  matchByName,
  OUTCOME_LISTS,
  outcomePointer,
  outcomes,
  previousRecord,
  quoted,
  type Named,
} from './support/changes';

function reportRemoved(context: RuleContext, kind: string, listPointer: string, before: Named[], after: Named[]): void {
  for (const entry of matchByName(before, after).removed) {
    context.report({
      pointer: listPointer,
      message: `${capitalized(kind)} ${quoted(entry.name)} was removed from a record with results: the results describe it, so the protocol section keeps it (correct its text instead, and the results with it).`,
    });
  }
}

export default defineRule({
  meta: {
    id: 'results-content-removed',
    severity: 'warning',
    category: 'changes',
    description: 'Arms, interventions and outcomes are not removed from a record with results',
    source: 'CHG-04',
    docs:
      'Compares the record with its version at the revision under review (`lint --changed-since REF`). Once results were submitted, the participant ' +
      "flow, baseline and outcome tables refer to the arms, and the outcome measures to the protocol's outcomes: removing one from the protocol section leaves " +
      'the results describing something the record no longer has, and hides from readers what the study set out to do. Entries are matched by arm label, ' +
      'intervention type and name, and outcome title; a renamed entry shows as removed. ' +
      "See [the registry's results data element definitions](https://clinicaltrials.gov/policy/results-definitions).",
    fixable: false,
  },
  check(context) {
    const previous = previousRecord(context);
    if (!previous || !hasResults(previous)) return;
    reportRemoved(context, 'arm', `${POINTERS.arms}/armGroups`, armEntries(previous), armEntries(context.record));
    reportRemoved(
      context,
      'intervention',
      `${POINTERS.arms}/interventions`,
      interventionEntries(previous),
      interventionEntries(context.record),
    );
    for (const { key, name } of OUTCOME_LISTS)
      reportRemoved(context, name, outcomePointer(key), outcomes(previous, key), outcomes(context.record, key));
  },
});
