// The CLI raises V8's threshold for optimizing a function so that a lint run optimizes only its hot
// functions (see server/src/cli/tiering.ts). Counted with --trace-opt on the 820 records of the
// registry sample, two workers, under Node 20: with V8's default about 260 functions are
// optimized, with ours about 60.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, ROOT, TODAY } from './helpers';
import { tieringFor } from '../../server/src/cli/tiering';

const SAMPLE = join(ROOT, 'test', 'fixtures', 'corpus', 'registry-sample');
const setting = tieringFor(process.versions.v8);

/** How many functions V8 optimized during a lint of the sample, the run's exit status and its stderr. */
function lintTraced(nodeFlags: string[]) {
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
  return { count: (run.stdout.match(/completed compiling/g) ?? []).length, status: run.status, stderr: run.stderr };
}

describe('how eagerly a lint run optimizes', () => {
  it.skipIf(!setting)(
    `optimizes far fewer functions than V8 by default (V8 ${process.versions.v8}), in the workers too, and keeps a value given to node`,
    () => {
      const ours = lintTraced([]);
      const given = lintTraced([`--${setting!.flag}=${setting!.v8Default}`]);
      // 0 or 1: whether the sample has errors is not what this checks.
      expect([0, 1]).toContain(ours.status);
      expect([0, 1]).toContain(given.status);
      expect(ours.stderr).toBe('');
      expect(given.count).toBeGreaterThan(100);
      expect(ours.count).toBeLessThan(given.count / 2);
    },
    240_000,
  );

  it('names a flag only for the V8 versions it was measured on', () => {
    expect(tieringFor('11.3.244.8-node.38')).toMatchObject({ flag: 'interrupt-budget' });
    expect(tieringFor('12.4.254.21-node.57')).toMatchObject({ flag: 'invocation-count-for-turbofan' });
    expect(tieringFor('13.6.233.17-node.53')).toBeUndefined();
    expect(tieringFor('10.2.154.26-node.26')).toBeUndefined();
  });
});
