// What the benchmark scripts share: their command-line options, the median, and the engine bundle
// (test/bench/engine.ts) that the floor and the engine benchmark load.
import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** A numeric option (`--name N`), or the fallback. */
export function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** A text option (`--name value`), or undefined. */
export function textOption(name) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Bundles the pieces of the engine the benchmarks time into test/bench/out/NAME, and returns its path. */
export function buildEngine(name) {
  const outfile = join(here, 'out', name);
  mkdirSync(dirname(outfile), { recursive: true });
  buildSync({
    entryPoints: [join(here, 'engine.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
