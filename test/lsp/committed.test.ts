// The change rules in the editor: an open record is compared with its last committed version in git,
// as `lint --changed-since HEAD` compares on the command line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, TestClient } from './client';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { removeTemporaryFolders, temporaryFolder } from '../cli/helpers';

// Started 2018-03-08 (ACTUAL).
const started = corpusRecord('NCT03418623');
const primary = started.protocolSection.outcomesModule.primaryOutcomes[0];
let repo: string;
let client: TestClient;

function git(...args: string[]): void {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Curator', '-c', 'user.email=curator@example.org', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

beforeAll(async () => {
  repo = temporaryFolder('trial-committed-');
  git('init', '-q', '-b', 'main');
  mkdirSync(join(repo, 'records'));
  writeFileSync(join(repo, '.trialrc.json'), JSON.stringify({ today: '2026-11-24' }));
  writeFileSync(join(repo, 'records', 'switched.trial.json'), JSON.stringify(started, null, 2));
  git('add', '-A');
  git('commit', '-qm', 'Registered');
  client = await TestClient.start({ rootPath: repo });
});

afterAll(async () => {
  await client?.stop();
  removeTemporaryFolders();
});

describe('the change rules in the editor', () => {
  it('compare an open record with its last committed version: an outcome switched after the start is found', async () => {
    const uri = fileUri(join(repo, 'records', 'switched.trial.json'));
    const edited = planted(started, {
      '/protocolSection/outcomesModule/primaryOutcomes/0/measure': 'Alcohol craving score',
    });
    client.open(uri, JSON.stringify(edited, null, 2));
    const switched = (await client.diagnostics(uri)).diagnostics.filter(
      (diagnostic) => diagnostic.code === 'outcome-switched',
    );
    expect(switched.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining(
        `Primary outcome "${primary.measure}" (time frame "${primary.timeFrame}") became "Alcohol craving score"`,
      ),
    ]);
  });

  it('say nothing of a record git does not have', async () => {
    const uri = fileUri(join(repo, 'records', 'new.trial.json'));
    writeFileSync(join(repo, 'records', 'new.trial.json'), JSON.stringify(started, null, 2));
    const edited = planted(started, {
      '/protocolSection/outcomesModule/primaryOutcomes/0/measure': 'Alcohol craving score',
    });
    client.open(uri, JSON.stringify(edited, null, 2));
    const codes = (await client.diagnostics(uri)).diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain('outcome-switched');
  });
});
