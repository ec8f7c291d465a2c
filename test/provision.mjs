// The system programs the test suites drive, installed in one place: `npm test` (test/run.mjs) and
// any direct vitest run (its globalSetup) call provisionSystemTools(), and so does `.ci/run` through
// `npm test`. Debian packages, installed with apt-get when this runs as root or with password-less
// sudo; otherwise the message says what to install by hand.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** What each suite needs: a check and the Debian package that provides it. */
const TOOLS = [
  {
    name: 'chromium',
    suites: 'preview, e2e',
    package: 'chromium',
    present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  { name: 'neovim', suites: 'nvim', package: 'neovim', present: () => succeeds('nvim', ['--version']) },
  { name: 'git', suites: 'cli (--changed-since), e2e', package: 'git', present: () => succeeds('git', ['--version']) },
  // code-server's kerberos add-on builds from source during the e2e suite's editor install.
  {
    name: 'Kerberos headers',
    suites: 'e2e',
    package: 'libkrb5-dev',
    present: () => !isDebian() || succeeds('dpkg', ['-s', 'libkrb5-dev']),
  },
];

function succeeds(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.status === 0;
}

function isDebian() {
  return existsSync('/etc/debian_version');
}

function log(line) {
  process.stderr.write(`[provision] ${line}\n`);
}

/** How to run apt-get with the rights it needs, or undefined when this process cannot. */
function aptRunner() {
  if (!isDebian() || !succeeds('apt-get', ['--version'])) return undefined;
  if (process.getuid?.() === 0)
    return (args) =>
      spawnSync('apt-get', args, {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
  if (succeeds('sudo', ['-n', 'true']))
    return (args) =>
      spawnSync('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
  return undefined;
}

/**
 * Installs what is missing. Returns the tools still missing afterwards (empty when all is there);
 * never throws, so that a suite that needs a missing tool fails with its own message and the others run.
 */
export function provisionSystemTools() {
  const missing = TOOLS.filter((tool) => !tool.present());
  if (missing.length === 0) return [];
  const packages = missing.map((tool) => tool.package);
  for (const tool of missing) log(`${tool.name} is missing (needed by the ${tool.suites} tests)`);
  const apt = aptRunner();
  if (!apt) {
    log(
      `cannot install without root: run \`sudo apt-get install ${packages.join(' ')}\` (or set CHROMIUM_PATH), then the tests again`,
    );
    return missing.map((tool) => tool.name);
  }
  log('apt-get update…');
  apt(['update', '-qq']);
  log(`apt-get install ${packages.join(' ')}… (a minute or two)`);
  const installed = apt(['install', '-y', '-qq', ...packages]);
  const still = TOOLS.filter((tool) => !tool.present()).map((tool) => tool.name);
  if (installed.status !== 0 || still.length > 0)
    log(`apt-get did not install everything (exit ${installed.status}); still missing: ${still.join(', ') || 'none'}`);
  else log('done');
  return still;
}

/** vitest's globalSetup hook. */
export default function setup() {
  provisionSystemTools();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(provisionSystemTools().length === 0 ? 0 : 1);
}
