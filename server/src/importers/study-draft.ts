// Shared pieces of the importers: source lines, the warning list, a study built by field path, v2 key order.
import { V2_SCHEMA_PROPERTIES } from './v2-key-order';

export interface ImportWarning {
  line: number;
  message: string;
}

export interface SourceLine {
  /** 1-based line number in the source text. */
  number: number;
  /** The line without its line ending and surrounding white space. */
  text: string;
}

export function splitLines(text: string): SourceLine[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, text: raw.replace(/\u00a0/g, ' ').trim() }));
}

export function nonBlank(lines: SourceLine[]): SourceLine[] {
  return lines.filter((line) => line.text.length > 0);
}

/** Runs of consecutive non-blank lines. */
export function paragraphs(lines: SourceLine[]): SourceLine[][] {
  const result: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line.text.length === 0) {
      if (current.length > 0) result.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Paragraphs joined as markdown text: lines by a newline, paragraphs by a blank line. */
export function joinParagraphs(lines: SourceLine[]): string {
  return paragraphs(lines)
    .map((paragraph) => paragraph.map((line) => line.text).join('\n'))
    .join('\n\n');
}

export class Warnings {
  readonly list: ImportWarning[] = [];

  add(line: number, message: string): void {
    this.list.push({ line, message });
  }
}

export type Study = Record<string, unknown>;

function childObject(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const existing = parent[key];
  if (existing && typeof existing === 'object' && !Array.isArray(existing)) return existing as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
}

function parentOf(study: Study, path: string): [Record<string, unknown>, string] {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let parent: Record<string, unknown> = study;
  for (const key of keys) parent = childObject(parent, key);
  return [parent, last];
}

/** Sets a field by dotted path ("protocolSection.statusModule.overallStatus"), creating the objects on the way. */
export function setField(study: Study, path: string, value: unknown): void {
  const [parent, key] = parentOf(study, path);
  parent[key] = value;
}

export function getField(study: Study, path: string): unknown {
  let current: unknown = study;
  for (const key of path.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function appendToField(study: Study, path: string, item: unknown): void {
  const [parent, key] = parentOf(study, path);
  const existing = parent[key];
  if (Array.isArray(existing)) existing.push(item);
  else parent[key] = [item];
}

/** Drops keys whose value is undefined, so optional facts a page does not state stay out of the record. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

function orderObject(value: Record<string, unknown>, schemaName: string | null): Record<string, unknown> {
  const properties = schemaName ? V2_SCHEMA_PROPERTIES[schemaName] : undefined;
  if (!properties) return value;
  const ordered: Record<string, unknown> = {};
  if ('$schema' in value) ordered.$schema = value.$schema;
  for (const [key, childSchema] of properties) {
    if (key in value) ordered[key] = orderValue(value[key], childSchema);
  }
  for (const [key, child] of Object.entries(value)) {
    if (!(key in ordered)) ordered[key] = child;
  }
  return ordered;
}

function orderValue(value: unknown, schemaName: string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => orderValue(item, schemaName));
  if (value && typeof value === 'object') return orderObject(value as Record<string, unknown>, schemaName);
  return value;
}

/** The same study with every known object's keys in the OpenAPI spec's order; unknown keys follow, as they were. */
export function orderLikeV2(study: Study): Study {
  return orderObject(study, 'Study');
}
