// RuleTester: valid/invalid case tables for trial-record rules, in the spirit of ESLint's.
// Exported as `trial-records/testing`. Uses the test framework's global describe/it (vitest with
// `globals: true`, jest, mocha), or the ones assigned to RuleTester.describe / RuleTester.it.
import { validateText } from './service/validate';
import { applyFindingFixes } from './service/fixes';
import { optionsProblem } from './config/ruleOptions';
import { checkedReport } from './config/reportShape';
import { severityFromWord, type Finding, type Rule, type Severity } from './service/types';

export interface ValidCase {
  name?: string;
  /** The record as a value; its text is then the value indented with two spaces. */
  record?: unknown;
  /** The record as a file holds it, for rules that read `context.text`; used instead of `record`. */
  text?: string;
  today?: string;
  options?: Record<string, unknown>;
  /** The record before a change, for change rules (what `lint --changed-since` compares with). */
  previous?: unknown;
}

export interface ExpectedFinding {
  pointer: string;
  message?: string | RegExp;
  severity?: Severity;
  /** Pointers of the related locations, in order. */
  related?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The record after applying the fixes (`--fix`); omit when the rule offers none. */
  output?: unknown;
}

type Block = (name: string, body: () => void) => void;

/** A team's rule module as written: meta.severity in the config's words ("warn", "error", …). */
export interface CustomRuleModule {
  meta: Omit<Rule['meta'], 'severity' | 'category' | 'source' | 'docs'> & {
    severity: string;
    category?: string;
    source?: string;
    docs?: string;
  };
  check: Rule['check'];
}

/** A rule with its severity in the engine's words, as the config loader makes it. */
function asRule(rule: Rule | CustomRuleModule): Rule {
  const severity = severityFromWord(rule.meta.severity);
  if (!severity)
    throw new Error(`Rule "${rule.meta.id}" has severity "${rule.meta.severity}"; use error, warn, info or hint.`);
  // Reports are checked as the config loader checks a custom rule's: a malformed one fails the case with the reason.
  // The text and severityAt are not own properties of the engine's context, which a spread leaves out.
  const check: Rule['check'] = (context) =>
    rule.check({
      ...context,
      text: context.text,
      severityAt: (pointer, severity) => context.severityAt(pointer, severity),
      report: (report) => context.report(checkedReport(report)),
    });
  return { meta: { category: 'custom', source: 'custom', docs: rule.meta.description, ...rule.meta, severity }, check };
}

export class RuleTester {
  static describe: Block | undefined;
  static it: Block | undefined;
  /** A house style for messages: says why a finding's message does not fit it (undefined when it does). */
  static checkMessage: ((message: string) => string | undefined) | undefined;

  constructor(private readonly defaults: { today?: string } = {}) {}

  run(rule: Rule | CustomRuleModule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
    const checked = asRule(rule);
    const describe = RuleTester.describe ?? (globalThis as { describe?: Block }).describe;
    const it = RuleTester.it ?? (globalThis as { it?: Block }).it;
    if (!describe || !it)
      throw new Error(
        'RuleTester needs describe/it: enable your test framework globals or set RuleTester.describe and RuleTester.it.',
      );
    describe(checked.meta.id, () => {
      describe('valid', () =>
        cases.valid.forEach((c, i) => it(c.name ?? `valid #${i + 1}`, () => this.expectValid(checked, c))));
      describe('invalid', () =>
        cases.invalid.forEach((c, i) => it(c.name ?? `invalid #${i + 1}`, () => this.expectInvalid(checked, c))));
    });
  }

  /** The findings of one rule alone on a record (the schema's findings are left out). */
  findings(rule: Rule | CustomRuleModule, testCase: ValidCase): Finding[] {
    const checked = asRule(rule);
    const problem = testCase.options && checked.meta.options && optionsProblem(checked.meta.options, testCase.options);
    if (problem)
      throw new Error(
        `case ${testCase.name ?? '(unnamed)'}: its options do not fit the rule's options schema: ${problem}`,
      );
    const findings = validateText(caseText(testCase), {
      today: testCase.today ?? this.defaults.today ?? '2026-01-01',
      rules: [checked],
      optionsFor: () => testCase.options,
      previous: testCase.previous,
    });
    // A rule that throws (or reports something malformed) fails the case with its reason, not with a count of findings.
    const failure = findings.find((finding) => finding.ruleId === 'rule-error');
    if (failure) throw new Error(failure.message);
    return findings.filter((finding) => finding.ruleId === checked.meta.id);
  }

  private expectValid(rule: Rule, testCase: ValidCase): void {
    const findings = this.findings(rule, testCase);
    if (findings.length > 0) throw new Error(`expected no findings, got:\n${describeFindings(findings)}`);
  }

  private expectInvalid(rule: Rule, testCase: InvalidCase): void {
    const findings = this.findings(rule, testCase);
    if (findings.length !== testCase.errors.length) {
      throw new Error(
        `expected ${testCase.errors.length} finding(s), got ${findings.length}:\n${describeFindings(findings)}`,
      );
    }
    const sorted = [...findings].sort((a, b) => a.pointer.localeCompare(b.pointer));
    const expected = [...testCase.errors].sort((a, b) => a.pointer.localeCompare(b.pointer));
    expected.forEach((want, i) => compareFinding(sorted[i], want));
    for (const finding of findings) {
      const problem = RuleTester.checkMessage?.(finding.message);
      if (problem) throw new Error(`message at ${finding.pointer}: ${problem}: ${finding.message}`);
    }
    if ('output' in testCase) compareOutput(findings, testCase);
  }
}

function compareFinding(got: Finding, want: ExpectedFinding): void {
  if (got.pointer !== want.pointer)
    throw new Error(`expected a finding at ${want.pointer}, got one at ${got.pointer}: ${got.message}`);
  if (typeof want.message === 'string' && got.message !== want.message)
    throw new Error(`message at ${want.pointer}:\n  expected: ${want.message}\n  got:      ${got.message}`);
  if (want.message instanceof RegExp && !want.message.test(got.message))
    throw new Error(`message at ${want.pointer} does not match ${want.message}: ${got.message}`);
  if (want.severity && got.severity !== want.severity)
    throw new Error(`severity at ${want.pointer}: expected ${want.severity}, got ${got.severity}`);
  if (want.related) {
    const pointers = (got.related ?? []).map((related) => related.pointer);
    if (JSON.stringify(pointers) !== JSON.stringify(want.related))
      throw new Error(
        `related at ${want.pointer}: expected ${JSON.stringify(want.related)}, got ${JSON.stringify(pointers)}`,
      );
  }
}

/** The text a case is checked in. */
function caseText(testCase: ValidCase): string {
  if (testCase.text !== undefined) return testCase.text;
  if (testCase.record === undefined) throw new Error(`case ${testCase.name ?? '(unnamed)'} needs a record or a text`);
  return JSON.stringify(testCase.record, null, 2);
}

function compareOutput(findings: Finding[], testCase: InvalidCase): void {
  const fixed = JSON.parse(applyFindingFixes(caseText(testCase), findings).text) as unknown;
  if (JSON.stringify(fixed) !== JSON.stringify(testCase.output)) {
    throw new Error(
      `output after fixes differs:\n  expected: ${JSON.stringify(testCase.output)}\n  got:      ${JSON.stringify(fixed)}`,
    );
  }
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  ${f.severity} ${f.pointer}: ${f.message}`).join('\n') || '  (none)';
}

export { defineRule } from './service/types';
export type { Rule, RuleContext, RuleMeta, Finding } from './service/types';
