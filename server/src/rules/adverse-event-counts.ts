import { defineRule, type RuleContext } from '../service/types';
import { asString, type JsonObject } from './study';
import { countOf, objectsOf, resultsModule, RESULTS_POINTERS } from './support/ipd-results-hygiene';
import { capitalized, quote } from '../service/words';

/** The three totals an event group carries, each an affected count and its participants at risk. */
const GROUP_TOTALS = [
  { prefix: 'deaths', what: 'deaths (all-cause mortality)' },
  { prefix: 'serious', what: 'serious adverse events' },
  { prefix: 'other', what: 'other (not serious) adverse events' },
] as const;

const EVENT_LISTS = [
  { key: 'seriousEvents', what: 'serious adverse event' },
  { key: 'otherEvents', what: 'other adverse event' },
] as const;

export default defineRule({
  meta: {
    id: 'adverse-event-counts',
    severity: 'error',
    category: 'results',
    description: 'Adverse event counts: affected ≤ at risk, and events ≥ affected',
    source: 'RES-02',
    docs:
      'In the adverse events, the participants affected are counted among the participants at risk, so they can never be ' +
      'more; and each affected participant had at least one event, so the number of events can never be below the number ' +
      'affected. This holds for every event term per group (numAffected, numAtRisk, numEvents) and for the totals of each ' +
      'event group (deaths, serious and other: …NumAffected ≤ …NumAtRisk). Example: 12 participants affected out of 10 at ' +
      'risk, or 3 events in 5 affected participants, is a typing error in one of the two numbers.',
    fixable: false,
  },
  check(context) {
    const adverseEvents = resultsModule(context.record, 'adverseEventsModule');
    if (!adverseEvents) return;
    const groupTitles = checkEventGroups(context, adverseEvents);
    for (const list of EVENT_LISTS) {
      objectsOf(adverseEvents[list.key]).forEach((event, e) => {
        const stats = event?.stats;
        if (!Array.isArray(stats)) return;
        // Thousands of stats in a large record: names and pointers are built only for a finding.
        for (let s = 0; s < stats.length; s++) {
          if (!isConsistent(stats[s]))
            reportEventStats(
              context,
              stats[s] as JsonObject,
              `${RESULTS_POINTERS.adverseEvents}/${list.key}/${e}/stats/${s}`,
              eventName(list.what, event, e),
              groupTitles,
            );
        }
      });
    }
  },
});

/** Checks the event groups' totals and returns their titles by id, for naming groups in messages. */
function checkEventGroups(context: RuleContext, adverseEvents: JsonObject): Map<string, string> {
  const titles = new Map<string, string>();
  objectsOf(adverseEvents.eventGroups).forEach((group, g) => {
    if (!group) return;
    const name = groupName(group, g);
    const id = asString(group.id);
    if (id !== undefined) titles.set(id, name);
    const base = `${RESULTS_POINTERS.adverseEvents}/eventGroups/${g}`;
    for (const { prefix, what } of GROUP_TOTALS) {
      const affected = countOf(group[`${prefix}NumAffected`]);
      const atRisk = countOf(group[`${prefix}NumAtRisk`]);
      if (affected === undefined || atRisk === undefined || affected <= atRisk) continue;
      context.report({
        pointer: `${base}/${prefix}NumAffected`,
        message: `${capitalized(name)}: ${affected} participants affected by ${what}, but only ${atRisk} at risk; the number affected can't exceed the number at risk.`,
        related: [{ pointer: `${base}/${prefix}NumAtRisk`, message: `${atRisk} participants at risk of ${what}.` }],
      });
    }
  });
  return titles;
}

function isConsistent(stats: unknown): boolean {
  if (stats === null || typeof stats !== 'object') return true;
  const affected = countOf((stats as JsonObject).numAffected);
  if (affected === undefined) return true;
  const atRisk = countOf((stats as JsonObject).numAtRisk);
  const events = countOf((stats as JsonObject).numEvents);
  return !(atRisk !== undefined && affected > atRisk) && !(events !== undefined && events < affected);
}

function eventName(what: string, event: JsonObject | undefined, index: number): string {
  const term = asString(event?.term);
  return term ? `${what} ${quote(term)}` : `${what} ${index + 1}`;
}

function reportEventStats(
  context: RuleContext,
  stats: JsonObject,
  base: string,
  name: string,
  groupTitles: Map<string, string>,
): void {
  const affected = countOf(stats.numAffected);
  const atRisk = countOf(stats.numAtRisk);
  const events = countOf(stats.numEvents);
  const groupId = asString(stats.groupId);
  const group = groupId === undefined ? '' : ` in ${groupTitles.get(groupId) ?? `group ${quote(groupId)}`}`;
  if (affected !== undefined && atRisk !== undefined && affected > atRisk) {
    context.report({
      pointer: `${base}/numAffected`,
      message: `${capitalized(name)}${group}: ${affected} participants affected, but only ${atRisk} at risk; the number affected can't exceed the number at risk.`,
      related: [{ pointer: `${base}/numAtRisk`, message: `${atRisk} participants at risk.` }],
    });
  }
  if (affected !== undefined && events !== undefined && events < affected) {
    context.report({
      pointer: `${base}/numEvents`,
      message: `${capitalized(name)}${group}: ${events} event${events === 1 ? '' : 's'} for ${affected} affected participants; every affected participant had at least one event, so there are at least ${affected}.`,
      related: [{ pointer: `${base}/numAffected`, message: `${affected} participants affected.` }],
    });
  }
}

function groupName(group: JsonObject, index: number): string {
  const id = asString(group.id);
  const title = asString(group.title);
  if (id && title) return `group ${id} (${quote(title)})`;
  return id ? `group ${id}` : `event group ${index + 1}`;
}
