// Raw line breaks, tabs and control characters inside strings: one syntax finding with a fix that
// escapes them all, the rest of the record checked as if they were escaped, and the old findings
// where a string truly lacks its closing quote.
import { describe, expect, it } from 'vitest';
import { validateText } from '../../../server/src/service/validate';
import { applyFindingFixes } from '../../../server/src/service/fixes';
import { builtinRules } from '../../../server/src/rules';
import { corpusRecord, planted } from '../rules/fixtures';
import type { Finding } from '../../../server/src/service/types';

const TODAY = '2026-11-24';
const record = corpusRecord('NCT03418623');
const pretty = JSON.stringify(record, null, 2);
const CRITERIA = '"eligibilityCriteria": "Inclusion Criteria:';

const lint = (text: string) => validateText(text, { rules: builtinRules, today: TODAY });
const syntaxOf = (findings: Finding[]) => findings.filter((finding) => finding.ruleId === 'syntax');

/** The text with the first `escape` after `marker` written raw as `raw`. */
function withRaw(text: string, marker: string, escape: string, raw: string): string {
  const markerAt = text.indexOf(marker);
  expect(markerAt, marker).toBeGreaterThan(-1);
  const at = text.indexOf(escape, markerAt + marker.length);
  return text.slice(0, at) + raw + text.slice(at + escape.length);
}

/** The record after applying the fixes of one fix pass, as a value. */
function fixedValue(text: string): unknown {
  return JSON.parse(applyFindingFixes(text, lint(text)).text);
}

/** Rule and schema findings by rule, pointer and message: what the record's value decides. */
const aboutValue = (findings: Finding[]) =>
  findings
    .filter((finding) => finding.ruleId !== 'syntax')
    .map((finding) => [finding.ruleId, finding.pointer, finding.message]);

describe('a raw line break inside a text value', () => {
  it('is one syntax finding at the break, and the record is checked as if it were escaped', () => {
    const text = withRaw(pretty, CRITERIA, '\\n', '\n');
    const findings = lint(text);
    const syntax = syntaxOf(findings);
    expect(syntax.map((finding) => finding.message)).toEqual(['Line break inside a text value: write it as \\n.']);
    const line = text.slice(0, text.indexOf(CRITERIA)).split('\n').length - 1;
    expect(syntax[0].range.start).toEqual({ line, character: pretty.split('\n')[line].indexOf('\\n') });
    expect(aboutValue(findings)).toEqual(aboutValue(lint(pretty)));
    expect(fixedValue(text)).toEqual(record);
  });

  it('places the findings after the break on their own lines, one line further down', () => {
    const phases = planted(record, { '/protocolSection/designModule/phases': ['Phase 2'] });
    const text = JSON.stringify(phases, null, 2);
    const broken = withRaw(text, '"briefSummary"', '...', '\n...');
    const schemaLine = (findings: Finding[]) =>
      findings.find((finding) => finding.ruleId === 'schema' && /PHASE2/.test(finding.message))?.range.start.line;
    expect(schemaLine(lint(broken))).toBe(schemaLine(lint(text))! + 1);
  });

  it('in a file with CRLF line endings is escaped as \\n', () => {
    const crlf = pretty.split('\n').join('\r\n');
    const text = withRaw(crlf, CRITERIA, '\\n', '\r\n');
    expect(syntaxOf(lint(text)).map((finding) => finding.message)).toEqual([
      'Line break inside a text value: write it as \\n.',
    ]);
    const fixed = applyFindingFixes(text, lint(text)).text;
    expect(fixed).toBe(crlf);
  });

  it('names a tab and another control character with their escapes', () => {
    const tab = withRaw(pretty, '"briefSummary": "This', ' ', '\t');
    expect(syntaxOf(lint(tab)).map((finding) => finding.message)).toEqual([
      'Tab inside a text value: write it as \\t.',
    ]);
    expect(fixedValue(tab)).toEqual(JSON.parse(withRaw(pretty, '"briefSummary": "This', ' ', '\\t')));
    const bell = withRaw(pretty, '"briefSummary": "This', ' ', '\u0007');
    expect(syntaxOf(lint(bell)).map((finding) => finding.message)).toEqual([
      'Control character U+0007 inside a text value: write it as \\u0007.',
    ]);
  });

  it('reports several once, counting the others, and the fix escapes them all', () => {
    let text = withRaw(pretty, CRITERIA, '\\n\\n', '\n\n');
    text = withRaw(text, '"detailedDescription": "This', ' ', '\t');
    const syntax = syntaxOf(lint(text));
    expect(syntax.map((finding) => finding.message)).toEqual([
      "Tab inside a text value: write it as \\t (2 more raw line breaks or tabs in this record's strings).",
    ]);
    expect(syntax[0].fix?.title).toBe('Escape line breaks and tabs in text values');
    const fixed = applyFindingFixes(text, lint(text)).text;
    expect(syntaxOf(lint(fixed))).toEqual([]);
    expect(fixed).toBe(withRaw(pretty, '"detailedDescription": "This', ' ', '\\t'));
  });

  it('says when the break is inside a property name', () => {
    const text = pretty.replace('"briefSummary"', '"brief\nSummary"');
    expect(syntaxOf(lint(text)).map((finding) => finding.message)).toEqual([
      'Line break inside a property name: write it as \\n.',
    ]);
    expect(lint(text).some((finding) => finding.ruleId === 'unknown-property')).toBe(true);
  });

  it('keeps the byte-order mark and its warning', () => {
    const text = '\ufeff' + withRaw(pretty, CRITERIA, '\\n', '\n');
    expect(syntaxOf(lint(text)).map((finding) => finding.severity)).toEqual(['warning', 'error']);
    expect(applyFindingFixes(text, lint(text)).text).toBe('\ufeff' + pretty);
  });
});

describe('a string that truly lacks its closing quote', () => {
  it('keeps the old message', () => {
    const text = pretty.replace(/("briefTitle": "[^"]*)"/, '$1');
    const syntax = syntaxOf(lint(text));
    expect(syntax[0].message).toBe('Unclosed string: add the closing double quote.');
    expect(syntax.some((finding) => /inside a text value/.test(finding.message))).toBe(false);
    expect(syntax.every((finding) => finding.fix === undefined)).toBe(true);
  });

  it('keeps the old findings when the record has another syntax error besides a raw break', () => {
    const text = withRaw(pretty, CRITERIA, '\\n', '\n').replace('"briefSummary"', '"briefSummary",');
    expect(syntaxOf(lint(text)).some((finding) => /inside a text value/.test(finding.message))).toBe(false);
  });
});

describe('a large record', () => {
  it('with one raw break in 5 MB is read in one pass and fixed', () => {
    const outcome = record.protocolSection.outcomesModule.primaryOutcomes[0];
    const outcomes = Array.from({ length: 1 }, () => outcome);
    while (JSON.stringify(outcomes).length < 5 * 1024 * 1024) outcomes.push(...outcomes);
    const large = JSON.stringify(
      planted(record, { '/protocolSection/outcomesModule/secondaryOutcomes': outcomes }),
      null,
      2,
    );
    const text = withRaw(large, CRITERIA, '\\n', '\n');
    const findings = validateText(text, { rules: [], today: TODAY, maxSize: 64 * 1024 * 1024 });
    expect(syntaxOf(findings)).toHaveLength(1);
    expect(applyFindingFixes(text, findings).text).toBe(large);
  });
});
