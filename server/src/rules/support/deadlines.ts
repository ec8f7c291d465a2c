// Dates a reviewer must see coming: adding months to a partial date, and whether a study looks like an
// applicable clinical trial (one that must report results) from what its public record says.
import {
  asArray,
  asObject,
  isOneOf,
  isPartialDate,
  POINTERS,
  protocolModule,
  studyType,
  type JsonObject,
} from '../study';

/** `date` (yyyy, yyyy-MM or yyyy-MM-dd) moved on by whole months, at the same precision; a day past a month's end is its last day. */
export function addMonths(date: string, months: number): string {
  const [year, month = 1, day] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = (total % 12) + 1;
  const yearText = String(newYear).padStart(4, '0');
  if (date.length === 4) return yearText;
  const monthText = `${yearText}-${String(newMonth).padStart(2, '0')}`;
  if (day === undefined) return monthText;
  const lastDay = new Date(Date.UTC(newYear, newMonth, 0)).getUTCDate();
  return `${monthText}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

const EARLY_PHASES = ['EARLY_PHASE1', 'PHASE1'];

/** Why a study is not an applicable clinical trial on what its record shows, or undefined when it looks like one. */
export function notApplicableBecause(record: unknown): string | undefined {
  if (studyType(record) !== 'INTERVENTIONAL') return 'not interventional';
  const oversight = protocolModule(record, 'oversightModule');
  if (oversight?.isFdaRegulatedDrug !== true && oversight?.isFdaRegulatedDevice !== true)
    return 'no FDA-regulated product';
  const design = protocolModule(record, 'designModule');
  const phases = asArray(design?.phases);
  if (
    oversight?.isFdaRegulatedDevice !== true &&
    phases.length > 0 &&
    phases.every((phase) => isOneOf(EARLY_PHASES, phase))
  )
    return 'a phase 1 drug study';
  if (asObject(design?.designInfo)?.primaryPurpose === 'DEVICE_FEASIBILITY') return 'a device feasibility study';
  if (!hasUnitedStatesSite(record) && oversight?.isUsExport !== true) return 'no U.S. site and no U.S. export';
  return undefined;
}

function hasUnitedStatesSite(record: unknown): boolean {
  const locations = asArray(protocolModule(record, 'contactsLocationsModule')?.locations);
  return locations.some((location) => asObject(location)?.country === 'United States');
}

/** The record's status module dates the deadlines start from. */
export function statusModule(record: unknown): JsonObject | undefined {
  return protocolModule(record, 'statusModule');
}

export const PRIMARY_COMPLETION_POINTER = `${POINTERS.status}/primaryCompletionDateStruct`;

export function actualPrimaryCompletion(record: unknown): string | undefined {
  const struct = asObject(statusModule(record)?.primaryCompletionDateStruct);
  return struct?.type === 'ACTUAL' && isPartialDate(struct.date) ? struct.date : undefined;
}
