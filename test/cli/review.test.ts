// The reviewer workflow offline: a git repository with two commits, and the run steps of action.yml
// executed as GitHub would (bash -eo pipefail, inputs through env), with dist/cli.js as the command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { CLI, removeTemporaryFolders, ROOT, runCli, temporaryFolder, TODAY, validateSarif } from './helpers';

const PHASES = '/protocolSection/designModule/phases';
const ALLOCATION = '/protocolSection/designModule/designInfo/allocation';
const PRIMARY_COMPLETION = '/protocolSection/statusModule/primaryCompletionDateStruct/date';
const TYPO_FILES = Array.from({ length: 11 }, (_, i) => `records/typo-${String(i + 1).padStart(2, '0')}.trial.json`);

interface ActionStep {
  name: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
};

const clean = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });
const withOldError = planted(clean, { [ALLOCATION]: 'Randomised' });

let repo: string;
/** The commit the pull request's checkout is at. */
let head: string;
const before = new Map<string, string>();
const after = new Map<string, string>();

/** Runs git in a repository of a test's own; throws with git's message when it fails. */
function gitIn(folder: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Reviewer', '-c', 'user.email=reviewer@example.org', '-c', 'commit.gpgsign=false', ...args],
    { cwd: folder, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function git(...args: string[]): string {
  return gitIn(repo, ...args);
}

function write(files: Map<string, string>, path: string, record: unknown): void {
  const text = JSON.stringify(record, null, 2) + '\n';
  files.set(path, text);
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** 1-based lines whose text differs between two versions of a file with the same number of lines. */
function differingLines(path: string): Set<number> {
  const old = (before.get(path) ?? '').split('\n');
  const lines = new Set<number>();
  after
    .get(path)!
    .split('\n')
    .forEach((line, i) => {
      if (old[i] !== line) lines.add(i + 1);
    });
  return lines;
}

afterAll(removeTemporaryFolders);

beforeAll(() => {
  repo = temporaryFolder('trial-review-');
  git('init', '-q', '-b', 'main');
  copyFileSync(join(ROOT, 'test', 'fixtures', 'review', 'trialrc.json'), join(repo, '.trialrc.json'));
  write(before, 'records/old-error.trial.json', withOldError);
  write(before, 'records/untouched.trial.json', withOldError);
  write(before, 'records/dates.trial.json', clean);
  for (const path of TYPO_FILES) write(before, path, clean);
  git('add', '-A');
  git('commit', '-qm', 'Records as registered');

  write(after, 'records/old-error.trial.json', planted(withOldError, { [PHASES]: ['Phase 2'] }));
  write(after, 'records/dates.trial.json', planted(clean, { [PRIMARY_COMPLETION]: '2021-01-01' }));
  for (const path of TYPO_FILES) write(after, path, planted(clean, { [PHASES]: ['Phase 2'] }));
  git('add', '-A');
  git('commit', '-qm', 'Edit the records');
  head = git('rev-parse', 'HEAD').trim();
  write(after, 'records/new.trial.json', planted(clean, { [PHASES]: ['Phase 2'] }));
});

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('--changed-since and the stylish summary', () => {
  it('counts as fixable only the findings it keeps', () => {
    const folder = temporaryFolder('trial-fixable-');
    gitIn(folder, 'init', '-q', '-b', 'main');
    const record = structuredClone(clean);
    const arms = record.protocolSection.armsInterventionsModule;
    arms.interventions[0].armGroupLabels = [`${arms.armGroups[0].label.slice(0, -1)}x`];
    writeFileSync(join(folder, 'record.trial.json'), JSON.stringify(record, null, 2) + '\n');
    gitIn(folder, 'add', '-A');
    gitIn(folder, 'commit', '-qm', 'A record whose arm reference has a typo');
    // A phase no fix can mend ("Phase 2", the registry's label, would be fixed).
    writeFileSync(
      join(folder, 'record.trial.json'),
      JSON.stringify(planted(record, { [PHASES]: ['Phase two'] }), null, 2) + '\n',
    );
    const everything = runCli(['lint', '.', '--today', TODAY], folder).stdout;
    expect(everything).toMatch(/arm-label-reference/);
    expect(everything).toMatch(/ of them can be fixed with `trial-records lint --fix`\./);
    const changed = runCli(['lint', '.', '--today', TODAY, '--changed-since', 'HEAD'], folder).stdout;
    expect(changed).toMatch(/"Phase two" is not a phase/);
    expect(changed).not.toMatch(/arm-label-reference|can be fixed/);
  });
});

const SERVER = 'https://github.com';
const REPOSITORY = 'registry-team/records';

/** What a runner sets for every step: the checkout is the workspace, the commit is the one checked. */
function runnerVariables(): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_SERVER_URL: SERVER,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: head,
  };
}

/** Runs one `run:` step of action.yml the way a runner does, with `inputs` in place of the defaults. */
function runStep(name: string, inputs: Record<string, string>, summaryFile: string): StepRun {
  const step = action.runs.steps.find((candidate) => candidate.name === name);
  if (!step?.run) throw new Error(`action.yml has no run step "${name}"`);
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(action.inputs).map(([key, input]) => [key, input.default ?? ''])),
    ...inputs,
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(step.env ?? {})) {
    env[key] = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, input: string) => {
      if (!(input in values)) throw new Error(`step "${name}" uses an undeclared input "${input}"`);
      return values[input];
    });
    expect(env[key], `${name}: ${key}`).not.toMatch(/\$\{\{/);
  }
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...runnerVariables(), ...env, GITHUB_STEP_SUMMARY: summaryFile },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('action.yml on a pull request (changed-since = the base commit)', () => {
  const inputs = () => ({
    cli: `${process.execPath} ${CLI}`,
    paths: 'records',
    'changed-since': 'HEAD~1',
    'sarif-file': 'results.sarif',
  });
  let summaryFile: string;
  let steps: Record<string, StepRun>;

  beforeAll(() => {
    summaryFile = join(temporaryFolder('trial-summary-'), 'summary.md');
    writeFileSync(summaryFile, '');
    steps = {};
    for (const step of action.runs.steps) if (step.run) steps[step.name] = runStep(step.name, inputs(), summaryFile);
  });

  it('is a composite action whose steps run the CLI with sarif, markdown and github formats, and uploads SARIF', () => {
    expect(action.runs.using).toBe('composite');
    const scripts = action.runs.steps.map((step) => step.run ?? '').join('\n');
    expect(scripts).toMatch(/--format sarif --output/);
    expect(scripts).toMatch(/--format markdown .*>> "\$GITHUB_STEP_SUMMARY"/);
    expect(scripts).toMatch(/--format github/);
    expect(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    expect(action.inputs['changed-since'].default).toMatch(/github\.event\.pull_request\.base\.sha/);
  });

  it("is used in the README's workflow with inputs it declares", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const workflow = /```yaml\n(# \.github\/workflows\/trial-records\.yml[\s\S]*?)```/.exec(readme)?.[1];
    const jobs = (
      parseYaml(workflow ?? '') as {
        jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>;
      }
    ).jobs;
    const step = Object.values(jobs)
      .flatMap((job) => job.steps)
      .find((candidate) => candidate.uses?.startsWith('OWNER/trial-records@'));
    expect(Object.keys(step?.with ?? {}).length).toBeGreaterThan(0);
    for (const input of Object.keys(step?.with ?? {})) expect(action.inputs, input).toHaveProperty([input]);
  });

  it('takes paths separated by spaces or on lines of their own, globs as written', () => {
    const summary = join(temporaryFolder('trial-summary-'), 'summary.md');
    const sarifOf = (paths: string) => {
      const step = runStep(
        'SARIF report for code scanning',
        { ...inputs(), paths, 'sarif-file': 'paths.sarif' },
        summary,
      );
      expect(step.code, step.stderr).toBe(0);
      const log = JSON.parse(readFileSync(join(repo, 'paths.sarif'), 'utf8'));
      return new Set(
        log.runs[0].results.map(
          (result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
            result.locations[0].physicalLocation.artifactLocation.uri,
        ),
      );
    };
    const expected = new Set(['records/untouched.trial.json', 'records/old-error.trial.json']);
    expect(sarifOf('records/untouched.trial.json records/old-error.trial.json')).toEqual(expected);
    expect(sarifOf('records/untouched.trial.json\nrecords/old-error.trial.json\n')).toEqual(expected);
    expect(sarifOf('  records/untouched.trial.json\n\n  records/old-*.trial.json')).toEqual(expected);
  });

  it("keeps the SARIF step's findings in the cache file it is given, and reports the same from it", () => {
    const summary = join(temporaryFolder('trial-summary-'), 'summary.md');
    const sarifWithCache = () => {
      const step = runStep(
        'SARIF report for code scanning',
        { ...inputs(), 'sarif-file': 'cached.sarif', 'cache-file': '.cache/trial-records' },
        summary,
      );
      expect(step.code, step.stderr).toBe(0);
      return readFileSync(join(repo, 'cached.sarif'), 'utf8');
    };
    mkdirSync(join(repo, '.cache'), { recursive: true });
    const first = sarifWithCache();
    const cache = JSON.parse(readFileSync(join(repo, '.cache', 'trial-records'), 'utf8'));
    expect(
      Object.keys(cache.entries)
        .map((path) => relative(repo, path))
        .sort(),
    ).toEqual(
      readdirSync(join(repo, 'records'))
        .map((name) => `records/${name}`)
        .sort(),
    );
    expect(sarifWithCache()).toBe(first);
    expect(first).toBe(readFileSync(join(repo, 'results.sarif'), 'utf8'));
    expect(steps['SARIF report for code scanning'].stderr).toBe('');
  });

  it('writes SARIF that is valid SARIF 2.1.0 and covers every record (code scanning compares whole analyses)', () => {
    expect(steps['SARIF report for code scanning'].code, steps['SARIF report for code scanning'].stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(repo, 'results.sarif'), 'utf8'));
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);
    const uris = new Set(
      log.runs[0].results.map(
        (result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
          result.locations[0].physicalLocation.artifactLocation.uri,
      ),
    );
    expect(uris).toContain('records/untouched.trial.json');
  });

  it('annotates at most 10 errors, most severe first, then says how many more there are and where', () => {
    const step = steps['Annotations on changed lines'];
    expect(step.code).toBe(1);
    const lines = step.stdout.trim().split('\n');
    const errors = lines.filter((line) => line.startsWith('::error '));
    expect(errors).toHaveLength(10);
    expect(lines.findIndex((line) => !line.startsWith('::error '))).toBe(10);
    const report = JSON.parse(
      runCli(['lint', 'records', '--changed-since', 'HEAD~1', '--format', 'json'], repo).stdout,
    );
    const total = report.summary.errors + report.summary.warnings + report.summary.infos + report.summary.hints;
    const shown = lines.filter((line) => /^::(error|warning|notice) file=/.test(line)).length;
    const last = lines[lines.length - 1];
    expect(last).toMatch(
      new RegExp(
        `^::notice title=trial-records%3A ${total - shown} more::${total - shown} more findings .*job summary.*SARIF`,
      ),
    );
  });

  it('writes a Markdown job summary whose counts are those of the changed lines', () => {
    expect(steps['Job summary'].code, steps['Job summary'].stderr).toBe(0);
    const summary = readFileSync(summaryFile, 'utf8');
    const report = JSON.parse(
      runCli(['lint', 'records', '--changed-since', 'HEAD~1', '--format', 'json'], repo).stdout,
    );
    const changedFiles = report.files.filter((file: { diagnostics: unknown[] }) => file.diagnostics.length > 0).length;
    expect(summary).toContain(`### Trial Records: ${report.summary.errors} errors, ${report.summary.warnings} warning`);
    expect(summary).toContain(`in ${changedFiles} of ${report.summary.files} records`);
    const schemaErrors = report.files
      .flatMap((file: { diagnostics: Array<{ ruleId: string }> }) => file.diagnostics)
      .filter((d: { ruleId: string }) => d.ruleId === 'schema').length;
    expect(schemaErrors).toBe(13);
    expect(summary).toMatch(
      new RegExp(
        `\\| \\[schema\\]\\(https://trial-records\\.dev/rules/schema\\) \\| error \\| ${schemaErrors} \\| 13 \\|`,
      ),
    );
    for (const file of report.files as Array<{ path: string; diagnostics: Array<{ severity: string }> }>) {
      if (file.diagnostics.length === 0) continue;
      const count = (...severities: string[]) => file.diagnostics.filter((d) => severities.includes(d.severity)).length;
      const link = `[${file.path}](${SERVER}/${REPOSITORY}/blob/${head}/${file.path})`;
      expect(summary).toContain(`| ${link} | ${count('error')} | ${count('warning')} | ${count('info', 'hint')} |`);
    }
  });
});

describe('lint --changed-since', () => {
  it('reports only findings on changed lines, errors whose related place changed, and untracked records throughout', () => {
    const { stdout, code } = runCli(['lint', 'records', '--changed-since', 'HEAD~1', '--format', 'json'], repo);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const paths = report.files.map((file: { path: string }) => file.path);
    expect(paths).not.toContain('records/untouched.trial.json');
    expect(paths).toEqual(
      expect.arrayContaining([
        'records/old-error.trial.json',
        'records/dates.trial.json',
        'records/new.trial.json',
        ...TYPO_FILES,
      ]),
    );
    for (const file of report.files as Array<{
      path: string;
      diagnostics: Array<{ ruleId: string; line: number; pointer: string }>;
    }>) {
      if (file.path === 'records/new.trial.json') continue;
      const changed = differingLines(file.path);
      for (const diagnostic of file.diagnostics) {
        if (diagnostic.ruleId === 'date-order') continue;
        expect(changed.has(diagnostic.line), `${file.path}:${diagnostic.line} ${diagnostic.ruleId}`).toBe(true);
      }
    }
    const all = report.files.flatMap((file: { diagnostics: Array<{ pointer: string }> }) => file.diagnostics);
    expect(all.some((d: { pointer: string }) => d.pointer === ALLOCATION)).toBe(false);
    const dates = report.files.find((file: { path: string }) => file.path === 'records/dates.trial.json');
    const dateOrder = dates.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'date-order');
    expect(dateOrder.pointer).toBe('/protocolSection/statusModule/completionDateStruct/date');
    expect(differingLines('records/dates.trial.json').has(dateOrder.line)).toBe(false);
    const fresh = report.files.find((file: { path: string }) => file.path === 'records/new.trial.json');
    expect(fresh.diagnostics.map((d: { pointer: string }) => d.pointer)).toContain(`${PHASES}/0`);
  });

  it('finds the changed lines of files whose names hold spaces, "#", quotes or other letters', () => {
    const names = ['records/with space #1.trial.json', 'records/"quoted".trial.json', 'records/ümlaut\ttab.trial.json'];
    const own = temporaryFolder('trial-review-names-');
    const inOwn = (...args: string[]) => gitIn(own, ...args);
    inOwn('init', '-q', '-b', 'main');
    mkdirSync(join(own, 'records'));
    for (const name of names) writeFileSync(join(own, name), JSON.stringify(clean, null, 2) + '\n');
    inOwn('add', '-A');
    inOwn('commit', '-qm', 'one');
    for (const name of names)
      writeFileSync(join(own, name), JSON.stringify(planted(clean, { [PHASES]: ['Phase 2'] }), null, 2) + '\n');
    const report = JSON.parse(runCli(['lint', 'records', '--changed-since', 'HEAD', '--format', 'json'], own).stdout);
    const phaseFindings = (report.files as Array<{ path: string; diagnostics: Array<{ pointer: string }> }>).filter(
      (file) => file.diagnostics.some((d) => d.pointer === `${PHASES}/0`),
    );
    expect(phaseFindings.map((file) => file.path).sort()).toEqual([...names].sort());
  });

  it('reads the diff the same from a subfolder and whatever diff settings the repository has', () => {
    const own = temporaryFolder('trial-review-settings-');
    const inOwn = (...args: string[]) => gitIn(own, ...args);
    inOwn('init', '-q', '-b', 'main');
    mkdirSync(join(own, 'b', 'records'), { recursive: true });
    const path = join(own, 'b', 'records', 'one.trial.json');
    writeFileSync(path, JSON.stringify(clean, null, 2) + '\n');
    inOwn('add', '-A');
    inOwn('commit', '-qm', 'one');
    writeFileSync(path, JSON.stringify(planted(clean, { [PHASES]: ['Phase 2'] }), null, 2) + '\n');
    const changedPointers = (cwd: string) => {
      const report = JSON.parse(runCli(['lint', '.', '--changed-since', 'HEAD', '--format', 'json'], cwd).stdout);
      return report.files.flatMap((file: { diagnostics: Array<{ pointer: string }> }) =>
        file.diagnostics.map((d) => d.pointer),
      );
    };
    expect(changedPointers(own)).toEqual([`${PHASES}/0`]);
    for (const [key, value] of [
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['diff.relative', 'true'],
      ['color.diff', 'always'],
    ])
      inOwn('config', key, value);
    expect(changedPointers(own)).toEqual([`${PHASES}/0`]);
    expect(changedPointers(join(own, 'b', 'records'))).toEqual([`${PHASES}/0`]);
  });

  it('keeps errors that the change brought elsewhere in the file (a renamed arm label, a deleted field), not older ones', () => {
    const own = temporaryFolder('trial-review-brought-');
    const inOwn = (...args: string[]) => gitIn(own, ...args);
    inOwn('init', '-q', '-b', 'main');
    const path = join(own, 'one.trial.json');
    writeFileSync(path, JSON.stringify(withOldError, null, 2) + '\n');
    inOwn('add', '-A');
    inOwn('commit', '-qm', 'one');
    const renamed = structuredClone(withOldError);
    const label = renamed.protocolSection.armsInterventionsModule.armGroups[0].label as string;
    renamed.protocolSection.armsInterventionsModule.armGroups[0].label = `${label} arm`;
    delete renamed.protocolSection.identificationModule.briefTitle;
    writeFileSync(path, JSON.stringify(renamed, null, 2) + '\n');
    const errors = (args: string[]) =>
      (
        JSON.parse(runCli(['lint', '.', '--format', 'json', '--today', TODAY, ...args], own).stdout).files[0]
          .diagnostics as Array<{ ruleId: string; severity: string; pointer: string }>
      )
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.ruleId} ${d.pointer}`);
    const all = errors([]);
    expect(all).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^arm-label-reference /),
        'required-fields /protocolSection/identificationModule/briefTitle',
        `schema ${ALLOCATION}`,
      ]),
    );
    expect(errors(['--changed-since', 'HEAD']).sort()).toEqual(
      all.filter((error) => error !== `schema ${ALLOCATION}`).sort(),
    );
  });

  it('writes valid SARIF for the changed lines only', () => {
    const log = JSON.parse(runCli(['lint', 'records', '--changed-since', 'HEAD~1', '--format', 'sarif'], repo).stdout);
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);
    const pointers = log.runs[0].results.map(
      (result: { properties: { pointer: string } }) => result.properties.pointer,
    );
    expect(pointers).toContain(`${PHASES}/0`);
    expect(pointers).not.toContain(ALLOCATION);
  });

  it('without --changed-since reports the old errors too', () => {
    const report = JSON.parse(runCli(['lint', 'records', '--format', 'json'], repo).stdout);
    const all = report.files.flatMap((file: { diagnostics: Array<{ pointer: string }> }) => file.diagnostics);
    expect(all.filter((d: { pointer: string }) => d.pointer === ALLOCATION)).toHaveLength(2);
  });

  it('compares with the working tree: uncommitted edits count', () => {
    const path = 'records/untouched.trial.json';
    const record = planted(withOldError, { [PHASES]: ['Phase 3'] });
    writeFileSync(join(repo, path), JSON.stringify(record, null, 2) + '\n');
    try {
      const report = JSON.parse(runCli(['lint', path, '--changed-since', 'HEAD', '--format', 'json'], repo).stdout);
      expect(report.files[0].diagnostics.map((d: { pointer: string }) => d.pointer)).toEqual([`${PHASES}/0`]);
    } finally {
      writeFileSync(join(repo, path), before.get(path)!);
    }
  });

  it('exits 2 with a clear message for an unknown revision or outside a git repository', () => {
    const unknown = runCli(['lint', 'records', '--changed-since', 'no-such-branch'], repo);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/git knows no commit "no-such-branch"/);
    const outside = temporaryFolder('trial-no-git-');
    writeFileSync(join(outside, 'a.trial.json'), JSON.stringify(clean));
    const notRepo = runCli(['lint', '.', '--changed-since', 'HEAD~1'], outside);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toMatch(/needs a git repository/);
  });
});
