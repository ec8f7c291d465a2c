// `npm run bench`: the engine against vscode-json-languageservice and against the floor
// (JSON.parse + the compiled ajv validate), in one run, as ratios of medians. Then the other
// benchmark scripts in this folder: starting up (cold-start.mjs), the language server (lsp.mjs),
// a realistic mix of records against other validators (lint-mix.mjs) and many records (lint-many.mjs).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { median, buildEngine } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const corpus = join(here, '..', 'fixtures', 'corpus');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const TODAY = '2026-11-24';
const RECORDS = [
  { name: 'NCT02513394 (1.5 MB)', file: 'ctgov-v2/NCT02513394.json', runs: 20 },
  { name: 'NCT05147467 (21 KB)', file: 'ctgov-v2/NCT05147467.json', runs: 700 },
  // The registry sample's record of median size.
  { name: 'NCT03884920 (12 KB)', file: 'registry-sample/NCT03884920.json', runs: 700 },
];
const WARMUP_MS = 1000;

/** Offset of the furthest place our findings are shown at (where placing them must count line breaks to). */
function furthestFinding(engine, text) {
  const lastLine = Math.max(
    0,
    ...engine.validateText(text, { today: TODAY, rules: engine.builtinRules }).map((finding) => finding.range.end.line),
  );
  let offset = 0;
  for (let line = 0; line < lastLine; line++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

function countLineBreaks(text, end) {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** What is timed, by name: each body validates the record's text once. */
function bodies(text) {
  const engine = require(join(out, 'engine.cjs'));
  const validate = engine.studyValidator();
  return {
    ours: () => engine.validateText(text, { today: TODAY, rules: engine.builtinRules }),
    schemaOnly: () => engine.validateText(text, { today: TODAY, rules: [] }),
    jsonService: () => {
      const { getLanguageService } = require('vscode-json-languageservice');
      const { TextDocument } = require('vscode-languageserver-textdocument');
      const service = getLanguageService({});
      service.configure({
        validate: true,
        allowComments: false,
        schemas: [
          {
            uri: 'https://trial-records.dev/schemas/study.schema.json',
            fileMatch: ['*.trial.json'],
            schema: engine.studySchema,
          },
        ],
      });
      let version = 0;
      return async () => {
        const document = TextDocument.create('file:///bench/record.trial.json', 'json', ++version, text);
        const parsed = service.parseJSONDocument(document);
        await service.doValidation(document, parsed, { schemaValidation: 'error' });
      };
    },
    floor: () => validate(JSON.parse(text)),
    // The floor plus what any validator that reports repeated keys and places findings in the text
    // must add: proving that no key repeats (counting keys, as the engine does) and one count of
    // the line breaks before the furthest finding.
    floorPlus: () => {
      const furthest = furthestFinding(engine, text);
      return () => {
        const value = JSON.parse(text);
        validate(value);
        engine.cannotHaveDuplicateKeys(text, value);
        countLineBreaks(text, furthest);
      };
    },
  };
}

/** Bodies that need setting up first are factories: called once, they return what is timed. */
const FACTORIES = new Set(['jsonService', 'floorPlus']);

/**
 * Child process: times one body on one record and prints its samples. Each body runs in a process
 * of its own, so that none pays for another's garbage collection (measured in one process, the
 * engine's medians on the small record rose by half after the JSON language service's runs).
 */
async function measure(recordIndex, name) {
  const record = RECORDS[recordIndex];
  const text = readFileSync(join(corpus, record.file), 'utf8');
  const made = bodies(text)[name];
  const body = FACTORIES.has(name) ? made() : made;
  // Warm-up by time, the same for every body: the JIT optimises a function after many calls, and
  // the engine's rules are each called once per validation.
  for (const start = performance.now(); performance.now() - start < WARMUP_MS;) await body();
  const samples = [];
  for (let i = 0; i < record.runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  process.stdout.write(JSON.stringify(samples));
}

if (process.argv[2] === '--measure') {
  await measure(Number(process.argv[3]), process.argv[4]);
  process.exit(0);
}

buildEngine('engine.cjs');

/**
 * Three rounds of one process per body, every other round in reverse order, so that a change of
 * machine load hits every body alike, and a burst of load in one process moves no median.
 */
const rows = [];
for (const [index, record] of RECORDS.entries()) {
  const names = ['ours', 'schemaOnly', 'jsonService', 'floor', 'floorPlus'];
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (const round of [names, [...names].reverse(), names]) {
    for (const name of round) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', String(index), name], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      if (child.status !== 0) throw new Error(`measuring ${name} on ${record.file} failed: ${child.stderr}`);
      samples[name].push(...JSON.parse(child.stdout));
    }
  }
  rows.push({ record: record.name, ...Object.fromEntries(names.map((name) => [name, median(samples[name])])) });
}

const ms = (value) => value.toFixed(2).padStart(8);
const ratio = (value) => value.toFixed(2).padStart(6);
console.log('\nEngine (medians, ms)');
console.log(
  'record                   ours(a)  json-ls(b)  floor(c)  schema-only   a/b    a/c   rules cost   floor+(d)   a/d',
);
for (const row of rows) {
  const rulesCost = (row.ours - row.schemaOnly) / row.schemaOnly;
  console.log(
    `${row.record.padEnd(22)} ${ms(row.ours)}  ${ms(row.jsonService)}  ${ms(row.floor)}  ${ms(row.schemaOnly)}  ${ratio(row.ours / row.jsonService)} ${ratio(row.ours / row.floor)}  ${(rulesCost * 100).toFixed(0).padStart(5)}%     ${ms(row.floorPlus)}  ${ratio(row.ours / row.floorPlus)}`,
  );
}
console.log('targets: a/b ≤ 0.5, a/c ≤ 2, rules cost ≤ 50% of schema-only');
console.log(
  'floor+ (d): the floor, the duplicate-key count and one count of the line breaks before the furthest finding',
);

// BENCH_ENGINE_ONLY=1 stops here (the table above is what engine changes move).
for (const script of process.env.BENCH_ENGINE_ONLY
  ? []
  : ['cold-start.mjs', 'lsp.mjs', 'editor-open.mjs', 'lint-mix.mjs', 'lint-many.mjs']) {
  if (!existsSync(join(here, script))) continue;
  console.log(`\n▶ ${script}`);
  spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
}
