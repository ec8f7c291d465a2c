// Robustness: mutated real records never make the engine throw, and each finishes within 1 s;
// valid records whose values have the wrong types (what a curator has mid-edit) never make a rule
// fail; the editor features answer anywhere in either kind of record. The suite runs a bounded number of mutations; `npm run fuzz` runs many more.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../server/src/service/validate';
import { builtinRules } from '../../server/src/rules';
import {
  codeActions,
  documentLinks,
  documentSymbols,
  doComplete,
  doHover,
  findHighlights,
  findReferences,
  foldingRanges,
  formatDocument,
  FormatRefused,
  rename,
  selectionRanges,
  TrialDocument,
  validateDocument,
  type Finding,
} from '../../server/src/service';
import { CORPUS_DIR } from './rules/fixtures';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 300);
const SOURCES = ['NCT03418623', 'NCT00973089', 'NCT05147467', 'NCT00763412'].map((id) =>
  readFileSync(join(CORPUS_DIR, 'ctgov-v2', `${id}.json`), 'utf8'),
);

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (text: string, next: () => number) => string;

const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\]:,]/g;

const mutations: Record<string, Mutation> = {
  truncate: (text, next) => text.slice(0, Math.floor(next() * text.length)),
  flipBytes: (text, next) => {
    const chars = [...text];
    for (let i = 0; i < 1 + Math.floor(next() * 8); i++)
      chars[Math.floor(next() * chars.length)] = String.fromCharCode(Math.floor(next() * 0x3000));
    return chars.join('');
  },
  deleteToken: (text, next) => editToken(text, next, () => ''),
  duplicateToken: (text, next) => editToken(text, next, (token) => token + token),
  deepNesting: (text, next) => {
    const depth = 1000 + Math.floor(next() * 50000);
    const at = text.indexOf('"conditions"');
    const nested = '['.repeat(depth) + ']'.repeat(depth);
    return at < 0 ? nested : text.slice(0, at) + `"conditions": ${nested}, ` + text.slice(at);
  },
  swapQuotes: (text, next) => text.replace(/"/g, (quote) => (next() < 0.01 ? "'" : quote)),
};

function editToken(text: string, next: () => number, edit: (token: string) => string): string {
  const tokens = [...text.matchAll(TOKEN)];
  const token = tokens[Math.floor(next() * tokens.length)];
  if (!token || token.index === undefined) return text;
  return text.slice(0, token.index) + edit(token[0]) + text.slice(token.index + token[0].length);
}

describe('fuzz', () => {
  it(`survives ${ITERATIONS} mutated records`, () => {
    const names = Object.keys(mutations);
    // The 1 s bound is a guard against hangs, not a speed test: the first validation of a process
    // also loads the study schema's validator, so it runs once before the clock starts.
    validateText(SOURCES[0], { today: '2026-11-24', rules: builtinRules });
    let slowest = 0;
    for (let seed = 1; seed <= ITERATIONS; seed++) {
      const next = random(seed);
      const name = names[seed % names.length];
      const input = mutations[name](SOURCES[seed % SOURCES.length], next);
      const start = performance.now();
      let findings;
      try {
        findings = validateText(input, { rules: builtinRules, today: '2026-11-24' });
      } catch (error) {
        throw new Error(`seed ${seed} (${name}) threw: ${String(error)}`);
      }
      const elapsed = performance.now() - start;
      slowest = Math.max(slowest, elapsed);
      expect(Array.isArray(findings), `seed ${seed}`).toBe(true);
      expect(elapsed, `seed ${seed} (${name}) took ${elapsed.toFixed(0)} ms`).toBeLessThan(1000);
      for (const finding of findings) expect(finding.range.start.line, `seed ${seed}`).toBeGreaterThanOrEqual(0);
    }
    expect(slowest).toBeLessThan(1000);
  }, 120000);
});

/** Values of every JSON type, and the shapes rules most often assume (lists of objects, texts). */
const WRONG_TYPES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e21,
  '',
  'x',
  '2020-13-45',
  true,
  false,
  [],
  {},
  [null],
  [1],
  ['a'],
  [{}],
  [[]],
  { a: 1 },
  { length: 5 },
  { toString: 1 },
  [null, 1, 'x', {}, []],
  '<&>"\u0001',
];

/** The pointer paths of every value of a record, root included. */
function pathsOf(value: unknown, path: string[] = [], into: string[][] = []): string[][] {
  into.push(path);
  if (value !== null && typeof value === 'object')
    for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...path, key], into);
  return into;
}

function replaceAt(root: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  let parent = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[path[path.length - 1]] = replacement;
  return root;
}

function isContainer(root: unknown, path: string[]): boolean {
  let value = root;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return value !== null && typeof value === 'object';
}

/** One to three values of a record (half of the picks among its objects and lists) replaced by values of other types. */
function withWrongTypes(source: string, next: () => number): string {
  let record: unknown = JSON.parse(source);
  for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
    const paths = pathsOf(record);
    const containers = paths.filter((path) => isContainer(record, path));
    const pool = next() < 0.5 && containers.length > 0 ? containers : paths;
    const path = pool[Math.floor(next() * pool.length)];
    const replacement = structuredClone(WRONG_TYPES[Math.floor(next() * WRONG_TYPES.length)]);
    record = replaceAt(record, path, replacement);
  }
  return JSON.stringify(record, null, 2);
}

describe('fuzz: values of the wrong type', () => {
  it(`no rule fails on ${ITERATIONS} records with values of the wrong type`, () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= ITERATIONS; seed++) {
      const input = withWrongTypes(SOURCES[seed % SOURCES.length], random(seed));
      const findings = validateText(input, { rules: builtinRules, today: '2026-11-24' });
      for (const finding of findings)
        if (finding.ruleId === 'rule-error') failures.push(`seed ${seed}: ${finding.message}`);
    }
    expect(failures).toEqual([]);
  }, 120000);
});

/** Every editor feature at one place of a document; each throws only on a defect. */
function everyFeatureAt(document: TrialDocument, offset: number, findings: Finding[]): void {
  const position = document.positionAt(offset);
  const today = '2026-11-24';
  doComplete(document, position, { today });
  doHover(document, position, { today, findings });
  findReferences(document, position, true);
  findHighlights(document, position);
  rename(document, position, 'New name');
  selectionRanges(document, [position]);
  const here = findings.filter(
    (finding) => finding.range.start.line <= position.line && finding.range.end.line >= position.line,
  );
  const diagnostics = here.map((finding) => ({
    range: finding.range,
    message: finding.message,
    data: { ruleId: finding.ruleId, pointer: finding.pointer },
  }));
  codeActions(document, findings, { range: { start: position, end: position }, diagnostics }, () => document.text);
}

function everyDocumentFeature(document: TrialDocument): void {
  documentSymbols(document);
  foldingRanges(document);
  documentLinks(document);
  try {
    formatDocument(document, { tabSize: 2, insertSpaces: true });
  } catch (error) {
    if (!(error instanceof FormatRefused)) throw error;
  }
}

describe('fuzz: editor features', () => {
  const records = Math.ceil(ITERATIONS / 5);
  it(`answer at 10 places of ${records} broken or mistyped records`, () => {
    const names = Object.keys(mutations);
    for (let seed = 1; seed <= records; seed++) {
      const next = random(seed);
      const source = SOURCES[seed % SOURCES.length];
      const text = seed % 2 === 0 ? withWrongTypes(source, next) : mutations[names[seed % names.length]](source, next);
      const document = new TrialDocument(text, 1, 'file:///fuzz.trial.json');
      const findings = validateDocument(document, { rules: builtinRules, today: '2026-11-24' });
      try {
        everyDocumentFeature(document);
        for (let place = 0; place < 10; place++) everyFeatureAt(document, Math.floor(next() * text.length), findings);
      } catch (error) {
        throw new Error(`seed ${seed}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }, 120000);
});
