// Code actions: quick fixes from the findings' fixes and suggestions (enum near-miss, unknown key,
// broken references, masking level…), "add the missing field" for absent required fields, and the
// "Fix all auto-fixable problems" source action (usable from editor.codeActionsOnSave).
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { TrialDocument } from './document';
import { diffAsEdit, fixToTextEdit } from './fixes';
import { findingOf } from './diagnostics';
import { schemaAt } from './studySchema';
import { emptyValue } from './skeleton';
import { lastSegment } from './pointer';
import type { Finding, Fix } from './types';
import { pushAll } from './arrays';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.trialRecords`;

/** Rules whose findings name a field that is missing from the record. */
const MISSING_FIELD_RULES = new Set(['required-fields', 'primary-outcome-required']);

export interface CodeActionRequest {
  range: Range;
  /** The diagnostics the client sends with the request; empty for a plain lightbulb request. */
  diagnostics: readonly Diagnostic[];
  /** The kinds the client asked for (e.g. only source.fixAll on save). */
  only?: readonly string[];
}

export function codeActions(
  document: TrialDocument,
  findings: readonly Finding[],
  request: CodeActionRequest,
  fixAll: () => string,
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(request.only, CodeActionKind.QuickFix)) pushAll(actions, quickFixes(document, findings, request));
  if (wants(request.only, FIX_ALL_KIND) && findings.some((finding) => finding.fix)) {
    const action = fixAllAction(document, fixAll());
    if (action) actions.push(action);
  }
  return actions;
}

/** Whether a code action request (its `only` kinds) asks for actions of this kind. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function quickFixes(document: TrialDocument, findings: readonly Finding[], request: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  const diagnosticOf = new Map(request.diagnostics.map((diagnostic) => [findingOf(diagnostic, findings), diagnostic]));
  for (const finding of findings) {
    const diagnostic = diagnosticOf.get(finding);
    if (!diagnostic) continue;
    const fixes = fixesOf(document, finding);
    fixes.forEach((fix, index) => {
      const edit = fixToTextEdit(document.text, fix);
      if (edit.start === edit.end && edit.newText === '') return;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0 && finding.fix === fix,
        edit: { changes: { [document.uri]: [textEdit(document, edit)] } },
      });
    });
  }
  return actions;
}

/** The finding's own fix first, then its suggestions, then "add the missing field" where it applies. */
function fixesOf(document: TrialDocument, finding: Finding): Fix[] {
  const fixes = [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])];
  if (
    fixes.length === 0 &&
    MISSING_FIELD_RULES.has(finding.ruleId) &&
    document.locateNode(finding.pointer) === undefined
  ) {
    const schema = schemaAt(finding.pointer);
    if (schema)
      fixes.push({
        title: `Add "${lastSegment(finding.pointer)}"`,
        changes: [{ op: 'set', pointer: finding.pointer, value: emptyValue(schema) }],
      });
  }
  return fixes;
}

function fixAllAction(document: TrialDocument, fixedText: string): CodeAction | undefined {
  if (fixedText === document.text) return undefined;
  const edit = diffAsEdit(document.text, fixedText);
  return {
    title: 'Fix all auto-fixable problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [document.uri]: [textEdit(document, edit)] } },
  };
}

function textEdit(document: TrialDocument, edit: { start: number; end: number; newText: string }): TextEdit {
  return { range: document.rangeOf(edit.start, edit.end), newText: edit.newText };
}
