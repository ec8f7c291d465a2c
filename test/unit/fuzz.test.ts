// Robustness: mutated real records never make the engine throw, and each finishes within 1 s.
// The suite runs a bounded number of mutations; `npm run fuzz` runs many more.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../server/src/service/validate';
import { builtinRules } from '../../server/src/rules';
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
