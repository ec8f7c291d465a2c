// The CLI end to end: formats, exit codes, bad files, --fix. Runs the built dist/cli.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync, chmodSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CORPUS_DIR, corpusRecord, planted } from '../unit/rules/fixtures';
import {
  onlyRules,
  removeTemporaryFolders,
  ROOT,
  runCli as run,
  temporaryFolder,
  TODAY,
  validateSarif,
} from './helpers';

let folder: string;
afterAll(removeTemporaryFolders);

beforeAll(() => {
  folder = temporaryFolder('trial-cli-');
  writeFileSync(join(folder, '.trialrc.json'), JSON.stringify(onlyRules('date-order', 'arm-label-reference')));
  const record = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });
  writeFileSync(join(folder, 'clean.trial.json'), JSON.stringify(record, null, 2));
  writeFileSync(
    join(folder, 'typo.trial.json'),
    JSON.stringify(planted(record, { '/protocolSection/designModule/phases': ['Phase 2'] }), null, 2),
  );
  mkdirSync(join(folder, 'nested'));
  writeFileSync(
    join(folder, 'nested', 'order.trial.json'),
    JSON.stringify(
      planted(record, { '/protocolSection/statusModule/completionDateStruct/date': '2019-01-01' }),
      null,
      2,
    ),
  );
  writeFileSync(join(folder, 'notes.txt'), 'not a record');
});

describe('trial-records lint', () => {
  it('prints stylish output grouped by file and exits 1 on errors', () => {
    const { code, stdout } = run(['lint', '.', '--today', TODAY], folder);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /typo\.trial\.json\n\s+\d+:\d+\s+error\s+"Phase 2" is not a phase; did you mean "PHASE2"\?\s+schema/,
    );
    expect(stdout).toMatch(/nested\/order\.trial\.json/);
    expect(stdout).not.toMatch(/clean\.trial\.json/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('prints the documented JSON shape with 1-based positions and pointers', () => {
    const { code, stdout } = run(['lint', 'typo.trial.json', '--format', 'json', '--today', TODAY], folder);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const text = readFileSync(join(folder, 'typo.trial.json'), 'utf8').split('\n');
    const diagnostic = report.files[0].diagnostics.find((d: { ruleId: string }) => d.ruleId === 'schema');
    expect(diagnostic).toMatchObject({ severity: 'error', pointer: '/protocolSection/designModule/phases/0' });
    expect(text[diagnostic.line - 1].slice(diagnostic.column - 1, diagnostic.endColumn - 1)).toBe('"Phase 2"');
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
  });

  it('reports date-order at the completion date with the primary completion as related (SARIF)', () => {
    const { stdout } = run(['lint', 'nested', '--format', 'sarif', '--today', TODAY], folder);
    const log = JSON.parse(stdout);
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'date-order');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('nested/order.trial.json');
    expect(result.relatedLocations[0].message.text).toMatch(/primary completion date/);
  });

  it('writes SARIF that is valid against the SARIF 2.1.0 schema', () => {
    const { stdout } = run(['lint', '.', '--format', 'sarif', '--today', TODAY], folder);
    const log = JSON.parse(stdout);
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('schema');
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('prints GitHub workflow commands with escaping', () => {
    const { stdout } = run(['lint', 'typo.trial.json', '--format', 'github', '--today', TODAY], folder);
    expect(stdout).toMatch(
      /^::error file=typo\.trial\.json,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=schema::"Phase 2" is not a phase/m,
    );
  });

  it('exits 0 on a clean record and 1 for warnings only with --fail-on warning', () => {
    expect(run(['lint', 'clean.trial.json', '--today', TODAY], folder).code).toBe(0);
    const withWarning = join(folder, 'warn.trial.json');
    writeFileSync(
      withWarning,
      JSON.stringify(planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phase': 'x' })),
    );
    expect(run(['lint', 'warn.trial.json', '--today', TODAY], folder).code).toBe(0);
    expect(run(['lint', 'warn.trial.json', '--fail-on', 'warning', '--today', TODAY], folder).code).toBe(1);
    expect(run(['lint', 'warn.trial.json', '--max-warnings', '0', '--today', TODAY], folder).code).toBe(1);
  });

  it('exits 2 with a clear message for usage errors and missing files', () => {
    const badFormat = run(['lint', '.', '--format', 'xml'], folder);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/Unknown format "xml".*\nRun "trial-records lint --help" for its options\.\n$/);
    expect(run(['frobnicate'], folder).stderr).toMatch(/\nRun "trial-records help" for usage\.\n$/);
    const missing = run(['lint', 'nope.trial.json'], folder);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No such file or folder: nope\.trial\.json/);
    expect(run(['frobnicate'], folder).code).toBe(2);
    const usage: Array<[string[], RegExp]> = [
      [['lint', 'nowhere/**/*.trial.json'], /No files match "nowhere\/\*\*\/\*\.trial\.json": nowhere is not a folder/],
      [['lint', '.', '--today', '2026-02-30'], /--today must be a real date in yyyy-MM-dd form \(got "2026-02-30"\)/],
      [['rules', '--format', 'yaml'], /--format must be one of table, json, markdown, config-schema \(got "yaml"\)/],
      [['rules', 'records'], /Unknown rule "records"; `trial-records rules` lists them\./],
      [['rules', 'date-ordre'], /Unknown rule "date-ordre"; did you mean "date-order"\?/],
      [
        ['rules', 'date-order', '--format', 'markdown'],
        /--format markdown describes every rule; leave out the rule ids/,
      ],
      [['lint', '.', '--output', ''], /--output needs a path \(got an empty one\)/],
      [['lint', '.', '-c', ' '], /--config needs a path \(got an empty one\)/],
    ];
    for (const [args, message] of usage) {
      const result = run(args, folder);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('says so when a folder it is given holds no record, and still exits 0', () => {
    const empty = temporaryFolder('trial-empty-');
    mkdirSync(join(empty, 'records'));
    writeFileSync(join(empty, 'records', 'notes.json'), '{"not": "a study"}');
    const result = run(['lint', 'records', '--format', 'json'], empty);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'trial-records: no records in records (files named *.trial.json, or .json files that hold a study).\n',
    );
    expect(JSON.parse(result.stdout).summary.files).toBe(0);
    expect(run(['lint', '.', '--today', TODAY], folder).stderr).toBe('');
  });

  it('exits 0 with --exit-zero despite errors, and 2 for a report it cannot write or a bad option value', () => {
    expect(run(['lint', 'typo.trial.json', '--exit-zero', '--today', TODAY], folder).code).toBe(0);
    const unwritable = run(['lint', 'typo.trial.json', '--output', join('no-such-folder', 'report.json')], folder);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/Cannot write the report to no-such-folder\/report\.json \(ENOENT\)/);
    const concurrency = run(['lint', '.', '--concurrency', 'many'], folder);
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toMatch(/--concurrency must be a whole number/);
    const emptyRef = run(['lint', '.', '--changed-since', ''], folder);
    expect(emptyRef.code).toBe(2);
    expect(emptyRef.stderr).toMatch(/--changed-since needs a git revision/);
  });

  it("prints each command's help with --help, the version with --version, and suggests a near command or option", () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const args of [['--version'], ['-v'], ['version']])
      expect(run(args, folder)).toMatchObject({ code: 0, stdout: `trial-records ${version}\n` });
    for (const [args, option] of [
      [['lint', '--help'], '--changed-since'],
      [['lint', '.', '-h'], '--stdin-filepath'],
      [['help', 'lint'], '--fail-on'],
      [['import', '--help'], '--force'],
      [['rules', '-h'], 'config-schema'],
      [['init', '--help'], '--preset'],
    ] as const) {
      const help = run(args, folder);
      expect(help.code, args.join(' ')).toBe(0);
      expect(help.stdout).toContain(option);
      expect(help.stdout).toMatch(new RegExp(`^Usage: trial-records ${args[0] === 'help' ? args[1] : args[0]} `));
    }
    expect(run(['lint', '--', '--help'], folder).stderr).toMatch(/No such file or folder: --help/);
    const suggestions: Array<[string[], RegExp]> = [
      [['lnit', '.'], /Unknown command "lnit"; did you mean "lint"\?/],
      [['help', 'rule'], /Unknown command "rule"; did you mean "rules"\?/],
      [['lint', '.', '--fromat', 'json'], /Unknown option --fromat; did you mean --format\?/],
      [['lint', '.', '--max-warning', '0'], /Unknown option --max-warning; did you mean --max-warnings\?/],
      [['lint', '.', '--colour'], /Unknown option --colour; did you mean --color\?/],
      [['lint', '.', '--frobnicate'], /Unknown option --frobnicate\.$/m],
    ];
    for (const [args, message] of suggestions) {
      const result = run(args, folder);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('colours the stylish format as --color, --no-color, NO_COLOR and FORCE_COLOR say, and never a report file', () => {
    const coloured = (args: string[], env?: Record<string, string>) =>
      /\u001b\[/.test(run(['lint', 'typo.trial.json', '--today', TODAY, ...args], folder, undefined, env).stdout);
    expect(coloured([])).toBe(false);
    expect(coloured(['--color'])).toBe(true);
    expect(coloured([], { FORCE_COLOR: '1' })).toBe(true);
    expect(coloured([], { FORCE_COLOR: '0' })).toBe(false);
    expect(coloured(['--no-color'], { FORCE_COLOR: '1' })).toBe(false);
    expect(coloured([], { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
    expect(coloured(['--color', '--format', 'compact'])).toBe(false);
    run(['lint', 'typo.trial.json', '--today', TODAY, '--color', '--output', 'report.txt'], folder);
    expect(readFileSync(join(folder, 'report.txt'), 'utf8')).not.toMatch(/\u001b\[/);
    expect(run(['lint', '.', '--color', '--no-color'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--color and --no-color contradict each other/),
    });
  });

  it('describes the rules named to it: checks, documentation, options, fix, and how to configure them', () => {
    const { stdout, code } = run(['rules', 'required-fields', 'arm-label-reference'], folder);
    expect(code).toBe(0);
    const [required, armLabel] = stdout.split(/\n(?=arm-label-reference {2}\()/);
    const catalog = JSON.parse(run(['rules', '--format', 'json'], folder).stdout) as Array<{
      id: string;
      docs: string;
      description: string;
    }>;
    const docsOf = (id: string) => catalog.find((rule) => rule.id === id)!;
    expect(required).toMatch(/^required-fields {2}\(error by default; required; registry check REQ-01/);
    expect(required.replace(/\s+/g, ' ')).toContain(docsOf('required-fields').docs.replace(/\s+/g, ' '));
    expect(required).toMatch(/Options:\n {2}finalRule: /);
    expect(required).toMatch(
      /No automatic fix\.\nIn \.trialrc\.json: \{ "rules": \{ "required-fields": \["warn", \{ "finalRule": … \}\] \} \}/,
    );
    expect(armLabel).toContain(docsOf('arm-label-reference').description);
    expect(armLabel).toMatch(/`trial-records lint --fix` fixes it\./);
    expect(stdout.split('\n').every((line) => line.length <= 100 || line.startsWith('In .trialrc.json'))).toBe(true);
    expect(
      JSON.parse(run(['rules', 'schema', '--format', 'json'], folder).stdout).map((rule: { id: string }) => rule.id),
    ).toEqual(['schema']);
  });

  it('lists every format and the reviewer options in its help', () => {
    const { stdout, code } = run(['help'], folder);
    expect(code).toBe(0);
    for (const word of [
      'markdown',
      'rdjson',
      'junit',
      '--changed-since',
      '--stdin-filepath',
      '--concurrency',
      '--quiet',
      '--ignore-pattern',
      '--print-config',
    ])
      expect(stdout).toContain(word);
  });

  it('gives bad files a finding, never a stack trace', () => {
    const bad = temporaryFolder('trial-bad-');
    writeFileSync(join(bad, 'empty.trial.json'), '');
    writeFileSync(join(bad, 'latin1.trial.json'), new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    writeFileSync(join(bad, 'prose.trial.json'), 'Brief title: a study of things');
    writeFileSync(join(bad, 'utf16-bom.trial.json'), '\ufeff{"a": 1}', 'utf16le');
    writeFileSync(join(bad, 'utf16be.trial.json'), new Uint8Array([0x00, 0x7b, 0x00, 0x7d]));
    const unreadable = join(bad, 'locked.trial.json');
    writeFileSync(unreadable, '{}');
    chmodSync(unreadable, 0o000);
    const { stdout, stderr, code } = run(['lint', '.', '--format', 'json'], bad);
    const report = JSON.parse(stdout);
    const byFile = Object.fromEntries(
      report.files.map((f: { path: string; diagnostics: Array<{ message: string }> }) => [
        f.path,
        f.diagnostics.map((d) => d.message),
      ]),
    );
    expect(byFile['empty.trial.json']).toEqual([expect.stringMatching(/^Empty file/)]);
    expect(byFile['latin1.trial.json']).toEqual([expect.stringMatching(/^Not valid UTF-8.*0xe9 at byte 2/)]);
    expect(byFile['prose.trial.json'][0]).toMatch(/Unexpected character/);
    expect(byFile['utf16-bom.trial.json']).toEqual([
      'Not UTF-8: the text is UTF-16 (little-endian, with a byte-order mark); save it as UTF-8.',
    ]);
    expect(byFile['utf16be.trial.json']).toEqual(['Not UTF-8: the text is UTF-16 (big-endian); save it as UTF-8.']);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    if (process.getuid?.() !== 0) {
      expect(stderr).toMatch(/Permission denied/);
      expect(code).toBe(2);
    }
  });

  it('lists every rule with severity, category and source', () => {
    const { stdout, code } = run(['rules', '--format', 'json'], folder);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout);
    expect(rules.find((r: { id: string }) => r.id === 'date-order')).toMatchObject({
      severity: 'error',
      category: 'dates',
      source: 'STA-01/02',
      fixable: false,
      docs: expect.stringMatching(/\w/),
    });
    expect(rules.find((r: { id: string }) => r.id === 'required-fields').options).toEqual({
      type: 'object',
      properties: { finalRule: expect.objectContaining({ enum: ['always'] }) },
      additionalProperties: false,
    });
  });

  it('lints the whole accepted corpus with no errors', () => {
    const { stdout } = run(['lint', join(CORPUS_DIR, 'ctgov-v2'), '--format', 'json', '--today', TODAY], folder);
    const report = JSON.parse(stdout);
    expect(report.summary.files).toBe(17);
    expect(report.summary.errors).toBe(0);
  });
});

describe('trial-records lint --fix', () => {
  it('applies unambiguous fixes, keeps the formatting, and the fixed file re-lints clean of them', () => {
    const record = planted(corpusRecord('NCT03418623'), {});
    const arms = record.protocolSection.armsInterventionsModule;
    const label = arms.armGroups[0].label as string;
    arms.interventions[0].armGroupLabels = [label.slice(0, -1) + 'x'];
    const file = join(folder, 'fixme.trial.json');
    writeFileSync(file, JSON.stringify(record, null, 4));
    const before = run(['lint', 'fixme.trial.json', '--today', TODAY], folder).stdout;
    expect(before).toMatch(/arm-label-reference/);
    expect(before).toMatch(/\n {2}1 of them can be fixed with `trial-records lint --fix`\.\n$/);
    // typo.trial.json's "Phase 2" is the registry's display label of PHASE2: fixable too.
    expect(
      run(['lint', 'fixme.trial.json', 'typo.trial.json', '--today', TODAY, '--concurrency', '2'], folder).stdout,
    ).toMatch(/ {2}2 of them can be fixed with `trial-records lint --fix`\.\n$/);
    expect(run(['lint', 'fixme.trial.json', '--fix', '--today', TODAY], folder).stdout).not.toMatch(/can be fixed/);
    const fixed = readFileSync(file, 'utf8');
    expect(JSON.parse(fixed).protocolSection.armsInterventionsModule.interventions[0].armGroupLabels).toEqual([label]);
    expect(fixed.split('\n')[1]).toMatch(/^ {4}"/);
    expect(run(['lint', 'fixme.trial.json', '--today', TODAY], folder).stdout).not.toMatch(/arm-label-reference/);
  });

  it('keeps the byte-order mark of a file it fixes, in one thread and in workers', () => {
    const record = planted(corpusRecord('NCT03418623'), {});
    const arms = record.protocolSection.armsInterventionsModule;
    const label = arms.armGroups[0].label as string;
    arms.interventions[0].armGroupLabels = [label.slice(0, -1) + 'x'];
    const marked = temporaryFolder('trial-bom-');
    for (const name of ['a.trial.json', 'b.trial.json'])
      writeFileSync(join(marked, name), `\ufeff${JSON.stringify(record, null, 2)}`);
    run(['lint', 'a.trial.json', '--fix', '--today', TODAY], marked);
    run(['lint', 'b.trial.json', 'a.trial.json', '--fix', '--today', TODAY, '--concurrency', '2'], marked);
    for (const name of ['a.trial.json', 'b.trial.json']) {
      const fixed = readFileSync(join(marked, name), 'utf8');
      expect(fixed.charCodeAt(0)).toBe(0xfeff);
      expect(
        JSON.parse(fixed.slice(1)).protocolSection.armsInterventionsModule.interventions[0].armGroupLabels,
      ).toEqual([label]);
    }
  });

  it('escapes raw line breaks in a text value, in one thread and in workers, alongside the other fixes', () => {
    const seed = readFileSync(join(ROOT, 'seeds', 'NCT05765006.trial.json'), 'utf8');
    const criteria = seed.indexOf('"eligibilityCriteria"');
    const firstBreak = seed.indexOf('\\n', criteria);
    const secondBreak = seed.indexOf('\\n', firstBreak + 2);
    const broken =
      seed.slice(0, firstBreak) + '\n' + seed.slice(firstBreak + 2, secondBreak) + '\n' + seed.slice(secondBreak + 2);
    const record = planted(corpusRecord('NCT03418623'), {});
    const arms = record.protocolSection.armsInterventionsModule;
    const label = arms.armGroups[0].label as string;
    arms.interventions[0].armGroupLabels = [label.slice(0, -1) + 'x'];
    const pretty = JSON.stringify(record, null, 2);
    const briefSummary = pretty.indexOf('"briefSummary": "This') + '"briefSummary": "This'.length;
    const alsoMislabelled = pretty.slice(0, briefSummary) + '\r\n' + pretty.slice(briefSummary + 1);
    const raw = temporaryFolder('trial-raw-breaks-');
    for (const name of ['a.trial.json', 'b.trial.json']) writeFileSync(join(raw, name), broken);
    writeFileSync(join(raw, 'c.trial.json'), alsoMislabelled);

    const before = run(['lint', 'a.trial.json', '--format', 'json', '--today', TODAY], raw);
    const syntax = JSON.parse(before.stdout).files[0].diagnostics.filter(
      (finding: { ruleId: string }) => finding.ruleId === 'syntax',
    );
    expect(syntax.map((finding: { message: string }) => finding.message)).toEqual([
      "Line break inside a text value: write it as \\n (1 more raw line break or tab in this record's strings).",
    ]);
    run(['lint', 'a.trial.json', '--fix', '--today', TODAY], raw);
    run(['lint', 'b.trial.json', 'c.trial.json', '--fix', '--today', TODAY, '--concurrency', '2'], raw);

    for (const name of ['a.trial.json', 'b.trial.json']) expect(readFileSync(join(raw, name), 'utf8')).toBe(seed);
    const fixed = JSON.parse(readFileSync(join(raw, 'c.trial.json'), 'utf8'));
    expect(fixed.protocolSection.armsInterventionsModule.interventions[0].armGroupLabels).toEqual([label]);
    expect(fixed.protocolSection.descriptionModule.briefSummary).toBe(
      record.protocolSection.descriptionModule.briefSummary.replace(' ', '\n'),
    );
  });

  it('leaves files alone without --fix', () => {
    const before = readFileSync(join(folder, 'typo.trial.json'), 'utf8');
    run(['lint', 'typo.trial.json'], folder);
    expect(readFileSync(join(folder, 'typo.trial.json'), 'utf8')).toBe(before);
  });

  // A file no one may write, even root: `chattr +i` (where the file system supports it).
  const canLock = canLockFiles();
  it.skipIf(!canLock)(
    `says which file it could not write, reports that file as it is and exits 2 (in one thread and in workers)${canLock ? '' : ': skipped, chattr +i is not available here'}`,
    () => {
      const locked = lockedFile();
      try {
        for (const concurrency of ['off', '1']) {
          const { stdout, stderr, code } = run(
            ['lint', locked.path, '--fix', '--format', 'json', '--concurrency', concurrency, '--today', TODAY],
            folder,
          );
          expect(code).toBe(2);
          expect(stderr).toMatch(
            /^trial-records: Cannot write the fixes to .*locked\.trial\.json \(EPERM\); it is reported as it is\.\n$/,
          );
          expect(JSON.parse(stdout).files[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain(
            'duplicate-values',
          );
        }
      } finally {
        locked.unlock();
      }
    },
  );
});

function canLockFiles(): boolean {
  const probe = join(temporaryFolder('trial-lock-probe-'), 'probe');
  writeFileSync(probe, '');
  const locked = spawnSync('chattr', ['+i', probe]).status === 0;
  if (locked) spawnSync('chattr', ['-i', probe]);
  return locked;
}

/** A record with a fixable problem that no one may write until it is unlocked. */
function lockedFile(): { path: string; unlock: () => void } {
  const path = join(temporaryFolder('trial-locked-'), 'locked.trial.json');
  writeFileSync(
    path,
    JSON.stringify(
      planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['PHASE2', 'PHASE2'] }),
      null,
      2,
    ),
  );
  spawnSync('chattr', ['+i', path]);
  return { path, unlock: () => void spawnSync('chattr', ['-i', path]) };
}

describe('trial-records lint: what it leaves out (ignores, --ignore-pattern)', () => {
  let project: string;
  const record = JSON.stringify(corpusRecord('NCT03418623'), null, 2);
  const linted = (args: readonly string[]) => {
    const { stdout, stderr, code } = run(['lint', ...args, '--format', 'json', '--today', TODAY], project);
    if (code === 2) throw new Error(stderr);
    return (JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path).sort();
  };

  beforeAll(() => {
    project = temporaryFolder('trial-ignores-');
    for (const path of [
      'records/a.trial.json',
      'records/archive/old.trial.json',
      'records/drafts/draft-b.trial.json',
      'records/drafts/c.trial.json',
      'fixtures/broken.trial.json',
    ]) {
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), record);
    }
    mkdirSync(join(project, 'exports', 'week1'), { recursive: true });
    writeFileSync(join(project, 'exports', 'week1', 'study.export'), record);
    writeFileSync(
      join(project, '.trialrc.json'),
      JSON.stringify({ files: ['exports/**/*.export'], ignores: ['fixtures/', 'records/archive/**'] }),
    );
  });

  it("counts the config's files globs as records, from the project folder or from a folder inside it", () => {
    expect(linted(['.'])).toContain('exports/week1/study.export');
    expect(linted(['exports'])).toEqual(['exports/week1/study.export']);
  });

  it('counts the files globs of the config nearest each file, from wherever the command runs', () => {
    const name = basename(project);
    const fromAbove = run(['lint', name, '--format', 'json', '--today', TODAY], dirname(project));
    expect(
      (JSON.parse(fromAbove.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path),
    ).toContain(`${name}/exports/week1/study.export`);
    mkdirSync(join(project, 'other'));
    writeFileSync(join(project, 'other', '.trialrc.json'), JSON.stringify({ files: ['**/*.data'] }));
    writeFileSync(join(project, 'other', 'x.data'), record);
    try {
      expect(linted(['.'])).toEqual(expect.arrayContaining(['exports/week1/study.export', 'other/x.data']));
    } finally {
      rmSync(join(project, 'other'), { recursive: true });
    }
  });

  it("leaves out the config's ignored folders when it walks folders", () => {
    expect(linted(['records', 'fixtures'])).toEqual([
      'records/a.trial.json',
      'records/drafts/c.trial.json',
      'records/drafts/draft-b.trial.json',
    ]);
  });

  it('adds --ignore-pattern globs (repeatable) to them, for folders and for globs', () => {
    expect(linted(['records', '--ignore-pattern', '**/draft-*.trial.json'])).toEqual([
      'records/a.trial.json',
      'records/drafts/c.trial.json',
    ]);
    expect(linted(['records/**/*.trial.json', '--ignore-pattern', 'records/drafts/'])).toEqual([
      'records/a.trial.json',
    ]);
    expect(
      linted(['records/**/*.trial.json', 'records/drafts/c.trial.json', '--ignore-pattern', 'records/drafts/']),
    ).toEqual(['records/a.trial.json', 'records/drafts/c.trial.json']);
  });

  it("applies each folder's own config's ignores to what is under it", () => {
    writeFileSync(
      join(project, 'records', 'drafts', '.trialrc.json'),
      JSON.stringify({ ignores: ['draft-*.trial.json'] }),
    );
    try {
      expect(linted(['records'])).toEqual(['records/a.trial.json', 'records/drafts/c.trial.json']);
    } finally {
      rmSync(join(project, 'records', 'drafts', '.trialrc.json'));
    }
  });

  it('still lints a file named on the command line', () => {
    expect(linted(['fixtures/broken.trial.json', 'records/archive/old.trial.json'])).toEqual([
      'fixtures/broken.trial.json',
      'records/archive/old.trial.json',
    ]);
  });

  it('says so when a glob matches only ignored files', () => {
    const { stderr, code } = run(['lint', 'fixtures/**/*.trial.json'], project);
    expect(code).toBe(2);
    expect(stderr).toMatch(/No files match "fixtures\/\*\*\/\*\.trial\.json" \(ignores left some out\)/);
  });
});

describe('trial-records lint --print-config', () => {
  it('prints the settings that apply to one record, as the linter resolves them', () => {
    const project = temporaryFolder('trial-print-config-');
    mkdirSync(join(project, 'team'));
    writeFileSync(
      join(project, 'team', 'base.json'),
      JSON.stringify({ extends: ['trial-records:strict'], rules: { 'phase-combination': 'warn' } }),
    );
    writeFileSync(
      join(project, '.trialrc.json'),
      JSON.stringify({
        extends: ['./team/base.json'],
        today: '2026-11-24',
        rules: { schema: 'warn', 'date-order': 'off' },
        overrides: [
          { files: ['legacy/**'], rules: { 'arm-label-reference': 'info' } },
          { files: ['**/*.trial.json#/protocolSection/contactsLocationsModule'], rules: { 'central-contact': 'hint' } },
        ],
        ignores: ['legacy/archive/'],
      }),
    );
    const { stdout, code } = run(['lint', '--print-config', 'legacy/old.trial.json'], project);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({
      file: 'legacy/old.trial.json',
      config: join(project, '.trialrc.json'),
      sources: [join(project, 'team', 'base.json'), join(project, '.trialrc.json')],
      ignored: false,
      today: '2026-11-24',
      customRules: [],
    });
    expect(printed.rules['phase-combination']).toEqual({ severity: 'warning' });
    expect(printed.rules['required-fields']).toEqual({ severity: 'error', options: { finalRule: 'always' } });
    expect(printed.rules['arm-label-reference']).toEqual({ severity: 'info' });
    expect(printed.rules['date-order']).toEqual({ severity: 'off' });
    expect(printed.rules.schema).toEqual({ severity: 'warning' });
    expect(printed.rules['unknown-property']).toEqual({ severity: 'warning' });
    expect(printed.subtreeOverrides).toEqual([
      { pointer: '/protocolSection/contactsLocationsModule', rules: { 'central-contact': 'hint' } },
    ]);
    expect(JSON.parse(run(['lint', '--print-config', 'legacy/archive/a.trial.json'], project).stdout).ignored).toBe(
      true,
    );
    expect(
      JSON.parse(run(['lint', '--print-config', 'new.trial.json'], project).stdout).rules['arm-label-reference'],
    ).toEqual({ severity: 'error' });
  });

  it('says what is wrong with a broken config, and refuses paths beside it', () => {
    const project = temporaryFolder('trial-print-config-');
    writeFileSync(join(project, '.trialrc.json'), '{ "rules": { "date-ordre": "warn" } }');
    const broken = run(['lint', '--print-config', 'a.trial.json'], project);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Unknown rule "date-ordre"; did you mean "date-order"\?/);
    const both = run(['lint', '--print-config', 'a.trial.json', 'records'], project);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--print-config FILE prints the settings for one record and lints nothing/);
  });
});

describe('trial-records lint: links in the folders it walks', () => {
  it('follows links that lead outside once, skips those that show what it finds anyway, and reports a link to nothing', () => {
    const project = temporaryFolder('trial-links-');
    const elsewhere = temporaryFolder('trial-links-elsewhere-');
    const record = JSON.stringify(corpusRecord('NCT03418623'), null, 2);
    mkdirSync(join(project, 'records'));
    writeFileSync(join(project, 'records', 'a.trial.json'), record);
    // Another study: the same one twice would be a clash of NCT numbers (a check across records).
    const another = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/identificationModule/nctId': 'NCT03418624',
      '/protocolSection/identificationModule/orgStudyIdInfo/id': 'GET73-2',
      '/protocolSection/identificationModule/briefTitle': 'Another study of GET73',
    });
    writeFileSync(join(elsewhere, 'shared.trial.json'), JSON.stringify(another, null, 2));
    symlinkSync(join(project, 'records'), join(project, 'records-again'));
    symlinkSync('.', join(project, 'records', 'loop'));
    symlinkSync(join(project, 'records', 'a.trial.json'), join(project, 'same.trial.json'));
    symlinkSync(elsewhere, join(project, 'team'));
    symlinkSync(elsewhere, join(project, 'team-again'));
    const { stdout, stderr, code } = run(['lint', '.', '--format', 'json', '--today', TODAY], project);
    expect((JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path).sort()).toEqual([
      'records/a.trial.json',
      'team/shared.trial.json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    symlinkSync('gone.trial.json', join(project, 'broken.trial.json'));
    const broken = run(['lint', '.', '--format', 'json', '--today', TODAY], project);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.trial\.json is a link to gone\.trial\.json, which does not exist\./);
  });
});
