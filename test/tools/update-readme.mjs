// `npm run docs`: writes the rule table generated from the rules' metadata into README.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const table = execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'markdown'], { encoding: 'utf8' });
const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${table}<!-- rules:end -->`);
writeFileSync('README.md', updated);
console.log(updated === readme ? 'README.md rule table already up to date' : 'README.md rule table updated');
