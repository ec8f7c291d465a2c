// A record's findings as the diagnostics sent to the editor, at most MAX_DIAGNOSTICS_PER_RECORD of
// them: VS Code shows no more than 1,000 per file, and 130,000 diagnostics make a 60 MB message
// that costs the server and the editor seconds for nothing.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { mostSevereIndexes, type Finding } from '../service/types';
import { plural } from '../service/words';

export const MAX_DIAGNOSTICS_PER_RECORD = 1000;

/** All the diagnostics, or the most severe (in the record's order) and one saying how many are left out. */
export function diagnosticsFor(findings: readonly Finding[], uri: string): Diagnostic[] {
  if (findings.length <= MAX_DIAGNOSTICS_PER_RECORD) return findings.map((finding) => toDiagnostic(finding, uri));
  const kept = mostSevereIndexes(
    findings.map((finding) => finding.severity),
    MAX_DIAGNOSTICS_PER_RECORD - 1,
  );
  const diagnostics = findings.filter((_, i) => kept.has(i)).map((finding) => toDiagnostic(finding, uri));
  const leftOut = findings.length - kept.size;
  diagnostics.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `${plural(leftOut, 'more finding')} of this record ${leftOut === 1 ? 'is' : 'are'} not shown: the editor gets the ${MAX_DIAGNOSTICS_PER_RECORD - 1} most severe. Run "trial-records lint" on the file to see all ${findings.length}.`,
  });
  return diagnostics;
}
