// --stdin and --stdin-filepath: piped text, the config its path picks, --fix to standard output, exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { CLI, onlyRules, removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

const PHASES = '/protocolSection/designModule/phases';
const base = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });
const typo = JSON.stringify(planted(base, { [PHASES]: ['Phase 2'] }), null, 2);

let folder: string;
afterAll(removeTemporaryFolders);

beforeAll(() => {
  folder = temporaryFolder('trial-stdin-');
  mkdirSync(join(folder, 'lenient'));
  const config = onlyRules('arm-label-reference');
  writeFileSync(join(folder, '.trialrc.json'), JSON.stringify(config));
  // In this folder the team treats schema problems as warnings: the path given picks this config.
  writeFileSync(
    join(folder, 'lenient', '.trialrc.json'),
    JSON.stringify({ ...config, rules: { ...config.rules, schema: 'warn' } }),
  );
});

function diagnostics(stdout: string) {
  return JSON.parse(stdout).files[0].diagnostics as Array<{
    ruleId: string;
    severity: string;
    pointer: string;
    line: number;
    message: string;
  }>;
}

describe('lint --stdin', () => {
  it('lints piped text, shown as <stdin> without a path', () => {
    const { code, stdout } = runCli(['lint', '--stdin', '--format', 'json', '--today', TODAY], folder, typo);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.files[0].path).toBe('<stdin>');
    expect(report.files[0].diagnostics[0]).toMatchObject({
      ruleId: 'schema',
      severity: 'error',
      pointer: `${PHASES}/0`,
    });
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
  });

  it('uses --stdin-filepath for the config and the displayed path, without reading or writing that file', () => {
    const { code, stdout } = runCli(
      ['lint', '--stdin', '--stdin-filepath', 'lenient/draft.trial.json', '--format', 'json', '--today', TODAY],
      folder,
      typo,
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.files[0].path).toBe('lenient/draft.trial.json');
    expect(report.files[0].diagnostics[0]).toMatchObject({ ruleId: 'schema', severity: 'warning' });
    expect(existsSync(join(folder, 'lenient', 'draft.trial.json'))).toBe(false);
  });

  it('prints stylish, github and other formats for piped text too', () => {
    const github = runCli(
      ['lint', '--stdin', '--stdin-filepath', 'draft.trial.json', '--format', 'github', '--today', TODAY],
      folder,
      typo,
    );
    expect(github.stdout).toMatch(/^::error file=draft\.trial\.json,line=\d+,col=\d+,/);
    const stylish = runCli(['lint', '--stdin', '--stdin-filepath', 'draft.trial.json', '--today', TODAY], folder, typo);
    expect(stylish.stdout).toMatch(/^draft\.trial\.json\n\s+\d+:\d+\s+error\s+"Phase 2" is not a phase/);
  });

  it('with --fix prints the fixed text on standard output and the remaining findings only to --output', () => {
    // A phase no fix can mend ("Phase 2", the registry's label, would be fixed).
    const record = planted(base, { [PHASES]: ['Phase two'] });
    const arms = record.protocolSection.armsInterventionsModule;
    const label = arms.armGroups[0].label as string;
    arms.interventions[0].armGroupLabels = [label.slice(0, -1) + 'x'];
    const text = JSON.stringify(record, null, 4);
    const { code, stdout, stderr } = runCli(
      [
        'lint',
        '--stdin',
        '--stdin-filepath',
        'draft.trial.json',
        '--fix',
        '--format',
        'json',
        '--output',
        'left.json',
        '--today',
        TODAY,
      ],
      folder,
      text,
    );
    expect(stderr).toBe('');
    const fixed = JSON.parse(stdout);
    expect(fixed.protocolSection.armsInterventionsModule.interventions[0].armGroupLabels).toEqual([label]);
    expect(stdout.split('\n')[1]).toMatch(/^ {4}"/);
    const left = diagnostics(readFileSync(join(folder, 'left.json'), 'utf8'));
    expect(left.map((d) => d.ruleId)).toEqual(['schema']);
    expect(code).toBe(1);
    expect(existsSync(join(folder, 'draft.trial.json'))).toBe(false);
  });

  it('with --fix and nothing to fix prints the text unchanged and exits 0', () => {
    const text = JSON.stringify(base, null, 2);
    const { code, stdout } = runCli(['lint', '--stdin', '--fix', '--today', TODAY], folder, text);
    expect(stdout).toBe(text);
    expect(code).toBe(0);
  });

  it('reports empty input and bytes that are not UTF-8 as findings', () => {
    const empty = runCli(['lint', '--stdin', '--format', 'json'], folder, '');
    expect(empty.code).toBe(1);
    expect(diagnostics(empty.stdout)[0]).toMatchObject({ ruleId: 'syntax' });
    const latin1 = runCli(
      ['lint', '--stdin', '--format', 'json'],
      folder,
      new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]),
    );
    expect(JSON.parse(latin1.stdout).files[0].diagnostics[0].message).toMatch(/^Not valid UTF-8.*0xe9 at byte 2/);
  });

  it('with --fix gives back bytes that are not UTF-8 as they are, so that an editor loses nothing', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]);
    const result = spawnSync(
      process.execPath,
      [CLI, 'lint', '--stdin', '--fix', '--output', 'left.json', '--format', 'json'],
      { cwd: folder, input: bytes },
    );
    expect(result.status).toBe(1);
    expect(new Uint8Array(result.stdout)).toEqual(bytes);
    expect(diagnostics(readFileSync(join(folder, 'left.json'), 'utf8'))[0].message).toMatch(/^Not valid UTF-8/);
  });

  it('with --fix keeps a byte-order mark, fixed or not, and places findings as editors do (without it)', () => {
    const record = planted(base, {});
    const arms = record.protocolSection.armsInterventionsModule;
    const label = arms.armGroups[0].label as string;
    arms.interventions[0].armGroupLabels = [label.slice(0, -1) + 'x'];
    const text = `\ufeff${JSON.stringify(record, null, 2)}`;
    const fixed = runCli(['lint', '--stdin', '--fix', '--today', TODAY], folder, text);
    expect(fixed.stdout.startsWith('\ufeff{')).toBe(true);
    expect(
      JSON.parse(fixed.stdout.slice(1)).protocolSection.armsInterventionsModule.interventions[0].armGroupLabels,
    ).toEqual([label]);
    const unchanged = runCli(['lint', '--stdin', '--fix', '--today', TODAY], folder, fixed.stdout);
    expect(unchanged.stdout).toBe(fixed.stdout);
    const report = runCli(['lint', '--stdin', '--format', 'json', '--today', TODAY], folder, text);
    const found = diagnostics(report.stdout).find((d) => d.ruleId === 'arm-label-reference');
    expect(found?.line).toBe(
      text
        .slice(1)
        .split('\n')
        .findIndex((line) => line.includes(`${label.slice(0, -1)}x`)) + 1,
    );
  });

  it('exits 2 for options that do not go with --stdin', () => {
    const withPaths = runCli(['lint', '--stdin', 'a.trial.json'], folder, typo);
    expect(withPaths.code).toBe(2);
    expect(withPaths.stderr).toMatch(/leave out the paths/);
    const pathOnly = runCli(['lint', '--stdin-filepath', 'a.trial.json'], folder, typo);
    expect(pathOnly.code).toBe(2);
    expect(pathOnly.stderr).toMatch(/add --stdin/);
    const changed = runCli(['lint', '--stdin', '--changed-since', 'HEAD'], folder, typo);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/cannot be combined with --stdin/);
  });

  it('exits 2 when the config that the path picks is broken', () => {
    mkdirSync(join(folder, 'broken'), { recursive: true });
    writeFileSync(join(folder, 'broken', '.trialrc.json'), '{ "rules": { "no-such-rule": "error" } }');
    const { code, stderr } = runCli(['lint', '--stdin', '--stdin-filepath', 'broken/a.trial.json'], folder, typo);
    expect(code).toBe(2);
    expect(stderr).toMatch(/config error in .*broken\/\.trialrc\.json/);
  });
});
