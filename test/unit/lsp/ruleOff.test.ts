// "Turn off this rule for this record": the edit it proposes, applied, is a config under which the
// rule is off for that record and for no other.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { ConfigService } from '../../../server/src/config';
import { turnOffRuleActions } from '../../../server/src/lsp/ruleOff';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'trial-rule-off-'));
  folders.push(folder);
  return folder;
}

function diagnostic(code: string, source = 'trial-records'): Diagnostic {
  return {
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } },
    message: `a finding of ${code}`,
    code,
    source,
  };
}

function record(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '{}\n');
  return URI.file(path).toString();
}

/** Applies an action's edit to the files on disk, as the editor would. */
function apply(action: CodeAction): void {
  for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
    const path = URI.parse(uri).fsPath;
    writeFileSync(
      path,
      TextDocument.applyEdits(TextDocument.create(uri, 'jsonc', 0, readFileSync(path, 'utf8')), edits),
    );
  }
  for (const change of action.edit?.documentChanges ?? []) {
    if ('kind' in change) continue;
    const { textDocument, edits } = change as TextDocumentEdit;
    writeFileSync(
      URI.parse(textDocument.uri).fsPath,
      TextDocument.applyEdits(TextDocument.create(textDocument.uri, 'jsonc', 0, ''), edits),
    );
  }
}

function isOff(recordPath: string, ruleId: string): boolean {
  const configs = new ConfigService();
  try {
    return configs.settingsFor(recordPath, { trusted: false }).options.isRuleOff?.(ruleId) ?? false;
  } finally {
    configs.invalidate();
  }
}

describe('turnOffRuleActions', () => {
  it('adds an override for the record to the nearest config, keeping its comments, and then adds further rules to it', () => {
    const folder = workspace();
    const config = join(folder, '.trialrc.json');
    writeFileSync(config, '{\n    // the team\'s settings\n    "rules": { "date-order": "warn" }\n}\n');
    const recordPath = join(folder, 'NCT01.trial.json');
    const sibling = join(folder, 'nested', 'NCT01.trial.json');
    const uri = record(recordPath);
    record(sibling);
    const [action] = turnOffRuleActions(uri, [diagnostic('date-order')], false);
    expect(action).toMatchObject({
      title: 'Turn off "date-order" for this record (in .trialrc.json)',
      kind: 'quickfix',
      diagnostics: [diagnostic('date-order')],
    });
    apply(action);
    const text = readFileSync(config, 'utf8');
    expect(text).toContain("// the team's settings");
    expect(text).toMatch(/\n {4}"overrides": \[/);
    expect(parse(text).overrides).toEqual([{ files: ['./NCT01.trial.json'], rules: { 'date-order': 'off' } }]);
    expect(isOff(recordPath, 'date-order')).toBe(true);
    expect(isOff(sibling, 'date-order')).toBe(false);
    apply(turnOffRuleActions(uri, [diagnostic('arm-label-reference')], false)[0]);
    expect(parse(readFileSync(config, 'utf8')).overrides).toEqual([
      { files: ['./NCT01.trial.json'], rules: { 'date-order': 'off', 'arm-label-reference': 'off' } },
    ]);
    expect(isOff(recordPath, 'arm-label-reference')).toBe(true);
  });

  it('appends to existing overrides, names records in subfolders by their path from the config, and escapes glob characters', () => {
    const folder = workspace();
    const config = join(folder, '.trialrc.json');
    writeFileSync(
      config,
      JSON.stringify({ overrides: [{ files: ['legacy/**'], rules: { 'required-fields': 'off' } }] }, null, 2),
    );
    const recordPath = join(folder, 'site [2]', 'NCT02.trial.json');
    apply(turnOffRuleActions(record(recordPath), [diagnostic('central-contact')], false)[0]);
    expect(parse(readFileSync(config, 'utf8')).overrides).toEqual([
      { files: ['legacy/**'], rules: { 'required-fields': 'off' } },
      { files: ['site \\[2\\]/NCT02.trial.json'], rules: { 'central-contact': 'off' } },
    ]);
    expect(isOff(recordPath, 'central-contact')).toBe(true);
  });

  it('creates a config beside the record when none applies, if the editor can create files', () => {
    const folder = workspace();
    const recordPath = join(folder, 'NCT03.trial.json');
    const uri = record(recordPath);
    expect(turnOffRuleActions(uri, [diagnostic('date-order')], false)).toEqual([]);
    const [action] = turnOffRuleActions(uri, [diagnostic('date-order')], true);
    expect(action.title).toBe('Turn off "date-order" for this record (in a new .trialrc.json)');
    expect(action.edit?.documentChanges?.[0]).toEqual({
      kind: 'create',
      uri: URI.file(join(folder, '.trialrc.json')).toString(),
      options: { ignoreIfExists: true },
    });
    apply(action);
    expect(isOff(recordPath, 'date-order')).toBe(true);
    expect(isOff(recordPath, 'arm-label-reference')).toBe(false);
  });

  it("offers nothing for syntax errors, failed rules, the schema, required fields, other tools' diagnostics or a broken config", () => {
    const folder = workspace();
    const uri = record(join(folder, 'NCT04.trial.json'));
    expect(
      turnOffRuleActions(
        uri,
        [
          diagnostic('syntax'),
          diagnostic('rule-error'),
          diagnostic('schema'),
          diagnostic('required-fields'),
          diagnostic('date-order', 'json'),
        ],
        true,
      ),
    ).toEqual([]);
    writeFileSync(join(folder, '.trialrc.json'), '{ "rules": ');
    expect(turnOffRuleActions(uri, [diagnostic('date-order')], true)).toEqual([]);
    writeFileSync(join(folder, '.trialrc.json'), '{ "overrides": {} }');
    expect(turnOffRuleActions(uri, [diagnostic('date-order')], true)).toEqual([]);
  });

  it('offers nothing for a record that is not saved yet (no folder for a config to apply from)', () => {
    expect(turnOffRuleActions('untitled:Untitled-1', [diagnostic('date-order')], true)).toEqual([]);
  });

  it('gives one action per rule among the diagnostics', () => {
    const folder = workspace();
    writeFileSync(join(folder, '.trialrc.json'), '{}');
    const uri = record(join(folder, 'NCT05.trial.json'));
    const actions = turnOffRuleActions(
      uri,
      [diagnostic('date-order'), diagnostic('date-order'), diagnostic('masking-roles')],
      false,
    );
    expect(actions.map((action) => action.title)).toEqual([
      'Turn off "date-order" for this record (in .trialrc.json)',
      'Turn off "masking-roles" for this record (in .trialrc.json)',
    ]);
    expect(actions[0].diagnostics).toHaveLength(2);
  });
});
