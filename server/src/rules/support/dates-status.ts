// What the status and dates rules share: the status groups and comparisons of partial dates with
// today. Which date type a status implies is dateTypeForStatus in ../study.
import {
  type DateType,
  comparePartialDates,
  dateStruct,
  isPartialDate,
  KEY_DATE_NAMES,
  KEY_DATES,
  POINTERS,
  type KeyDate,
} from '../study';

export const OVERALL_STATUS_POINTER = `${POINTERS.status}/overallStatus`;
export const ENROLLMENT_POINTER = `${POINTERS.design}/enrollmentInfo`;

/** The statuses of interventional and observational studies. */
export const RECRUITMENT_STATUSES: ReadonlySet<string> = new Set([
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'COMPLETED',
  'WITHDRAWN',
]);

/** The statuses of expanded access records. */
export const EXPANDED_ACCESS_STATUSES: ReadonlySet<string> = new Set([
  'AVAILABLE',
  'NO_LONGER_AVAILABLE',
  'TEMPORARILY_NOT_AVAILABLE',
  'APPROVED_FOR_MARKETING',
]);

/** Statuses the registry sets itself; nobody chooses them when writing a record. */
export const REGISTRY_SET_STATUSES: ReadonlySet<string> = new Set(['UNKNOWN', 'WITHHELD']);

/** Statuses of a study that is still to run or running: the ones that turn "Unknown" when not verified for 2 years. */
export const ONGOING_STATUSES: ReadonlySet<string> = new Set([
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
]);

export interface KeyDateEntry {
  key: KeyDate;
  /** "start date", "primary completion date", "completion date". */
  name: string;
  date: string;
  type: string | undefined;
  datePointer: string;
  typePointer: string;
}

/** The key dates of the status module that hold a well-formed partial date. */
export function keyDates(record: unknown): KeyDateEntry[] {
  const entries: KeyDateEntry[] = [];
  for (const key of KEY_DATES) {
    const struct = dateStruct(record, key);
    if (!isPartialDate(struct?.date)) continue;
    entries.push({
      key,
      name: KEY_DATE_NAMES[key],
      date: struct.date,
      type: struct.type,
      datePointer: `${POINTERS.status}/${key}/date`,
      typePointer: `${POINTERS.status}/${key}/type`,
    });
  }
  return entries;
}

/** After today at the date's own precision: "2026-11" is not after 2026-11-24. */
export function isAfterToday(date: string, today: string): boolean {
  return comparePartialDates(date, today) > 0;
}

/** Before today at the date's own precision: "2026-11" is not before 2026-11-24. */
export function isBeforeToday(date: string, today: string): boolean {
  return comparePartialDates(date, today) < 0;
}

/** Whether a date of the given type fits today: ACTUAL dates are not in the future, ESTIMATED ones not in the past. */
export function typeFitsToday(type: DateType, date: string, today: string): boolean {
  return type === 'ACTUAL' ? !isAfterToday(date, today) : !isBeforeToday(date, today);
}

export function overallStatusRelated(status: string): { pointer: string; message: string } {
  return { pointer: OVERALL_STATUS_POINTER, message: `The overall status is ${status}.` };
}
