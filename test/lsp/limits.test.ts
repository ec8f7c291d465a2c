// The language server under inputs built to break it (issue 19): a record with 130,000 keywords,
// a catastrophic team-schema pattern, configs naming /dev/zero and /dev/stdin, a custom rule that
// fills its heap. Each gets a clear diagnostic within seconds and the server stays up. Also: a
// record's diagnostics are published once, and a burst of edits across records validates each
// record once, for its latest version (push and pull clients).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, TestClient, type PublishedDiagnostics } from './client';
import { corpusRecord, planted, sampleRecordNames, sampleRecord } from '../unit/rules/fixtures';
import { removeTemporaryFolders, temporaryFolder } from '../cli/helpers';
import { MAX_DIAGNOSTICS_PER_RECORD } from '../../server/src/lsp/diagnosticLimit';

const RECORD = corpusRecord('NCT03418623');
const RECORD_TEXT = JSON.stringify(RECORD, null, 2);
let root: string;

afterAll(removeTemporaryFolders);

function folder(name: string, files: Record<string, string | object>): string {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  for (const [file, content] of Object.entries(files))
    writeFileSync(join(path, file), typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function messages(published: PublishedDiagnostics, code?: string): string[] {
  return published.diagnostics.filter((d) => code === undefined || d.code === code).map((d) => d.message);
}

/** The server's resident memory, in MB (Linux). */
function residentMegabytes(client: TestClient): number {
  const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Opens an ordinary record and waits for its diagnostics: the server is up and answering. */
async function answersNormally(client: TestClient, name: string): Promise<void> {
  const uri = fileUri(join(root, `${name}.trial.json`));
  client.open(uri, RECORD_TEXT);
  expect((await client.diagnostics(uri, undefined, 10000)).diagnostics.length).toBeGreaterThan(0);
  expect(client.process.exitCode).toBeNull();
}

describe('hostile inputs', () => {
  let client: TestClient;

  beforeAll(async () => {
    root = temporaryFolder('trial-lsp-limits-');
    client = await TestClient.start({ rootPath: root });
  });

  afterAll(async () => {
    await client?.stop();
  });

  it('a record with 130,000 keywords gets its repeats reported (the first 999 of them, and how many more) and the server stays up', async () => {
    const uri = fileUri(join(root, 'many.trial.json'));
    const keywords = Array.from({ length: 130000 }, (_, i) => `k${i % 2}`);
    client.open(uri, JSON.stringify(planted(RECORD, { '/protocolSection/conditionsModule/keywords': keywords })));
    const published = await client.diagnostics(uri, undefined, 60000);
    expect(published.diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_RECORD);
    expect(messages(published, 'duplicate-values').length).toBeGreaterThan(900);
    expect(messages(published).at(-1)).toMatch(
      /^\d+ more findings of this record are not shown: the editor gets the 999 most severe\. Run "trial-records lint" on the file to see all 1300\d\d\.$/,
    );
    await answersNormally(client, 'after-many');
  }, 90000);

  it('a team schema with ^(a+)+$ checks a 41-character value at once', async () => {
    const team = folder('redos', {
      '.trialrc.json': { schemas: ['team.schema.json'] },
      'team.schema.json': {
        'x-rule-id': 'team-acronym',
        properties: {
          protocolSection: {
            properties: { identificationModule: { properties: { acronym: { pattern: '^(a+)+$' } } } },
          },
        },
      },
    });
    const uri = fileUri(join(team, 'hostile.trial.json'));
    const started = Date.now();
    client.open(
      uri,
      JSON.stringify(
        planted(RECORD, { '/protocolSection/identificationModule/acronym': `${'a'.repeat(40)}!` }),
        null,
        2,
      ),
    );
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, 10000);
    expect(Date.now() - started).toBeLessThan(10000);
    expect(messages(published, 'team-acronym')).toEqual([
      expect.stringMatching(/"a{40}!" does not have the expected form/),
    ]);
    await answersNormally(client, 'after-redos');
  }, 30000);

  it('a team schema whose check grows as the square of a list is stopped at ruleTimeout, and the server stays up', async () => {
    const team = folder('quadratic', {
      '.trialrc.json': { schemas: ['team.schema.json'], ruleTimeout: 300 },
      'team.schema.json': {
        properties: {
          protocolSection: { properties: { conditionsModule: { properties: { keywords: { uniqueItems: true } } } } },
        },
      },
    });
    const uri = fileUri(join(team, 'long.trial.json'));
    const keywords = Array.from({ length: 60000 }, (_, i) => `keyword ${i}`);
    client.open(uri, JSON.stringify(planted(RECORD, { '/protocolSection/conditionsModule/keywords': keywords })));
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'rule-error'), 15000);
    expect(messages(published, 'rule-error')).toEqual([
      expect.stringMatching(
        /^Checking this record against team schema .*team\.schema\.json took longer than 300 ms \("ruleTimeout"\) and was stopped/,
      ),
    ]);
    await answersNormally(client, 'after-quadratic');
  }, 30000);

  it.each([
    [
      'extends /dev/zero',
      { extends: '/dev/zero' },
      /Config file \/dev\/zero \(extended from .*\) is not a regular file/,
    ],
    [
      'extends /dev/stdin',
      { extends: '/dev/stdin' },
      /Config file \/dev\/stdin \(extended from .*\) is not a regular file/,
    ],
    ['schemas /dev/zero', { schemas: ['/dev/zero'] }, /Team schema \/dev\/zero is not a regular file/],
    [
      'globs customRules over unreadable folders',
      { customRules: ['/proc/1/**/*.mjs'] },
      /"customRules" pattern \/proc\/1\/\*\*\/\*\.mjs matches no \.js or \.mjs file \(\d+ folders? could not be read and (was|were) skipped: \/proc\/1\/\S+ \(EACCES\)/,
    ],
  ])(
    'a config that %s gets a config-error without reading it, and the server stays up',
    async (name, config, message) => {
      const configured = folder(name.replace(/\W+/g, '-'), { '.trialrc.json': config });
      const uri = fileUri(join(configured, 'record.trial.json'));
      client.open(uri, RECORD_TEXT);
      const published = await client.diagnostics(
        uri,
        (p) => p.diagnostics.some((d) => d.code === 'config-error'),
        10000,
      );
      expect(messages(published, 'config-error')).toEqual([expect.stringMatching(message)]);
      await answersNormally(client, `after-${name.replace(/\W+/g, '-')}`);
    },
    30000,
  );

  it('a custom rule that fills its heap (with a long ruleTimeout) is stopped at the memory limit, reported by name, and replaced', async () => {
    const rules = folder('hog', {
      '.trialrc.json': { customRules: ['hog.mjs', 'fine.mjs'], ruleTimeout: 60000, ruleMemoryLimit: 32 },
      'hog.mjs': `const kept = [];
export default { meta: { id: 'memory-hog', severity: 'warning', description: 'fills its heap' }, check() { for (;;) kept.push(new Array(100000).fill(Math.random())); } };`,
      'fine.mjs': `export default { meta: { id: 'fine-rule', severity: 'warning', description: 'reports once' }, check(context) { context.report({ pointer: '', message: 'The fine rule ran.' }); } };`,
    });
    for (const name of ['first', 'second']) {
      const uri = fileUri(join(rules, `${name}.trial.json`));
      client.open(uri, RECORD_TEXT);
      const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'rule-error'), 20000);
      expect(messages(published, 'rule-error')).toEqual([
        expect.stringMatching(
          /^Rule "memory-hog" failed: ran out of memory \(above the 32 MB limit, "ruleMemoryLimit"\) and was stopped; its worker was ended and replaced/,
        ),
      ]);
      expect(messages(published, 'fine-rule')).toEqual(['The fine rule ran.']);
    }
    await answersNormally(client, 'after-hog');
  }, 60000);

  it('a custom rule that keeps 64 MB per record is reported, and its worker ended so the memory is given back', async () => {
    const rules = folder('keeper', {
      '.trialrc.json': { customRules: ['keeper.mjs'], ruleMemoryLimit: 32 },
      'keeper.mjs': `const kept = [];
export default { meta: { id: 'buffer-keeper', severity: 'warning', description: 'keeps a buffer per record' }, check() { kept.push(Buffer.alloc(64 * 1024 * 1024, 1)); } };`,
    });
    const before = residentMegabytes(client);
    for (let i = 0; i < 5; i++) {
      const uri = fileUri(join(rules, `record-${i}.trial.json`));
      client.open(uri, RECORD_TEXT);
      const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'rule-error'), 20000);
      expect(messages(published, 'rule-error')).toEqual([
        expect.stringMatching(
          /^Rule "buffer-keeper" failed: left its worker holding \d+ MB, above the 32 MB limit \("ruleMemoryLimit"\); the worker was ended and replaced/,
        ),
      ]);
    }
    // Five records kept 320 MB in a worker that lived on; ended workers give it back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(residentMegabytes(client) - before).toBeLessThan(200);
    await answersNormally(client, 'after-keeper');
  }, 60000);
});

/** Ten published records, as ten URIs with their texts. */
function tenRecords(prefix: string): Array<{ uri: string; text: string }> {
  return sampleRecordNames()
    .slice(0, 10)
    .map((name, i) => ({
      uri: fileUri(join(root, `${prefix}-${i}.trial.json`)),
      text: JSON.stringify(sampleRecord(name.replace(/\.json$/, '')), null, 2),
    }));
}

/** Five one-character insertions per record, interleaved across the records; returns each record's last version. */
function editBurst(
  client: TestClient,
  records: ReadonlyArray<{ uri: string }>,
  afterEach?: (uri: string) => void,
): Map<string, number> {
  const versions = new Map<string, number>();
  for (let round = 0; round < 5; round++) {
    for (const { uri } of records) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const position = { line: 1, character: 0 };
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: ' ' }],
      });
      afterEach?.(uri);
    }
  }
  return versions;
}

function validatedVersions(client: TestClient, uri: string): number[] {
  return client.notifications
    .filter((n) => n.method === 'trialRecords/validated' && (n.params as { uri: string }).uri === uri)
    .map((n) => (n.params as { version: number }).version);
}

async function waitFor(condition: () => boolean, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('publishing and coalescing', () => {
  it('a push-only client gets each opened record once, and a burst of edits across ten records validates each once, for its last version', async () => {
    root ??= temporaryFolder('trial-lsp-limits-');
    const client = await TestClient.start({ rootPath: root });
    try {
      const records = tenRecords('push');
      for (const { uri, text } of records) client.open(uri, text);
      await waitFor(() => records.every(({ uri }) => client.published.some((p) => p.uri === uri)));
      // Longer than the debounce delay: a second publication would have come by now.
      await new Promise((resolve) => setTimeout(resolve, 800));
      for (const { uri } of records)
        expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1]);
      const last = editBurst(client, records);
      await waitFor(() =>
        records.every(({ uri }) => client.published.some((p) => p.uri === uri && p.version === last.get(uri))),
      );
      await new Promise((resolve) => setTimeout(resolve, 800));
      for (const { uri } of records) {
        expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, 6]);
        expect(validatedVersions(client, uri)).toEqual([1, 6]);
      }
    } finally {
      await client.stop();
    }
  }, 60000);

  it('a pull client pulling after every edit of a burst gets every pull answered and one validation per record', async () => {
    root ??= temporaryFolder('trial-lsp-limits-');
    const client = await TestClient.start({ rootPath: root, pull: true });
    try {
      const records = tenRecords('pull');
      for (const { uri, text } of records) client.open(uri, text);
      await Promise.all(records.map(({ uri }) => client.request('textDocument/diagnostic', { textDocument: { uri } })));
      const validationsBefore = client.notifications.filter((n) => n.method === 'trialRecords/validated').length;
      const pulls: Array<Promise<{ uri: string; resultId: string }>> = [];
      const last = editBurst(client, records, (uri) =>
        pulls.push(
          client
            .request<{ resultId: string }>('textDocument/diagnostic', { textDocument: { uri } })
            .then((result) => ({ uri, resultId: result.resultId })),
        ),
      );
      const answered = await Promise.all(pulls);
      expect(answered).toHaveLength(50);
      for (const { uri, resultId } of answered) expect(resultId).toBe(String(last.get(uri)));
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(client.notifications.filter((n) => n.method === 'trialRecords/validated').length - validationsBefore).toBe(
        10,
      );
      expect(client.published).toEqual([]);
    } finally {
      await client.stop();
    }
  }, 60000);
});
