import { describe, expect, it } from 'vitest';
import { codeActions, FIX_ALL_KIND } from '../../../server/src/service/codeActions';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostic } from '../../../server/src/lsp/diagnostics';
import { applyFixesRepeatedly } from '../../../server/src/service/fixes';
import { TrialDocument } from '../../../server/src/service/document';
import { validateDocument } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { applyTextEdits } from './cursor';
import { corpusRecord, planted } from '../rules/fixtures';

const TODAY = '2026-11-24';
const URI = 'file:///test/record.trial.json';

function actionsFor(record: unknown, ruleId: string, only?: string[]) {
  const document = new TrialDocument(JSON.stringify(record, null, 2), 1, URI);
  const findings = validateDocument(document, { rules: builtinRules, today: TODAY });
  const finding = findings.find((candidate) => candidate.ruleId === ruleId);
  if (!finding) throw new Error(`no ${ruleId} finding: ${findings.map((f) => f.ruleId).join(', ')}`);
  const revalidate = (text: string) => validateDocument(new TrialDocument(text), { rules: builtinRules, today: TODAY });
  const actions = codeActions(
    document,
    findings,
    { range: finding.range, diagnostics: [toDiagnostic(finding, URI)], only },
    () => applyFixesRepeatedly(document.text, findings, revalidate).text,
  );
  const apply = (title: string) => {
    const action = actions.find((candidate) => candidate.title === title);
    if (!action) throw new Error(`no action "${title}": ${actions.map((a) => a.title).join(', ')}`);
    return JSON.parse(applyTextEdits(document, action.edit!.changes![URI]));
  };
  return { actions, apply, document };
}

describe('quick fixes', () => {
  it('replaces an enum near-miss with the closest code', () => {
    const { actions, apply } = actionsFor(
      planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['Phase 2'] }),
      'schema',
    );
    expect(actions.map((action) => action.title)).toContain('Replace with "PHASE2"');
    expect(apply('Replace with "PHASE2"').protocolSection.designModule.phases).toEqual(['PHASE2']);
  });

  it('renames an unknown key to the closest known one, or removes it', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/designModule/phases': undefined,
      '/protocolSection/designModule/phase': ['PHASE2'],
    });
    const { apply } = actionsFor(record, 'unknown-property');
    expect(apply('Rename to "phases"').protocolSection.designModule.phases).toEqual(['PHASE2']);
    expect(apply('Remove "phase"').protocolSection.designModule).not.toHaveProperty('phase');
  });

  it('replaces a broken arm label with the one close label, as the preferred fix', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/0': 'Placebos',
    });
    const { actions, apply } = actionsFor(record, 'arm-label-reference');
    expect(actions.find((action) => action.title === 'Replace with "Placebo"')?.isPreferred).toBe(true);
    expect(
      apply('Replace with "Placebo"').protocolSection.armsInterventionsModule.interventions[1].armGroupLabels,
    ).toEqual(['Placebo']);
  });

  it('offers to add a missing required field as an empty value of the right type', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/identificationModule/briefTitle': undefined,
    });
    const { actions, apply } = actionsFor(record, 'required-fields');
    expect(actions.map((action) => action.title)).toContain('Insert an empty "Brief title"');
    expect(apply('Insert an empty "Brief title"').protocolSection.identificationModule.briefTitle).toBe('');
  });
});

describe('matching a diagnostic to its finding', () => {
  const record = planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['Phase 2'] });
  const document = new TrialDocument(JSON.stringify(record, null, 2), 1, URI);
  const findings = validateDocument(document, { rules: builtinRules, today: TODAY });
  const finding = findings.find((candidate) => candidate.ruleId === 'schema')!;
  const titles = (diagnostic: Diagnostic) =>
    codeActions(document, findings, { range: finding.range, diagnostics: [diagnostic] }, () => document.text).map(
      (action) => action.title,
    );

  it('carries the rule id and pointer in the diagnostic data', () => {
    expect(toDiagnostic(finding, URI).data).toEqual({
      ruleId: 'schema',
      pointer: '/protocolSection/designModule/phases/0',
    });
  });

  it('finds the finding by that data, whatever range and message the editor sends back', () => {
    const moved = {
      ...toDiagnostic(finding, URI),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: 'edited',
    };
    expect(titles(moved)).toEqual(['Replace with "PHASE2"']);
  });

  it("offers nothing for a diagnostic without our data (another tool's, or one the client dropped it from)", () => {
    expect(titles({ ...toDiagnostic(finding, URI), data: undefined })).toEqual([]);
    expect(
      titles({
        ...toDiagnostic(finding, URI),
        data: { ruleId: 'schema', pointer: '/protocolSection/designModule/phases/1' },
      }),
    ).toEqual([]);
  });
});

describe('fix all', () => {
  it('applies every unambiguous fix in one edit', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/0': 'Placebos',
      '/protocolSection/designModule/designInfo/maskingInfo/masking': 'DOUBLE',
      '/protocolSection/designModule/phases': ['Phase 2'],
    });
    const { actions, apply } = actionsFor(record, 'arm-label-reference', [FIX_ALL_KIND]);
    expect(actions.map((action) => action.kind)).toEqual([FIX_ALL_KIND]);
    const fixed = apply('Fix all auto-fixable problems');
    expect(fixed.protocolSection.armsInterventionsModule.interventions[1].armGroupLabels).toEqual(['Placebo']);
    expect(fixed.protocolSection.designModule.designInfo.maskingInfo.masking).toBe('QUADRUPLE');
    expect(fixed.protocolSection.designModule.phases).toEqual(['PHASE2']);
  });

  it('offers nothing when no finding has a fix', () => {
    const { actions } = actionsFor(
      planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['PHASE1', 'PHASE3'] }),
      'phase-combination',
      [FIX_ALL_KIND],
    );
    expect(actions).toEqual([]);
  });
});
