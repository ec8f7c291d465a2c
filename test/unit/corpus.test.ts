// Real records: the 17 accepted by the registry get no errors; the partial projections get no
// error other than missing required fields.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../server/src/service/validate';
import { builtinRules } from '../../server/src/rules';
import { CORPUS_DIR } from './rules/fixtures';

const TODAY = '2026-11-24';

function records(folder: string): string[] {
  return readdirSync(join(CORPUS_DIR, folder)).filter((name) => name.endsWith('.json'));
}

describe('ctgov-v2: accepted by the registry', () => {
  for (const name of records('ctgov-v2')) {
    it(`${name} has no errors`, () => {
      const findings = validateText(readFileSync(join(CORPUS_DIR, 'ctgov-v2', name), 'utf8'), {
        rules: builtinRules,
        today: TODAY,
      });
      expect(
        findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.pointer}: ${f.message}`),
      ).toEqual([]);
    });
  }
});

describe('ctgov-v2-partial: field projections', () => {
  for (const name of records('ctgov-v2-partial')) {
    it(`${name} has no error but missing required fields`, () => {
      const findings = validateText(readFileSync(join(CORPUS_DIR, 'ctgov-v2-partial', name), 'utf8'), {
        rules: builtinRules,
        today: TODAY,
      });
      const errors = findings.filter(
        (f) => f.severity === 'error' && f.ruleId !== 'required-fields' && f.ruleId !== 'primary-outcome-required',
      );
      expect(errors.map((f) => `${f.ruleId} ${f.pointer}: ${f.message}`)).toEqual([]);
    });
  }
});
