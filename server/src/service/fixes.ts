// Applying fixes: pointer-based changes become text edits that keep the file's own formatting.
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { pathOf } from './pointer';
import { TrialDocument } from './document';
import type { Finding, Fix, FixChange, PointerChange, TextChange } from './types';
import { replaceSpans } from './controlCharacters';
import { pushAll } from './arrays';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Indentation and line ending as the file already uses them. */
export function detectFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const insertSpaces = !indent.startsWith('\t');
  return { insertSpaces, tabSize: insertSpaces ? indent.length : 1, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function applyChange(text: string, change: PointerChange, formatting: FormattingOptions): string {
  if (change.op === 'rename') {
    const location = new TrialDocument(text).locate([change.pointer]).get(change.pointer);
    if (location?.keyStart === undefined || location.keyEnd === undefined) return text;
    return text.slice(0, location.keyStart) + JSON.stringify(change.newKey) + text.slice(location.keyEnd);
  }
  const value = change.op === 'remove' ? undefined : change.value;
  const inline = change.op === 'remove' ? undefined : inlineReplacement(text, change.pointer, value);
  if (inline) return text.slice(0, inline.start) + inline.newText + text.slice(inline.end);
  // A file on one line stays on one line: without formatting options, modify inserts no line breaks.
  const edits = modify(text, pathOf(change.pointer), value, {
    formattingOptions: isOneLine(text) ? undefined : formatting,
  });
  return applyEdits(text, edits);
}

function isOneLine(text: string): boolean {
  return !/[\r\n]/.test(text.trimEnd());
}

/**
 * A value written on one line is replaced on one line, spaced as it was (["A", "B"] or ["A","B"]);
 * modify would lay a new array or object out over several lines.
 */
function inlineReplacement(text: string, pointer: string, value: unknown): TextEdit | undefined {
  const location = new TrialDocument(text).locate([pointer]).get(pointer);
  if (!location) return undefined;
  const old = text.slice(location.valueStart, location.valueEnd);
  if (/[\r\n]/.test(old) || value === null || typeof value !== 'object') return undefined;
  const spaced = /[,:]\s/.test(old) || (!/[,:]/.test(old) && !isOneLine(text));
  return { start: location.valueStart, end: location.valueEnd, newText: inlineJson(value, spaced) };
}

function inlineJson(value: unknown, spaced: boolean): string {
  const comma = spaced ? ', ' : ',';
  if (Array.isArray(value)) return `[${value.map((item) => inlineJson(item, spaced)).join(comma)}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}${spaced ? ': ' : ':'}${inlineJson(item, spaced)}`)
      .join(comma)}}`;
  return JSON.stringify(value);
}

/**
 * The text after applying every change of a fix: its text changes at once (their offsets are in
 * this text), then its pointer changes in order.
 */
export function applyFix(text: string, fix: Fix): string {
  const formatting = detectFormatting(text);
  const textChanges = fix.changes.filter(isTextChange);
  const replaced = textChanges.length > 0 ? replaceSpans(text, textChanges) : text;
  return fix.changes
    .filter(isPointerChange)
    .reduce((current, change) => applyChange(current, change, formatting), replaced);
}

function isTextChange(change: FixChange): change is TextChange {
  return change.op === 'replaceText';
}

function isPointerChange(change: FixChange): change is PointerChange {
  return change.op !== 'replaceText';
}

function changesText(fix: Fix | undefined): fix is Fix {
  return fix?.changes.some(isTextChange) ?? false;
}

/** One edit covering what a fix changes, relative to the original text (for editors). */
export function fixToTextEdit(text: string, fix: Fix): TextEdit {
  return diffAsEdit(text, applyFix(text, fix));
}

export function diffAsEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

/**
 * Applies the fixes of the given findings, skipping any whose pointers overlap a change already
 * made in this pass (the caller re-validates and calls again, as ESLint does). A fix that changes
 * the text by offsets (a syntax repair) goes first and alone: after it the offsets of the others
 * no longer hold, and their pointers are read best in the repaired text.
 */
export function applyFindingFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const repair = findings.find((finding) => changesText(finding.fix))?.fix;
  if (repair) {
    const repaired = applyFix(text, repair);
    return { text: repaired, applied: repaired === text ? 0 : 1 };
  }
  const touched: string[] = [];
  let applied = 0;
  let current = text;
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix) continue;
    const pointers = fix.changes.filter(isPointerChange).map((change) => change.pointer);
    if (pointers.some((pointer) => overlaps(pointer, touched))) continue;
    const next = applyFix(current, fix);
    if (next === current) continue;
    current = next;
    applied++;
    pushAll(touched, pointers);
  }
  return { text: current, applied };
}

function overlaps(pointer: string, touched: readonly string[]): boolean {
  return touched.some(
    (other) =>
      other === pointer ||
      other.startsWith(pointer + '/') ||
      pointer.startsWith(other + '/') ||
      sameArray(pointer, other),
  );
}

/** Changes inside one array shift each other's indexes: one per array per pass. */
function sameArray(a: string, b: string): boolean {
  const parentA = a.slice(0, a.lastIndexOf('/'));
  return /\/\d+$/.test(a) && /\/\d+$/.test(b) && parentA === b.slice(0, b.lastIndexOf('/'));
}

const FIX_PASSES = 10;

/**
 * Applies fixes pass after pass, re-validating in between, until nothing more changes (as ESLint
 * does): what `--fix` and the editor's "Fix all" both run.
 */
export function applyFixesRepeatedly(
  text: string,
  findings: Finding[],
  revalidate: (text: string) => Finding[],
): { text: string; findings: Finding[] } {
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const { text: next, applied } = applyFindingFixes(text, findings);
    if (applied === 0) break;
    text = next;
    findings = revalidate(text);
  }
  return { text, findings };
}
