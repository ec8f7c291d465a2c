// Helpers shared by the required-field, outcome and eligibility rules.
import { asArray, asObject, asString, protocolModule, type JsonObject } from '../study';

/** A value the registry would store as missing: absent, null, blank text or an empty list. */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return !startsVisibly(value) && value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** Most values start with a visible ASCII character: then they need no trimming to tell they are not blank. */
function startsVisibly(value: string): boolean {
  const first = value.charCodeAt(0);
  return first > 32 && first < 127;
}

/** A short, recognisable name for a list entry in messages: its name, label, title or place. */
export function itemLabel(item: JsonObject): string | undefined {
  for (const key of ['name', 'label', 'measure', 'title', 'facility', 'id']) {
    const text = asString(item[key])?.trim();
    if (text) return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  }
  const place = [asString(item.city), asString(item.country)].filter((part) => part?.trim()).join(', ');
  return place || undefined;
}

/** "location 3 ("Mayo Clinic")": 1-based, as a curator counts. */
export function describeItem(noun: string, index: number, item: JsonObject): string {
  const label = itemLabel(item);
  return label ? `${noun} ${index + 1} ("${label}")` : `${noun} ${index + 1}`;
}

/** Expanded access for individual patients only: the registry waives several fields for it. */
export function isIndividualPatientExpandedAccess(record: unknown): boolean {
  const types = asObject(protocolModule(record, 'designModule')?.expandedAccessTypes);
  return types?.individual === true && types.intermediate !== true && types.treatment !== true;
}

// Ages and durations ("18 Years", "6 Months"): the registry's one number and unit.
const AGE_PATTERN = /^(\d+) (Year|Years|Month|Months|Week|Weeks|Day|Days|Hour|Hours|Minute|Minutes)$/;

/**
 * Minutes per unit, with a year of 365.25 days and a month of a twelfth of that, so that
 * "12 Months" and "1 Year" are the same quantity and every value stays an exact integer.
 */
const MINUTES_PER_UNIT: Record<string, number> = {
  Year: 525960,
  Month: 43830,
  Week: 10080,
  Day: 1440,
  Hour: 60,
  Minute: 1,
};

export const MINUTES_PER_YEAR = MINUTES_PER_UNIT.Year;

/** An age in minutes, or undefined when the text is not in the registry's form. */
export function ageInMinutes(value: unknown): number | undefined {
  const match = typeof value === 'string' ? AGE_PATTERN.exec(value) : null;
  if (!match) return undefined;
  const unit = match[2].replace(/s$/, '');
  return Number(match[1]) * MINUTES_PER_UNIT[unit];
}

export const ELIGIBILITY_POINTER = '/protocolSection/eligibilityModule';

export function eligibility(record: unknown): JsonObject | undefined {
  return protocolModule(record, 'eligibilityModule');
}

/** The protocol's outcome lists with their JSON Pointer and how a curator names an entry. */
export const OUTCOME_LISTS = [
  { key: 'primaryOutcomes', noun: 'primary outcome' },
  { key: 'secondaryOutcomes', noun: 'secondary outcome' },
  { key: 'otherOutcomes', noun: 'other outcome' },
] as const;

export interface OutcomeEntry {
  pointer: string;
  outcome: JsonObject;
  description: string;
  /** The key that holds the outcome's title: "measure" in the protocol, "title" in results. */
  titleKey: 'measure' | 'title';
}

/** Every outcome of the protocol and of posted results, with where it is and how to name it. */
export function outcomeEntries(record: unknown): OutcomeEntry[] {
  const entries: OutcomeEntry[] = [];
  const outcomes = protocolModule(record, 'outcomesModule');
  for (const list of OUTCOME_LISTS) {
    asArray(outcomes?.[list.key]).forEach((value, index) => {
      const outcome = asObject(value);
      if (outcome)
        entries.push({
          pointer: `/protocolSection/outcomesModule/${list.key}/${index}`,
          outcome,
          description: `${list.noun} ${index + 1}`,
          titleKey: 'measure',
        });
    });
  }
  const results = asObject(asObject(asObject(record)?.resultsSection)?.outcomeMeasuresModule);
  asArray(results?.outcomeMeasures).forEach((value, index) => {
    const outcome = asObject(value);
    if (outcome)
      entries.push({
        pointer: `/resultsSection/outcomeMeasuresModule/outcomeMeasures/${index}`,
        outcome,
        description: `results outcome measure ${index + 1}`,
        titleKey: 'title',
      });
  });
  return entries;
}
