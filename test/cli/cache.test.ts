// `lint --cache`: unchanged records keep their findings without being linted again; anything their
// findings depend on (their bytes, the config, the date, the build) makes them linted afresh.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { onlyRules, removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

afterAll(removeTemporaryFolders);

const CACHE = '.trialrecordscache';
const PLANTED = 'This message comes from the cache.';

let folder: string;

interface CachedFinding {
  message: string;
  fix?: unknown;
}

interface CacheFile {
  entries: Record<string, { hash: string; mtimeMs: number; findings: CachedFinding[] }>;
}

const record = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });

beforeEach(() => {
  folder = temporaryFolder('trial-cache-');
  writeFileSync(join(folder, '.trialrc.json'), JSON.stringify(onlyRules('date-order', 'arm-label-reference')));
  writeFileSync(
    join(folder, 'typo.trial.json'),
    JSON.stringify(planted(record, { '/protocolSection/designModule/phases': ['Phase 2'] }), null, 2),
  );
  writeFileSync(join(folder, 'clean.trial.json'), JSON.stringify(record, null, 2));
});

function lint(...args: string[]) {
  return runCli(['lint', '.', '--format', 'json', '--today', TODAY, ...args], folder);
}

function messages(stdout: string, file: string): string[] {
  const report = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ message: string }> }> };
  return report.files.find((entry) => entry.path === file)?.diagnostics.map((diagnostic) => diagnostic.message) ?? [];
}

function readCache(location = join(folder, CACHE)): CacheFile {
  return JSON.parse(readFileSync(location, 'utf8'));
}

/** A custom rule that reports one finding with this message on every record. */
function houseRule(message: string): string {
  return `export default { meta: { id: 'house-rule', severity: 'warn', description: 'A house rule' }, check(context) { context.report({ pointer: '', message: ${JSON.stringify(message)} }); } };\n`;
}

/** Replaces the cached findings of one record by a finding no rule gives: seeing it proves the record was not linted. */
function plantInCache(file: string): void {
  const cache = readCache();
  cache.entries[join(folder, file)].findings = [{ ...cache.entries[join(folder, file)].findings[0], message: PLANTED }];
  writeFileSync(join(folder, CACHE), JSON.stringify(cache));
}

describe('lint --cache', () => {
  it('reports the same as without it, and on the next run takes unchanged records from the cache', () => {
    const plain = lint();
    const first = lint('--cache');
    expect(first.stdout).toBe(plain.stdout);
    expect(first.code).toBe(1);
    const cache = readCache();
    const typo = join(folder, 'typo.trial.json');
    expect(Object.keys(cache.entries).sort()).toEqual([join(folder, 'clean.trial.json'), typo]);
    expect(cache.entries[typo].hash).toBe(createHash('sha256').update(readFileSync(typo, 'utf8')).digest('hex'));
    expect(lint('--cache').stdout).toBe(plain.stdout);
    plantInCache('typo.trial.json');
    const second = lint('--cache');
    expect(messages(second.stdout, 'typo.trial.json')).toEqual([PLANTED]);
    expect(second.code).toBe(1);
  });

  it('lints a record again when its bytes change, but not when only its time does', () => {
    lint('--cache');
    plantInCache('typo.trial.json');
    const typo = join(folder, 'typo.trial.json');
    // Whole seconds: a time in milliseconds may not survive the round trip through the file system exactly.
    const later = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
    utimesSync(typo, later, later);
    expect(messages(lint('--cache').stdout, 'typo.trial.json')).toEqual([PLANTED]);
    expect(readCache().entries[typo].mtimeMs).toBe(later.getTime());
    writeFileSync(
      typo,
      JSON.stringify(planted(record, { '/protocolSection/designModule/phases': ['Phase 3'] }), null, 2),
    );
    expect(messages(lint('--cache').stdout, 'typo.trial.json')).toEqual([
      expect.stringMatching(/"Phase 3" is not a phase; did you mean "PHASE3"\?/),
    ]);
  });

  it('lints a record again when its config, the date or the chosen config file change', () => {
    const typoMessage = (...args: string[]) => messages(lint('--cache', ...args).stdout, 'typo.trial.json')[0];
    lint('--cache');
    plantInCache('typo.trial.json');
    expect(typoMessage()).toBe(PLANTED);
    const config = onlyRules('date-order', 'arm-label-reference');
    writeFileSync(
      join(folder, '.trialrc.json'),
      JSON.stringify({ ...config, rules: { ...config.rules, 'unknown-property': 'off' } }),
    );
    expect(typoMessage()).toMatch(/"Phase 2" is not a phase/);
    plantInCache('typo.trial.json');
    expect(typoMessage('--today', '2026-11-25')).toMatch(/"Phase 2" is not a phase/);
    plantInCache('typo.trial.json');
    writeFileSync(join(folder, 'other.trialrc.json'), readFileSync(join(folder, '.trialrc.json'), 'utf8'));
    expect(typoMessage('--today', '2026-11-25', '--config', 'other.trialrc.json')).toMatch(/"Phase 2" is not a phase/);
  });

  it('lints a record again when a team schema or a custom rule file of its config changes', () => {
    const config = onlyRules('date-order');
    const acronymRequired = {
      'x-rule-id': 'acronym-required',
      properties: { protocolSection: { properties: { identificationModule: { required: ['acronym'] } } } },
    };
    writeFileSync(join(folder, 'team.schema.json'), JSON.stringify({}));
    writeFileSync(join(folder, 'house-rule.mjs'), houseRule('First wording.'));
    writeFileSync(
      join(folder, '.trialrc.json'),
      JSON.stringify({ ...config, schemas: ['./team.schema.json'], customRules: ['./house-rule.mjs'] }),
    );
    const clean = () => messages(lint('--cache').stdout, 'clean.trial.json');
    expect(clean()).toEqual(['First wording.']);
    writeFileSync(join(folder, 'house-rule.mjs'), houseRule('Second wording.'));
    expect(clean()).toEqual(['Second wording.']);
    writeFileSync(join(folder, 'team.schema.json'), JSON.stringify(acronymRequired));
    expect(clean()).toEqual(expect.arrayContaining(['Second wording.', expect.stringMatching(/acronym/)]));
  });

  it('lints a record again when a module that a custom rule imports changes', () => {
    writeFileSync(join(folder, 'wording.mjs'), "export const wording = 'First wording.';\n");
    writeFileSync(
      join(folder, 'house-rule.mjs'),
      "import { wording } from './wording.mjs';\nexport default { meta: { id: 'house-rule', severity: 'warn', description: 'A house rule' }, check(context) { context.report({ pointer: '', message: wording }); } };\n",
    );
    writeFileSync(
      join(folder, '.trialrc.json'),
      JSON.stringify({ ...onlyRules('date-order'), customRules: ['./house-rule.mjs'] }),
    );
    const clean = () => messages(lint('--cache').stdout, 'clean.trial.json');
    expect(clean()).toEqual(['First wording.']);
    writeFileSync(join(folder, 'wording.mjs'), "export const wording = 'Second wording.';\n");
    expect(clean()).toEqual(['Second wording.']);
  });

  it('applies fixes under --fix even to records whose findings are cached', () => {
    const arms = structuredClone(record.protocolSection.armsInterventionsModule);
    const label = arms.armGroups[0].label as string;
    arms.interventions[0].armGroupLabels = [label.slice(0, -1) + 'x'];
    const file = join(folder, 'fixme.trial.json');
    writeFileSync(file, JSON.stringify(planted(record, { '/protocolSection/armsInterventionsModule': arms }), null, 2));
    expect(messages(lint('--cache').stdout, 'fixme.trial.json')).toEqual([expect.stringMatching(/arm/)]);
    expect(runCli(['lint', 'fixme.trial.json', '--cache', '--today', TODAY], folder).stdout).toMatch(
      /\n  It can be fixed with `trial-records lint --fix`\.\n$/,
    );
    lint('--cache', '--fix');
    expect(
      JSON.parse(readFileSync(file, 'utf8')).protocolSection.armsInterventionsModule.interventions[0].armGroupLabels,
    ).toEqual([label]);
    expect(messages(lint('--cache').stdout, 'fixme.trial.json')).toEqual([]);
    expect(readCache().entries[file].hash).toBe(createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex'));
  });

  it('gives cached records their suggested edits in formats that show them', () => {
    const fresh = runCli(['lint', 'typo.trial.json', '--format', 'rdjson', '--today', TODAY, '--cache'], folder);
    const cached = runCli(['lint', 'typo.trial.json', '--format', 'rdjson', '--today', TODAY, '--cache'], folder);
    expect(JSON.parse(cached.stdout).diagnostics[0].suggestions).toEqual([expect.objectContaining({ text: 'HASE' })]);
    expect(cached.stdout).toBe(fresh.stdout);
  });

  it('gives the same findings from worker threads, and forgets records that are gone', () => {
    for (let i = 0; i < 3; i++)
      writeFileSync(join(folder, `copy-${i}.trial.json`), readFileSync(join(folder, 'typo.trial.json'), 'utf8'));
    const inThread = lint('--concurrency', 'off');
    expect(lint('--cache', '--concurrency', '2').stdout).toBe(inThread.stdout);
    expect(Object.keys(readCache().entries)).toHaveLength(5);
    expect(lint('--cache', '--concurrency', '2').stdout).toBe(inThread.stdout);
    rmSync(join(folder, 'copy-0.trial.json'));
    lint('--cache');
    expect(Object.keys(readCache().entries)).not.toContain(join(folder, 'copy-0.trial.json'));
  });

  it('keeps the cache where --cache-location says, in a folder if it names one', () => {
    mkdirSync(join(folder, 'cache'));
    lint('--cache', '--cache-location', 'cache');
    expect(existsSync(join(folder, 'cache', CACHE))).toBe(true);
    lint('--cache', '--cache-location', 'cache/lint.json');
    expect(Object.keys(readCache(join(folder, 'cache', 'lint.json')).entries)).toHaveLength(2);
    expect(existsSync(join(folder, CACHE))).toBe(false);
  });

  it('never overwrites a file that is not its cache, and says so', () => {
    writeFileSync(join(folder, 'notes.json'), '{"my": "notes"}');
    const run = lint('--cache', '--cache-location', 'notes.json');
    expect(run.stdout).toBe(lint().stdout);
    expect(run.stderr).toMatch(
      /notes\.json is not a cache this version of trial-records wrote, so it is left as it is/,
    );
    expect(readFileSync(join(folder, 'notes.json'), 'utf8')).toBe('{"my": "notes"}');
  });

  it('lints every record when a newer build wrote the cache, and replaces it', () => {
    lint('--cache');
    plantInCache('typo.trial.json');
    const cache = readCache() as CacheFile & { engine: string };
    writeFileSync(join(folder, CACHE), JSON.stringify({ ...cache, engine: 'another build' }));
    const run = lint('--cache');
    expect(messages(run.stdout, 'typo.trial.json')[0]).toMatch(/"Phase 2" is not a phase/);
    expect(run.stderr).toBe('');
    expect(readCache().entries[join(folder, 'typo.trial.json')].findings[0].message).not.toBe(PLANTED);
  });

  it('says when it cannot write the cache, and still reports and exits by the findings', () => {
    const run = lint('--cache', '--cache-location', join('no-such-folder', 'cache.json'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Cannot write the cache to .*no-such-folder\/cache\.json \(ENOENT\); the next run lints every record again\./,
    );
    expect(messages(run.stdout, 'typo.trial.json')[0]).toMatch(/"Phase 2" is not a phase/);
  });

  it('refuses --cache-location without --cache, and --cache with --stdin', () => {
    expect(lint('--cache-location', 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--cache-location says where --cache keeps its file: add --cache\./),
    });
    expect(runCli(['lint', '--stdin', '--cache'], folder, '{}')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--cache remembers files on disk/),
    });
  });
});
