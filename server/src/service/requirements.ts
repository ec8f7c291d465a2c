// Whether a field is required for this record (its study type and start date): what hover shows
// and what completion lists first. The knowledge is the required-fields rule's table; its callers
// hand the lookup to the service with the rules.
import { parsePointer } from './pointer';

/** A sentence saying whether and when the field at a dotted path is required for this record. */
export type RequirementLookup = (fieldPath: string, record: unknown) => string | undefined;

/** The field's dotted path with array levels left out, as the registry's dictionary names fields. */
export function fieldPathOf(pointer: string): string {
  return parsePointer(pointer)
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

/** A sentence saying whether and when the field at `pointer` is required for this record. */
export function requirementNote(
  pointer: string,
  record: unknown,
  lookup: RequirementLookup | undefined,
): string | undefined {
  return lookup?.(fieldPathOf(pointer), record);
}

/** Required (or holding required fields) for this record, not merely for other kinds of study. */
export function isRequiredHere(pointer: string, record: unknown, lookup: RequirementLookup | undefined): boolean {
  const note = requirementNote(pointer, record, lookup);
  return note !== undefined && /^(Required|Holds \d+ fields?)/.test(note) && !/not one of them/.test(note);
}
