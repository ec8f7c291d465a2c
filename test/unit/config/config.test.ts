// Team configuration: presets, extends chains and cycles, overrides by glob and by pointer, team
// schemas, custom rules (happy, throwing, looping), and untrusted workspaces.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ConfigService } from '../../../server/src/config';
import { validateDocument } from '../../../server/src/service/validate';
import { TrialDocument } from '../../../server/src/service/document';
import { corpusRecord, planted } from '../rules/fixtures';

const TODAY = '2026-11-24';
let service: ConfigService;
afterEach(() => service?.invalidate());

function workspace(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'trial-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return root;
}

function lint(root: string, name: string, trusted = true) {
  service = new ConfigService();
  const path = join(root, name);
  const settings = service.settingsFor(path, { trusted });
  const text = JSON.stringify(JSON.parse(readFileSync(path, 'utf8')), null, 2);
  return {
    settings,
    findings: validateDocument(new TrialDocument(text), {
      ...settings.options,
      today: settings.options.today ?? TODAY,
    }),
  };
}

/** The ConfigError that linting a.trial.json in `root` throws (the test fails when none is thrown). */
function configErrorOf(root: string): ConfigError {
  try {
    lint(root, 'a.trial.json');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`no config error for ${readFileSync(join(root, '.trialrc.json'), 'utf8')}`);
}

const phaseTypo = planted(corpusRecord('NCT03418623'), {
  '/protocolSection/designModule/phases': ['PHASE1', 'PHASE3'],
});

describe('rules and presets', () => {
  it('with no config, rules keep their default severities', () => {
    const root = workspace({ 'a.trial.json': phaseTypo });
    expect(lint(root, 'a.trial.json').findings.find((f) => f.ruleId === 'phase-combination')?.severity).toBe('error');
  });

  it('a rule can be turned down or off', () => {
    const root = workspace({
      '.trialrc.json': { rules: { 'phase-combination': 'warn' } },
      'a.trial.json': phaseTypo,
      'sub/.trialrc.json': { rules: { 'phase-combination': 'off' } },
      'sub/b.trial.json': phaseTypo,
    });
    expect(lint(root, 'a.trial.json').findings.find((f) => f.ruleId === 'phase-combination')?.severity).toBe('warning');
    expect(lint(root, 'sub/b.trial.json').findings.some((f) => f.ruleId === 'phase-combination')).toBe(false);
  });

  it('the nearest config wins: it is found by walking up from the record', () => {
    const root = workspace({
      '.trialrc.json': { rules: { 'phase-combination': 'info' } },
      'deep/er/a.trial.json': phaseTypo,
    });
    expect(lint(root, 'deep/er/a.trial.json').findings.find((f) => f.ruleId === 'phase-combination')?.severity).toBe(
      'info',
    );
  });

  it('strict passes finalRule "always" to the FDAAA-gated rules', () => {
    const root = workspace({ '.trialrc.json': { extends: 'trial-records:strict' }, 'a.trial.json': phaseTypo });
    expect(lint(root, 'a.trial.json').settings.options.optionsFor?.('required-fields')).toEqual({
      finalRule: 'always',
    });
  });

  it('"today" in the config reaches the rules', () => {
    const root = workspace({ '.trialrc.json': { today: '2030-01-01' }, 'a.trial.json': phaseTypo });
    expect(lint(root, 'a.trial.json').settings.options.today).toBe('2030-01-01');
  });
});

describe('extends', () => {
  it('follows a chain of relative files, later files winning', () => {
    const root = workspace({
      'base.json': {
        extends: ['trial-records:recommended'],
        rules: { 'phase-combination': 'info', 'date-order': 'warn' },
      },
      'team/middle.json': { extends: '../base.json', rules: { 'phase-combination': 'warn' } },
      '.trialrc.json': { extends: './team/middle.json' },
      'a.trial.json': phaseTypo,
    });
    const { settings, findings } = lint(root, 'a.trial.json');
    expect(findings.find((f) => f.ruleId === 'phase-combination')?.severity).toBe('warning');
    expect(settings.config.sources.map((s) => s.slice(root.length))).toEqual([
      '/base.json',
      '/team/middle.json',
      '/.trialrc.json',
    ]);
  });

  it('reports a cycle with the chain', () => {
    const root = workspace({
      '.trialrc.json': { extends: './b.json' },
      'b.json': { extends: './.trialrc.json' },
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(root, 'a.trial.json')).toThrow(
      /"extends" makes a cycle: .*\.trialrc\.json → .*b\.json → .*\.trialrc\.json/,
    );
  });

  it('reports a missing file, an unknown preset, an unknown rule and a bad severity with their place', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ extends: './nope.json' }, /"extends" names \.\/nope\.json, which does not exist/],
      [{ extends: 'trial-records:lenient' }, /Unknown preset "trial-records:lenient"/],
      [
        { rules: { 'phase-combinaton': 'warn' } },
        /Unknown rule "phase-combinaton"; did you mean "phase-combination"\?/,
      ],
      [{ rules: { 'date-order': 'loud' } }, /Bad severity "loud"/],
      [{ rule: {} }, /Unknown key "rule" in the config; did you mean "rules"\?/],
    ];
    for (const [config, message] of cases) {
      const error = configErrorOf(workspace({ '.trialrc.json': config, 'a.trial.json': phaseTypo }));
      expect(error.message).toMatch(message);
      expect(error.offset).toBeGreaterThan(0);
    }
  });

  it('says where a value has the wrong shape or a rule option does not fit, instead of crashing or ignoring it', () => {
    // [config, message, the text the error points at]
    const cases: Array<[unknown, RegExp, string]> = [
      [{ files: ['records/**', 1] }, /"files" is a list of globs \(strings\)/, '1'],
      [{ files: 7 }, /"files" is a list of globs/, '7'],
      [{ customRules: [{ path: 'x.mjs' }] }, /"customRules" is a list of paths or globs/, '{'],
      [{ ignores: [null] }, /"ignores" is a list of globs/, 'null'],
      [{ rules: ['date-order'] }, /"rules" is an object from rule id to severity/, '['],
      [{ overrides: { files: ['a'] } }, /"overrides" is a list of/, '{'],
      [{ overrides: [{ files: ['legacy/**'], rules: 'off' }] }, /"rules" is an object/, '"off"'],
      [{ overrides: [{ files: ['legacy/**'], rule: {} }] }, /Unknown key "rule" in an override/, '"rule"'],
      [
        { rules: { 'required-fields': ['error', { finalRule: 'sometimes' }] } },
        /Rule "required-fields": option "finalRule" can only be "always" \(got "sometimes"\)/,
        '{',
      ],
      [
        { rules: { 'required-fields': ['error', { finalrule: 'always' }] } },
        /there is no option "finalrule"; the options are "finalRule"/,
        '{',
      ],
      [{ rules: { 'date-order': ['warn', { strict: true }] } }, /Rule "date-order": this rule takes no options/, '{'],
      [{ today: '2026-02-30' }, /"today" must be a real date in yyyy-MM-dd form/, '"2026-02-30"'],
    ];
    for (const [config, message, token] of cases) {
      const root = workspace({ '.trialrc.json': config, 'a.trial.json': phaseTypo });
      const error = configErrorOf(root);
      expect(error.message).toMatch(message);
      const text = readFileSync(join(root, '.trialrc.json'), 'utf8');
      expect(text.slice(error.offset).startsWith(token), `${JSON.stringify(config)} at ${error.offset}`).toBe(true);
    }
  });

  it('accepts options that fit the rule, as the strict preset gives them', () => {
    const root = workspace({
      '.trialrc.json': { rules: { 'required-fields': ['error', { finalRule: 'always' }], 'date-order': ['warn', {}] } },
      'a.trial.json': phaseTypo,
    });
    expect(lint(root, 'a.trial.json').settings.options.optionsFor?.('required-fields')).toEqual({
      finalRule: 'always',
    });
  });
});

describe('overrides', () => {
  it('silence a rule for files matching a glob; the last match wins', () => {
    const root = workspace({
      '.trialrc.json': {
        overrides: [
          { files: ['legacy/**'], rules: { 'phase-combination': 'off' } },
          { files: ['legacy/keep-*.trial.json'], rules: { 'phase-combination': 'warn' } },
        ],
      },
      'legacy/old.trial.json': phaseTypo,
      'legacy/keep-1.trial.json': phaseTypo,
      'new.trial.json': phaseTypo,
    });
    expect(lint(root, 'legacy/old.trial.json').findings.some((f) => f.ruleId === 'phase-combination')).toBe(false);
    expect(
      lint(root, 'legacy/keep-1.trial.json').findings.find((f) => f.ruleId === 'phase-combination')?.severity,
    ).toBe('warning');
    expect(lint(root, 'new.trial.json').findings.find((f) => f.ruleId === 'phase-combination')?.severity).toBe('error');
  });

  it('tune a rule under one JSON subtree only (glob#/json/pointer)', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/designModule/phase': 1,
      '/protocolSection/statusModule/whatever': 2,
    });
    const root = workspace({
      '.trialrc.json': {
        overrides: [{ files: ['**/*.trial.json#/protocolSection/designModule'], rules: { 'unknown-property': 'off' } }],
      },
      'a.trial.json': record,
    });
    const unknown = lint(root, 'a.trial.json').findings.filter(
      (f) => f.ruleId === 'unknown-property' && f.severity === 'warning',
    );
    expect(unknown.map((f) => f.pointer)).toEqual(['/protocolSection/statusModule/whatever']);
  });

  it('of one missing field still apply when required-fields reports it with others of its object', () => {
    const identification = '/protocolSection/identificationModule';
    const record = planted(corpusRecord('NCT03418623'), {
      [`${identification}/briefTitle`]: undefined,
      [`${identification}/officialTitle`]: undefined,
      [`${identification}/orgStudyIdInfo`]: undefined,
    });
    const missingHere = (config: unknown) =>
      lint(workspace({ '.trialrc.json': config, 'a.trial.json': record }), 'a.trial.json').findings.filter(
        (f) => f.ruleId === 'required-fields' && f.pointer.startsWith(identification),
      );
    const all = missingHere({});
    expect(all).toHaveLength(1);
    expect(all[0].fields).toHaveLength(3);

    const titleOff = missingHere({
      overrides: [{ files: [`**/*.trial.json#${identification}/officialTitle`], rules: { 'required-fields': 'off' } }],
    });
    expect(titleOff.map((f) => [f.severity, f.fields])).toEqual([
      ['error', [`${identification}/orgStudyIdInfo/id`, `${identification}/briefTitle`]],
    ]);
    expect(titleOff[0].message).not.toContain('Official title');

    const titleWarns = missingHere({
      overrides: [{ files: [`**/*.trial.json#${identification}/officialTitle`], rules: { 'required-fields': 'warn' } }],
    });
    expect(titleWarns.map((f) => [f.severity, f.pointer, f.fields?.length])).toEqual([
      ['error', identification, 2],
      ['warning', `${identification}/officialTitle`, undefined],
    ]);
  });
});

describe('a config that is not JSON', () => {
  it('is a config error that says what is wrong in words, at its place', () => {
    const open = workspace({ '.trialrc.json': '{\n  "rules": { "date-order": "off" }\n', 'a.trial.json': phaseTypo });
    expect(() => lint(open, 'a.trial.json')).toThrow(
      /\.trialrc\.json is not valid JSON: A closing brace "}" is expected: an object was left open\.$/,
    );
    const extra = workspace({ '.trialrc.json': '{ "rules": {} } {}', 'a.trial.json': phaseTypo });
    expect(() => lint(extra, 'a.trial.json')).toThrow(
      /is not valid JSON: Unexpected text after the end: a config holds exactly one JSON object\.$/,
    );
  });
});

describe('team schemas', () => {
  it('that are not JSON, or not one object, are config errors with the place', () => {
    const broken = workspace({
      '.trialrc.json': { schemas: ['./team.schema.json'] },
      'team.schema.json': '{\n  "required": ["acronym"],\n}\n',
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(broken, 'a.trial.json')).toThrow(
      /Team schema .*team\.schema\.json is not valid JSON at line 3, column 1: A property name in double quotes is expected here \(trailing commas are not allowed in JSON\)\./,
    );
    const list = workspace({
      '.trialrc.json': { schemas: ['./team.schema.json'] },
      'team.schema.json': [{ required: ['acronym'] }],
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(list, 'a.trial.json')).toThrow(/must hold one JSON Schema object/);
  });

  it('are applied on top of the study schema and reported at the right range', () => {
    const root = workspace({
      '.trialrc.json': { schemas: ['./house.schema.json'] },
      'house.schema.json': {
        properties: { protocolSection: { properties: { identificationModule: { required: ['acronym'] } } } },
      },
      'a.trial.json': corpusRecord('NCT03418623'),
    });
    const finding = lint(root, 'a.trial.json').findings.find((f) => f.ruleId === 'team-schema');
    expect(finding?.message).toMatch(/missing "acronym"/);
    expect(finding?.pointer).toBe('/protocolSection/identificationModule');
    expect(finding?.target).toBe('key');
  });

  it('use the rule id the schema names', () => {
    const root = workspace({
      '.trialrc.json': { schemas: ['./house.schema.json'] },
      'house.schema.json': {
        'x-rule-id': 'house-title',
        properties: {
          protocolSection: { properties: { identificationModule: { properties: { briefTitle: { maxLength: 20 } } } } },
        },
      },
      'a.trial.json': corpusRecord('NCT03418623'),
    });
    expect(lint(root, 'a.trial.json').findings.find((f) => f.ruleId === 'house-title')?.message).toMatch(
      /the registry accepts at most 20/,
    );
  });
});

const ACRONYM_RULE = `export default {
  meta: { id: 'house-acronym', severity: 'warn', description: 'Our records have an acronym' },
  check(context) {
    const identification = context.record?.protocolSection?.identificationModule;
    if (identification && !identification.acronym) context.report({ pointer: '/protocolSection/identificationModule', target: 'key', message: 'Add an acronym: our sponsor requires one.' });
  },
};`;

/** A house style that reads the text, which the plain record cannot show. */
const INDENT_RULE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'team', 'rules', 'two-space-indent.mjs'),
  'utf8',
);

describe('custom rules', () => {
  it('run like built-in rules (happy path)', () => {
    const root = workspace({
      '.trialrc.json': { customRules: ['./rules/*.mjs'] },
      'rules/acronym.mjs': ACRONYM_RULE,
      'a.trial.json': corpusRecord('NCT03418623'),
    });
    const finding = lint(root, 'a.trial.json').findings.find((f) => f.ruleId === 'house-acronym');
    expect(finding).toMatchObject({
      severity: 'warning',
      message: 'Add an acronym: our sponsor requires one.',
      pointer: '/protocolSection/identificationModule',
    });
  });

  it('a throwing rule becomes a rule-error naming it; the other findings still arrive', () => {
    const root = workspace({
      '.trialrc.json': { customRules: ['./rules/acronym.mjs', './rules/broken.js'] },
      'rules/acronym.mjs': ACRONYM_RULE,
      'rules/broken.js':
        "module.exports = { meta: { id: 'broken', severity: 'error', description: 'x' }, check() { throw new Error('boom'); } };",
      'a.trial.json': phaseTypo,
    });
    const findings = lint(root, 'a.trial.json').findings;
    expect(findings.find((f) => f.ruleId === 'rule-error')?.message).toMatch(/Rule "broken" failed: boom/);
    expect(findings.some((f) => f.ruleId === 'house-acronym')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'phase-combination')).toBe(true);
  });

  it('a looping rule is stopped within its budget and reported', () => {
    const root = workspace({
      '.trialrc.json': { customRules: ['./rules/loop.mjs', './rules/acronym.mjs'], ruleTimeout: 300 },
      'rules/loop.mjs':
        "export default { meta: { id: 'looping', severity: 'error', description: 'loops' }, check() { for (;;) {} } };",
      'rules/acronym.mjs': ACRONYM_RULE,
      'a.trial.json': phaseTypo,
    });
    const start = Date.now();
    const findings = lint(root, 'a.trial.json').findings;
    expect(Date.now() - start).toBeLessThan(5000);
    expect(findings.find((f) => f.ruleId === 'rule-error')?.message).toMatch(
      /Rule "looping" failed: ran past its time budget of 300 ms and was stopped/,
    );
    expect(findings.some((f) => f.ruleId === 'house-acronym')).toBe(true);
  });

  it('never run in an untrusted workspace: no code of theirs executes', () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'trial-marker-')), 'ran.txt');
    const root = workspace({
      '.trialrc.json': { customRules: ['./rules/side-effect.mjs'], rules: { 'side-effect': 'error' } },
      'rules/side-effect.mjs': `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(marker)}, 'x'); export default { meta: { id: 'side-effect', severity: 'error', description: 'x' }, check() {} };`,
      'a.trial.json': phaseTypo,
    });
    const { settings, findings } = lint(root, 'a.trial.json', false);
    expect(existsSync(marker)).toBe(false);
    expect(settings.customRulesNote).toMatch(/not trusted/);
    expect(findings.some((f) => f.ruleId === 'phase-combination')).toBe(true);
    lint(root, 'a.trial.json', true);
    expect(existsSync(marker)).toBe(true);
  });

  it('receive the text of each record they check, not the previous one', () => {
    const root = workspace({
      '.trialrc.json': { customRules: ['./rules/indent.mjs'] },
      'rules/indent.mjs': INDENT_RULE,
    });
    service = new ConfigService();
    const options = { ...service.settingsFor(join(root, 'a.trial.json'), { trusted: true }).options, today: TODAY };
    const record = corpusRecord('NCT03418623');
    const indented = (text: string) =>
      validateDocument(new TrialDocument(text), options).filter((f) => f.ruleId === 'two-space-indent');
    expect(indented(JSON.stringify(record, null, 4)).map((f) => f.message)).toEqual([
      'Line 2 is indented with 4 spaces; our records use two spaces.',
    ]);
    expect(indented(JSON.stringify(record, null, 2))).toEqual([]);
    expect(indented(JSON.stringify(record, null, '\t')).map((f) => f.message)).toEqual([
      'Line 2 is indented with a tab; our records use two spaces.',
    ]);
  });

  it('a rule that ends its worker is reported as such, not as slow, and the next record gets a fresh worker', () => {
    const root = workspace({
      '.trialrc.json': { customRules: ['./rules/quit.mjs', './rules/acronym.mjs'], ruleTimeout: 60000 },
      'rules/quit.mjs':
        "export default { meta: { id: 'quitter', severity: 'error', description: 'quits' }, check() { process.exit(3); } };",
      'rules/acronym.mjs': ACRONYM_RULE,
      'a.trial.json': phaseTypo,
    });
    service = new ConfigService();
    const options = { ...service.settingsFor(join(root, 'a.trial.json'), { trusted: true }).options, today: TODAY };
    for (const record of [phaseTypo, corpusRecord('NCT00763412')]) {
      const findings = validateDocument(new TrialDocument(JSON.stringify(record, null, 2)), options);
      expect(findings.find((f) => f.ruleId === 'rule-error')?.message).toMatch(
        /Rule "quitter" failed: it ended its worker \(process\.exit\(3\)\); rules must return/,
      );
      expect(findings.some((f) => f.ruleId === 'house-acronym')).toBe(true);
    }
    const atLoad = workspace({
      '.trialrc.json': { customRules: ['./r.mjs'] },
      'r.mjs': 'process.exit(4); export default {};',
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(atLoad, 'a.trial.json')).toThrow(
      /a rule module ended its worker \(process\.exit\) while loading/,
    );
  });

  it("a malformed report becomes that rule's error, saying what is wrong; what it reported before stays, and severities in config words count", () => {
    const reporting = (body: string) =>
      `export default { meta: { id: 'house', severity: 'warn', description: 'x' }, check(context) { context.report({ pointer: '/protocolSection', message: 'first', severity: 'info' }); ${body} } };`;
    const cases: Array<[string, RegExp]> = [
      ['context.report({});', /it reported the pointer undefined; a pointer is a string/],
      ["context.report({ pointer: 'protocolSection', message: 'x' });", /it reported the pointer "protocolSection"/],
      [
        "context.report({ pointer: '', message: { text: 'x' } });",
        /it reported the message \{"text":"x"\} at ""; a message is a string/,
      ],
      ["context.report({ pointer: '', message: 'x', severity: 'loud' });", /it reported the severity "loud"/],
      [
        "context.report({ pointer: '', message: 'x', due: 'next week' });",
        /it reported the due date "next week"; a due date is yyyy, yyyy-MM or yyyy-MM-dd/,
      ],
      [
        "context.report({ pointer: '', message: 'x', related: [{ pointer: 3 }] });",
        /it reported a related place \{"pointer":3\}/,
      ],
      [
        "context.report({ pointer: '', message: 'x', fix: { title: 'Go', changes: [{ op: 'explode', pointer: '' }] } });",
        /its fix "Go" has the change \{"op":"explode","pointer":""\}/,
      ],
    ];
    for (const [body, message] of cases) {
      const root = workspace({
        '.trialrc.json': { customRules: ['./r.mjs'] },
        'r.mjs': reporting(body),
        'a.trial.json': phaseTypo,
      });
      const findings = lint(root, 'a.trial.json').findings;
      expect(findings.find((f) => f.ruleId === 'rule-error')?.message, body).toMatch(message);
      expect(findings.find((f) => f.ruleId === 'house')).toMatchObject({ message: 'first', severity: 'info' });
      expect(findings.some((f) => f.ruleId === 'phase-combination')).toBe(true);
    }
  });

  it('a rule file with a syntax error is a config error naming the file and the line', () => {
    const root = workspace({
      '.trialrc.json': { customRules: ['./rules/*.mjs'] },
      'rules/r.mjs':
        "export default {\n  meta: { id: 'x', severity: 'warn', description: 'x' },\n  check() { return 1 +; },\n};\n",
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(root, 'a.trial.json')).toThrow(/rules\/r\.mjs, line 3: Unexpected token ';'/);
  });

  it("a custom rule may not take a built-in rule's id or another custom rule's", () => {
    const rule = (id: string) =>
      `export default { meta: { id: '${id}', severity: 'warn', description: 'x' }, check() {} };`;
    const clash = workspace({
      '.trialrc.json': { customRules: ['./r.mjs'] },
      'r.mjs': rule('date-order'),
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(clash, 'a.trial.json')).toThrow(
      /Custom rule "date-order" \(.*r\.mjs\) has the id of a built-in rule; give it an id of its own/,
    );
    const twice = workspace({
      '.trialrc.json': { customRules: ['./rules/*.mjs'] },
      'rules/a.mjs': rule('house-style'),
      'rules/b.mjs': rule('house-style'),
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(twice, 'a.trial.json')).toThrow(
      /Custom rule "house-style" \(.*b\.mjs\) has the id of the custom rule in .*a\.mjs/,
    );
  });

  it('options for a custom rule are checked against the options schema it declares, and only then', () => {
    const declared =
      "export default { meta: { id: 'house', severity: 'warn', description: 'x', options: { type: 'object', properties: { domain: { type: 'string' } }, additionalProperties: false } }, check() {} };";
    const typo = workspace({
      '.trialrc.json': { customRules: ['./r.mjs'], rules: { house: ['warn', { domian: 'example.org' }] } },
      'r.mjs': declared,
      'a.trial.json': phaseTypo,
    });
    const error = configErrorOf(typo);
    expect(error.message).toMatch(/Rule "house": there is no option "domian"; the options are "domain"\./);
    expect(readFileSync(join(typo, '.trialrc.json'), 'utf8').slice(error.offset)).toMatch(/^\{\s*"domian"/);
    const fits = workspace({
      '.trialrc.json': { customRules: ['./r.mjs'], rules: { house: ['warn', { domain: 'example.org' }] } },
      'r.mjs': declared,
      'a.trial.json': phaseTypo,
    });
    expect(lint(fits, 'a.trial.json').settings.options.optionsFor?.('house')).toEqual({ domain: 'example.org' });
    const undeclared = workspace({
      '.trialrc.json': { customRules: ['./r.mjs'], rules: { house: ['warn', { anything: 1 }] } },
      'r.mjs': declared.replace(/, options: \{.*\} \}, check/, ' }, check'),
      'a.trial.json': phaseTypo,
    });
    expect(lint(undeclared, 'a.trial.json').settings.options.optionsFor?.('house')).toEqual({ anything: 1 });
  });

  it('a custom rule with a bad severity is a config error', () => {
    const root = workspace({
      '.trialrc.json': { customRules: ['./r.mjs'] },
      'r.mjs': "export default { meta: { id: 'x', severity: 'loud', description: 'x' }, check() {} };",
      'a.trial.json': phaseTypo,
    });
    expect(() => lint(root, 'a.trial.json')).toThrow(/severity "loud"; use error, warn, info or hint/);
  });
});
