// A record's findings as the diagnostics sent to the editor, at most MAX_DIAGNOSTICS_PER_RECORD of
// them: VS Code shows no more than 1,000 per file, and 130,000 diagnostics make a 60 MB message
// that costs the server and the editor seconds for nothing.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { severityRank, type Finding } from '../service/types';
import { plural } from '../service/words';

export const MAX_DIAGNOSTICS_PER_RECORD = 1000;

/** All the diagnostics, or the most severe (in the record's order) and one saying how many are left out. */
export function diagnosticsFor(findings: readonly Finding[], uri: string): Diagnostic[] {
  if (findings.length <= MAX_DIAGNOSTICS_PER_RECORD) return findings.map((finding) => toDiagnostic(finding, uri));
  const kept = mostSevere(findings, MAX_DIAGNOSTICS_PER_RECORD - 1);
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

/** The indexes of the `count` most severe findings (the first ones among equals). */
function mostSevere(findings: readonly Finding[], count: number): Set<number> {
  const order = findings
    .map((_, i) => i)
    .sort((a, b) => severityRank(findings[a].severity) - severityRank(findings[b].severity) || a - b);
  return new Set(order.slice(0, count));
}
