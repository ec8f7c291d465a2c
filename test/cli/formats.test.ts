// Every output format on real records with planted changes: json, sarif, github, markdown, rdjson, junit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseStringPromise } from 'xml2js';
import { validateText } from '../../server/src/service/validate';
import { ruleCatalog } from '../../server/src/rules/catalog';
import { builtinRules } from '../../server/src/rules';
import { formatters } from '../../server/src/formatters';
import { ANNOTATIONS_PER_LEVEL } from '../../server/src/formatters/github';
import { MAX_SARIF_RESULTS } from '../../server/src/formatters/sarif';
import { FIRST_FINDINGS_SHOWN } from '../../server/src/formatters/markdown';
import type { LintResults } from '../../server/src/formatters/types';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { onlyRules, removeTemporaryFolders, runCli, temporaryFolder, TODAY, validateSarif } from './helpers';

const PHASES = '/protocolSection/designModule/phases';
const base = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });

/** Results as the CLI builds them, for records given as text by path (the engine's own checks only). */
function resultsOf(files: Record<string, string>): LintResults {
  return {
    files: Object.entries(files).map(([path, text]) => ({
      path,
      absolutePath: join('/review', path),
      text,
      findings: validateText(text, { today: TODAY, rules: [] }),
    })),
    rules: ruleCatalog(),
    cwd: '/review',
  };
}

/** The pointer of a key of the design module (keys may hold "/" and "~"). */
function designKey(key: string): string {
  return `/protocolSection/designModule/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function pretty(record: unknown): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/** A record whose arm label in an intervention is one letter off: arm-label-reference offers a fix. */
function withMistypedArmLabel(record: Record<string, any>): Record<string, any> {
  const copy = planted(record, {});
  const arms = copy.protocolSection.armsInterventionsModule;
  arms.interventions[0].armGroupLabels = [arms.armGroups[0].label.slice(0, -1) + 'x'];
  return copy;
}

let folder: string;
afterAll(removeTemporaryFolders);

beforeAll(() => {
  folder = temporaryFolder('trial-formats-');
  writeFileSync(join(folder, '.trialrc.json'), JSON.stringify(onlyRules('arm-label-reference')));
  writeFileSync(join(folder, 'clean.trial.json'), pretty(base));
  writeFileSync(
    join(folder, 'typo.trial.json'),
    pretty(planted(base, { [PHASES]: ['Phase 2'], '/protocolSection/designModule/phasess': ['PHASE2'] })),
  );
});

describe('json', () => {
  it('prints exactly the DESIGN.md shape', () => {
    const { stdout, code } = runCli(['lint', '.', '--format', 'json', '--today', TODAY], folder);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['files', 'summary']);
    expect(Object.keys(report.summary)).toEqual(['files', 'errors', 'warnings', 'infos', 'hints']);
    expect(report.files.map((file: { path: string }) => file.path)).toEqual(['clean.trial.json', 'typo.trial.json']);
    for (const file of report.files) {
      expect(Object.keys(file)).toEqual(['path', 'diagnostics']);
      for (const diagnostic of file.diagnostics) {
        expect(Object.keys(diagnostic)).toEqual([
          'ruleId',
          'severity',
          'message',
          'line',
          'column',
          'endLine',
          'endColumn',
          'pointer',
        ]);
        expect(['error', 'warning', 'info', 'hint']).toContain(diagnostic.severity);
      }
    }
    const lines = readFileSync(join(folder, 'typo.trial.json'), 'utf8').split('\n');
    const unknown = report.files[1].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'unknown-property');
    expect(lines[unknown.line - 1].slice(unknown.column - 1, unknown.endColumn - 1)).toBe('"phasess"');
    expect(report.summary).toMatchObject({ files: 2, errors: 1, warnings: 1 });
  });
});

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with one rule descriptor per reported rule', () => {
    const log = JSON.parse(runCli(['lint', '.', '--format', 'sarif', '--today', TODAY], folder).stdout);
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'schema',
      'unknown-property',
    ]);
    expect(log.runs[0].results.map((result: { level: string }) => result.level).sort()).toEqual(['error', 'warning']);
  });

  it('gives file names with "#", "?", ":" or spaces URIs that name the file, not a fragment or a query', () => {
    const names = ['records/a b%#?.trial.json', 'records/c,d:e.trial.json', 'records/ü|x.trial.json'];
    const log = JSON.parse(
      formatters.sarif(
        resultsOf(Object.fromEntries(names.map((name) => [name, pretty(planted(base, { [PHASES]: ['Phase 2'] }))]))),
        { color: false, failOn: 'error' },
      ),
    );
    expect(validateSarif(log).valid).toBe(true);
    const uris: string[] = [
      ...new Set<string>(
        log.runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri),
      ),
    ];
    expect(uris).toEqual([
      'records/a%20b%25%23%3F.trial.json',
      'records/c%2Cd%3Ae.trial.json',
      'records/%C3%BC%7Cx.trial.json',
    ]);
    for (const uri of uris)
      expect(new URL(uri, 'file:///review/').pathname.split('/').map(decodeURIComponent).join('/')).toBe(
        `/review/${names[uris.indexOf(uri)]}`,
      );
  });
});

describe('several missing fields reported together', () => {
  it('keep every field: json lists their pointers in fields, sarif in properties.fields', () => {
    const identification = '/protocolSection/identificationModule';
    const text = pretty(
      planted(base, { [`${identification}/briefTitle`]: undefined, [`${identification}/officialTitle`]: undefined }),
    );
    const results = resultsOf({ 'titles.trial.json': text });
    results.files[0].findings = validateText(text, { today: TODAY, rules: builtinRules }).filter(
      (finding) => finding.ruleId === 'required-fields',
    );
    const fields = [`${identification}/briefTitle`, `${identification}/officialTitle`];
    const [diagnostic] = JSON.parse(formatters.json(results, { color: false, failOn: 'error' })).files[0].diagnostics;
    expect(diagnostic).toMatchObject({ pointer: identification, fields });
    const log = JSON.parse(formatters.sarif(results, { color: false, failOn: 'error' }));
    expect(validateSarif(log).valid).toBe(true);
    const [result] = log.runs[0].results;
    expect(result.properties).toEqual({ pointer: identification, fields });
    expect(result.message.text).toMatch(
      /^Missing 2 required fields in "Identification module": "Brief title" and "Official title"/,
    );
  });
});

describe('sarif within code scanning limits', () => {
  it('keeps at most 25,000 results, the most severe first, and says in the run what it left out', () => {
    const text = pretty(
      planted(corpusRecord('NCT03418623'), {
        [PHASES]: ['Phase 2'],
        '/protocolSection/designModule/phasess': ['PHASE2'],
      }),
    );
    const findings = validateText(text, { today: TODAY, rules: [] });
    expect(findings.map((finding) => finding.severity).sort()).toEqual(['error', 'hint', 'warning']);
    const files = Array.from({ length: 9000 }, (_, i) => ({
      path: `records/r${i}.trial.json`,
      absolutePath: `/review/records/r${i}.trial.json`,
      text,
      findings,
    }));
    const log = JSON.parse(
      formatters.sarif({ files, rules: ruleCatalog(), cwd: '/review' }, { color: false, failOn: 'error' }),
    );
    const run = log.runs[0];
    expect(run.results).toHaveLength(MAX_SARIF_RESULTS);
    const levels = (level: string) => run.results.filter((result: { level: string }) => result.level === level).length;
    expect([levels('error'), levels('warning'), levels('note')]).toEqual([9000, 9000, 7000]);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(
      /^2000 findings \(2000 hints\) are not in this report: code scanning accepts at most 25000 results per run/,
    );
    expect(validateSarif(log).valid).toBe(true);
    const { invocations } = JSON.parse(
      formatters.sarif(
        { files: files.slice(0, 100), rules: ruleCatalog(), cwd: '/review' },
        { color: false, failOn: 'error' },
      ),
    ).runs[0];
    expect(invocations).toBeUndefined();
  });
});

describe("a team's own rule", () => {
  /** Results with one finding of our schema check and one of a custom rule whose id needs escaping. */
  function withHouseRule(): LintResults {
    const results = resultsOf({ 'typo.trial.json': pretty(planted(base, { [PHASES]: ['Phase 2'] })) });
    const file = results.files[0];
    file.findings.push({ ...file.findings[0], ruleId: 'house|rule', severity: 'warning', message: 'Our own check.' });
    const rules = new Map(results.rules);
    rules.set('house|rule', {
      id: 'house|rule',
      severity: 'warning',
      category: 'custom',
      description: 'Our own check',
      source: 'custom: rules/house.mjs',
    });
    return { ...results, rules };
  }

  it('gets no link to our documentation in any format; our rules keep theirs', () => {
    const results = withHouseRule();
    const context = { color: false, failOn: 'error' } as const;
    const sarifRules = JSON.parse(formatters.sarif(results, context)).runs[0].tool.driver.rules;
    expect(sarifRules.find((rule: { id: string }) => rule.id === 'house|rule')).not.toHaveProperty('helpUri');
    expect(sarifRules.find((rule: { id: string }) => rule.id === 'schema').helpUri).toBe(
      'https://trial-records.dev/rules/schema',
    );
    const markdown = formatters.markdown(results, context);
    expect(markdown).toContain('| house\\|rule | warning | 1 | 1 |');
    expect(markdown).toContain('[schema](https://trial-records.dev/rules/schema)');
    const diagnostics = JSON.parse(formatters.rdjson(results, context)).diagnostics;
    expect(diagnostics.map((d: { code: unknown }) => d.code)).toEqual(
      expect.arrayContaining([
        { value: 'house|rule' },
        { value: 'schema', url: 'https://trial-records.dev/rules/schema' },
      ]),
    );
    expect(formatters.junit(results, context)).not.toMatch(/trial-records\.dev\/rules\/house/);
  });
});

describe('github', () => {
  /** `count` records with a wrong phase (errors), an unknown key (warnings) and a legacy key (hints). */
  function manyFindings(count: number): LintResults {
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) {
      files[`records/phase-${i}.trial.json`] = pretty(planted(base, { [PHASES]: ['Phase 2'] }));
      files[`records/key-${i}.trial.json`] = pretty(
        planted(base, { '/protocolSection/designModule/phasess': ['PHASE2'] }),
      );
      files[`records/legacy-${i}.trial.json`] = pretty(corpusRecord('NCT03418623'));
    }
    return resultsOf(files);
  }

  it('shows the most severe first, 10 of each kind, then one notice with how many more and where', () => {
    const results = manyFindings(13);
    const lines = formatters.github(results, { color: false, failOn: 'error' }).trim().split('\n');
    const kinds = lines.map((line) => /^::(\w+) /.exec(line)?.[1]);
    expect(kinds).toEqual([
      ...Array(10).fill('error'),
      ...Array(10).fill('warning'),
      ...Array(ANNOTATIONS_PER_LEVEL).fill('notice'),
    ]);
    expect(lines[10]).toMatch(/^::warning file=records\/key-0\.trial\.json,/);
    expect(lines.at(-1)).toBe(
      '::notice title=trial-records%3A 10 more::10 more findings (3 errors, 3 warnings, 4 notes) not shown here: GitHub shows 10 annotations of each kind per step. The job summary counts them all; the code scanning results (SARIF) list each one.',
    );
  });

  it('shows everything and adds no notice when each kind fits', () => {
    const output = formatters.github(manyFindings(10), { color: false, failOn: 'error' });
    expect(output.trim().split('\n')).toHaveLength(30);
    expect(output).not.toMatch(/more findings/);
  });

  it('escapes properties and data as the runner expects', () => {
    const key = 'odd,key:100%\nsecond line';
    const results = resultsOf({ 'a,b:c.trial.json': pretty(planted(base, { [designKey(key)]: 1 })) });
    const output = formatters.github(results, { color: false, failOn: 'error' });
    expect(output).toMatch(/^::warning file=a%2Cb%3Ac\.trial\.json,line=\d+,/);
    expect(output).toContain('odd,key:100%25%0Asecond line');
    expect(output.trim().split('\n')).toHaveLength(1);
  });
});

describe('stylish and compact', () => {
  it('show control characters and bidirectional overrides from a record escaped, one line per finding', () => {
    const key = 'line\nbreak \u001b[31mred\u0007 \u202eevil';
    const results = resultsOf({ 'odd\u001b.trial.json': pretty(planted(base, { [designKey(key)]: 1 })) });
    for (const name of ['stylish', 'compact'] as const) {
      const output = formatters[name](results, { color: false, failOn: 'error' });
      expect(output, name).toContain('line\\nbreak \\u001b[31mred\\u0007 \\u202eevil');
      expect(output, name).toContain('odd\\u001b.trial.json');
      expect(output, name).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    }
    expect(formatters.compact(results, { color: false, failOn: 'error' }).trim().split('\n')).toHaveLength(1);
  });
});

describe('markdown', () => {
  it('counts findings per rule and per file, then lists the first findings with file:line', () => {
    const results = resultsOf({
      'records/typo.trial.json': pretty(
        planted(base, { [PHASES]: ['Phase 2'], '/protocolSection/designModule/phasess': ['PHASE2'] }),
      ),
      'records/clean.trial.json': pretty(base),
    });
    const text = formatters.markdown(results, { color: false, failOn: 'error' });
    const schema = results.files[0].findings.find((finding) => finding.ruleId === 'schema')!;
    expect(text).toMatch(/^### Trial Records: 1 error, 1 warning in 1 of 2 records\n/);
    expect(text).toContain('| [schema](https://trial-records.dev/rules/schema) | error | 1 | 1 |');
    expect(text).toContain(
      '| [unknown-property](https://trial-records.dev/rules/unknown-property) | warning | 1 | 1 |',
    );
    expect(text).toContain('| records/typo.trial.json | 1 | 1 | 0 |');
    expect(text).not.toContain('| records/clean.trial.json |');
    const first = text.split('#### First findings\n\n')[1].split('\n')[0];
    expect(first).toBe(
      `- **error** records/typo.trial.json:${schema.range.start.line + 1}: "Phase 2" is not a phase; did you mean "PHASE2"? ([schema](https://trial-records.dev/rules/schema))`,
    );
  });

  it('escapes HTML and Markdown in messages and never mentions anyone', () => {
    const key = '<img src=x onerror=alert(1)>|*bold*_[link](http://x)`@octocat';
    const results = resultsOf({ 'a.trial.json': pretty(planted(base, { [designKey(key)]: 1 })) });
    const text = formatters.markdown(results, { color: false, failOn: 'error' });
    const line = text.split('\n').find((candidate) => candidate.startsWith('- **warning**'))!;
    expect(line).toContain('&lt;img src=x onerror=alert(1)&gt;\\|\\*bold\\*\\_\\[link\\](http://x)\\`@\u200boctocat');
    expect(line).not.toMatch(/<img|@octocat/);
  });

  it('says how many findings are not listed', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < FIRST_FINDINGS_SHOWN + 5; i++)
      files[`r${i}.trial.json`] = pretty(planted(base, { [PHASES]: ['Phase 2'] }));
    const text = formatters.markdown(resultsOf(files), { color: false, failOn: 'error' });
    expect(text.split('\n').filter((line) => line.startsWith('- **error**'))).toHaveLength(FIRST_FINDINGS_SHOWN);
    expect(text).toContain('…and 5 more findings: see the code scanning results (SARIF)');
  });

  it('lists the findings about deadlines by due date, soonest first', () => {
    const rules = builtinRules.filter((rule) =>
      ['results-due', 'estimated-date-in-past', 'verification-due'].includes(rule.meta.id),
    );
    const lint = (path: string, record: unknown) => ({
      path,
      absolutePath: join('/review', path),
      findings: validateText(pretty(record), { today: TODAY, rules }),
    });
    const recruiting = planted(corpusRecord('NCT04267848'), {
      '/derivedSection/miscInfoModule/modelPredictions': undefined,
    });
    const results: LintResults = {
      files: [lint('records/recruiting.trial.json', recruiting), lint('records/completed.trial.json', base)],
      rules: ruleCatalog(),
      cwd: '/review',
    };
    const text = formatters.markdown(results, { color: false, failOn: 'error' });
    const rows = text.split('#### Deadlines\n\n')[1].split('\n\n')[0].split('\n').slice(2);
    expect(rows.map((row) => row.split(' | ').slice(0, 2).join(' | '))).toEqual([
      '| 2021-03-13 | records/completed.trial.json:' +
        (results.files[1].findings.find((finding) => finding.ruleId === 'results-due')!.range.start.line + 1),
      ...results.files[0].findings
        .filter((finding) => finding.due)
        .sort((a, b) => a.due!.localeCompare(b.due!))
        .map((finding) => `| ${finding.due} | records/recruiting.trial.json:${finding.range.start.line + 1}`),
    ]);
    expect(rows).toHaveLength(1 + results.files[0].findings.filter((finding) => finding.due).length);
    expect(rows[0]).toContain('No results submitted; they were due by 2021-03-13');
    expect(
      JSON.parse(formatters.json(results, { color: false, failOn: 'error' })).files[1].diagnostics.find(
        (d: { ruleId: string }) => d.ruleId === 'results-due',
      ).due,
    ).toBe('2021-03-13');
  });

  it('says so when there is nothing to report', () => {
    expect(formatters.markdown(resultsOf({ 'a.trial.json': pretty(base) }), { color: false, failOn: 'error' })).toBe(
      '### Trial Records: no problems in 1 record\n\n',
    );
  });
});

describe('rdjson', () => {
  /** Byte offset in `bytes` of an rdjson position (1-based line, 1-based UTF-8 byte column). */
  function byteOffset(bytes: Buffer, position: { line: number; column: number }): number {
    let offset = 0;
    for (let line = 1; line < position.line; line++) offset = bytes.indexOf(0x0a, offset) + 1;
    return offset + position.column - 1;
  }

  function applySuggestion(
    text: string,
    suggestion: {
      range: { start: { line: number; column: number }; end: { line: number; column: number } };
      text: string;
    },
  ): string {
    const bytes = Buffer.from(text, 'utf8');
    const start = byteOffset(bytes, suggestion.range.start);
    const end = byteOffset(bytes, suggestion.range.end);
    return bytes.subarray(0, start).toString('utf8') + suggestion.text + bytes.subarray(end).toString('utf8');
  }

  it('counts columns in UTF-8 bytes when non-ASCII text comes first on the line', () => {
    const record = planted(base, {
      '/protocolSection/identificationModule/briefTitle': 'Étude 𐐀 sur la maladie de Ménière — ß',
      [PHASES]: ['Phase 2'],
    });
    const text = JSON.stringify(record);
    writeFileSync(join(folder, 'one-line.trial.json'), text);
    const { stdout } = runCli(['lint', 'one-line.trial.json', '--format', 'rdjson', '--today', TODAY], folder);
    const report = JSON.parse(stdout);
    expect(report.source.name).toBe('trial-records');
    const diagnostic = report.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'schema');
    expect(diagnostic).toMatchObject({
      severity: 'ERROR',
      location: { path: 'one-line.trial.json' },
      code: { url: 'https://trial-records.dev/rules/schema' },
    });
    const { start, end } = diagnostic.location.range;
    expect(start.line).toBe(1);
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.subarray(start.column - 1, end.column - 1).toString('utf8')).toBe('"Phase 2"');
    const utf16Column = text.indexOf('"Phase 2"') + 1;
    expect(start.column - utf16Column).toBe(Buffer.byteLength(text.slice(0, utf16Column - 1)) - (utf16Column - 1));
    expect(start.column).toBeGreaterThan(utf16Column);
  });

  it('turns fixes into suggestions that, applied to the file, fix it', () => {
    const record = withMistypedArmLabel(
      planted(base, { '/protocolSection/identificationModule/officialTitle': 'Ärzte — Ünïcode before the arms' }),
    );
    const text = pretty(record);
    writeFileSync(join(folder, 'fixable.trial.json'), text);
    const report = JSON.parse(
      runCli(['lint', 'fixable.trial.json', '--format', 'rdjson', '--today', TODAY], folder).stdout,
    );
    const diagnostic = report.diagnostics.find(
      (d: { code: { value: string } }) => d.code.value === 'arm-label-reference',
    );
    expect(diagnostic.suggestions.length).toBeGreaterThan(0);
    const fixed = JSON.parse(applySuggestion(text, diagnostic.suggestions[0]));
    const arms = fixed.protocolSection.armsInterventionsModule;
    expect(arms.interventions[0].armGroupLabels).toEqual([arms.armGroups[0].label]);
  });

  it('offers both the rename and the removal of an unknown key, and maps hints to INFO', () => {
    const text = pretty(planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phasess': ['PHASE2'] }));
    const output = formatters.rdjson(resultsOf({ 'a.trial.json': text }), { color: false, failOn: 'error' });
    const diagnostics = JSON.parse(output).diagnostics;
    const unknown = diagnostics.find((d: { message: string }) => d.message.includes('"phasess"'));
    expect(unknown.severity).toBe('WARNING');
    const [rename, removal] = unknown.suggestions.map(
      (suggestion: Parameters<typeof applySuggestion>[1]) =>
        JSON.parse(applySuggestion(text, suggestion)).protocolSection.designModule,
    );
    expect(Object.keys(rename)).toContain('phases');
    expect(Object.keys(rename)).not.toContain('phasess');
    expect(Object.keys(removal)).not.toContain('phasess');
    expect(diagnostics.find((d: { message: string }) => d.message.includes('legacy')).severity).toBe('INFO');
  });
});

describe('junit', () => {
  it('is XML that parses back: one testsuite per file, failures for findings at or above --fail-on', async () => {
    const key = 'weird <&> "quoted" \'single\' \u0001 key';
    writeFileSync(
      join(folder, 'xml.trial.json'),
      pretty(planted(base, { [PHASES]: ['Phase 2'], [designKey(key)]: 1 })),
    );
    const run = (failOn: string) =>
      runCli(
        ['lint', 'clean.trial.json', 'xml.trial.json', '--format', 'junit', '--fail-on', failOn, '--today', TODAY],
        folder,
      );
    const byError = await parseStringPromise(run('error').stdout, { strict: true });
    const suites = byError.testsuites.testsuite;
    expect(byError.testsuites.$).toMatchObject({ name: 'trial-records', tests: '3', failures: '1' });
    expect(suites.map((suite: { $: { name: string } }) => suite.$.name)).toEqual([
      'clean.trial.json',
      'xml.trial.json',
    ]);
    expect(suites[0].testcase).toHaveLength(1);
    expect(suites[0].testcase[0].$.name).toBe('no findings');
    expect(suites[0].testcase[0].failure).toBeUndefined();
    const cases = suites[1].testcase;
    expect(suites[1].$).toMatchObject({ tests: '2', failures: '1' });
    const failing = cases.find((testcase: { failure?: unknown }) => testcase.failure);
    expect(failing.failure[0].$).toMatchObject({
      type: 'schema',
      message: '"Phase 2" is not a phase; did you mean "PHASE2"?',
    });
    const passing = cases.find((testcase: { failure?: unknown }) => !testcase.failure);
    expect(passing['system-out'][0]).toContain('Unknown property "weird <&> "quoted" \'single\' \uFFFD key"');

    const byWarning = await parseStringPromise(run('warning').stdout, { strict: true });
    expect(byWarning.testsuites.$.failures).toBe('2');
    const unknown = byWarning.testsuites.testsuite[1].testcase.find(
      (testcase: { failure?: Array<{ $: { type: string } }> }) => testcase.failure?.[0].$.type === 'unknown-property',
    );
    expect(unknown.failure[0].$.message).toMatch(/^Unknown property "weird <&> "quoted" 'single' \uFFFD key"/);
  });
});

describe('in GitHub Actions, run from a subfolder of the repository', () => {
  const COMMIT = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
  let repository: string;
  let records: string;
  const actions = (workspace: string, more: Record<string, string> = {}) => ({
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'registry-team/records',
    GITHUB_SHA: COMMIT,
    ...more,
  });
  const typoName = 'typo #2.trial.json';

  beforeAll(() => {
    repository = temporaryFolder('trial-actions-');
    records = join(repository, 'registry', 'records');
    mkdirSync(records, { recursive: true });
    writeFileSync(join(repository, '.trialrc.json'), JSON.stringify(onlyRules('arm-label-reference')));
    writeFileSync(join(records, typoName), pretty(planted(base, { [PHASES]: ['Phase 2'] })));
    writeFileSync(join(records, 'clean.trial.json'), pretty(base));
  });

  function schemaLine(): number {
    const report = JSON.parse(runCli(['lint', '.', '--format', 'json', '--today', TODAY], records).stdout);
    return report.files
      .find((file: { path: string }) => file.path === typoName)
      .diagnostics.find((d: { ruleId: string }) => d.ruleId === 'schema').line;
  }

  it('annotates files by their path from the repository root, where GitHub places annotations', () => {
    const { stdout, code } = runCli(
      ['lint', '.', '--format', 'github', '--today', TODAY],
      records,
      undefined,
      actions(repository),
    );
    expect(code).toBe(1);
    expect(stdout).toContain(`::error file=registry/records/${typoName},line=${schemaLine()},`);
    const outside = runCli(['lint', '.', '--format', 'github', '--today', TODAY], records);
    expect(outside.stdout).toContain(`::error file=${typoName},line=`);
  });

  it('writes SARIF whose URIs are relative to the repository root and resolve to the files', () => {
    const log = JSON.parse(
      runCli(['lint', '.', '--format', 'sarif', '--today', TODAY], records, undefined, actions(repository)).stdout,
    );
    expect(validateSarif(log).valid).toBe(true);
    const base = log.runs[0].originalUriBaseIds['%SRCROOT%'].uri;
    expect(fileURLToPath(base)).toBe(repository + '/');
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: 'registry/records/typo%20%232.trial.json', uriBaseId: '%SRCROOT%' });
    expect(existsSync(fileURLToPath(new URL(location.uri, base)))).toBe(true);
  });

  it('names files from the root of the git checkout when the workflow checks out into a subfolder of the workspace', () => {
    const checkout = join(repository, 'checkout');
    mkdirSync(join(checkout, 'records'), { recursive: true });
    expect(spawnSync('git', ['init', '-q'], { cwd: checkout }).status).toBe(0);
    writeFileSync(join(checkout, 'records', 'typo.trial.json'), pretty(planted(base, { [PHASES]: ['Phase 2'] })));
    const { stdout } = runCli(
      ['lint', '.', '--format', 'github', '--today', TODAY],
      join(checkout, 'records'),
      undefined,
      actions(repository),
    );
    expect(stdout).toMatch(/^::error file=records\/typo\.trial\.json,line=\d+,/);
  });

  it('names a file outside the repository by its absolute file URI in SARIF', () => {
    const log = JSON.parse(
      runCli(
        ['lint', '.', '--format', 'sarif', '--today', TODAY],
        records,
        undefined,
        actions(join(repository, 'elsewhere')),
      ).stdout,
    );
    expect(validateSarif(log).valid).toBe(true);
    const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location.uriBaseId).toBeUndefined();
    expect(fileURLToPath(location.uri)).toBe(join(records, typoName));
  });

  it('links each file and finding of the job summary to its line in the checked commit', () => {
    const { stdout } = runCli(
      ['lint', '.', '--format', 'markdown', '--today', TODAY],
      records,
      undefined,
      actions(repository),
    );
    const blob = `https://github.com/registry-team/records/blob/${COMMIT}/registry/records/typo%20%232.trial.json`;
    expect(stdout).toContain(`| [registry/records/${typoName}](${blob}) | 1 | 0 | 0 |`);
    expect(stdout).toContain(
      `- **error** [registry/records/${typoName}:${schemaLine()}](${blob}#L${schemaLine()}): "Phase 2" is not a phase`,
    );
  });

  it('does not link when the repository or commit variables are not what GitHub sets, and shows plain paths outside GitHub Actions', () => {
    const oddValues: Array<Record<string, string>> = [
      { GITHUB_REPOSITORY: 'registry-team/records) [x](http://evil' },
      { GITHUB_SHA: 'main' },
      { GITHUB_SERVER_URL: 'javascript:alert(1)' },
    ];
    for (const odd of oddValues) {
      const { stdout } = runCli(
        ['lint', '.', '--format', 'markdown', '--today', TODAY],
        records,
        undefined,
        actions(repository, odd),
      );
      expect(stdout).toContain(`| registry/records/${typoName} | 1 | 0 | 0 |`);
      expect(stdout).not.toMatch(/\]\(https:\/\/github|evil|javascript/);
    }
    const plain = runCli(['lint', '.', '--format', 'markdown', '--today', TODAY], records).stdout;
    expect(plain).toContain(`| ${typoName} | 1 | 0 | 0 |`);
    expect(plain).not.toContain('github.com');
  });
});
