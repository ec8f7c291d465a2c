import { defineRule, type RuleContext } from '../service/types';
import { asString, FINAL_RULE_OPTIONS, type JsonObject } from './study';
import { objectsOf, resultsModule, RESULTS_POINTERS, resultsUnderFinalRule } from './support/ipd-results-hygiene';
import {
  countValue,
  decimalValue,
  groupLabel,
  groupTitles,
  isGiven,
  RESULTS_DEFINITIONS_URL,
} from './support/results-numbers';
import { plural, quote } from '../service/words';
import { predates, type Cutover } from './support/registry-periods';

const BASE = RESULTS_POINTERS.adverseEvents;
/** The highest frequency threshold the registry allows for other (not serious) adverse events, in percent. */
const MAX_THRESHOLD = 5;
/** The counts of participants at risk an event group gives: serious events, other events, deaths. */
const AT_RISK_KEYS = ['seriousNumAtRisk', 'otherNumAtRisk', 'deathsNumAtRisk'];
/** The registry's PRS release of June 2018 began asking why a group had no participant at risk, of results submitted since. */
const ZERO_AT_RISK_ASKED: Cutover = { since: '2018-06', by: 'results-submission' };

export default defineRule({
  meta: {
    id: 'adverse-event-reporting',
    severity: 'warning',
    category: 'results',
    description:
      'Adverse events: a frequency threshold of 0–5% that every other event reaches, a reason for any group with nobody at risk, and (primary completion from 2017-01-18) a time frame, source vocabularies and the all-cause mortality table',
    source: 'RES-07 (results data element definitions: adverse events), RES-03',
    docs:
      'Other (not serious) adverse events are reported when they affect at least a set share of the participants at ' +
      'risk in some group: the frequency threshold, which is at most 5% (0 reports every event). So each other event in ' +
      'the table reaches the threshold in at least one group. For studies whose primary completion date is on or after ' +
      '2017-01-18 (the Final Rule), the module also gives the time frame over which events were collected, the ' +
      'vocabulary each serious event term comes from (e.g. "MedDRA 25.0"), and the all-cause mortality table (deaths affected and ' +
      'at risk in every group). A description of how events were collected is asked only where it differs from the ' +
      "registry's definitions, so it is checked only where a group had nobody at risk (below). All are warnings: the QC " +
      'review returns them as major issues. ' +
      'On the sample of 70 records with results: every threshold is between 0 and 5 (40 use 0, 20 use 5, one 1.7), no ' +
      'other event lies below its threshold, and of the 33 records whose primary completion is on or after 2017-01-18 ' +
      'none lacks the time frame, the mortality table or the vocabulary of a serious event; 5 of them give no vocabulary ' +
      'for any of their other events (1 to 6 each), so other events are not checked for it. The rule option `finalRule: "always"` applies the Final Rule checks to every ' +
      'record. ' +
      'A group with no participant at risk (0 for serious events, other events or deaths) needs a reason, given in ' +
      "the module's description of how events were collected (description); the registry's QC has asked for it since " +
      'its PRS release of June 2018, whatever the study dates, so results first submitted before then are not checked ' +
      '(the option `finalRule: "always"` checks them too). On the sample, 8 records have such a group: the 5 whose ' +
      'results came after June 2018 all give that description (one says "no adverse events were collected due to ' +
      'early termination"), and the only one without it submitted its results in 2013. ' +
      `See "Adverse Events" in the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    const adverseEvents = resultsModule(context.record, 'adverseEventsModule');
    if (!adverseEvents) return;
    const underFinalRule = resultsUnderFinalRule(context);
    const threshold = checkThreshold(context, adverseEvents, underFinalRule);
    if (threshold !== undefined && threshold > 0) checkOtherEvents(context, adverseEvents, threshold);
    checkZeroAtRisk(context, adverseEvents);
    if (!underFinalRule) return;
    if (!isGiven(adverseEvents.timeFrame)) {
      context.report({
        pointer: `${BASE}/timeFrame`,
        target: 'key',
        message:
          'No time frame for the adverse events: they do not say over which time frame they were collected; give it in timeFrame (e.g. "From first dose to 30 days after the last dose, up to 14 months").',
      });
    }
    checkSourceVocabulary(context, adverseEvents);
    checkMortality(context, adverseEvents);
  },
});

function checkThreshold(context: RuleContext, adverseEvents: JsonObject, underFinalRule: boolean): number | undefined {
  const text = asString(adverseEvents.frequencyThreshold);
  if (text === undefined || text.trim() === '') {
    if (underFinalRule && objectsOf(adverseEvents.otherEvents).length > 0) {
      context.report({
        pointer: `${BASE}/frequencyThreshold`,
        target: 'key',
        message: `Other adverse events have no frequency threshold; give the percentage (0 to ${MAX_THRESHOLD}) of participants at risk above which an event is reported.`,
      });
    }
    return undefined;
  }
  const threshold = decimalValue(text);
  if (threshold !== undefined && threshold >= 0 && threshold <= MAX_THRESHOLD) return threshold;
  context.report({
    pointer: `${BASE}/frequencyThreshold`,
    message: `Frequency threshold for other adverse events is ${quote(text)}; it is a percentage from 0 to ${MAX_THRESHOLD} (0 reports every event), written as a number.`,
  });
  return undefined;
}

/** Each other event reaches the threshold (affected / at risk, in percent) in at least one group. */
function checkOtherEvents(context: RuleContext, adverseEvents: JsonObject, threshold: number): void {
  objectsOf(adverseEvents.otherEvents).forEach((event, e) => {
    const stats = objectsOf(event?.stats);
    let highest: number | undefined;
    for (const stat of stats) {
      const affected = countValue(stat?.numAffected);
      const atRisk = countValue(stat?.numAtRisk);
      if (affected === undefined || atRisk === undefined || atRisk === 0) continue;
      highest = Math.max(highest ?? 0, (100 * affected) / atRisk);
    }
    // Half a percentage point of margin for rounding: 1 of 21 is 4.76%, which reports call 5%.
    if (highest === undefined || highest >= threshold - 0.5) return;
    const term = asString(event?.term);
    context.report({
      pointer: `${BASE}/otherEvents/${e}`,
      target: 'key',
      message: `Other adverse event ${term ? quote(term) : e + 1} is below the reporting threshold of ${threshold}%: it affects at most ${round(highest)}% of the participants at risk in any group; remove it, or lower the threshold.`,
      related: [{ pointer: `${BASE}/frequencyThreshold`, message: `The threshold: ${threshold}%.` }],
    });
  });
}

/** Serious events only: 5 published Final Rule records give no vocabulary for any of their other events. */
function checkSourceVocabulary(context: RuleContext, adverseEvents: JsonObject): void {
  const events = objectsOf(adverseEvents.seriousEvents);
  const first = events.findIndex((event) => event !== undefined && !isGiven(event.sourceVocabulary));
  if (first < 0) return;
  const missing = events.filter((event) => event !== undefined && !isGiven(event.sourceVocabulary)).length;
  context.report({
    pointer: `${BASE}/seriousEvents/${first}`,
    target: 'key',
    message: `${missing} of ${plural(events.length, 'serious adverse event')} have no source vocabulary (the first is here); give the vocabulary of each term, e.g. "MedDRA 25.0".`,
  });
}

function checkMortality(context: RuleContext, adverseEvents: JsonObject): void {
  const groups = objectsOf(adverseEvents.eventGroups);
  const lacking = groups.findIndex(
    (group) => group !== undefined && (group.deathsNumAffected === undefined || group.deathsNumAtRisk === undefined),
  );
  if (lacking < 0) return;
  context.report({
    pointer: `${BASE}/eventGroups/${lacking}`,
    target: 'key',
    message: `Event group ${asString(groups[lacking]?.id) ?? lacking + 1} has no all-cause mortality counts; give the deaths (deathsNumAffected) and the participants at risk (deathsNumAtRisk) for every group.`,
  });
}

/** A group with nobody at risk says why, in the module's description. */
function checkZeroAtRisk(context: RuleContext, adverseEvents: JsonObject): void {
  const keptWithout = context.options.finalRule !== 'always' && predates(context.record, ZERO_AT_RISK_ASKED);
  if (isGiven(adverseEvents.description) || keptWithout) return;
  const groups = objectsOf(adverseEvents.eventGroups);
  const titles = groupTitles(groups);
  const empty = groups.flatMap((group, g) =>
    group && AT_RISK_KEYS.some((key) => countValue(group[key]) === 0)
      ? [groupLabel(asString(group.id) ?? String(g + 1), titles)]
      : [],
  );
  if (empty.length === 0) return;
  context.report({
    pointer: `${BASE}/description`,
    target: 'key',
    message: `${empty.length === 1 ? `Event group ${empty[0]} has` : `Event groups ${empty.join(', ')} have`} 0 participants at risk without saying why; explain it in the adverse event description (description), e.g. "No participant was assigned to this group before the study stopped, so no events were collected."`,
  });
}

function round(percent: number): number {
  return Math.round(percent * 10) / 10;
}
