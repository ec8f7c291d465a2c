// Accessors shared by the results-section rules (and the list rules) of the ipd-results-hygiene group.
import {
  asArray,
  asObject,
  asString,
  comparePartialDates,
  dateStruct,
  FINAL_RULE_DATE,
  isPartialDate,
  type JsonObject,
} from '../study';
import { quote } from '../../service/words';

export const RESULTS = '/resultsSection';

export const RESULTS_POINTERS = {
  participantFlow: `${RESULTS}/participantFlowModule`,
  baseline: `${RESULTS}/baselineCharacteristicsModule`,
  outcomeMeasures: `${RESULTS}/outcomeMeasuresModule/outcomeMeasures`,
  adverseEvents: `${RESULTS}/adverseEventsModule`,
} as const;

export function resultsModule(record: unknown, name: string): JsonObject | undefined {
  return asObject(asObject(asObject(record)?.resultsSection)?.[name]);
}

/** The items of a list as objects; anything else becomes undefined so that indexes stay true. */
export function objectsOf(value: unknown): Array<JsonObject | undefined> {
  return asArray(value).map((item) => asObject(item));
}

export function outcomeMeasures(record: unknown): Array<JsonObject | undefined> {
  return objectsOf(resultsModule(record, 'outcomeMeasuresModule')?.outcomeMeasures);
}

/** How a message names an outcome measure: by its title (`outcome measure "Pain"`), or by its place (`outcome measure 3`). */
export function measureName(measure: JsonObject | undefined, index: number): string {
  const title = asString(measure?.title);
  return `outcome measure ${title ? quote(title) : index + 1}`;
}

/** Every statistical analysis of the outcome measures, with its pointer and how a message names it ("Analysis 2 of \"Title\""). */
export function forEachAnalysis(
  record: unknown,
  visit: (analysis: JsonObject, pointer: string, name: string) => void,
): void {
  outcomeMeasures(record).forEach((measure, m) => {
    const title = asString(measure?.title);
    objectsOf(measure?.analyses).forEach((analysis, a) => {
      if (analysis)
        visit(
          analysis,
          `${RESULTS_POINTERS.outcomeMeasures}/${m}/analyses/${a}`,
          `Analysis ${a + 1} of ${title ? quote(title) : `outcome measure ${m + 1}`}`,
        );
    });
  });
}

/** A count as the record holds it: only a finite number counts (the schema reports other types). */
export function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Whether the registry's Final Rule requirements for results apply. For results it goes by the
 * primary completion date (the registry's own gate for its results checks), not the start date;
 * the strict preset's `finalRule: "always"` turns them on for every record.
 */
export function resultsUnderFinalRule(context: { record: unknown; options: Record<string, unknown> }): boolean {
  if (context.options.finalRule === 'always') return true;
  const primaryCompletion = dateStruct(context.record, 'primaryCompletionDateStruct')?.date;
  return isPartialDate(primaryCompletion) && comparePartialDates(primaryCompletion, FINAL_RULE_DATE) >= 0;
}

export function stringOf(object: JsonObject | undefined, key: string): string | undefined {
  return asString(object?.[key]);
}
