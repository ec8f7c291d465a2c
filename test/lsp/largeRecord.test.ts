// The 1.5 MB record in the language server: its first findings do not wait for the workspace's other
// records, and rename answers at once, even right after an edit, before the tree of the new version is
// built. The times are logged (as the README's Performance section reports them), not asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, positionOf, TestClient } from './client';
import { corpusRecord } from '../unit/rules/fixtures';
import { removeTemporaryFolders, temporaryFolder } from '../cli/helpers';

const LARGE = join(__dirname, '..', 'fixtures', 'corpus', 'ctgov-v2', 'NCT02513394.json');
const text = readFileSync(LARGE, 'utf8');
let client: TestClient;
let uri: string;

beforeAll(async () => {
  const workspace = temporaryFolder('trial-large-lsp-');
  writeFileSync(join(workspace, 'large.trial.json'), text);
  // Other records the server indexes for the checks across records.
  for (let index = 0; index < 200; index++)
    writeFileSync(join(workspace, `other-${index}.trial.json`), JSON.stringify(corpusRecord('NCT03418623')));
  uri = fileUri(join(workspace, 'large.trial.json'));
  client = await TestClient.start({ rootPath: workspace });
});

afterAll(async () => {
  await client?.stop();
  removeTemporaryFolders();
});

function log(what: string, ms: number): void {
  console.log(`1.5 MB record: ${what} ${ms.toFixed(1)} ms`);
}

describe('the 1.5 MB record in the language server', () => {
  it('gets its first findings on open, without a debounce', async () => {
    const opened = performance.now();
    client.open(uri, text);
    const published = await client.diagnostics(uri, undefined, 30000);
    log('didOpen → publishDiagnostics', performance.now() - opened);
    expect(published.version).toBe(1);
    expect(published.diagnostics.length).toBeGreaterThan(0);
  });

  it('answers prepareRename on an arm label right after an edit, then renames it and its references', async () => {
    const edited = `${text.trimEnd()}\n\n`;
    client.change(uri, edited);
    const position = positionOf(edited, '"label": "Arm A"', 12);
    // A request that answers once the server has taken the edit (1.5 MB sent whole here; an editor sends the change).
    await client.request('trialRecords/ruleDocs', { uri, ruleId: 'no-such-rule' });
    const asked = performance.now();
    const prepared = await client.request<{ placeholder: string; range: unknown }>('textDocument/prepareRename', {
      textDocument: { uri },
      position,
    });
    log('prepareRename right after an edit', performance.now() - asked);
    expect(prepared.placeholder).toBe('Arm A');
    const again = performance.now();
    await client.request('textDocument/prepareRename', { textDocument: { uri }, position });
    log('prepareRename again', performance.now() - again);
    const edit = await client.request<{ changes: Record<string, Array<{ newText: string }>> }>('textDocument/rename', {
      textDocument: { uri },
      position,
      newName: 'Arm A (letrozole)',
    });
    const references = edited.match(/"Arm A"/g)!.length;
    expect(edit.changes[uri].map((change) => change.newText)).toEqual(
      new Array(references).fill('"Arm A (letrozole)"'),
    );
  });
});
