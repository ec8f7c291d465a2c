// `npm test`: type-check, lint, format check, build, then every vitest suite (unit, cli, lsp, nvim, preview, e2e),
// failing fast; ends with the plain "N passed, N failed" line that CI counts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionSystemTools } from './provision.mjs';

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false });
  return result.status ?? 1;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (!existsSync(join('node_modules', '.bin', 'vitest'))) {
  console.log('The dev dependencies are not installed: run `npm install` first (the quick start does).');
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
console.log('\n▶ system tools (Chromium, Neovim, git) for the preview, nvim and e2e suites');
const missing = provisionSystemTools();
console.log(
  missing.length === 0
    ? 'all present'
    : `still missing: ${missing.join(', ')} (the suites that need them will fail and say so)`,
);
if (step('type-check (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', '.']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
if (step('lint (eslint)', npx, ['eslint']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
if (step('format (prettier --check)', 'npm', ['run', '--silent', 'format:check']) !== 0) {
  console.log('Run `npm run format` to format the code.');
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
if (step('build (esbuild)', process.execPath, ['esbuild.mjs']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const report = join(mkdtempSync(join(tmpdir(), 'trial-records-test-')), 'vitest.json');
const filters = process.argv.slice(2);
const status = step('tests (vitest)', npx, [
  'vitest',
  'run',
  '--config',
  'test/vitest.config.mts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...filters,
]);
let passed = 0;
let failed = status === 0 ? 0 : 1;
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed = summary.numPassedTests;
  // A file that failed without a failed test (it did not load, or a hook threw) counts as one; a
  // file with failed tests counts only its tests (vitest also counts every suite around them).
  const filesFailedWithoutTests = (summary.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  failed =
    summary.numFailedTests +
    filesFailedWithoutTests +
    (status !== 0 && summary.numFailedTests === 0 && filesFailedWithoutTests === 0 ? 1 : 0);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status === 0 ? 0 : 1);
