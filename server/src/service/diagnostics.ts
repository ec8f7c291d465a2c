// Findings as LSP diagnostics: the same object is published and later matched by code actions.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { ruleDocsUrl } from '../formatters/types';
import type { Finding, Severity } from './types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'trial-records';

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const docs = ruleDocsUrl(finding.ruleId);
  if (docs) diagnostic.codeDescription = { href: docs };
  if (finding.related?.length) diagnostic.relatedInformation = finding.related.map((related): DiagnosticRelatedInformation => ({ location: { uri, range: related.range }, message: related.message }));
  if (finding.ruleId === 'unknown-property' && finding.severity === 'hint') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** Whether an LSP diagnostic (as the client sends it back) is this finding's. */
export function isDiagnosticOf(diagnostic: Diagnostic, finding: Finding): boolean {
  return (
    diagnostic.code === finding.ruleId &&
    diagnostic.message === finding.message &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character
  );
}
