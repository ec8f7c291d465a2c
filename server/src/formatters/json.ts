// Machine-readable output: the exact shape documented in DESIGN.md ("CLI contract").
import { startOf, summarize, type Formatter } from './types';

export const json: Formatter = (results) => {
  const files = results.files.map((file) => ({
    path: file.path,
    diagnostics: file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...startOf(finding),
      pointer: finding.pointer,
      ...(finding.due ? { due: finding.due } : {}),
      ...(finding.fields ? { fields: finding.fields } : {}),
    })),
  }));
  return JSON.stringify({ files, summary: summarize(results) }, null, 2) + '\n';
};
