// The preview's problems from diagnostics: our server's carry the finding's rule id and pointer in
// their data, so the text is not looked at again; other tools' fall back to the node at their start.
import { describe, expect, it } from 'vitest';
import { previewProblem } from '../../client/src/preview/problems';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { validateText } from '../../server/src/service/validate';
import { builtinRules } from '../../server/src/rules';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import type { Diagnostic } from 'vscode-languageserver-types';

const URI = 'file:///records/NCT03418623.trial.json';
const TODAY = '2026-11-24';

/** What the language client makes of a published diagnostic: VS Code counts severities from 0, LSP from 1. */
function asVscodeDiagnostic(diagnostic: Diagnostic) {
  return { ...diagnostic, severity: (diagnostic.severity ?? 1) - 1 };
}

describe('preview problems', () => {
  const record = planted(corpusRecord('NCT03418623'), {
    '/protocolSection/designModule/phases': ['Phase 2'],
    '/protocolSection/identificationModule/briefTitle': undefined,
  });
  const findings = validateText(JSON.stringify(record, null, 2), { today: TODAY, rules: builtinRules });

  it('take the rule id and pointer of every finding from its diagnostic, without looking at the text', () => {
    const fallback = () => {
      throw new Error('the text was looked at');
    };
    const problems = findings.map((finding) =>
      previewProblem(asVscodeDiagnostic(toDiagnostic(finding, URI)), fallback),
    );
    expect(problems.map(({ ruleId, pointer, severity }) => ({ ruleId, pointer, severity }))).toEqual(
      findings.map(({ ruleId, pointer, severity }) => ({ ruleId, pointer, severity })),
    );
    // A missing field's pointer names the field, though the diagnostic sits on its parent's key.
    expect(problems).toContainEqual(
      expect.objectContaining({
        ruleId: 'required-fields',
        pointer: '/protocolSection/identificationModule/briefTitle',
      }),
    );
    expect(problems).toContainEqual({
      severity: 'error',
      ruleId: 'schema',
      pointer: '/protocolSection/designModule/phases/0',
      message: expect.stringContaining('PHASE2'),
      line: findings.find((f) => f.ruleId === 'schema')!.range.start.line + 1,
    });
  });

  it('keep the missing fields a grouped finding names, so each field claims it in its section', () => {
    const identification = '/protocolSection/identificationModule';
    const grouped = validateText(
      JSON.stringify(
        planted(corpusRecord('NCT03418623'), {
          [`${identification}/briefTitle`]: undefined,
          [`${identification}/officialTitle`]: undefined,
        }),
        null,
        2,
      ),
      { today: TODAY, rules: builtinRules },
    ).find((finding) => finding.ruleId === 'required-fields')!;
    const problem = previewProblem(asVscodeDiagnostic(toDiagnostic(grouped, URI)), () => '');
    expect(problem.pointer).toBe(identification);
    expect(problem.fields).toEqual([`${identification}/briefTitle`, `${identification}/officialTitle`]);
  });

  it("fall back to the node at a diagnostic's start for other tools' diagnostics", () => {
    const other = { severity: 1, message: 'Trailing whitespace', code: { value: 'ws' }, range: { start: { line: 4 } } };
    expect(previewProblem(other, () => '/protocolSection')).toEqual({
      severity: 'warning',
      message: 'Trailing whitespace',
      ruleId: 'ws',
      pointer: '/protocolSection',
      line: 5,
    });
  });
});
