// Open speed in the real editor (issue 21): code-server with the packaged extension (as the e2e test
// runs it), the 1.5 MB record opened by quick open, timed until its first diagnostic shows in the
// Problems panel; then an edit inside a text value, timed until the panel's count changes. Each
// round starts a fresh editor. Not a test: it prints numbers. Build and package first
// (`node esbuild.mjs`); it installs the editor on first use like the e2e test.
// Usage: node test/bench/editor-open.mjs [--runs N]
import { copyFileSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, installEditor, packageExtension, startEditor } from '../e2e/editor.mjs';
import { median } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const LARGE_RECORD = join(here, '..', 'fixtures', 'corpus', 'ctgov-v2', 'NCT02513394.json');
const NAME = 'large.trial.json';
const index = process.argv.indexOf('--runs');
const RUNS = index === -1 ? 3 : Number(process.argv[index + 1]);

async function quickOpen(page, text) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

async function problemCount(page) {
  const label = await page
    .getByRole('tab', { name: /^Problems/ })
    .first()
    .getAttribute('aria-label');
  return Number(/\d+/.exec(label ?? '')?.[0] ?? 0);
}

async function oneRound(cache, vsix) {
  const workspace = mkdtempSync(join(tmpdir(), 'trial-open-'));
  copyFileSync(LARGE_RECORD, join(workspace, NAME));
  const editor = await startEditor({ cache, vsix, workspace, port: await freePort() });
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-open-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${editor.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120000 });
    // The extension activates on a workspace with records; give it time to start its server first.
    await page.waitForTimeout(5000);
    await page.keyboard.press('Control+Shift+M');
    const opened = performance.now();
    await quickOpen(page, NAME);
    while ((await problemCount(page)) === 0) await page.waitForTimeout(20);
    const toFirstDiagnostic = performance.now() - opened;
    const before = await problemCount(page);
    // The edit comes once the editor is idle (hints, lenses, outline and folding of the new record are done),
    // so that it measures an edit, not what is left of opening.
    await page.waitForTimeout(3000);
    await page.locator('.monaco-editor.focused').first().waitFor();
    // An edit that removes a finding's cause is not needed: any new version is validated and published.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    const edited = performance.now();
    await page.keyboard.type('x');
    while ((await problemCount(page)) === before) await page.waitForTimeout(20);
    const toNewDiagnostics = performance.now() - edited;
    return { toFirstDiagnostic, toNewDiagnostics };
  } finally {
    await context.close();
    editor.stop();
  }
}

const cache = installEditor();
const vsix = packageExtension(mkdtempSync(join(tmpdir(), 'trial-records-vsix-')));
const rounds = [];
for (let run = 0; run < RUNS; run++) rounds.push(await oneRound(cache, vsix));
const show = (values) =>
  `median ${median(values).toFixed(0)} ms (${values.map((value) => value.toFixed(0)).join(', ')})`;
console.log(`Editor (code-server), 1.5 MB record, load average ${loadavg()[0].toFixed(1)}:`);
console.log(`  open → first diagnostic in the Problems panel: ${show(rounds.map((round) => round.toFirstDiagnostic))}`);
console.log(`  edit → the panel's count changes: ${show(rounds.map((round) => round.toNewDiagnostics))}`);
