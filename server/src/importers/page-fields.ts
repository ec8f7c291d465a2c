// Readers shared by the page importers: labelled values, role blocks, contacts, dates with their type.
import { parseDate } from './labels';
import { compact, type SourceLine, type Warnings } from './study-draft';

/** Finds a label at the start of a line (case-insensitive); the value is the rest of the line, if any. */
export function matchLabel(text: string, labels: readonly string[]): { label: string; value: string } | undefined {
  const lower = text.toLowerCase();
  const byLength = [...labels].sort((a, b) => b.length - a.length);
  for (const label of byLength) {
    const candidate = label.toLowerCase();
    if (!lower.startsWith(candidate)) continue;
    const rest = text.slice(label.length);
    if (rest.length === 0 || /^[\s:]/.test(rest)) return { label, value: rest.replace(/^\s*:?\s*/, '') };
  }
  return undefined;
}

export interface LabelledValue {
  label: string;
  value: string;
  line: SourceLine;
}

/**
 * Pairs of a label line and the value on the next non-blank line ("Recruitment Status" / "RECRUITING"),
 * or a value on the label's own line ("Recruitment Status: RECRUITING"). A label with no value is dropped.
 */
export function readLabelledValues(
  lines: SourceLine[],
  labels: readonly string[],
  warnings: Warnings,
  sectionName: string,
): LabelledValue[] {
  const result: LabelledValue[] = [];
  const items = lines.filter((line) => line.text.length > 0);
  for (let index = 0; index < items.length; index++) {
    const line = items[index];
    const exact = labels.find((label) => label.toLowerCase() === line.text.replace(/:$/, '').toLowerCase());
    if (exact) {
      const next = items[index + 1];
      if (next && !matchLabel(next.text, labels)) {
        result.push({ label: exact, value: next.text, line: next });
        index++;
      }
      continue;
    }
    const inline = matchLabel(line.text, labels);
    if (inline && inline.value.length > 0) result.push({ label: inline.label, value: inline.value, line });
    else
      warnings.add(line.number, `"${line.text}" is not a field this importer knows in "${sectionName}"; not imported`);
  }
  return result;
}

export interface RoleBlock {
  /** The line just before the marker (a person's or an item's name). */
  name: SourceLine | undefined;
  marker: SourceLine;
  markerValue: string;
  /** Lines after the marker, up to the next block's name line. */
  after: SourceLine[];
}

/** Splits "name / marker / details..." runs, e.g. "Xinping Tian, MD" / "Role: CONTACT" / "86-136...". */
export function readRoleBlocks(lines: SourceLine[], marker: RegExp): RoleBlock[] {
  const items = lines.filter((line) => line.text.length > 0);
  const markerIndexes = items.flatMap((line, index) => (marker.test(line.text) ? [index] : []));
  return markerIndexes.map((markerIndex, position) => {
    const nextMarker = markerIndexes[position + 1];
    const afterEnd = nextMarker === undefined ? items.length : nextMarker - 1;
    return {
      name: markerIndex > 0 && !markerIndexes.includes(markerIndex - 1) ? items[markerIndex - 1] : undefined,
      marker: items[markerIndex],
      markerValue: (marker.exec(items[markerIndex].text)?.[1] ?? '').trim(),
      after: items.slice(markerIndex + 1, Math.max(afterEnd, markerIndex + 1)),
    };
  });
}

const PHONE = /^\+?[\d\s().\-/]{5,}(?:\s*(?:ext\.?|x)\s*\d+)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A contact's phone, extension and email from its detail lines; anything else is a warning. */
export function readContactDetails(
  lines: SourceLine[],
  warnings: Warnings,
): { phone?: string; phoneExt?: string; email?: string } {
  const details: { phone?: string; phoneExt?: string; email?: string } = {};
  for (const line of lines) {
    const text = line.text.replace(/^(phone|tel|telephone|email|e-mail)\s*:\s*/i, '');
    if (EMAIL.test(text)) details.email = text;
    else if (PHONE.test(text) && /\d{5}/.test(text.replace(/\D/g, ''))) {
      const extension = /\s*(?:ext\.?|x)\s*(\d+)$/i.exec(text);
      details.phone = extension ? text.slice(0, extension.index).trim() : text;
      if (extension) details.phoneExt = extension[1];
    } else warnings.add(line.number, `"${line.text}" is neither a phone number nor an email; not imported`);
  }
  return compact(details);
}

/** A date with the type the page gives it: "Est." / "(Estimated)" / "(Anticipated)" or "Actual" / "(Actual)". */
export function readDateWithType(text: string, label = ''): { date?: string; type?: 'ACTUAL' | 'ESTIMATED' } {
  let value = text.trim();
  let type: 'ACTUAL' | 'ESTIMATED' | undefined;
  const typeWords = /\b(est\.?|estimated|anticipated|expected)(?=\s|$)/i;
  if (typeWords.test(label)) type = 'ESTIMATED';
  else if (/\bactual\b/i.test(label)) type = 'ACTUAL';
  const suffix = /\s*\((actual|estimated|anticipated)\)$/i.exec(value);
  if (suffix) {
    type = suffix[1].toLowerCase() === 'actual' ? 'ACTUAL' : 'ESTIMATED';
    value = value.slice(0, suffix.index);
  }
  const prefix = /^(est\.|estimated|anticipated|actual):?\s+/i.exec(value);
  if (prefix) {
    type = prefix[1].toLowerCase() === 'actual' ? 'ACTUAL' : 'ESTIMATED';
    value = value.slice(prefix[0].length);
  }
  return compact({ date: parseDate(value), type });
}

/** Splits "City, State, Country" (or "City, Country"); empty parts are left out. */
export function readAddress(text: string): { city?: string; state?: string; country?: string } {
  const parts = text.split(',').map((part) => part.trim());
  const country = parts.pop();
  const city = parts.shift();
  const state = parts.length > 0 ? parts.join(', ') : undefined;
  return compact({ city: city || undefined, state: state || undefined, country: country || undefined });
}

/**
 * Eligibility criteria as markdown: "Inclusion Criteria:" / "Exclusion Criteria:" headings in
 * paragraphs of their own, the items under them one per line, as the page lists them.
 */
export function criteriaText(itemLines: string[]): string {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const text of itemLines) {
    const heading = /^(inclusion|exclusion)\s+criteria\s*:?\s*(.*)$/i.exec(text);
    if (heading) {
      if (current.length > 0) blocks.push(current);
      blocks.push([`${heading[1].charAt(0).toUpperCase()}${heading[1].slice(1).toLowerCase()} Criteria:`]);
      current = heading[2] ? [heading[2]] : [];
    } else {
      current.push(text);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks.map((block) => block.join('\n')).join('\n\n');
}
