// A diagnostic as the preview shows it, with no vscode import (tested in test/preview): the
// finding's rule id and pointer come from the diagnostic's data, which our server sends and the
// language client keeps; only diagnostics of other tools fall back to the node at their start.
import type { PreviewProblem } from './render';
import { dataOf } from '../../../server/src/service/diagnostics';

const SEVERITIES: Record<number, PreviewProblem['severity']> = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint' };

/** What the preview reads of a vscode.Diagnostic. */
export interface DiagnosticLike {
  severity: number;
  message: string;
  code?: string | number | { value: string | number };
  range: { start: { line: number } };
  data?: unknown;
}

export function previewProblem(diagnostic: DiagnosticLike, pointerAtStart: () => string): PreviewProblem {
  const data = dataOf(diagnostic);
  return {
    severity: SEVERITIES[diagnostic.severity] ?? 'info',
    message: diagnostic.message,
    ruleId:
      data?.ruleId ??
      (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? '')),
    pointer: data?.pointer ?? pointerAtStart(),
    ...(data?.fields ? { fields: data.fields } : {}),
    line: diagnostic.range.start.line + 1,
  };
}
