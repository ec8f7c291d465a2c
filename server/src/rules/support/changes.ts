// What the change rules share: the record before a change (RuleContext.previous), and lists of
// outcomes, arms and interventions matched by what they are called, not by their position.
import type { RuleContext } from '../../service/types';
import {
  asArray,
  asObject,
  asString,
  interventionReference,
  POINTERS,
  protocolModule,
  type JsonObject,
} from '../study';

/** The record before the change, when the run compares with one. */
export function previousRecord(context: RuleContext): JsonObject | undefined {
  return asObject(context.previous);
}

/** How a change finding quotes a value: in double quotes, cut short. */
export function quoted(value: string | undefined): string {
  if (value === undefined) return 'nothing';
  return value.length > 80 ? `"${value.slice(0, 79)}…"` : `"${value}"`;
}

/** The text a list entry is known by, compared without case or surrounding spaces. */
function matchKey(name: string): string {
  return name.trim().toLowerCase();
}

export interface Named {
  name: string;
  index: number;
  entry: JsonObject;
}

/** A list's entries that have a name, with their position in the list. */
export function namedEntries(list: unknown, nameOf: (entry: JsonObject) => string | undefined): Named[] {
  return asArray(list).flatMap((item, index) => {
    const entry = asObject(item);
    const name = entry ? nameOf(entry) : undefined;
    return entry && name !== undefined && name.trim() !== '' ? [{ name, index, entry }] : [];
  });
}

export interface Matched {
  kept: Array<{ before: Named; after: Named }>;
  removed: Named[];
  added: Named[];
}

/** Pairs the entries of two versions of a list by name; what is left unpaired was removed or added. */
export function matchByName(before: readonly Named[], after: readonly Named[]): Matched {
  const unpaired = new Map<string, Named[]>();
  for (const entry of after) unpaired.set(matchKey(entry.name), [...(unpaired.get(matchKey(entry.name)) ?? []), entry]);
  const kept: Matched['kept'] = [];
  const removed: Named[] = [];
  for (const entry of before) {
    const candidates = unpaired.get(matchKey(entry.name));
    const partner = candidates?.shift();
    if (partner) kept.push({ before: entry, after: partner });
    else removed.push(entry);
  }
  const pairedAfter = new Set(kept.map((pair) => pair.after));
  return { kept, removed, added: after.filter((entry) => !pairedAfter.has(entry)) };
}

export const OUTCOME_LISTS = [
  { key: 'primaryOutcomes', name: 'primary outcome' },
  { key: 'secondaryOutcomes', name: 'secondary outcome' },
  { key: 'otherOutcomes', name: 'other outcome' },
] as const;

export function outcomes(record: unknown, key: string): Named[] {
  return namedEntries(protocolModule(record, 'outcomesModule')?.[key], (entry) => asString(entry.measure));
}

export function outcomePointer(key: string, index?: number): string {
  return index === undefined ? `${POINTERS.outcomes}/${key}` : `${POINTERS.outcomes}/${key}/${index}`;
}

export function armEntries(record: unknown): Named[] {
  return namedEntries(protocolModule(record, 'armsInterventionsModule')?.armGroups, (entry) => asString(entry.label));
}

export function interventionEntries(record: unknown): Named[] {
  return namedEntries(
    protocolModule(record, 'armsInterventionsModule')?.interventions,
    (entry) => interventionReference(entry) ?? asString(entry.name),
  );
}

/** Whether results were submitted or posted for the record. */
export function hasResults(record: unknown): boolean {
  const study = asObject(record);
  return study?.hasResults === true || asObject(study?.resultsSection) !== undefined;
}
