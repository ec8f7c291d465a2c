// The CLI raises V8's interrupt budget so that a lint run optimizes only its hot functions (see
// server/src/cli/tiering.ts). Counted with --trace-opt on the 820 records of the registry sample,
// two workers: with V8's default budget about 260 functions are optimized, with ours about 60.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, ROOT, TODAY } from './helpers';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'corpus', 'registry-sample');
const V8_DEFAULT_BUDGET = '--interrupt-budget=67584';

/** How many functions V8 optimized during a lint of the sample, and the run's exit status. */
function optimizedFunctions(nodeFlags: string[]): { count: number; status: number | null } {
  const run = spawnSync(
    process.execPath,
    [
      '--trace-opt',
      ...nodeFlags,
      CLI,
      'lint',
      SAMPLE,
      '--quiet',
      '--concurrency',
      '2',
      '--today',
      TODAY,
      '--format',
      'json',
      '--output',
      '/dev/null',
    ],
    { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { count: (run.stdout.match(/completed compiling/g) ?? []).length, status: run.status };
}

describe('how eagerly a lint run optimizes', () => {
  it('optimizes far fewer functions than V8 by default, in the workers too, and keeps a budget given to node', () => {
    const ours = optimizedFunctions([]);
    const given = optimizedFunctions([V8_DEFAULT_BUDGET]);
    // 0 or 1: whether the sample has errors is not what this checks.
    expect([0, 1]).toContain(ours.status);
    expect([0, 1]).toContain(given.status);
    expect(given.count).toBeGreaterThan(100);
    expect(ours.count).toBeLessThan(given.count / 2);
  }, 240_000);
});
