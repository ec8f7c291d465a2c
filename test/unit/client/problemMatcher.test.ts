// The Lint Workspace task's problem matcher (package.json) reads the compact format: every error,
// warning and info line with its place and rule, and no hint (the Problems panel does not list the
// server's hints either, and the task's report of a record shares the server's problem list).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { validateText } from '../../../server/src/service/validate';
import { formatters } from '../../../server/src/formatters';
import { ruleCatalog } from '../../../server/src/rules/catalog';
import { corpusRecord, planted } from '../rules/fixtures';
import { builtinRules } from '../../../server/src/rules';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const matcher = manifest.contributes.problemMatchers[0];

describe('the trial-records problem matcher', () => {
  it('matches the compact lines of errors, warnings and infos, with file, line, column, severity, message and rule', () => {
    const record = planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['Phase 2'] });
    const text = JSON.stringify(record, null, 2);
    const findings = validateText(text, { today: '2026-12-07', rules: builtinRules });
    const report = formatters.compact(
      {
        files: [{ path: 'records/a.trial.json', absolutePath: '/w/records/a.trial.json', text, findings }],
        rules: ruleCatalog(),
        cwd: '/w',
      },
      { color: false, failOn: 'error' },
    );
    const regexp = new RegExp(matcher.pattern.regexp);
    const lines = report.split('\n').filter((line) => line.startsWith('records/'));
    const matched = lines.map((line) => regexp.exec(line)).filter((match) => match !== null);
    const shown = findings.filter((finding) => finding.severity !== 'hint');
    expect(shown.length).toBeGreaterThan(0);
    expect(findings.some((finding) => finding.severity === 'hint')).toBe(true);
    expect(matched.map((match) => `${match![4]} ${match![6]}`).sort()).toEqual(
      shown.map((finding) => `${finding.severity} ${finding.ruleId}`).sort(),
    );
    const schema = matched.find((match) => match![6] === 'schema')!;
    const finding = findings.find((candidate) => candidate.ruleId === 'schema')!;
    expect([schema[1], Number(schema[2]), Number(schema[3])]).toEqual([
      'records/a.trial.json',
      finding.range.start.line + 1,
      finding.range.start.character + 1,
    ]);
  });
});
