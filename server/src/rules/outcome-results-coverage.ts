import { defineRule, type RuleContext } from '../service/types';
import { asString, protocolModule, type JsonObject } from './study';
import { objectsOf, resultsModule, RESULTS_POINTERS } from './support/ipd-results-hygiene';
import { RESULTS_DEFINITIONS_URL } from './support/results-numbers';
import { quote, capitalized } from '../service/words';

const PROTOCOL_OUTCOMES = [
  { key: 'primaryOutcomes', type: 'PRIMARY', what: 'primary' },
  { key: 'secondaryOutcomes', type: 'SECONDARY', what: 'secondary' },
] as const;

interface ReportedMeasure {
  measure: JsonObject;
  index: number;
}

export default defineRule({
  meta: {
    id: 'outcome-results-coverage',
    severity: 'warning',
    category: 'results',
    description:
      'Every primary and secondary outcome of the protocol is reported in the results (or marked not posted), with the same title and time frame',
    source: 'RES-QC (results QC criteria: outcome measures)',
    docs:
      'Once results are posted, each primary and secondary outcome measure of the protocol section has its results ' +
      'outcome measure of the same type and title, with data or with the reporting status NOT_POSTED (results not yet ' +
      'due). A protocol outcome with no counterpart in the results is a warning: the QC review returns it as a major ' +
      'issue. So is a time frame that none of the results measures of that title has (an outcome measured at several time ' +
      'points may be reported as several measures of one title). Titles and time frames are compared ignoring case and ' +
      'spacing. On the sample: all 680 primary and secondary outcomes of the 70 records with results have a results ' +
      'measure of the same type, title and time frame. See "Outcome Measures" in the ' +
      `[results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: false,
  },
  check(context) {
    const outcomeModule = resultsModule(context.record, 'outcomeMeasuresModule');
    const protocolOutcomes = protocolModule(context.record, 'outcomesModule');
    if (!outcomeModule || !protocolOutcomes) return;
    // Several results measures may share a title (one per time point): they are kept in order.
    const reported = new Map<string, ReportedMeasure[]>();
    objectsOf(outcomeModule.outcomeMeasures).forEach((measure, index) => {
      const title = asString(measure?.title);
      if (!measure || title === undefined) return;
      const key = `${asString(measure.type)}|${normalized(title)}`;
      const list = reported.get(key) ?? [];
      list.push({ measure, index });
      reported.set(key, list);
    });
    for (const kind of PROTOCOL_OUTCOMES) {
      objectsOf(protocolOutcomes[kind.key]).forEach((outcome, o) => {
        const title = asString(outcome?.measure);
        if (!outcome || !title?.trim()) return;
        const pointer = `/protocolSection/outcomesModule/${kind.key}/${o}`;
        const matches = reported.get(`${kind.type}|${normalized(title)}`);
        if (matches) checkTimeFrame(context, outcome, pointer, matches);
        else reportMissing(context, kind.what, title, pointer, outcomeModule);
      });
    }
  },
});

function reportMissing(
  context: RuleContext,
  what: string,
  title: string,
  pointer: string,
  outcomeModule: JsonObject,
): void {
  context.report({
    pointer: `${pointer}/measure`,
    message: `${capitalized(what)} outcome ${quote(title)} has no ${what} outcome measure of that title in the results; report it (or mark it NOT_POSTED if its results are not due yet), with the same title.`,
    related: [
      {
        pointer: RESULTS_POINTERS.outcomeMeasures,
        message: `${objectsOf(outcomeModule.outcomeMeasures).length} outcome measures are reported here.`,
      },
    ],
  });
}

/** The protocol's time frame is one of its results measures' (those of the same title). */
function checkTimeFrame(
  context: RuleContext,
  outcome: JsonObject,
  pointer: string,
  matches: readonly ReportedMeasure[],
): void {
  const protocolTimeFrame = asString(outcome.timeFrame);
  const { measure, index } = matches[0];
  const resultsTimeFrame = asString(measure.timeFrame);
  if (protocolTimeFrame === undefined || resultsTimeFrame === undefined) return;
  const wanted = normalized(protocolTimeFrame);
  if (matches.some((match) => normalized(asString(match.measure.timeFrame) ?? '') === wanted)) return;
  context.report({
    pointer: `${pointer}/timeFrame`,
    message: `Time frame ${quote(protocolTimeFrame)} here, but the results report this outcome over ${quote(resultsTimeFrame)}; use the same time frame in both.`,
    related: [
      { pointer: `${RESULTS_POINTERS.outcomeMeasures}/${index}/timeFrame`, message: 'The time frame of the results.' },
    ],
  });
}

function normalized(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
