import { defineRule, type Fix, type RuleContext } from '../service/types';
import { closeCandidates } from '../service/similarity';
import { asArray, asString, type JsonObject } from './study';
import {
  measureName,
  objectsOf,
  outcomeMeasures,
  resultsModule,
  RESULTS_POINTERS,
} from './support/ipd-results-hygiene';
import { capitalized, listOf, quote } from '../service/words';

/** The groups one part of the results declares, and what its references found missing. */
interface GroupScope {
  /** How the message names the part: "the participant flow", 'outcome measure "Overall survival"'. */
  name: string;
  groupsPointer: string;
  ids: Set<string>;
  idList: string[];
  unresolved: number;
  firstUnresolved?: string;
}

export default defineRule({
  meta: {
    id: 'results-group-reference',
    severity: 'error',
    category: 'results',
    description: 'Every group id in the results refers to a group declared in the same module (or outcome measure)',
    source: 'RES-01',
    docs:
      'Each part of the results declares its own groups with ids (FG… in the participant flow, BG… in the baseline, ' +
      'OG… in each outcome measure, EG… in the adverse events), and every count, measurement, denominator and analysis ' +
      'names the group it belongs to by that id. An id that matches no group of the same part leaves the number without ' +
      'a column. Example: an outcome measure that declares OG000 and OG001 cannot hold a measurement for "OG002", nor for ' +
      '"BG001", which is a baseline group.',
    fixable: true,
  },
  check(context) {
    checkParticipantFlow(context);
    checkBaseline(context);
    checkOutcomeMeasures(context);
    checkAdverseEvents(context);
  },
});

function checkParticipantFlow(context: RuleContext): void {
  const flow = resultsModule(context.record, 'participantFlowModule');
  if (!flow) return;
  const base = RESULTS_POINTERS.participantFlow;
  const scope = declaredGroups('the participant flow', flow, base);
  objectsOf(flow.periods).forEach((period, p) => {
    objectsOf(period?.milestones).forEach((milestone, m) => {
      if (refersToUndeclared(scope, milestone?.achievements))
        checkGroupIds(context, scope, milestone?.achievements, `${base}/periods/${p}/milestones/${m}/achievements`);
    });
    objectsOf(period?.dropWithdraws).forEach((dropWithdraw, d) => {
      if (refersToUndeclared(scope, dropWithdraw?.reasons))
        checkGroupIds(context, scope, dropWithdraw?.reasons, `${base}/periods/${p}/dropWithdraws/${d}/reasons`);
    });
  });
  reportUndeclared(context, scope);
}

function checkBaseline(context: RuleContext): void {
  const baseline = resultsModule(context.record, 'baselineCharacteristicsModule');
  if (!baseline) return;
  const base = RESULTS_POINTERS.baseline;
  const scope = declaredGroups('the baseline characteristics', baseline, base);
  checkDenoms(context, scope, baseline.denoms, `${base}/denoms`);
  objectsOf(baseline.measures).forEach((measure, m) => checkMeasure(context, scope, measure, `${base}/measures/${m}`));
  reportUndeclared(context, scope);
}

function checkOutcomeMeasures(context: RuleContext): void {
  outcomeMeasures(context.record).forEach((measure, m) => {
    if (!measure) return;
    const base = `${RESULTS_POINTERS.outcomeMeasures}/${m}`;
    const scope = declaredGroups(measureName(measure, m), measure, base);
    checkMeasure(context, scope, measure, base);
    objectsOf(measure.analyses).forEach((analysis, a) => {
      asArray(analysis?.groupIds).forEach((groupId, g) =>
        checkGroupId(context, scope, groupId, `${base}/analyses/${a}/groupIds/${g}`),
      );
    });
    reportUndeclared(context, scope);
  });
}

function checkAdverseEvents(context: RuleContext): void {
  const adverseEvents = resultsModule(context.record, 'adverseEventsModule');
  if (!adverseEvents) return;
  const base = RESULTS_POINTERS.adverseEvents;
  const scope = declaredGroups('the adverse events', adverseEvents, base, 'eventGroups');
  for (const list of ['seriousEvents', 'otherEvents']) {
    objectsOf(adverseEvents[list]).forEach((event, e) => {
      if (refersToUndeclared(scope, event?.stats))
        checkGroupIds(context, scope, event?.stats, `${base}/${list}/${e}/stats`);
    });
  }
  reportUndeclared(context, scope);
}

/** Denominators and measurements of a baseline or outcome measure, with its per-class denominators. */
function checkMeasure(context: RuleContext, scope: GroupScope, measure: JsonObject | undefined, base: string): void {
  checkDenoms(context, scope, measure?.denoms, `${base}/denoms`);
  objectsOf(measure?.classes).forEach((measureClass, c) => {
    checkDenoms(context, scope, measureClass?.denoms, `${base}/classes/${c}/denoms`);
    objectsOf(measureClass?.categories).forEach((category, g) => {
      if (refersToUndeclared(scope, category?.measurements))
        checkGroupIds(context, scope, category?.measurements, `${base}/classes/${c}/categories/${g}/measurements`);
    });
  });
}

function checkDenoms(context: RuleContext, scope: GroupScope, denoms: unknown, base: string): void {
  objectsOf(denoms).forEach((denom, d) => {
    if (refersToUndeclared(scope, denom?.counts)) checkGroupIds(context, scope, denom?.counts, `${base}/${d}/counts`);
  });
}

/** Whether an item of a list names a group the scope does not declare: only then are pointers built (results have thousands of lists). */
function refersToUndeclared(scope: GroupScope, items: unknown): boolean {
  if (!Array.isArray(items)) return false;
  for (const item of items as unknown[]) {
    const groupId = item !== null && typeof item === 'object' ? (item as JsonObject).groupId : undefined;
    if (typeof groupId === 'string' && !scope.ids.has(groupId)) return true;
  }
  return false;
}

/** The `groupId` of every item of a list; the item's pointer is built only for a finding. */
function checkGroupIds(context: RuleContext, scope: GroupScope, items: unknown, listPointer: string): void {
  if (!Array.isArray(items)) return;
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    if (item === null || typeof item !== 'object') continue;
    const groupId = (item as JsonObject).groupId;
    if (typeof groupId === 'string' && !scope.ids.has(groupId))
      checkGroupId(context, scope, groupId, `${listPointer}/${index}/groupId`);
  }
}

function checkGroupId(context: RuleContext, scope: GroupScope, groupId: unknown, pointer: string): void {
  // Other types are the schema's finding.
  if (typeof groupId !== 'string' || scope.ids.has(groupId)) return;
  if (scope.idList.length === 0) {
    scope.unresolved++;
    scope.firstUnresolved ??= groupId;
    return;
  }
  const candidates = likelyGroupIds(groupId, scope.idList);
  const suggestion = candidates.length === 1 ? candidates[0] : undefined;
  const declared = `its groups are ${listOf(scope.idList, 6)}`;
  context.report({
    pointer,
    message: suggestion
      ? `${quote(groupId)} is not a group of ${scope.name} (${declared}); did you mean ${quote(suggestion)}?`
      : `${quote(groupId)} is not a group of ${scope.name}; ${declared}.`,
    related: [{ pointer: scope.groupsPointer, message: `The groups of ${scope.name} are declared here.` }],
    fix: suggestion ? replaceWith(pointer, suggestion) : undefined,
    suggestions: candidates.length > 1 ? candidates.map((candidate) => replaceWith(pointer, candidate)) : undefined,
  });
}

/** A part of the results that refers to groups but declares none: one finding, not one per reference. */
function reportUndeclared(context: RuleContext, scope: GroupScope): void {
  if (scope.unresolved === 0 || scope.firstUnresolved === undefined) return;
  const others = scope.unresolved - 1;
  context.report({
    pointer: scope.groupsPointer,
    target: 'key',
    message:
      `${capitalized(scope.name.replace(/^the /, ''))} refers to group ${quote(scope.firstUnresolved)}` +
      `${others > 0 ? ` and ${others} more group reference${others > 1 ? 's' : ''}` : ''}, but declares no group ids; ` +
      'declare each group with its id, title and description.',
  });
}

function declaredGroups(name: string, module: JsonObject, base: string, key = 'groups'): GroupScope {
  const idList = objectsOf(module[key])
    .map((group) => asString(group?.id))
    .filter((id): id is string => id !== undefined);
  return { name, groupsPointer: `${base}/${key}`, ids: new Set(idList), idList, unresolved: 0 };
}

/**
 * The declared ids a wrong one most likely meant: the same id in another case, the same number with
 * this part's prefix ("BG001" in an outcome measure means "OG001"), or a close typo.
 */
function likelyGroupIds(groupId: string, idList: readonly string[]): string[] {
  const sameIgnoringCase = idList.filter((id) => id.toLowerCase() === groupId.toLowerCase());
  if (sameIgnoringCase.length > 0) return sameIgnoringCase;
  const number = numberOf(groupId);
  const sameNumber = number === undefined ? [] : idList.filter((id) => numberOf(id) === number);
  if (sameNumber.length > 0) return sameNumber;
  return closeCandidates(groupId, idList);
}

function numberOf(groupId: string): number | undefined {
  const digits = /\d+$/.exec(groupId)?.[0];
  return digits === undefined ? undefined : Number(digits);
}

function replaceWith(pointer: string, id: string): Fix {
  return { title: `Replace with ${quote(id)}`, changes: [{ op: 'set', pointer, value: id }] };
}
