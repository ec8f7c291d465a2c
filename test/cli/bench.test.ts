// `npm run bench` is what users run to compare us with the floor and the peers: its scripts are run
// here on a few records, so that a change of the CLI's behaviour (an exit code, a finding on the
// copies) cannot break them unnoticed. The numbers are not checked: they are for the benchmark.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers';

function runBench(script: string, args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'test', 'bench', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
  });
}

describe('benchmark scripts on a few records', () => {
  it('lint-many lints its copies with no error and prints the ratio to the floor', () => {
    const run = runBench('lint-many.mjs', ['--files', '40', '--runs', '1', '--workers', '2']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Lint many records: 40 files/);
    expect(run.stdout).toMatch(/throughput ratio ours\/floor: \d+\.\d+ wall-clock/);
  }, 300_000);

  it('lint-mix compares the CLI with ajv-cli, sourcemeta and the floor on the registry sample', () => {
    const run = runBench('lint-mix.mjs', ['--copies', '1', '--runs', '1']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Lint a realistic mix: 820 files/);
    for (const contender of ['trial-records lint', 'ajv-cli validate', '@sourcemeta/jsonschema', 'floor'])
      expect(run.stdout).toContain(contender);
    expect(run.stdout).toMatch(/ours\/floor \d+\.\d+×/);
  }, 300_000);
});
