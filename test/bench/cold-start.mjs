// Starting up (issue 19): `trial-records lint` of one typical record of the registry sample against
// `node -e 0` (target ≤ 2.5×), and a fresh language server's first diagnostics for the 1.5 MB
// record, from didOpen to publishDiagnostics (target ≤ 150 ms). Each run is a new process; the two
// sides of a ratio alternate, so that both see the same load. Build first: `node esbuild.mjs`.
// Not a test: it prints numbers and the targets.
// Usage: node test/bench/cold-start.mjs [--runs N] [--servers N] [--dist DIR] (another build's dist/, for A/B)
//        [--server-flags "--cpu-prof"] (node flags for the server)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, copyFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { option, textOption, median } from './common.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const DIST = textOption('dist') ?? join(root, 'dist');
/** The command as users run it (under Node 22.1+ it keeps compiled code between runs); builds before it had only cli.js. */
const CLI = existsSync(join(DIST, 'trial-records.js')) ? join(DIST, 'trial-records.js') : join(DIST, 'cli.js');
const SERVER = join(DIST, 'server.js');
const SAMPLE = join(here, '..', 'fixtures', 'corpus', 'registry-sample');
const LARGE_RECORD = join(here, '..', 'fixtures', 'corpus', 'ctgov-v2', 'NCT02513394.json');
const TODAY = '2026-11-24';
const TARGETS = { cliOverNode: 2.5, firstDiagnosticsMs: 150 };

/** The record of median size in the sample: what a typical record costs. */
function typicalRecord() {
  const sized = readdirSync(SAMPLE)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ path: join(SAMPLE, name), size: statSync(join(SAMPLE, name)).size }))
    .sort((a, b) => a.size - b.size);
  return sized[Math.floor(sized.length / 2)];
}

function wallMs(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

function cliColdStart(runs) {
  const record = typicalRecord();
  const node = [];
  const cli = [];
  for (let run = 0; run < runs; run++) {
    node.push(wallMs(['-e', '0']));
    cli.push(wallMs([CLI, 'lint', record.path, '--today', TODAY, '--format', 'json']));
  }
  return { record, node: median(node), cli: median(cli), cliRange: [Math.min(...cli), Math.max(...cli)] };
}

/** A fresh server: spawn, initialize, didOpen the record; the time from didOpen to its diagnostics. */
async function firstDiagnostics(folder, uri, text) {
  const spawned = performance.now();
  const child = spawn(
    process.execPath,
    [...(textOption('server-flags') ?? '').split(' ').filter(Boolean), SERVER, '--stdio'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  child.stdin.on('error', () => undefined); // the server may be gone when the last message is written
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published = new Promise((resolve) =>
    connection.onNotification(
      'textDocument/publishDiagnostics',
      (params) => params.version === 1 && resolve(params.diagnostics),
    ),
  );
  let validationMs;
  connection.onNotification('trialRecords/validated', (params) => (validationMs ??= params.durationMs));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ validate: { delay: 0 } })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(folder).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  const initialized = performance.now();
  await connection.sendNotification('initialized', {});
  const opened = performance.now();
  void connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'trial-record', version: 1, text },
  });
  const diagnostics = await published;
  const done = performance.now();
  await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]).catch(
    () => undefined,
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await connection.sendNotification('exit').catch(() => undefined);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
  connection.dispose();
  child.kill();
  return { startMs: initialized - spawned, firstMs: done - opened, validationMs, count: diagnostics.length };
}

async function main() {
  if (!existsSync(CLI) || !existsSync(SERVER)) {
    console.error('cold-start: run `node esbuild.mjs` first (dist/cli.js and dist/server.js are needed).');
    process.exit(2);
  }
  const runs = option('runs', 15);
  const servers = option('servers', 7);
  console.log(
    `\nCold start of ${DIST} (load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')})`,
  );
  const cli = cliColdStart(runs);
  console.log(
    `  trial-records lint of one typical record (${(cli.record.size / 1024).toFixed(0)} KB), median of ${runs}: ${cli.cli.toFixed(0)} ms (${cli.cliRange.map((ms) => ms.toFixed(0)).join('–')}); node -e 0: ${cli.node.toFixed(0)} ms`,
  );
  console.log(`  ratio lint/node: ${(cli.cli / cli.node).toFixed(2)}×  (target ≤ ${TARGETS.cliOverNode}×)`);
  const folder = mkdtempSync(join(tmpdir(), 'trial-bench-cold-'));
  try {
    const path = join(folder, 'NCT02513394.trial.json');
    copyFileSync(LARGE_RECORD, path);
    const text = readFileSync(path, 'utf8');
    const results = [];
    for (let run = 0; run < servers; run++)
      results.push(await firstDiagnostics(folder, pathToFileURL(path).href, text));
    const first = results.map((result) => result.firstMs);
    console.log(
      `  language server, fresh, 1.5 MB record: first diagnostics ${median(first).toFixed(0)} ms after didOpen (median of ${servers}, ${Math.min(...first).toFixed(0)}–${Math.max(...first).toFixed(0)}; ${results[0].count} diagnostics), target ≤ ${TARGETS.firstDiagnosticsMs} ms`,
    );
    console.log(
      `  (of which the server's own validation: ${median(results.map((result) => result.validationMs ?? NaN)).toFixed(0)} ms; spawn to initialize answered: ${median(results.map((result) => result.startMs)).toFixed(0)} ms)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
