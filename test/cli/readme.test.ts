// The README's rule table is generated from the rules' metadata: keep them in step.
import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

it('README rule table matches the rules (run `npm run docs` after changing a rule)', () => {
  const table = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'rules', '--format', 'markdown'], { encoding: 'utf8' });
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const current = /<!-- rules:start -->\n([\s\S]*)<!-- rules:end -->/.exec(readme)?.[1];
  expect(current).toBe(table);
});
