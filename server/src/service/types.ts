// Public types of the trial-record language service: findings, rules, fixes.
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The words a config (and a custom rule's meta) may use for a severity, as ESLint users write them. */
const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  error: 'error',
  warn: 'warning',
  warning: 'warning',
  info: 'info',
  hint: 'hint',
};

export function severityFromWord(word: unknown): Severity | undefined {
  return typeof word === 'string' && Object.hasOwn(SEVERITY_WORDS, word) ? SEVERITY_WORDS[word] : undefined;
}

/** A JSON object: not null, not a list. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** For sorting most severe first. */
export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** The indexes of the `count` most severe of `severities` (the first ones among equals). */
export function mostSevereIndexes(severities: readonly Severity[], count: number): Set<number> {
  const order = severities
    .map((_, i) => i)
    .sort((a, b) => severityRank(severities[a]) - severityRank(severities[b]) || a - b);
  return new Set(order.slice(0, count));
}

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Which part of the node a finding points at: its key (for properties) or its value. */
export type Target = 'key' | 'value';

export interface RelatedLocation {
  pointer: string;
  message: string;
  target?: Target;
}

/**
 * One change of a fix, by JSON Pointer (turned into text edits only when a fix is applied), or, for
 * text that is not JSON yet, by offset in the text the finding was made on: such a fix is applied
 * alone, before any other (see fixes.ts).
 */
export type FixChange = PointerChange | TextChange;

export type PointerChange =
  | { op: 'set'; pointer: string; value: unknown }
  | { op: 'remove'; pointer: string }
  | { op: 'rename'; pointer: string; newKey: string };

export interface TextChange {
  op: 'replaceText';
  offset: number;
  length: number;
  text: string;
}

export interface Fix {
  title: string;
  changes: FixChange[];
}

export interface Report {
  pointer: string;
  message: string;
  target?: Target;
  related?: RelatedLocation[];
  fix?: Fix;
  /** Alternative fixes offered as quick fixes but never applied by `--fix`. */
  suggestions?: Fix[];
  severity?: Severity;
  /** A deadline the finding is about (yyyy, yyyy-MM or yyyy-MM-dd): reports list such findings by date. */
  due?: string;
  /**
   * Where one finding reports several missing fields of an object together: their pointers, so that
   * the preview and the formats know them all.
   */
  fields?: string[];
}

export interface LocatedRelated extends RelatedLocation {
  range: Range;
}

/** A report placed in the text: what every front end (CLI, server, preview) consumes. */
export interface Finding extends Report {
  ruleId: string;
  severity: Severity;
  target: Target;
  range: Range;
  related?: LocatedRelated[];
  /** Set where the fix itself was dropped (fixes travel only to the formats that show them): `--fix` would apply one. */
  fixable?: boolean;
  /** Set by the editor where a suppressions baseline accepts the finding: shown dimmed, never as an error. */
  suppressed?: boolean;
}

/** A finding before it has been placed in the text. */
export type UnplacedFinding = Omit<Finding, 'range' | 'related'> & { related?: RelatedLocation[] };

export interface RuleMeta {
  id: string;
  severity: Severity;
  category: string;
  description: string;
  source: string;
  docs: string;
  fixable?: boolean;
  /** Options schema (JSON Schema) for the rule's options in the config file. */
  options?: Record<string, unknown>;
}

export interface RuleContext {
  /** The record as a plain value (from JSON.parse); may have any shape. */
  readonly record: unknown;
  /** The JSON text the record was read from; absent when a record is checked without one. */
  readonly text?: string;
  /** Today as yyyy-MM-dd; settable by the config and by tests. */
  readonly today: string;
  readonly options: Record<string, unknown>;
  /**
   * The record as it was at the revision a change is compared with (`lint --changed-since REF`), as a
   * plain value; undefined when there is none. The change rules check what a change did.
   */
  readonly previous?: unknown;
  /** Every string in the record with its pointer, computed once per validation and shared. */
  strings(): ReadonlyArray<{ pointer: string; value: string }>;
  /**
   * The severity the record's config gives this rule's finding at `pointer` ('off' where it turns
   * the rule off). A rule that gathers several places into one finding (`fields`) groups them by it,
   * so that a config override of one field still applies; other findings need not ask.
   */
  severityAt(pointer: string, severity: Severity): Severity | 'off';
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
