// `npm run bench`: the engine against vscode-json-languageservice and against the floor
// (JSON.parse + the compiled ajv validate), in one run, as ratios of medians. Then the other
// benchmark scripts in this folder (language server, throughput) when they exist.
import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const corpus = join(here, '..', 'fixtures', 'corpus', 'ctgov-v2');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
buildSync({ entryPoints: [join(here, 'engine.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], outfile: join(out, 'engine.cjs'), logLevel: 'warning' });
const engine = require(join(out, 'engine.cjs'));
const { getLanguageService } = require('vscode-json-languageservice');
const { TextDocument } = require('vscode-languageserver-textdocument');

const TODAY = '2026-11-24';
const RECORDS = [
  { name: 'NCT02513394 (1.5 MB)', file: 'NCT02513394.json', runs: 30 },
  { name: 'NCT05147467 (21 KB)', file: 'NCT05147467.json', runs: 300 },
];

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs, body) {
  for (let i = 0; i < Math.min(5, runs); i++) await body();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const service = getLanguageService({});
service.configure({ validate: true, allowComments: false, schemas: [{ uri: 'https://trial-records.dev/schemas/study.schema.json', fileMatch: ['*.trial.json'], schema: engine.studySchema }] });
const validate = engine.studyValidator();

const rows = [];
for (const record of RECORDS) {
  const text = readFileSync(join(corpus, record.file), 'utf8');
  const ours = await time(record.runs, () => engine.validateText(text, { today: TODAY }));
  const schemaOnly = await time(record.runs, () => engine.validateText(text, { today: TODAY, rules: [] }));
  let version = 0;
  const jsonService = await time(Math.max(10, record.runs / 3), async () => {
    const document = TextDocument.create('file:///bench/record.trial.json', 'json', ++version, text);
    const parsed = service.parseJSONDocument(document);
    await service.doValidation(document, parsed, { schemaValidation: 'error' });
  });
  const floor = await time(record.runs, () => validate(JSON.parse(text)));
  rows.push({ record: record.name, ours, schemaOnly, jsonService, floor });
}

const ms = (value) => value.toFixed(2).padStart(8);
const ratio = (value) => value.toFixed(2).padStart(6);
console.log('\nEngine (medians, ms)');
console.log('record                   ours(a)  json-ls(b)  floor(c)  schema-only   a/b    a/c   rules cost');
for (const row of rows) {
  const rulesCost = (row.ours - row.schemaOnly) / row.schemaOnly;
  console.log(`${row.record.padEnd(22)} ${ms(row.ours)}  ${ms(row.jsonService)}  ${ms(row.floor)}  ${ms(row.schemaOnly)}  ${ratio(row.ours / row.jsonService)} ${ratio(row.ours / row.floor)}  ${(rulesCost * 100).toFixed(0).padStart(5)}%`);
}
console.log('targets: a/b ≤ 0.5, a/c ≤ 2, rules cost ≤ 50% of schema-only');

for (const script of ['lsp.mjs', 'throughput.mjs']) {
  if (!existsSync(join(here, script))) continue;
  console.log(`\n▶ ${script}`);
  spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
}
