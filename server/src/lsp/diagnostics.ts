// Findings as LSP diagnostics: the rule's docs link, related places, and the finding's rule id and
// pointer in `data`, which the client sends back with code action requests.
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver-types';
import { ruleDocsUrl } from '../formatters/types';
import { findingData } from '../service/diagnostics';
import type { Finding, Severity } from '../service/types';

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
    data: findingData(finding),
  };
  const docs = ruleDocsUrl(finding.ruleId);
  if (docs) diagnostic.codeDescription = { href: docs };
  if (finding.related?.length)
    diagnostic.relatedInformation = finding.related.map((related): DiagnosticRelatedInformation => ({
      location: { uri, range: related.range },
      message: related.message,
    }));
  if (finding.suppressed || (finding.ruleId === 'unknown-property' && finding.severity === 'hint'))
    diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}
