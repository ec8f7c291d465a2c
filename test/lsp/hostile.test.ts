// The language server under records built to break it: nesting 100,000 levels deep (valid and
// broken) and a 12 MB file. Every request answers or fails with a message; the server stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, TestClient } from './client';
import { corpusRecord } from '../unit/rules/fixtures';

let client: TestClient;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trial-hostile-'));
  client = await TestClient.start({ rootPath: root });
});

afterAll(async () => {
  await client?.stop();
});

const FEATURES = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/selectionRange',
  'textDocument/codeAction',
  'textDocument/documentLink',
  'textDocument/definition',
];

async function answers(uri: string, method: string): Promise<unknown> {
  const position = { line: 0, character: 10 };
  return client.request(method, {
    textDocument: { uri },
    position,
    positions: [position],
    range: { start: position, end: position },
    context: { diagnostics: [] },
    options: { tabSize: 2, insertSpaces: true },
  });
}

describe.each([
  ['arrays 100,000 deep', '['.repeat(100000) + ']'.repeat(100000), /should be an object, not an array/],
  ['objects 50,000 deep', '{"a":'.repeat(50000) + '1' + '}'.repeat(50000), /Unknown property "a"/],
  ['objects 50,000 deep, never closed', '{"a":'.repeat(50000) + '1', /nested too deeply to read/],
])('a record of %s', (name, text, diagnostic) => {
  it('gets its diagnostics, answers every request, and refuses to format with a reason', async () => {
    const uri = fileUri(join(root, `${name.replace(/\W+/g, '-')}.trial.json`));
    client.open(uri, text);
    const published = await client.diagnostics(uri);
    expect(published.diagnostics.map((d) => d.message).join('\n')).toMatch(diagnostic);
    for (const method of FEATURES) await expect(answers(uri, method), method).resolves.toBeDefined();
    await expect(answers(uri, 'textDocument/formatting')).rejects.toThrow(/nested too deeply to format/);
  }, 60000);
});

it('checks only the syntax of a 12 MB record and stays up for the next one', async () => {
  const huge = fileUri(join(root, 'huge.trial.json'));
  client.open(
    huge,
    JSON.stringify({ protocolSection: { descriptionModule: { detailedDescription: 'x'.repeat(12 * 1024 * 1024) } } }),
  );
  expect((await client.diagnostics(huge)).diagnostics.map((d) => d.message)).toEqual([
    expect.stringMatching(/above the \d+ KB limit: only its JSON syntax was checked/),
  ]);
  for (const method of [...FEATURES, 'textDocument/formatting'])
    await expect(answers(huge, method), method).resolves.toBeDefined();
  const normal = fileUri(join(root, 'normal.trial.json'));
  const text = JSON.stringify(corpusRecord('NCT03418623'), null, 2);
  client.open(normal, text);
  await client.diagnostics(normal);
  const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
    textDocument: { uri: normal },
    position: { line: 2, character: 6 },
  });
  expect(hover.contents.value).toMatch(/\*\*/);
}, 60000);
