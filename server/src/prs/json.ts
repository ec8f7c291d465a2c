// Typed reads of a parsed v2 record for the PRS mapping: every getter tolerates a missing or mistyped value.
import { isPlainObject } from '../service/types';

export type JsonObject = Record<string, unknown>;

export function objectAt(holder: unknown, key: string): JsonObject | undefined {
  const value = isPlainObject(holder) ? holder[key] : undefined;
  return isPlainObject(value) ? value : undefined;
}

export function listAt(holder: unknown, key: string): JsonObject[] {
  const value = isPlainObject(holder) ? holder[key] : undefined;
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

export function stringsAt(holder: unknown, key: string): string[] {
  const value = isPlainObject(holder) ? holder[key] : undefined;
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

export function textAt(holder: unknown, key: string): string | undefined {
  const value = isPlainObject(holder) ? holder[key] : undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function booleanAt(holder: unknown, key: string): boolean | undefined {
  const value = isPlainObject(holder) ? holder[key] : undefined;
  return typeof value === 'boolean' ? value : undefined;
}

/** Sets a value only when it is defined and not an empty list or object, so that imports carry no empty keys. */
export function put(target: object, key: string, value: unknown): void {
  if (value === undefined) return;
  if (Array.isArray(value) && value.length === 0) return;
  if (isPlainObject(value) && Object.keys(value).length === 0) return;
  (target as JsonObject)[key] = value;
}

/** The object with only the entries put keeps: no undefined, empty list or empty object (unlike the page importers' compact). */
export function compactObject(object: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(object)) put(result, key, value);
  return result;
}
