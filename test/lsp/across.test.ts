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

function acrossIn(published: { diagnostics: Array<{ code?: unknown; message: string }> }): string[] {
  return published.diagnostics
    .filter((diagnostic) => String(diagnostic.code).startsWith('duplicate-n'))
    .map((diagnostic) => diagnostic.message);
}

/** The record's findings across records, once it has been compared with the workspace (`clashes`: wait for one). */
async function acrossFindings(name: string, clashes = true): Promise<string[]> {
  const uri = fileUri(join(workspace, 'records', name));
  client.open(uri, name === 'other.trial.json' ? JSON.stringify(corpusRecord('NCT05147467'), null, 2) : record);
  return acrossIn(await client.diagnostics(uri, (published) => !clashes || acrossIn(published).length > 0));
}

describe('checks across records in the language server', () => {
  it('report a record copied under another name on both, each naming the other', async () => {
    const first = fileUri(join(workspace, 'records', 'first.trial.json'));
    expect(await acrossFindings('first.trial.json')).toEqual([
      'NCT03418623 is also the NCT number of records/copy.trial.json: the registry gives a study one number and one record; keep the study in one file.',
    ]);
    expect(await acrossFindings('copy.trial.json')).toEqual([
      expect.stringContaining('is also the NCT number of records/first.trial.json'),
    ]);
    // The first record opened got its findings before the workspace was read, then again with the clash.
    const publishedForFirst = client.published.filter((published) => published.uri === first);
    expect(publishedForFirst.map((published) => acrossIn(published).length)).toEqual([0, 1]);
  });

  it('say nothing of a record that clashes with none', async () => {
    expect(await acrossFindings('other.trial.json', false)).toEqual([]);
  });
});
