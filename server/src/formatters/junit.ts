// JUnit XML for CI test reports: one testsuite per file, one testcase per finding (a clean file
// gets one passing testcase); findings at or above --fail-on are failures, the others pass with
// their message as output.
import { isAtOrAbove, ruleDocsUrl, startOf, type FormatContext, type Formatter, type LintedFile } from './types';
import type { Finding } from '../service/types';

/** Characters XML 1.0 cannot hold at all (control characters, unpaired surrogates) become U+FFFD. */
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute values also keep their quotes and line breaks (a parser would turn those into spaces). */
function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function testcase(file: LintedFile, finding: Finding, context: FormatContext): string {
  const { line, column } = startOf(finding);
  const head = `    <testcase${attributes({ classname: file.path, name: `${finding.ruleId} at ${line}:${column}`, file: file.path, line })}>`;
  const details = [
    `${finding.severity} at ${file.path}:${line}:${column} (${finding.pointer || '/'})`,
    finding.message,
    ruleDocsUrl(finding.ruleId),
  ]
    .filter((part) => part !== undefined)
    .join('\n');
  if (isAtOrAbove(finding.severity, context.failOn)) {
    return `${head}\n      <failure${attributes({ type: finding.ruleId, message: finding.message })}>${xmlText(details)}</failure>\n    </testcase>`;
  }
  return `${head}\n      <system-out>${xmlText(details)}</system-out>\n    </testcase>`;
}

function testsuite(file: LintedFile, context: FormatContext): { xml: string; tests: number; failures: number } {
  const failures = file.findings.filter((finding) => isAtOrAbove(finding.severity, context.failOn)).length;
  const cases = file.findings.length
    ? file.findings.map((finding) => testcase(file, finding, context))
    : [`    <testcase${attributes({ classname: file.path, name: 'no findings', file: file.path })}/>`];
  const tests = cases.length;
  const xml = [
    `  <testsuite${attributes({ name: file.path, tests, failures, errors: 0, skipped: 0 })}>`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { xml, tests, failures };
}

export const junit: Formatter = (results, context) => {
  const suites = results.files.map((file) => testsuite(file, context));
  const tests = suites.reduce((sum, suite) => sum + suite.tests, 0);
  const failures = suites.reduce((sum, suite) => sum + suite.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'trial-records', tests, failures, errors: 0 })}>`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    '',
  ].join('\n');
};
