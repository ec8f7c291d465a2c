// The local modules a custom rule file imports, which --cache hashes along with the rule files.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleFilesWithLocalImports } from '../../../server/src/config/customRules';

const folder = mkdtempSync(join(tmpdir(), 'trial-imports-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(folder, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe('ruleFilesWithLocalImports', () => {
  it('follows static, re-exported, dynamic and required local imports, and the imports of those, once each', () => {
    const rule = write(
      'rules/house.mjs',
      [
        "import { wording } from './wording.mjs';",
        'export * from "../shared/dates.js";',
        "import './side-effect.mjs';",
        "const later = () => import('./later.mjs');",
        "import ajv from 'ajv';",
        "import { missing } from './missing.mjs';",
      ].join('\n'),
    );
    const wording = write(
      'rules/wording.mjs',
      "import { wording as again } from './wording.mjs';\nexport const wording = 'x';\n",
    );
    const dates = write('shared/dates.js', "const helpers = require('./helpers');\nconst index = require('../lib');\n");
    const helpers = write('shared/helpers.js', 'module.exports = {};\n');
    const index = write('lib/index.js', "module.exports = require('./index.js');\n");
    const sideEffect = write('rules/side-effect.mjs', '');
    const later = write('rules/later.mjs', '');
    expect(ruleFilesWithLocalImports([rule]).sort()).toEqual(
      [rule, wording, dates, helpers, index, sideEffect, later].sort(),
    );
  });

  it('gives an unreadable rule file back alone', () => {
    const gone = join(folder, 'gone.mjs');
    expect(ruleFilesWithLocalImports([gone])).toEqual([gone]);
  });
});
