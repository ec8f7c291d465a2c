import { defineRule, type RuleContext } from '../service/types';
import { asString, FINAL_RULE_OPTIONS, type JsonObject } from './study';
import {
  measureName,
  objectsOf,
  outcomeMeasures,
  resultsModule,
  RESULTS_POINTERS,
  resultsUnderFinalRule,
} from './support/ipd-results-hygiene';
import { isGiven, RESULTS_DEFINITIONS_URL } from './support/results-numbers';
import { capitalized } from '../service/words';

/** A list of results groups, where it is and how a message names it. */
interface GroupList {
  groups: Array<JsonObject | undefined>;
  pointer: string;
  /** What a message puts before "group": "Participant flow", 'Outcome measure "Pain"'. */
  name: string;
  /** The index of the baseline's Total column, which needs no description. */
  totalColumn?: number;
}

/** The baseline's Total column: the last of several groups, titled "Total" ("Total Title" in some records). */
function totalColumnIndex(groups: ReadonlyArray<JsonObject | undefined>): number | undefined {
  const last = groups.length - 1;
  return last > 0 && /^\s*total\b/i.test(asString(groups[last]?.title) ?? '') ? last : undefined;
}

const TEXTS = ['title', 'description'] as const;

export default defineRule({
  meta: {
    id: 'results-group-descriptions',
    severity: 'warning',
    category: 'results',
    description:
      'Under the Final Rule, every results group (participant flow, baseline, outcome measures, adverse events) has a title and a description',
    source: 'RES-07 (results data element definitions: arm/group title and description)',
    docs:
      'Each table of the results names its groups, and a reader learns who was in a group and what they received ' +
      'from its title and description: the participant flow, the baseline characteristics, every outcome measure ' +
      'and the adverse events each carry their own. For studies whose primary completion date is on or after ' +
      '2017-01-18 the results definitions require both for every group; a missing one is a warning, since the QC ' +
      'review returns it. One finding per table and kind names the groups that lack it. The Total column of the baseline, ' +
      'which sums the groups, needs no description: NCT02552212 (results 2019) leaves it out. On the sample: none of the 30 ' +
      'records with results and a primary completion on or after 2017-01-18 lacks a title or a description; two older ' +
      'records leave descriptions out (NCT00089661, primary completion 2007; NCT00895011, 2011), so older records are ' +
      'not checked. The rule option `finalRule: "always"` checks every record with results. See "Arm/Group ' +
      `Information" in the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    if (!resultsUnderFinalRule(context)) return;
    for (const list of groupLists(context.record)) checkList(context, list);
  },
});

function groupLists(record: unknown): GroupList[] {
  const flow = resultsModule(record, 'participantFlowModule');
  const baseline = resultsModule(record, 'baselineCharacteristicsModule');
  const adverseEvents = resultsModule(record, 'adverseEventsModule');
  const lists: GroupList[] = [];
  if (flow)
    lists.push({
      groups: objectsOf(flow.groups),
      pointer: `${RESULTS_POINTERS.participantFlow}/groups`,
      name: 'Participant flow',
    });
  if (baseline) {
    const groups = objectsOf(baseline.groups);
    lists.push({
      groups,
      pointer: `${RESULTS_POINTERS.baseline}/groups`,
      name: 'Baseline',
      totalColumn: totalColumnIndex(groups),
    });
  }
  outcomeMeasures(record).forEach((measure, m) => {
    if (measure)
      lists.push({
        groups: objectsOf(measure.groups),
        pointer: `${RESULTS_POINTERS.outcomeMeasures}/${m}/groups`,
        name: capitalized(measureName(measure, m)),
      });
  });
  if (adverseEvents)
    lists.push({
      groups: objectsOf(adverseEvents.eventGroups),
      pointer: `${RESULTS_POINTERS.adverseEvents}/eventGroups`,
      name: 'Adverse event',
    });
  return lists;
}

function checkList(context: RuleContext, list: GroupList): void {
  for (const key of TEXTS) {
    const lacking = list.groups.flatMap((group, g) =>
      group && !isGiven(group[key]) && !(key === 'description' && g === list.totalColumn) ? [g] : [],
    );
    if (lacking.length === 0) continue;
    const names = lacking.map((g) => asString(list.groups[g]?.id) ?? `${g + 1}`);
    context.report({
      pointer: `${list.pointer}/${lacking[0]}/${key}`,
      target: 'key',
      message: `${lacking.length === 1 ? `${list.name} group ${names[0]} has` : `${list.name} groups ${names.join(', ')} have`} no ${key}; results of a study whose primary completion is on or after 2017-01-18 give every group a ${key}.`,
    });
  }
}
