// `npm run docs`: writes what is generated from the rules' metadata: the README rule table and
// schemas/config.schema.json (completion and validation for .trialrc.json).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const cli = (...args) => execFileSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8' });
const table = cli('rules', '--format', 'markdown');
const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(
  /<!-- rules:start -->[\s\S]*<!-- rules:end -->/,
  `<!-- rules:start -->\n${table}<!-- rules:end -->`,
);
writeFileSync('README.md', updated);
writeFileSync('schemas/config.schema.json', cli('rules', '--format', 'config-schema'));
console.log(updated === readme ? 'README.md rule table already up to date' : 'README.md rule table updated');
