// Shared reading of the design module and of the arm ↔ intervention links, for the design and arms rules.
import type { Fix } from '../../service/types';
import { closeCandidates, sameIgnoringCase } from '../../service/similarity';
import {
  asArray,
  asObject,
  asString,
  INTERVENTION_TYPE_LABELS,
  interventionReference,
  interventions,
  POINTERS,
  protocolModule,
  type JsonObject,
} from '../study';
import { replaceWith } from './fixes';

export const DESIGN_INFO = `${POINTERS.design}/designInfo`;

export function designInfo(record: unknown): JsonObject | undefined {
  return asObject(protocolModule(record, 'designModule')?.designInfo);
}

export function armPointer(index: number): string {
  return `${POINTERS.arms}/armGroups/${index}`;
}

export function interventionPointer(index: number): string {
  return `${POINTERS.arms}/interventions/${index}`;
}

/** The number of arms when the record lists them; undefined when it has no arm list (nothing to compare with). */
export function armCount(record: unknown): number | undefined {
  const list = protocolModule(record, 'armsInterventionsModule')?.armGroups;
  return Array.isArray(list) && list.length > 0 ? list.length : undefined;
}

export function pluralArms(count: number): string {
  return count === 1 ? '1 arm' : `${count} arms`;
}

/** Intervention types when every intervention has a known type; undefined when any type is missing or unknown. */
export function knownInterventionTypes(record: unknown): string[] | undefined {
  const types = interventions(record).map((intervention) => asString(intervention.type));
  if (types.length === 0 || types.some((type) => type === undefined || !(type in INTERVENTION_TYPE_LABELS)))
    return undefined;
  return types as string[];
}

/** The string entries of a list, or undefined when the value is not a list of strings only. */
export function stringList(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) return undefined;
  return value as string[];
}

/** An arm as the cross-reference rules see it. */
export interface ArmView {
  index: number;
  label: string | undefined;
  type: string | undefined;
  /** undefined when `interventionNames` has a wrong shape. */
  interventionNames: string[] | undefined;
}

/** An intervention as the cross-reference rules see it. */
export interface InterventionView {
  index: number;
  name: string | undefined;
  /** "<type label>: <name>", undefined when the type or name is missing or unknown. */
  reference: string | undefined;
  /** undefined when `armGroupLabels` has a wrong shape. */
  armGroupLabels: string[] | undefined;
}

/** How a message names an arm: by its label, or by its position when it has none. */
export function armName(arm: ArmView): string {
  return arm.label === undefined ? `Arm ${arm.index + 1}` : `Arm "${arm.label}"`;
}

/** The arms that are objects (others are the schema's finding), each with its index in the list. */
export function armViews(record: unknown): ArmView[] {
  return objectsOf(armsModuleList(record, 'armGroups')).map(({ item: arm, index }) => ({
    index,
    label: asString(arm.label),
    type: asString(arm.type),
    interventionNames: stringList(arm.interventionNames),
  }));
}

/** The interventions that are objects, each with its index in the list. */
export function interventionViews(record: unknown): InterventionView[] {
  return objectsOf(armsModuleList(record, 'interventions')).map(({ item: intervention, index }) => ({
    index,
    name: asString(intervention.name),
    reference: interventionReference(intervention),
    armGroupLabels: stringList(intervention.armGroupLabels),
  }));
}

function armsModuleList(record: unknown, key: 'armGroups' | 'interventions'): unknown[] {
  return asArray(protocolModule(record, 'armsInterventionsModule')?.[key]);
}

function objectsOf(list: unknown[]): Array<{ item: JsonObject; index: number }> {
  return list.flatMap((value, index) => {
    const item = asObject(value);
    return item ? [{ item, index }] : [];
  });
}

/** Members of `items` grouped by a key; items without a key are left out. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** For each arm label, the interventions that list it in their armGroupLabels (each once, in order). */
export function interventionsByArmLabel(items: readonly InterventionView[]): Map<string, InterventionView[]> {
  const byLabel = new Map<string, InterventionView[]>();
  for (const item of items) {
    for (const label of new Set(item.armGroupLabels ?? [])) {
      const listing = byLabel.get(label);
      if (listing) listing.push(item);
      else byLabel.set(label, [item]);
    }
  }
  return byLabel;
}

/** How a reference that names nothing is repaired: the one candidate equal to it but for case or spaces, else the one a typo away (the fix); several such candidates are suggestions. */
export function referenceRepair(
  value: string,
  candidates: readonly string[],
  pointer: string,
): { suggestion?: string; fix?: Fix; suggestions?: Fix[] } {
  const close = closeCandidates(value, candidates);
  const suggestion = sameIgnoringCase(value, candidates) ?? (close.length === 1 ? close[0] : undefined);
  if (suggestion) return { suggestion, fix: replaceWith(pointer, suggestion) };
  return close.length > 1 ? { suggestions: close.map((candidate) => replaceWith(pointer, candidate)) } : {};
}
