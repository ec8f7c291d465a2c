// A realistic mix of many records (issue 19): the 820 published records of the registry sample,
// each copied 3 times (2,460 files, ~58 MB, findings in many of them), checked by
// `trial-records lint` (2 workers) against two JSON Schema command lines given the same study
// schema, `ajv-cli validate` and `@sourcemeta/jsonschema validate --continue`, and against the
// floor (read + JSON.parse + the study schema's ajv validator, same workers; see lint-many.mjs).
// Every contender is a process of its own, timed with /usr/bin/time; the contenders take turns
// within each run, so that all see the same load. Targets: ≥ 1.5× both peers' throughput, ≥ 0.6×
// the floor's. Build first: `node esbuild.mjs`. Not a test: it prints numbers.
// A last line shows the work itself: the engine and the floor in one thread once their code is
// warm (the third pass over the files, no start-up), which bounds what any number of workers can do.
// Usage: node test/bench/lint-mix.mjs [--copies N] [--workers N] [--runs N]
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { option, median, buildEngine, textOption } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const SAMPLE = join(here, '..', 'fixtures', 'corpus', 'registry-sample');
const SCHEMA = join(root, 'schemas', 'study.schema.json');
const TODAY = '2026-11-24';
const TARGETS = { overPeers: 1.5, ofFloor: 0.6 };

/** The sample, `copies` times over, as *.trial.json files in one folder per copy. */
function makeRecords(folder, copies) {
  const names = readdirSync(SAMPLE)
    .filter((name) => name.endsWith('.json'))
    .sort();
  let bytes = 0;
  for (let copy = 0; copy < copies; copy++) {
    const sub = join(folder, 'records', `copy-${copy}`);
    mkdirSync(sub, { recursive: true });
    for (const name of names) {
      copyFileSync(join(SAMPLE, name), join(sub, name.replace(/\.json$/, '.trial.json')));
      bytes += statSync(join(SAMPLE, name)).size;
    }
  }
  return { files: names.length * copies, bytes };
}

/** Wall-clock and CPU seconds (user + system, the process and its children) of one command; its output goes to a file. */
function timed(folder, command, args, okStatuses) {
  const timeFile = join(folder, 'time.txt');
  const output = openSync(join(folder, 'output.txt'), 'w');
  try {
    const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, command, ...args], {
      stdio: ['ignore', output, output],
    });
    if (!okStatuses.includes(result.status))
      throw new Error(
        `${command} ${args.slice(0, 2).join(' ')} exited with ${result.status}: ${readFileSync(join(folder, 'output.txt'), 'utf8').slice(0, 2000)}`,
      );
  } finally {
    closeSync(output);
  }
  const [wall, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + system };
}

function contenders(folder, workers) {
  const records = join(folder, 'records');
  const report = join(folder, 'report.json');
  return [
    {
      name: `trial-records lint (${workers} workers)`,
      key: 'ours',
      // Exit status 1: the sample has errors.
      run: () =>
        timed(
          folder,
          process.execPath,
          [
            join(root, 'dist', 'cli.js'),
            'lint',
            records,
            '--format',
            'json',
            '--output',
            report,
            '--concurrency',
            String(workers),
            '--quiet',
            '--today',
            TODAY,
          ],
          [0, 1],
        ),
    },
    {
      name: 'ajv-cli validate (--all-errors)',
      key: 'ajv',
      run: () =>
        timed(
          folder,
          process.execPath,
          [
            join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js'),
            'validate',
            '-s',
            SCHEMA,
            '-d',
            `${records}/*/*.trial.json`,
            '--all-errors',
            '--strict=false',
            '-c',
            join(here, 'ajv-cli-formats.cjs'),
            '--errors=json',
          ],
          [0, 1],
        ),
    },
    {
      name: '@sourcemeta/jsonschema validate --continue',
      key: 'sourcemeta',
      run: () =>
        timed(
          folder,
          process.execPath,
          [
            join(root, 'node_modules', '@sourcemeta', 'jsonschema', 'npm', 'cli.js'),
            'validate',
            SCHEMA,
            records,
            '--continue',
          ],
          [0, 2],
        ),
    },
    {
      name: `floor (read + JSON.parse + ajv, ${workers} workers)`,
      key: 'floor',
      run: () =>
        timed(folder, process.execPath, [join(here, 'lint-many.mjs'), '--floor', records, String(workers)], [0]),
    },
  ];
}

const WARM_PASSES = 3;

/** The record files under a folder of copies. */
function recordFiles(records) {
  return readdirSync(records)
    .sort()
    .flatMap((copy) =>
      readdirSync(join(records, copy))
        .sort()
        .map((name) => join(records, copy, name)),
    );
}

/**
 * In this process: the engine (every rule, findings placed) and the floor over the files, in
 * turns, WARM_PASSES times each; prints the last pass's seconds of each as JSON.
 */
function warmPasses(records) {
  const { validateText, studyValidator, builtinRules } = createRequire(import.meta.url)(
    join(here, 'out', 'floor-engine.cjs'),
  );
  const files = recordFiles(records);
  const validate = studyValidator();
  const seconds = (work) => {
    const start = performance.now();
    for (const file of files) work(readFileSync(file, 'utf8'));
    return (performance.now() - start) / 1000;
  };
  let last = {};
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    last = {
      ours: seconds((text) => validateText(text, { today: TODAY, rules: builtinRules })),
      floor: seconds((text) => validate(JSON.parse(text))),
    };
  }
  console.log(JSON.stringify(last));
}

function warmLine(folder, workers) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--warm', join(folder, 'records')], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the warm passes failed: ${result.stderr.slice(0, 2000)}`);
  const warm = JSON.parse(result.stdout);
  return (
    `  warm code in one thread (pass ${WARM_PASSES}, no start-up; the checks across records and the report left out): ` +
    `ours ${warm.ours.toFixed(2)} s, floor ${warm.floor.toFixed(2)} s; over ${workers} cores at best ` +
    `${(warm.ours / workers).toFixed(2)} s and ${(warm.floor / workers).toFixed(2)} s`
  );
}

function main() {
  const warmRecords = textOption('warm');
  if (warmRecords !== undefined) return warmPasses(warmRecords);
  const copies = option('copies', 3);
  const workers = option('workers', 2);
  const runs = option('runs', 3);
  if (!existsSync(join(root, 'dist', 'cli.js'))) {
    console.error('lint-mix: run `node esbuild.mjs` first.');
    process.exit(2);
  }
  buildEngine('floor-engine.cjs');
  const folder = mkdtempSync(join(tmpdir(), 'trial-lint-mix-'));
  try {
    const { files, bytes } = makeRecords(folder, copies);
    const all = contenders(folder, workers);
    const samples = Object.fromEntries(all.map((contender) => [contender.key, []]));
    const loads = [loadavg()[0]];
    for (let run = 0; run < runs; run++) {
      // A different contender goes first in each run.
      for (let i = 0; i < all.length; i++) {
        const contender = all[(run + i) % all.length];
        samples[contender.key].push(contender.run());
      }
      loads.push(loadavg()[0]);
    }
    const summary = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')).summary;
    if (summary.files !== files) throw new Error(`the CLI linted ${summary.files} files; expected ${files}`);
    const wall = Object.fromEntries(all.map(({ key }) => [key, median(samples[key].map((sample) => sample.wall))]));
    const cpu = Object.fromEntries(all.map(({ key }) => [key, median(samples[key].map((sample) => sample.cpu))]));
    console.log(
      `\nLint a realistic mix: ${files} files (${(bytes / 1024 / 1024).toFixed(0)} MB, the registry sample ×${copies}: ${summary.errors} errors, ${summary.warnings} warnings), median of ${runs} runs, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
    );
    console.log('                                                  wall s   files/s    CPU s   spread (wall)');
    for (const { name, key } of all) {
      const walls = samples[key].map((sample) => sample.wall);
      console.log(
        `  ${name.padEnd(46)}  ${wall[key].toFixed(2).padStart(6)}  ${(files / wall[key]).toFixed(0).padStart(7)}  ${cpu[key].toFixed(2).padStart(7)}   ${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)}`,
      );
    }
    const ratio = (key) => (wall[key] / wall.ours).toFixed(2);
    console.log(
      `  throughput ours/ajv-cli ${ratio('ajv')}×, ours/sourcemeta ${ratio('sourcemeta')}× (target ≥ ${TARGETS.overPeers}×); ours/floor ${ratio('floor')}× (target ≥ ${TARGETS.ofFloor}×)`,
    );
    console.log(warmLine(folder, workers));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
