// The same extension in a downloaded desktop VS Code via @vscode/test-electron, for machines with
// internet access. Offline (as on this project's CI) it is skipped with a clear message.
import { describe, expect, it } from 'vitest';
import { lookup } from 'node:dns/promises';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

async function canReachVsCodeDownloads(): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000));
  const resolved = lookup('update.code.visualstudio.com').then(
    () => true,
    () => false,
  );
  return Promise.race([resolved, timeout]);
}

const online = await canReachVsCodeDownloads();
if (!online)
  console.log(
    'Skipping the @vscode/test-electron suite: update.code.visualstudio.com is not reachable (offline); the code-server suite covers the real editor here.',
  );

describe('desktop VS Code (@vscode/test-electron)', () => {
  it.skipIf(!online)(
    'shows the schema diagnostic for a planted phase typo',
    async () => {
      const { runTests } = await import('@vscode/test-electron');
      const code = await runTests({
        extensionDevelopmentPath: root,
        extensionTestsPath: join(root, 'test', 'e2e', 'electron', 'suite.js'),
        launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
      });
      expect(code).toBe(0);
    },
    600000,
  );
});
