// The checks across records in the editor: an open record is compared with the workspace's records,
// and a record copied under another name is reported on each, naming the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, TestClient } from './client';
import { corpusRecord } from '../unit/rules/fixtures';
import { removeTemporaryFolders, temporaryFolder } from '../cli/helpers';

const record = JSON.stringify(corpusRecord('NCT03418623'), null, 2);
let workspace: string;
let client: TestClient;

beforeAll(async () => {
  workspace = temporaryFolder('trial-across-lsp-');
  mkdirSync(join(workspace, 'records'));
  writeFileSync(join(workspace, '.trialrc.json'), JSON.stringify({ today: '2026-11-24' }));
  writeFileSync(join(workspace, 'records', 'first.trial.json'), record);
  writeFileSync(join(workspace, 'records', 'copy.trial.json'), record);
  writeFileSync(join(workspace, 'records', 'other.trial.json'), JSON.stringify(corpusRecord('NCT05147467'), null, 2));
  client = await TestClient.start({ rootPath: workspace });
});

afterAll(async () => {
  await client?.stop();
  removeTemporaryFolders();
});

async function acrossFindings(name: string): Promise<string[]> {
  const uri = fileUri(join(workspace, 'records', name));
  client.open(uri, name === 'other.trial.json' ? JSON.stringify(corpusRecord('NCT05147467'), null, 2) : record);
  const published = await client.diagnostics(uri);
  return published.diagnostics
    .filter((diagnostic) => String(diagnostic.code).startsWith('duplicate-n'))
    .map((diagnostic) => diagnostic.message);
}

describe('checks across records in the language server', () => {
  it('report a record copied under another name on both, each naming the other', async () => {
    expect(await acrossFindings('first.trial.json')).toEqual([
      'NCT03418623 is also the NCT number of records/copy.trial.json: the registry gives a study one number and one record; keep the study in one file.',
    ]);
    expect(await acrossFindings('copy.trial.json')).toEqual([
      expect.stringContaining('is also the NCT number of records/first.trial.json'),
    ]);
  });

  it('say nothing of a record that clashes with none', async () => {
    expect(await acrossFindings('other.trial.json')).toEqual([]);
  });
});
