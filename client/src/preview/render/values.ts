// Reading a record of any shape: each reader returns undefined (or an empty list) where the record
// does not have the expected type, so the sections render what is there and skip the rest.
import { asArray, asObject, type JsonObject } from '../../../../server/src/rules/study';
import { enumLabel, schemaAt } from '../../../../server/src/service/studySchema';
import { childPointer, isWithin } from '../../../../server/src/service/pointer';

export { asArray, asObject, childPointer, isWithin, type JsonObject };

/** Text to show for a scalar: strings as they are, numbers and booleans written out. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function objects(value: unknown): JsonObject[] {
  return asArray(value).map((item) => asObject(item) ?? {});
}

/** The texts of a list, skipping items that are not scalars. */
export function texts(value: unknown): string[] {
  return asArray(value)
    .map(text)
    .filter((item): item is string => item !== undefined);
}

export function count(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

export function yesNo(value: unknown): string | undefined {
  return value === true ? 'Yes' : value === false ? 'No' : text(value);
}

/**
 * The registry's display label of the code at `pointer` (e.g. PHASE2 at .../phases/0 → "Phase 2");
 * codes the schema does not know are shown as written.
 */
export function label(pointer: string, value: unknown): string | undefined {
  const code = text(value);
  if (code === undefined) return undefined;
  return enumLabel(schemaAt(pointer), code) ?? code;
}
