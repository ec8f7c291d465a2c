// Linting many files on worker threads: the same report as in one thread, in the same order; per-folder
// configs, custom rules, --fix and broken configs in workers; the progress line only on a terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runLint, type CliIo } from '../../server/src/cli/lint';
import { workerCountFor } from '../../server/src/cli/pool';
import { progressLine } from '../../server/src/cli/progress';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

const PHASES = '/protocolSection/designModule/phases';
const base = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });
const CORPUS_IDS = ['NCT00184067', 'NCT00763412', 'NCT02299791', 'NCT03418623', 'NCT04207047', 'NCT05147467'];

const HOUSE_RULE = `export default {
  meta: { id: 'house-acronym', severity: 'warn', description: 'Our records carry an acronym' },
  check(context) {
    const identification = context.record?.protocolSection?.identificationModule;
    if (identification && !identification.acronym) context.report({ pointer: '/protocolSection/identificationModule', target: 'key', message: 'Add an acronym: the sponsor asks for one.' });
  },
};`;

/** A house style that reads the text, which the plain record cannot show. */
const INDENT_RULE = readFileSync(join(__dirname, '..', 'fixtures', 'team', 'rules', 'two-space-indent.mjs'), 'utf8');

function pretty(record: unknown): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/** 42 records in three folders: clean ones, wrong phases, unknown keys, legacy keys, mistyped arm labels. */
function makeRecords(folder: string): void {
  mkdirSync(join(folder, 'team'), { recursive: true });
  mkdirSync(join(folder, 'lenient'), { recursive: true });
  writeFileSync(
    join(folder, 'lenient', '.trialrc.json'),
    JSON.stringify({
      rules: { schema: 'warn' },
      overrides: [{ files: ['odd-*.trial.json'], rules: { 'unknown-property': 'off' } }],
    }),
  );
  for (let i = 0; i < 14; i++) {
    const id = String(i).padStart(2, '0');
    const record = planted(base, {});
    const arms = record.protocolSection.armsInterventionsModule;
    arms.interventions[0].armGroupLabels = [arms.armGroups[0].label.slice(0, -1) + 'x'];
    writeFileSync(join(folder, 'team', `fix-${id}.trial.json`), pretty(record));
    writeFileSync(
      join(folder, 'lenient', `${i % 2 ? 'odd' : 'even'}-${id}.trial.json`),
      pretty(planted(base, { [PHASES]: ['Phase 2'], '/protocolSection/designModule/phasess': [] })),
    );
    writeFileSync(join(folder, `corpus-${id}.trial.json`), pretty(corpusRecord(CORPUS_IDS[i % CORPUS_IDS.length])));
  }
}

let folder: string;
afterAll(removeTemporaryFolders);

beforeAll(() => {
  folder = temporaryFolder('trial-workers-');
  makeRecords(folder);
});

describe('lint with worker threads', () => {
  it('prints the same report as in one thread, files in path order', () => {
    for (const format of ['json', 'rdjson', 'sarif']) {
      const inWorkers = runCli(['lint', '.', '--format', format, '--concurrency', '2', '--today', TODAY], folder);
      const inThread = runCli(['lint', '.', '--format', format, '--concurrency', 'off', '--today', TODAY], folder);
      expect(inWorkers.stderr).toBe('');
      expect(inWorkers.code).toBe(inThread.code);
      expect(inWorkers.stdout).toBe(inThread.stdout);
    }
    const report = JSON.parse(
      runCli(['lint', '.', '--format', 'json', '--concurrency', '2', '--today', TODAY], folder).stdout,
    );
    const paths = report.files.map((file: { path: string }) => file.path);
    expect(paths).toHaveLength(42);
    expect(paths).toEqual([...paths].sort());
    const lenient = report.files.filter((file: { path: string }) => file.path.startsWith('lenient/'));
    for (const file of lenient) {
      expect(file.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'schema').severity).toBe('warning');
      expect(file.diagnostics.some((d: { ruleId: string }) => d.ruleId === 'unknown-property')).toBe(
        file.path.startsWith('lenient/even-'),
      );
    }
  });

  it('applies --fix in the workers exactly as in one thread', () => {
    const inWorkers = temporaryFolder('trial-fix-workers-');
    const inThread = temporaryFolder('trial-fix-thread-');
    cpSync(folder, inWorkers, { recursive: true });
    cpSync(folder, inThread, { recursive: true });
    runCli(['lint', '.', '--fix', '--concurrency', '2', '--today', TODAY], inWorkers);
    runCli(['lint', '.', '--fix', '--concurrency', 'off', '--today', TODAY], inThread);
    const fixed = readdirSync(join(inWorkers, 'team'));
    expect(fixed).toHaveLength(14);
    for (const name of fixed) {
      const text = readFileSync(join(inWorkers, 'team', name), 'utf8');
      expect(text).toBe(readFileSync(join(inThread, 'team', name), 'utf8'));
      expect(text).not.toBe(readFileSync(join(folder, 'team', name), 'utf8'));
      const arms = JSON.parse(text).protocolSection.armsInterventionsModule;
      expect(arms.interventions[0].armGroupLabels).toEqual([arms.armGroups[0].label]);
    }
  });

  it('runs custom rules in each worker and describes them in SARIF', () => {
    const custom = temporaryFolder('trial-custom-');
    cpSync(join(folder, 'team'), custom, { recursive: true });
    mkdirSync(join(custom, 'rules'));
    writeFileSync(join(custom, 'rules', 'acronym.mjs'), HOUSE_RULE);
    writeFileSync(join(custom, 'rules', 'indent.mjs'), INDENT_RULE);
    writeFileSync(join(custom, '.trialrc.json'), JSON.stringify({ customRules: ['./rules/*.mjs'] }));
    for (const id of ['03', '11']) {
      const path = join(custom, `fix-${id}.trial.json`);
      writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8')), null, 4) + '\n');
    }
    const { stdout, stderr } = runCli(
      ['lint', '.', '--format', 'sarif', '--concurrency', '2', '--today', TODAY],
      custom,
    );
    expect(stderr).toBe('');
    const run = JSON.parse(stdout).runs[0];
    expect(
      run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'house-acronym').shortDescription.text,
    ).toBe('Our records carry an acronym');
    expect(run.results.filter((result: { ruleId: string }) => result.ruleId === 'house-acronym')).toHaveLength(14);
    // The indentation is only in the text: the workers hand each record's own text to the custom rules.
    const indented = run.results.filter((result: { ruleId: string }) => result.ruleId === 'two-space-indent');
    expect(
      indented
        .map(
          (result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
            result.locations[0].physicalLocation.artifactLocation.uri,
        )
        .sort(),
    ).toEqual(['fix-03.trial.json', 'fix-11.trial.json']);
  });

  it('stops with exit code 2 and the place when a config read in a worker is broken', () => {
    const broken = temporaryFolder('trial-broken-');
    cpSync(folder, broken, { recursive: true });
    writeFileSync(join(broken, 'lenient', '.trialrc.json'), '{ "rules": { "schema": "loud" } }');
    const { code, stdout, stderr } = runCli(['lint', '.', '--concurrency', '2'], broken);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^trial-records: config error in .*lenient\/\.trialrc\.json:1:\d+: /);
  });

  it('reports an unreadable file on standard error and exits 2, after linting the others', () => {
    if (process.getuid?.() === 0) return; // root reads every file
    const locked = temporaryFolder('trial-locked-');
    cpSync(join(folder, 'team'), locked, { recursive: true });
    writeFileSync(join(locked, 'locked.trial.json'), '{}', { mode: 0o000 });
    const { code, stdout, stderr } = runCli(['lint', '.', '--format', 'json', '--concurrency', '2'], locked);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Permission denied: .*locked\.trial\.json/);
    expect(JSON.parse(stdout).summary.files).toBe(14);
  });

  it('uses workers only when there are enough files for each', () => {
    expect(workerCountFor(42, 'auto')).toBe(0);
    expect(workerCountFor(199, 'auto')).toBe(0);
    expect(workerCountFor(200, 'auto')).toBe(availableParallelism() >= 2 ? 2 : 0);
    expect(workerCountFor(0, 4)).toBe(0);
    expect(workerCountFor(10, 'off')).toBe(0);
    expect(workerCountFor(10, 1)).toBe(0);
    expect(workerCountFor(10, 3)).toBe(3);
    expect(workerCountFor(2, 3)).toBe(2);
  });
});

describe('the progress line', () => {
  function io(stderrIsTty: boolean): CliIo & { err: string } {
    const captured = { err: '' };
    return Object.assign(captured, {
      cwd: folder,
      stdout: () => undefined,
      stderr: (text: string) => {
        captured.err += text;
      },
      isTty: false,
      stderrIsTty,
    });
  }

  it('is drawn on a terminal and cleared at the end, in workers and in one thread', async () => {
    for (const concurrency of ['2', 'off']) {
      const terminal = io(true);
      await runLint(['.', '--format', 'json', '--concurrency', concurrency, '--today', TODAY], terminal);
      expect(terminal.err).toMatch(/^\r\u001b\[2KLinting \d+\/42 files/);
      expect(terminal.err).toContain('Linting 42/42 files');
      expect(terminal.err.endsWith('\r\u001b[2K')).toBe(true);
    }
  });

  it('is off with --quiet and when standard error is not a terminal', async () => {
    const quiet = io(true);
    await runLint(['.', '--quiet', '--concurrency', '2', '--today', TODAY], quiet);
    expect(quiet.err).toBe('');
    const piped = io(false);
    await runLint(['.', '--concurrency', '2', '--today', TODAY], piped);
    expect(piped.err).toBe('');
    expect(runCli(['lint', '.', '--today', TODAY], folder).stderr).toBe('');
  });

  it('redraws at most every 100 ms, and always the last count', () => {
    let now = 0;
    const drawn: string[] = [];
    const progress = progressLine(
      5,
      (text) => drawn.push(text),
      () => now,
    );
    progress.update(1);
    now = 50;
    progress.update(2);
    now = 150;
    progress.update(3);
    progress.update(5);
    progress.finish();
    expect(drawn.map((text) => /\d+\/5/.exec(text)?.[0] ?? 'clear')).toEqual(['1/5', '3/5', '5/5', 'clear']);
  });
});
