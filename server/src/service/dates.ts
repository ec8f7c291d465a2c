// Partial dates (yyyy, yyyy-MM, yyyy-MM-dd) in words, and the distance between two of them.
import { plural } from './words';

export const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isRealPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const days = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= days;
}

/** A full yyyy-MM-dd date that exists on the calendar (what `today` must be). */
export function isRealFullDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealPartialDate(value);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** "Friday, 24 February 2023", "February 2023" or "2023"; undefined for text that is no date. */
export function describeDate(date: string): string | undefined {
  if (!isRealPartialDate(date)) return undefined;
  const [year, month, day] = date.split('-').map(Number);
  if (month === undefined) return String(year);
  if (day === undefined) return `${MONTHS[month - 1]} ${year}`;
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday}, ${day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * How far `date` is from `reference`, at the precision both have: "3 months before",
 * "2 years 1 month after", "the same month as".
 */
export function distanceInWords(date: string, reference: string): string {
  const precision = Math.min(date.length, reference.length);
  const a = date.slice(0, precision);
  const b = reference.slice(0, precision);
  const unit = precision >= 10 ? 'day' : precision >= 7 ? 'month' : 'year';
  if (a === b) return `the same ${unit} as`;
  const direction = a < b ? 'before' : 'after';
  const [early, late] = a < b ? [a, b] : [b, a];
  return `${unitsBetween(early, late, unit)} ${direction}`;
}

function unitsBetween(early: string, late: string, unit: 'day' | 'month' | 'year'): string {
  const [y1, m1 = 1, d1 = 1] = early.split('-').map(Number);
  const [y2, m2 = 1, d2 = 1] = late.split('-').map(Number);
  if (unit === 'day') {
    const days = Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
    if (days < 60) return plural(days, 'day');
  }
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (unit === 'day' && d2 < d1) months -= 1;
  if (unit === 'year') return plural(y2 - y1, 'year');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return [years > 0 ? plural(years, 'year') : '', rest > 0 || years === 0 ? plural(rest, 'month') : '']
    .filter(Boolean)
    .join(' ');
}
