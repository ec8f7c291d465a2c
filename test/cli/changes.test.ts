// The change rules end to end: a git repository with two commits built from real records, linted with
// --changed-since as a reviewer would; the findings name what the change did, with the old values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

const OUTCOMES = '/protocolSection/outcomesModule';
const STATUS = '/protocolSection/statusModule';
// Started 2018-03-08 (ACTUAL), COMPLETED.
const started = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });
const primary = started.protocolSection.outcomesModule.primaryOutcomes[0];

let repo: string;
let base: string;
/** The JSON report of the change under review, linted once. */
let report: { files: Array<{ path: string; diagnostics: Diagnostic[] }> };

function git(...args: string[]): string {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Reviewer', '-c', 'user.email=reviewer@example.org', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function write(path: string, record: unknown): void {
  writeFileSync(join(repo, path), JSON.stringify(record, null, 2) + '\n');
}

afterAll(removeTemporaryFolders);

beforeAll(() => {
  repo = temporaryFolder('trial-changes-');
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'records'));
  writeFileSync(join(repo, '.trialrc.json'), JSON.stringify({ today: TODAY }));
  write('records/switched.trial.json', started);
  write('records/reopened.trial.json', started);
  write('records/untouched.trial.json', started);
  git('add', '-A');
  git('commit', '-qm', 'Records as registered');
  base = git('rev-parse', 'HEAD');
  write(
    'records/switched.trial.json',
    planted(started, {
      [`${OUTCOMES}/primaryOutcomes/0/measure`]: 'Alcohol craving score',
      [`${OUTCOMES}/primaryOutcomes/0/timeFrame`]: 'Week 12',
    }),
  );
  write(
    'records/reopened.trial.json',
    planted(started, { [`${STATUS}/overallStatus`]: 'RECRUITING', [`${STATUS}/startDateStruct/date`]: '2018-06-01' }),
  );
  write('records/added.trial.json', started);
  git('add', '-A');
  git('commit', '-qm', 'Edits under review');
  report = JSON.parse(lint('json').stdout);
});

interface Diagnostic {
  ruleId: string;
  message: string;
  line: number;
}

function lint(format: string) {
  return runCli(['lint', 'records', '--changed-since', base, '--format', format, '--exit-zero'], repo);
}

function findingsOf(path: string, ruleId: string, from = report): Diagnostic[] {
  return (
    from.files.find((file) => file.path === path)?.diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId) ??
    []
  );
}

describe('lint --changed-since checks what the change did', () => {
  it('finds an outcome switched after the start, with the old and the new text', () => {
    const [switched] = findingsOf('records/switched.trial.json', 'outcome-switched');
    expect(switched.message).toBe(
      `Primary outcome "${primary.measure}" (time frame "${primary.timeFrame}") became "Alcohol craving score" (time frame "Week 12") after the study started (2018-03-08): a change of outcomes after the start is outcome switching unless the record says why: explain it where readers of the record and its history will see it (for example in the detailed description).`,
    );
    expect(findingsOf('records/switched.trial.json', 'outcome-switched')).toHaveLength(1);
  });

  it('finds a completed study reopened and an actual start date moved', () => {
    expect(findingsOf('records/reopened.trial.json', 'status-went-back').map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Overall status went back from COMPLETED to RECRUITING/),
    ]);
    expect(findingsOf('records/reopened.trial.json', 'actual-data-changed').map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^Actual start date moved from 2018-03-08 to 2018-06-01/),
    ]);
  });

  it('says nothing about a record new since the revision or one left alone', () => {
    const changeRules = [
      'outcome-switched',
      'status-went-back',
      'actual-data-changed',
      'results-content-removed',
      'identifier-changed',
    ];
    for (const path of ['records/added.trial.json', 'records/untouched.trial.json']) {
      expect(changeRules.flatMap((rule) => findingsOf(path, rule))).toEqual([]);
    }
  });

  it('gives the Markdown summary a "What changed" section per record', () => {
    const markdown = lint('markdown').stdout;
    const section = markdown.split('#### What changed\n\n')[1].split('\n\n')[0];
    expect(section).toContain('- records/reopened.trial.json');
    expect(section).toContain('- records/switched.trial.json');
    expect(section).toMatch(/ {2}- \*\*warning\*\* line \d+: Primary outcome .* became "Alcohol craving score"/);
    expect(section).not.toContain('untouched');
  });

  it('lets a team turn a change rule off like any rule', () => {
    writeFileSync(join(repo, '.trialrc.json'), JSON.stringify({ today: TODAY, rules: { 'outcome-switched': 'off' } }));
    try {
      const run = lint('json');
      expect(findingsOf('records/switched.trial.json', 'outcome-switched', JSON.parse(run.stdout)), run.stderr).toEqual(
        [],
      );
    } finally {
      writeFileSync(join(repo, '.trialrc.json'), JSON.stringify({ today: TODAY }));
    }
  });
});
