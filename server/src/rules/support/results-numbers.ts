// Numbers and group names shared by the results-checking rules (flow, analyses, measures, events).
import { asArray, asObject, asString, type JsonObject } from '../study';
import { quote } from '../../service/words';

export const RESULTS_DEFINITIONS_URL = 'https://clinicaltrials.gov/policy/results-definitions';

/** A count the registry writes as text ("12") or as a number; anything else (blank, "NA", "12.5") is not one. */
export function countValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** A decimal number written as text ("-0.25", "1.5E-3"); anything else (blank, "NA", "<0.05") is not one. */
export function decimalValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** How a message names a group: `FG000 ("Placebo")`, or the id alone. */
export function groupLabel(id: string, titles: ReadonlyMap<string, string>): string {
  const title = titles.get(id);
  return title ? `${id} (${quote(title)})` : id;
}

/** The titles of a module's (or measure's) groups by id. */
export function groupTitles(groups: ReadonlyArray<JsonObject | undefined>): Map<string, string> {
  const titles = new Map<string, string>();
  for (const group of groups) {
    const id = asString(group?.id);
    const title = asString(group?.title);
    if (id !== undefined && title) titles.set(id, title);
  }
  return titles;
}

/** Whether a text field holds something other than blanks. */
export function isGiven(value: unknown): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}

/** A participant-flow period's first milestone of a type ("STARTED", "COMPLETED"), with its index. */
export function milestoneOf(period: JsonObject, type: string): { milestone: JsonObject; index: number } | undefined {
  const milestones = asArray(period.milestones);
  const index = milestones.findIndex((milestone) => asString(asObject(milestone)?.type) === type);
  return index < 0 ? undefined : { milestone: milestones[index] as JsonObject, index };
}

/** How a message names a participant-flow period: `Period "Overall Study"`, or `Period 2`. */
export function periodName(period: JsonObject, index: number): string {
  const title = asString(period.title);
  return title ? `Period ${quote(title)}` : `Period ${index + 1}`;
}
