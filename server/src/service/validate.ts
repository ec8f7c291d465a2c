// Validation: syntax, duplicate keys, the study schema and the rules, merged into findings placed
// in the text. Ranges are computed only for what is reported, in one scan.
import { TrialDocument } from './document';
import { validateAgainstSchema } from './schema';
import { collectStrings } from './pointer';
import { withShortQuotes } from './words';
import { pushAll } from './arrays';
import type { DuplicateKey, NodeLocation } from './scan';
import {
  severityRank,
  type Finding,
  type Fix,
  type Report,
  type Rule,
  type RuleContext,
  type Severity,
  type Target,
  type UnplacedFinding,
} from './types';

export interface ValidateOptions {
  /** yyyy-MM-dd; defaults to the current UTC date. */
  today?: string;
  /** The rules to run: the engine's callers hand them in (the built-in ones are rules/index.ts). */
  rules: readonly Rule[];
  /** The severity a finding is reported with, or 'off'; undefined keeps the default. */
  severityFor?: (ruleId: string, pointer: string, defaultSeverity: Severity) => Severity | 'off' | undefined;
  optionsFor?: (ruleId: string) => Record<string, unknown> | undefined;
  /** True when a rule is off for the whole file, so it need not run at all. */
  isRuleOff?: (ruleId: string) => boolean;
  /** Extra schema passes (team schemas), each returning findings for the plain value. */
  extraChecks?: ReadonlyArray<(value: unknown) => UnplacedFinding[]>;
  /** Above this many characters only the syntax is checked. */
  maxSize?: number;
  /** The record at the revision a change is compared with, for the change rules (RuleContext.previous). */
  previous?: unknown;
  /** Runs a rule; the config layer replaces it to guard custom rules with a time budget. */
  runRule?: (rule: Rule, context: RuleContext) => void;
  /** Pointers to place along with the findings' (the document keeps them: `document.place` of them costs nothing after). */
  placeAlso?: readonly string[];
}

export const DEFAULT_MAX_SIZE = 10 * 1024 * 1024;

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function validateText(text: string, options: ValidateOptions): Finding[] {
  return validateDocument(new TrialDocument(text), options);
}

export function validateDocument(document: TrialDocument, options: ValidateOptions): Finding[] {
  const findings = collectFindings(document, options);
  // Duplicate keys, and the places of every pointer reported so far, in one go.
  const { duplicates, locations } = document.place(pointersToPlace(findings, options.placeAlso));
  pushAll(findings, duplicateKeyFindings(document, duplicates));
  return placeFindings(document, applySeverities(findings, options), locations);
}

function collectFindings(document: TrialDocument, options: ValidateOptions): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const { value } = document.parsed;
  pushAll(findings, syntaxFindings(document));
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  if (document.text.length > maxSize) {
    findings.push(
      engineFinding(
        'syntax',
        'info',
        '',
        `File of ${Math.round(document.text.length / 1024)} KB, above the ${Math.round(maxSize / 1024)} KB limit: only its JSON syntax was checked.`,
      ),
    );
    return findings;
  }
  if (value === undefined) return findings;
  pushAll(findings, validateAgainstSchema(value));
  for (const check of options.extraChecks ?? []) pushAll(findings, check(value));
  pushAll(findings, runRules(value, document, options));
  return oneFindingPerBlank(findings);
}

/**
 * A required field left blank ("") is reported once, as missing: the schema's finding about the
 * blank's form (not a date, too short) at the same place would only repeat it.
 */
function oneFindingPerBlank(findings: PendingFinding[]): PendingFinding[] {
  const missing = new Set<string>();
  for (const finding of findings) if (finding.ruleId === 'required-fields') missing.add(finding.pointer);
  return missing.size === 0
    ? findings
    : findings.filter((finding) => finding.ruleId !== 'schema' || !missing.has(finding.pointer));
}

function engineFinding(
  ruleId: string,
  severity: Severity,
  pointer: string,
  message: string,
  target: Target = 'value',
): UnplacedFinding {
  return { ruleId, severity, pointer, target, message };
}

function syntaxFindings(document: TrialDocument): PendingFinding[] {
  const findings: PendingFinding[] = document.parsed.syntaxProblems.map((problem) => ({
    ...engineFinding('syntax', 'error', '', problem.message),
    ...(problem.fix ? { fix: problem.fix } : {}),
    offset: { start: problem.offset, end: problem.offset + Math.max(problem.length, 1) },
  }));
  if (document.hasBom) {
    findings.push({
      ...engineFinding(
        'syntax',
        'warning',
        '',
        'Byte-order mark at the start of the file; JSON files should be plain UTF-8 without one.',
      ),
      offset: { start: 0, end: 1 },
    });
  }
  return findings;
}

function duplicateKeyFindings(document: TrialDocument, duplicates: readonly DuplicateKey[]): PendingFinding[] {
  return duplicates.map((duplicate) => {
    const key = JSON.parse(document.text.slice(duplicate.keyStart, duplicate.keyEnd)) as string;
    return {
      ...engineFinding(
        'duplicate-key',
        'error',
        duplicate.pointer,
        `"${key}" appears twice in this object; JSON readers keep only the last one. Merge or remove one of them.`,
        'key',
      ),
      offset: { start: duplicate.keyStart, end: duplicate.keyEnd },
      relatedOffsets: [
        { start: duplicate.firstKeyStart, end: duplicate.firstKeyEnd, message: `First "${key}" is here.` },
      ],
    };
  });
}

function runRules(value: unknown, document: TrialDocument, options: ValidateOptions): UnplacedFinding[] {
  const findings: UnplacedFinding[] = [];
  const today = options.today ?? todayUtc();
  let strings: ReturnType<typeof collectStrings> | undefined;
  const allStrings = () => (strings ??= collectStrings(value));
  const run = options.runRule ?? ((rule: Rule, context: RuleContext) => rule.check(context));
  for (const rule of options.rules) {
    if (options.isRuleOff?.(rule.meta.id)) continue;
    const context = new RuleRun(
      rule,
      value,
      document,
      today,
      allStrings,
      options.optionsFor?.(rule.meta.id) ?? {},
      findings,
      options.previous,
      options.severityFor,
    );
    try {
      run(rule, context);
    } catch (error) {
      findings.push(
        engineFinding(
          'rule-error',
          'error',
          '',
          `Rule "${rule.meta.id}" failed: ${error instanceof Error ? error.message : String(error)}. Its findings are missing; the other rules ran.`,
        ),
      );
    }
  }
  return findings;
}

/** One rule's context. A class, so that every context has one shape (rules read their fields in hot loops). */
class RuleRun implements RuleContext {
  readonly text: string;
  readonly report: (report: Report) => void;

  constructor(
    private readonly rule: Rule,
    readonly record: unknown,
    document: TrialDocument,
    readonly today: string,
    readonly strings: RuleContext['strings'],
    readonly options: Record<string, unknown>,
    findings: UnplacedFinding[],
    readonly previous: unknown,
    private readonly severityFor: ValidateOptions['severityFor'],
  ) {
    this.text = document.text;
    this.report = (report: Report) => findings.push(toFinding(rule, report));
  }

  severityAt(pointer: string, severity: Severity): Severity | 'off' {
    return this.severityFor?.(this.rule.meta.id, pointer, severity) ?? severity;
  }
}

function toFinding(rule: Rule, report: Report): UnplacedFinding {
  const finding = copyFields(report) as UnplacedFinding;
  finding.ruleId = rule.meta.id;
  finding.severity = report.severity ?? rule.meta.severity;
  finding.target = report.target ?? 'value';
  return finding;
}

/**
 * A copy of an object's fields in their order, but those left out: what `{ ...object }` and
 * `{ a, b, ...rest } = object` do, without their slow generic path for objects of many shapes
 * (every rule reports its own).
 */
function copyFields(object: object, leaveOut: readonly string[] = []): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object))
    if (!leaveOut.includes(key)) copy[key] = (object as Record<string, unknown>)[key];
  return copy;
}

/** Where a pending finding is known by offsets: not part of the placed finding. */
const OFFSET_FIELDS = ['offset', 'relatedOffsets'];

function applySeverities(findings: PendingFinding[], options: ValidateOptions): PendingFinding[] {
  if (!options.severityFor) return findings;
  const kept: PendingFinding[] = [];
  for (const finding of findings) {
    const severity = options.severityFor(finding.ruleId, finding.pointer, finding.severity);
    if (severity === 'off') continue;
    kept.push(severity ? { ...finding, severity } : finding);
  }
  return kept;
}

/** A finding whose place is known by offsets already (syntax problems, duplicate keys) or by pointer. */
type PendingFinding = UnplacedFinding & {
  offset?: { start: number; end: number };
  relatedOffsets?: Array<{ start: number; end: number; message: string }>;
};

function pointersToPlace(findings: readonly PendingFinding[], also: readonly string[] = []): Set<string> {
  const pointers = new Set<string>(also);
  for (const finding of findings) {
    if (!finding.offset) pointers.add(finding.pointer);
    for (const related of finding.related ?? []) pointers.add(related.pointer);
  }
  return pointers;
}

function placeFindings(
  document: TrialDocument,
  findings: PendingFinding[],
  locations: Map<string, NodeLocation>,
): Finding[] {
  const placed = findings.map((finding): Finding => {
    const { offset, relatedOffsets } = finding;
    const range = offset
      ? document.rangeOf(offset.start, offset.end)
      : document.rangeOf(...placeAtPointer(document, locations, finding.pointer, finding.target));
    const related = [
      ...(finding.related ?? []).map((item) => ({
        ...item,
        message: withShortQuotes(item.message),
        range: document.rangeOf(...placeAtPointer(document, locations, item.pointer, item.target ?? 'value')),
      })),
      ...(relatedOffsets ?? []).map((item) => ({
        pointer: finding.pointer,
        message: item.message,
        range: document.rangeOf(item.start, item.end),
      })),
    ];
    const placedFinding = copyFields(finding, OFFSET_FIELDS) as unknown as Finding;
    placedFinding.message = withShortQuotes(finding.message);
    if (finding.fix) placedFinding.fix = withShortTitle(finding.fix);
    if (finding.suggestions) placedFinding.suggestions = finding.suggestions.map(withShortTitle);
    placedFinding.range = range;
    placedFinding.related = related.length > 0 ? related : undefined;
    return placedFinding;
  });
  return placed.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      severityRank(a.severity) - severityRank(b.severity),
  );
}

function withShortTitle(fix: Fix): Fix {
  const title = withShortQuotes(fix.title);
  return title === fix.title ? fix : { ...fix, title };
}

/** A pointer that does not exist (a rule naming a missing field) is shown at its closest existing ancestor's key. */
function placeAtPointer(
  document: TrialDocument,
  locations: Map<string, NodeLocation>,
  pointer: string,
  target: Target,
): [number, number] {
  let current = pointer;
  let location = locations.get(current);
  while (!location && current !== '') {
    current = current.slice(0, current.lastIndexOf('/'));
    location = locations.get(current);
    target = 'key';
  }
  return document.offsetsForLocation(location, target);
}
