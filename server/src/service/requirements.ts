// Whether a field is required for this record (its study type and start date), from the same
// table the required-fields rule checks: what hover shows and what completion lists first.
import { requirementFor } from '../rules/required-fields';
import { parsePointer } from './pointer';

/** The field's dotted path with array levels left out, as the registry's dictionary names fields. */
export function fieldPathOf(pointer: string): string {
  return parsePointer(pointer)
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

/** A sentence saying whether and when the field at `pointer` is required for this record. */
export function requirementNote(pointer: string, record: unknown): string | undefined {
  return requirementFor(fieldPathOf(pointer), record);
}

/** Required (or holding required fields) for this record, not merely for other kinds of study. */
export function isRequiredHere(pointer: string, record: unknown): boolean {
  const note = requirementNote(pointer, record);
  return note !== undefined && /^(Required|Holds fields)/.test(note) && !/not one of them/.test(note);
}
