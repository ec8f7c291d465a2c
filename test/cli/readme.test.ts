// What is generated from the rules' metadata stays in step with the code: the README rule table
// and the config file's schema (run `npm run docs` after changing a rule).
import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });

it('README rule table matches the rules', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const current = /<!-- rules:start -->\n([\s\S]*)<!-- rules:end -->/.exec(readme)?.[1];
  expect(current).toBe(cli('rules', '--format', 'markdown'));
});

it('schemas/config.schema.json matches the rules', () => {
  expect(readFileSync(join(root, 'schemas', 'config.schema.json'), 'utf8')).toBe(
    cli('rules', '--format', 'config-schema'),
  );
});
