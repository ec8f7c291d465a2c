// Throughput of `trial-records lint` on many records (10,000 copies of the accepted corpus) through
// the real CLI with worker threads, against the floor: reading each file, JSON.parse and the
// compiled ajv validate of the study schema, on the same files with the same number of workers.
// Both run as a fresh `node` process, so both pay for starting up. Wall-clock time is what a user
// waits; the CPU time of the whole process (all threads) is also shown, since it varies less when
// other work shares the machine. Not a test: it prints numbers.
// Usage: node test/bench/lint-many.mjs [--files N] [--workers N] [--runs N]
import {
  existsSync,
  linkSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { option, median, buildEngine } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const corpus = join(here, '..', 'fixtures', 'corpus', 'ctgov-v2');
const TODAY = '2026-11-24';
const TARGET = 0.7;
/** Copies of one record share its NCT number, study ID and title by construction: the checks across records are not what this measures. */
const ACROSS_RECORDS = ['duplicate-nct-id', 'duplicate-org-study-id', 'duplicate-brief-title'];

if (process.argv[2] === '--floor') runFloor(process.argv[3], Number(process.argv[4]));
else main();

function main() {
  const fileCount = option('files', 10000);
  const workers = option('workers', availableParallelism());
  const runs = option('runs', 3);
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli) || !existsSync(join(root, 'dist', 'lint-worker.js'))) {
    console.error('lint-many: run `node esbuild.mjs` first (dist/cli.js and dist/lint-worker.js are needed).');
    process.exit(2);
  }
  buildEngine('floor-engine.cjs');
  const folder = mkdtempSync(join(tmpdir(), 'trial-lint-many-'));
  try {
    const bytes = makeRecords(folder, fileCount);
    const report = join(folder, 'report.json');
    /** `trial-records lint` of the folder, timed, with its report written to `output`. */
    const lint = (output, concurrency, extra = []) =>
      timed(
        process.execPath,
        [
          cli,
          'lint',
          folder,
          '--format',
          'json',
          '--output',
          output,
          ...extra,
          '--concurrency',
          concurrency,
          '--quiet',
          '--today',
          TODAY,
        ],
        folder,
      );
    const ours = [];
    const floor = [];
    for (let run = 0; run < runs; run++) {
      floor.push(timed(process.execPath, [fileURLToPath(import.meta.url), '--floor', folder, String(workers)], folder));
      ours.push(lint(report, String(workers)));
    }
    // One run each in a single thread: the engine against the floor without the workers' contention for the cores.
    const floorOneThread = timed(process.execPath, [fileURLToPath(import.meta.url), '--floor', folder, '1'], folder);
    const oursOneThread = lint(report, 'off');
    // One run with every rule off: what the engine costs without them (syntax, duplicate keys, schema, placing, the report).
    const rulesOffConfig = writeRulesOffConfig(folder);
    const oursRulesOff = lint(join(folder, 'rules-off.json'), String(workers), ['--config', rulesOffConfig]);
    // --cache: a first run that fills the cache, then one with nothing changed, then one after every file's time changed (a fresh checkout).
    const cacheArgs = ['--cache', '--cache-location', join(folder, 'lint.cache')];
    const cached = join(folder, 'cached.json');
    const cacheFilling = lint(cached, String(workers), cacheArgs);
    const cacheHit = lint(cached, String(workers), cacheArgs);
    touchRecords(folder);
    const cacheTouched = lint(cached, String(workers), cacheArgs);
    if (readFileSync(join(folder, 'cached.json'), 'utf8') !== readFileSync(report, 'utf8'))
      throw new Error('the report from the cache differs from the one without it');
    const summary = JSON.parse(readFileSync(report, 'utf8')).summary;
    if (summary.files !== fileCount || summary.errors !== 0)
      throw new Error(
        `the CLI linted ${summary.files} files with ${summary.errors} errors; expected ${fileCount} and 0`,
      );
    const wall = { ours: median(ours.map((run) => run.wall)), floor: median(floor.map((run) => run.wall)) };
    const cpu = { ours: median(ours.map((run) => run.cpu)), floor: median(floor.map((run) => run.cpu)) };
    const rate = (seconds) => (fileCount / seconds).toFixed(0).padStart(7);
    console.log(
      `\nLint many records: ${fileCount} files (${(bytes / 1024 / 1024).toFixed(0)} MB), ${workers} workers, median of ${runs} runs`,
    );
    console.log('                                       wall s    files/s   CPU s   files/CPU-s');
    console.log(
      `  trial-records lint (CLI, workers)   ${wall.ours.toFixed(2).padStart(6)}  ${rate(wall.ours)}  ${cpu.ours.toFixed(2).padStart(6)}  ${rate(cpu.ours)}`,
    );
    console.log(
      `  floor (read + JSON.parse + ajv)     ${wall.floor.toFixed(2).padStart(6)}  ${rate(wall.floor)}  ${cpu.floor.toFixed(2).padStart(6)}  ${rate(cpu.floor)}`,
    );
    console.log(
      `  throughput ratio ours/floor: ${(wall.floor / wall.ours).toFixed(2)} wall-clock, ${(cpu.floor / cpu.ours).toFixed(2)} CPU  (target ≥ ${TARGET})`,
    );
    console.log(`  spread over the runs: ours ${spread(ours)} s, floor ${spread(floor)} s (wall)`);
    console.log(
      `  in one thread (one run each): ours ${oursOneThread.wall.toFixed(2)} s, floor ${floorOneThread.wall.toFixed(2)} s, ratio ${(floorOneThread.wall / oursOneThread.wall).toFixed(2)}`,
    );
    console.log(
      `  every rule off (one run, ${workers} workers): ours ${oursRulesOff.wall.toFixed(2)} s (${oursRulesOff.cpu.toFixed(2)} CPU s), ratio ${(wall.floor / oursRulesOff.wall).toFixed(2)} wall-clock, ${(cpu.floor / oursRulesOff.cpu).toFixed(2)} CPU`,
    );
    console.log(
      `  with --cache: filling it ${cacheFilling.wall.toFixed(2)} s, next run with nothing changed ${cacheHit.wall.toFixed(2)} s, after every file's time changed ${cacheTouched.wall.toFixed(2)} s`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Wall-clock seconds, and the CPU seconds of the whole child process (all its threads), read at its exit. */
function timed(command, args, folder) {
  const cpuFile = join(folder, 'cpu.json');
  const start = performance.now();
  const result = spawnSync(command, ['--require', cpuReporter(), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TRIAL_BENCH_CPU_FILE: cpuFile },
  });
  const wall = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`${args.slice(0, 3).join(' ')} failed (${result.status}): ${result.stderr}`);
  const usage = JSON.parse(readFileSync(cpuFile, 'utf8'));
  return { wall, cpu: (usage.user + usage.system) / 1e6 };
}

function cpuReporter() {
  const path = join(here, 'out', 'cpu-reporter.cjs');
  writeFileSync(
    path,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.TRIAL_BENCH_CPU_FILE, JSON.stringify(process.cpuUsage())));\n",
  );
  return path;
}

/** A config that turns off every built-in rule; the engine's own checks (syntax, duplicate keys, schema) stay on. */
function rulesOff(ids) {
  return Object.fromEntries(ids.map((id) => [id, 'off']));
}

function writeRulesOffConfig(folder) {
  const { builtinRules } = createRequire(import.meta.url)(floorEnginePath());
  const rules = rulesOff([...builtinRules.map((rule) => rule.meta.id), ...ACROSS_RECORDS]);
  const path = join(folder, 'rules-off.trialrc.json');
  writeFileSync(path, JSON.stringify({ rules }));
  return path;
}

/** Sets every record's modification time to now, as a fresh checkout does; the bytes stay the same. */
function touchRecords(folder) {
  const now = new Date();
  for (const path of listRecords(folder)) utimesSync(path, now, now);
}

function spread(runs) {
  const walls = runs.map((run) => run.wall);
  return `${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)}`;
}

/** Hard links where the file system allows them (same bytes, far less disk), copies otherwise. */
function makeRecords(folder, count) {
  const records = readdirSync(corpus)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const sizes = records.map((name) => readFileSync(join(corpus, name)).length);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const which = i % records.length;
    const sub = join(folder, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub);
    const target = join(sub, `${String(i).padStart(5, '0')}-${records[which].replace(/\.json$/, '.trial.json')}`);
    try {
      linkSync(join(corpus, records[which]), target);
    } catch {
      copyFileSync(join(corpus, records[which]), target);
    }
    bytes += sizes[which];
  }
  writeFileSync(join(folder, '.trialrc.json'), JSON.stringify({ rules: rulesOff(ACROSS_RECORDS) }));
  return bytes;
}

function floorEnginePath() {
  return join(here, 'out', 'floor-engine.cjs');
}

/** The floor, in its own process: W workers, each compiling the study schema and validating its share. */
async function runFloor(folder, workerCount) {
  const { Worker } = await import('node:worker_threads');
  const files = listRecords(folder);
  const workerCode = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    const validate = require(workerData.engine).studyValidator();
    let checked = 0;
    for (let i = workerData.index; i < workerData.files.length; i += workerData.count) {
      validate(JSON.parse(readFileSync(workerData.files[i], 'utf8')));
      checked++;
    }
    parentPort.postMessage(checked);
  `;
  const results = await Promise.all(
    Array.from(
      { length: workerCount },
      (_, index) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(workerCode, {
            eval: true,
            workerData: { engine: floorEnginePath(), files, index, count: workerCount },
          });
          worker.once('message', (checked) => {
            resolve(checked);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  const checked = results.reduce((sum, count) => sum + count, 0);
  if (checked !== files.length) throw new Error(`floor: checked ${checked} of ${files.length} records`);
}

function listRecords(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.trial.json'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}
