// The language server on the 1.5 MB record, as an editor sees it (issue 4): completion and hover
// latency at 100+ places once the record is parsed, the time from an edit to its diagnostics with
// the debounce at 0, and the server's memory after 500 edits. Spawns `node dist/server.js --stdio`
// (build first: `node esbuild.mjs`) and speaks JSON-RPC to it like test/lsp/client.ts.
// Not a test: it prints numbers and the targets.
// Usage: node test/bench/lsp.mjs [--edits N] [--server-flags "--max-semi-space-size=4"] (V8 flags for the server)
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { option, textOption } from './common.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const here = dirname(fileURLToPath(import.meta.url));
const SERVER = join(here, '..', '..', 'dist', 'server.js');
const RECORD = join(here, '..', 'fixtures', 'corpus', 'ctgov-v2', 'NCT02513394.json');
const EDITS = option('edits', 500);
/** V8 flags for the server process, to try memory settings: --server-flags "--max-semi-space-size=4". */
const SERVER_FLAGS = (textOption('server-flags') ?? '').split(' ').filter(Boolean);
const TIMED_EDITS = 40;
const TARGETS = { featureP95: 10, rssMb: 150 };

if (!existsSync(SERVER)) {
  console.error(`${SERVER} is missing: run \`node esbuild.mjs\` first.`);
  process.exit(1);
}

// ---- a minimal client -------------------------------------------------------------------------

class BenchClient {
  /** Resolvers waiting for the diagnostics of a version. */
  waiting = new Map();
  /** When each version's didChange was sent. */
  sentAt = new Map();
  latencies = [];
  serverDurations = [];

  constructor(folder) {
    this.child = spawn(process.execPath, [...SERVER_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => this.published(params));
    this.connection.onNotification('trialRecords/validated', (params) => this.serverDurations.push(params.durationMs));
    // The debounce at 0, so that the time measured is the server's own, not the typing pause it waits for.
    this.connection.onRequest('workspace/configuration', (params) =>
      params.items.map(() => ({ validate: { delay: 0 } })),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
    this.folder = folder;
  }

  async initialize() {
    const root = pathToFileURL(this.folder).href;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown'] },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
  }

  published({ version, diagnostics }) {
    const sent = this.sentAt.get(version);
    if (sent !== undefined) this.latencies.push(performance.now() - sent);
    this.waiting.get(version)?.(diagnostics);
    this.waiting.delete(version);
  }

  diagnosticsOf(version) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 60 s`)), 60000);
      this.waiting.set(version, (diagnostics) => {
        clearTimeout(timer);
        resolve(diagnostics);
      });
    });
  }

  open(uri, text) {
    const published = this.diagnosticsOf(1);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'trial-record', version: 1, text },
    });
    return published;
  }

  /** One incremental edit, as an editor sends a keystroke; resolves with its diagnostics. */
  change(uri, version, range, newText) {
    const published = this.diagnosticsOf(version);
    this.sentAt.set(version, performance.now());
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: newText }],
    });
    return published;
  }

  async timed(method, params) {
    const start = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - start, result };
  }

  rssMb() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  async stop() {
    await Promise.race([
      this.connection.sendRequest('shutdown'),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]).catch(() => undefined);
    void this.connection.sendNotification('exit');
    this.connection.dispose();
    this.child.kill();
  }
}

// ---- places in the record ---------------------------------------------------------------------

/** Up to `count` matches spread evenly over all matches of `pattern`, as offsets `delta` characters into each match. */
function spread(text, pattern, count, delta = 1, from = 0) {
  const all = [];
  for (const match of text.slice(from).matchAll(pattern))
    all.push(from + match.index + (typeof delta === 'function' ? delta(match) : delta));
  if (all.length <= count) return all;
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]);
}

/** 100+ places of different kinds, each named by what it is, for completion and hover alike. */
function placesIn(text) {
  const results = text.indexOf('"resultsSection"');
  const valueStart = (match) => match[0].indexOf(': "') + 3;
  return [
    ...spread(text, /"[a-zA-Z]+"\s*:/g, 30, 2).map((offset) => ({ kind: 'key', offset })),
    ...spread(
      text,
      /"(?:briefSummary|description|title|measure|timeFrame|name)"\s*: "[^"]{12}/g,
      15,
      (match) => match[0].length - 6,
    ).map((offset) => ({ kind: 'text value', offset })),
    ...spread(text, /"[a-zA-Z]+"\s*: "[A-Z][A-Z0-9_]+"/g, 25, valueStart).map((offset) => ({
      kind: 'enum value',
      offset,
    })),
    ...spread(text, /"[a-zA-Z]+"\s*: "\d{4}-\d{2}(?:-\d{2})?"/g, 20, valueStart).map((offset) => ({
      kind: 'date',
      offset,
    })),
    ...spread(text, /"armGroupLabels"\s*:\s*\[\s*"/g, 10, (match) => match[0].length).map((offset) => ({
      kind: 'arm label',
      offset,
    })),
    ...spread(text, /"interventionNames"\s*:\s*\[\s*"/g, 5, (match) => match[0].length).map((offset) => ({
      kind: 'intervention reference',
      offset,
    })),
    ...spread(text, /"[a-zA-Z]+"\s*:/g, 30, 2, results).map((offset) => ({ kind: 'results (deep)', offset })),
  ];
}

// ---- statistics -------------------------------------------------------------------------------

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (value) => `${value.toFixed(2)} ms`;

// ---- the run ----------------------------------------------------------------------------------

const folder = mkdtempSync(join(tmpdir(), 'trial-bench-lsp-'));
const path = join(folder, 'NCT02513394.trial.json');
copyFileSync(RECORD, path);
const uri = pathToFileURL(path).href;
const text = readFileSync(path, 'utf8');
const lines = TextDocument.create(uri, 'json', 0, text);
const client = new BenchClient(folder);

try {
  await client.initialize();
  let start = performance.now();
  const first = await client.open(uri, text);
  console.log(
    `Language server on NCT02513394 (${(text.length / 1024 / 1024).toFixed(1)} MB, ${lines.lineCount} lines)`,
  );
  console.log(`open → first diagnostics: ${ms(performance.now() - start)} (${first.length} diagnostics)`);

  // The first request of a version pays for the editor-side parse (the jsonc tree, the line table).
  const places = placesIn(text);
  start = performance.now();
  await client.timed('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(places[0].offset) });
  console.log(`first hover (builds the tree for editor features): ${ms(performance.now() - start)}`);

  const timings = { completion: [], hover: [] };
  const byKind = new Map();
  for (const round of [0, 1]) {
    for (const place of places) {
      const params = { textDocument: { uri }, position: lines.positionAt(place.offset) };
      const completion = await client.timed('textDocument/completion', params);
      const hover = await client.timed('textDocument/hover', params);
      if (round === 0) continue; // the first round warms the server's code paths up
      timings.completion.push(completion.ms);
      timings.hover.push(hover.ms);
      const kind = byKind.get(place.kind) ?? { completion: [], hover: [], items: 0, hovers: 0 };
      kind.completion.push(completion.ms);
      kind.hover.push(hover.ms);
      kind.items += completion.result?.items?.length ?? 0;
      kind.hovers += hover.result ? 1 : 0;
      byKind.set(place.kind, kind);
    }
  }
  console.log(
    `\ncompletion and hover at ${places.length} places (round trip, after a warm parse; target p95 ≤ ${TARGETS.featureP95} ms)`,
  );
  console.log('                          completion p50    p95      hover p50     p95    answered');
  for (const [kind, values] of byKind) {
    const answered = `${values.items} items, ${values.hovers}/${values.hover.length} hovers`;
    console.log(
      `  ${kind.padEnd(24)} ${ms(percentile(values.completion, 50)).padStart(10)} ${ms(percentile(values.completion, 95)).padStart(9)} ${ms(percentile(values.hover, 50)).padStart(12)} ${ms(percentile(values.hover, 95)).padStart(9)}   ${answered}`,
    );
  }
  for (const feature of ['completion', 'hover']) {
    const p95 = percentile(timings[feature], 95);
    console.log(
      `${feature.padEnd(10)} p50 ${ms(percentile(timings[feature], 50))}  p95 ${ms(p95)}  ${p95 <= TARGETS.featureP95 ? 'ok' : 'ABOVE TARGET'}`,
    );
  }

  // Edits: one character at a time in the brief title (near the top) and in a results value (near
  // the end), alternating, so that each version is a new text of the same length.
  const title = text.indexOf('"', text.indexOf('"briefTitle"') + '"briefTitle"'.length + 1) + 1;
  const deep =
    text.indexOf('"', text.indexOf('"title"', text.lastIndexOf('"outcomeMeasures"')) + '"title"'.length + 1) + 1;
  const spots = [title, deep].map((offset) => ({ offset, original: text[offset] }));
  let version = 1;
  client.latencies.length = 0;
  client.serverDurations.length = 0;
  const edit = (n) => {
    const spot = spots[n % spots.length];
    const position = lines.positionAt(spot.offset);
    const replacement = n % 4 < 2 ? 'X' : spot.original;
    return client.change(
      uri,
      ++version,
      { start: position, end: { line: position.line, character: position.character + 1 } },
      replacement,
    );
  };
  for (let n = 0; n < TIMED_EDITS; n++) await edit(n);
  const latency = percentile(client.latencies, 50);
  const serverSide = percentile(client.serverDurations, 50);
  console.log(
    `\ndidChange → publishDiagnostics (debounce 0, ${TIMED_EDITS} edits): median ${ms(latency)} (the server's own validation and publishing: ${ms(serverSide)})`,
  );

  // Typing: the first request after an edit is for a new version, which pays for that version's
  // editor-side parse (the tree, the line table) on top of the request itself.
  const firstAfterEdit = { completion: [], hover: [] };
  const AFTER_EDIT_SAMPLES = 10;
  for (let n = TIMED_EDITS; n < TIMED_EDITS + 2 * AFTER_EDIT_SAMPLES; n++) {
    await edit(n);
    const feature = n % 2 === 0 ? 'completion' : 'hover';
    const params = { textDocument: { uri }, position: lines.positionAt(places[(7 * n) % places.length].offset) };
    firstAfterEdit[feature].push((await client.timed(`textDocument/${feature}`, params)).ms);
  }
  console.log(
    `first request after an edit (new version; includes building its tree): completion median ${ms(percentile(firstAfterEdit.completion, 50))}, hover median ${ms(percentile(firstAfterEdit.hover, 50))}`,
  );

  // RSS rises and falls with the garbage collector: besides the reading after the last edit, the
  // spread over the last 100 edits says how typical that reading is.
  const recent = [];
  for (let n = TIMED_EDITS + 2 * AFTER_EDIT_SAMPLES; n < EDITS; n++) {
    await edit(n);
    if (n >= EDITS - 100) recent.push(client.rssMb().rss);
  }
  const afterEdits = client.rssMb();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const settled = client.rssMb();
  const verdict = afterEdits.rss <= TARGETS.rssMb ? 'ok' : 'ABOVE TARGET';
  const mb = (value) => `${value.toFixed(0)} MB`;
  console.log(
    `server memory after ${EDITS} edits: RSS ${mb(afterEdits.rss)} (${verdict}, target ≤ ${TARGETS.rssMb} MB), ${mb(settled.rss)} a second later`,
  );
  if (recent.length > 0)
    console.log(
      `  over the last ${recent.length} edits: RSS min ${mb(Math.min(...recent))}, median ${mb(percentile(recent, 50))}, max ${mb(Math.max(...recent))}; peak since start ${mb(settled.peak)}`,
    );
} finally {
  await client.stop();
  rmSync(folder, { recursive: true, force: true });
}
