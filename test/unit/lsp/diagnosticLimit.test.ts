// What the editor gets for a record with more findings than it shows: the most severe, in the
// record's order, and one diagnostic saying how many more there are.
import { describe, expect, it } from 'vitest';
import { diagnosticsFor, MAX_DIAGNOSTICS_PER_RECORD } from '../../../server/src/lsp/diagnosticLimit';
import type { Finding, Severity } from '../../../server/src/service/types';

function finding(line: number, severity: Severity): Finding {
  return {
    ruleId: 'duplicate-values',
    severity,
    pointer: `/k/${line}`,
    target: 'value',
    message: `finding ${line}`,
    range: { start: { line, character: 0 }, end: { line, character: 1 } },
  };
}

describe('diagnosticsFor', () => {
  it('sends every finding up to the limit', () => {
    const findings = Array.from({ length: MAX_DIAGNOSTICS_PER_RECORD }, (_, i) => finding(i, 'warning'));
    expect(diagnosticsFor(findings, 'file:///r.trial.json').map((d) => d.message)).toEqual(
      findings.map((f) => f.message),
    );
  });

  it("past the limit keeps the most severe in the record's order and says how many more there are", () => {
    // 130,000 warnings with two errors near the end: both errors are kept.
    const findings = Array.from({ length: 130000 }, (_, i) =>
      finding(i, i === 129000 || i === 129998 ? 'error' : 'warning'),
    );
    const diagnostics = diagnosticsFor(findings, 'file:///r.trial.json');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_RECORD);
    const shown = diagnostics.slice(0, -1).map((d) => d.range.start.line);
    expect(shown.slice(0, 997)).toEqual(Array.from({ length: 997 }, (_, i) => i));
    expect(shown.slice(997)).toEqual([129000, 129998]);
    expect(diagnostics.at(-1)).toMatchObject({
      severity: 3,
      source: 'trial-records',
      message:
        '129001 more findings of this record are not shown: the editor gets the 999 most severe. Run "trial-records lint" on the file to see all 130000.',
    });
  });
});
