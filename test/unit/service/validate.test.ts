// The engine: the message and range of each schema error kind, syntax errors, duplicate keys.
import { describe, expect, it } from 'vitest';
import { validateText } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { corpusRecord, planted } from '../rules/fixtures';
import type { Finding } from '../../../server/src/service/types';

const base = corpusRecord('NCT03418623');

function lint(record: unknown) {
  const text = JSON.stringify(record, null, 2);
  return { text, findings: validateText(text, { rules: builtinRules, today: '2026-11-24' }) };
}

/** The source text a finding's range covers. */
function covered(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const { start, end } = finding.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [
    lines[start.line].slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    lines[end.line].slice(0, end.character),
  ].join('\n');
}

function only(findings: Finding[], ruleId: string): Finding {
  const matching = findings.filter((f) => f.ruleId === ruleId);
  expect(matching, JSON.stringify(findings.map((f) => [f.ruleId, f.message]))).toHaveLength(1);
  return matching[0];
}

describe('schema findings', () => {
  it('names the closest phase for an enum near-miss, at the value', () => {
    const { text, findings } = lint(planted(base, { '/protocolSection/designModule/phases': ['Phase 2'] }));
    const finding = only(findings, 'schema');
    expect(finding.message).toBe('"Phase 2" is not a phase; did you mean "PHASE2"?');
    expect(finding.pointer).toBe('/protocolSection/designModule/phases/0');
    expect(covered(text, finding)).toBe('"Phase 2"');
    expect(finding.fix?.changes[0]).toEqual({
      op: 'set',
      pointer: '/protocolSection/designModule/phases/0',
      value: 'PHASE2',
    });
  });

  it('fixes a value that is the display label of one code, in any letter case; a near miss is only suggested', () => {
    const design = '/protocolSection/designModule/designInfo';
    const cases: Array<[string, string, string]> = [
      [`${design}/allocation`, 'Randomized', 'RANDOMIZED'],
      [`${design}/interventionModel`, 'Single Group Assignment', 'SINGLE_GROUP'],
      [`${design}/maskingInfo/masking`, 'None (Open Label)', 'NONE'],
      ['/protocolSection/statusModule/overallStatus', 'not yet recruiting', 'NOT_YET_RECRUITING'],
    ];
    for (const [pointer, label, code] of cases) {
      const finding = lint(planted(base, { [pointer]: label })).findings.find(
        (f) => f.pointer === pointer && f.ruleId === 'schema',
      );
      expect(finding?.fix?.changes, label).toEqual([{ op: 'set', pointer, value: code }]);
      expect(finding?.suggestions, label).toBeUndefined();
    }
    const nearMiss = lint(planted(base, { [`${design}/allocation`]: 'Randomised' })).findings.find(
      (f) => f.ruleId === 'schema',
    );
    expect(nearMiss?.message).toBe('"Randomised" is not an allocation; did you mean "RANDOMIZED"?');
    expect(nearMiss?.fix).toBeUndefined();
    expect(nearMiss?.suggestions?.[0].changes).toEqual([
      { op: 'set', pointer: `${design}/allocation`, value: 'RANDOMIZED' },
    ]);
    // "Phase II" is a way of writing phase 2, not the registry's label for it.
    const alias = lint(planted(base, { '/protocolSection/designModule/phases': ['Phase II'] })).findings.find(
      (f) => f.ruleId === 'schema',
    );
    expect(alias?.fix).toBeUndefined();
  });

  it('matches display labels too: "Dietary Supplement" → DIETARY_SUPPLEMENT', () => {
    const { findings } = lint(
      planted(base, { '/protocolSection/armsInterventionsModule/interventions/0/type': 'Dietary Supplement' }),
    );
    expect(findings.find((f) => f.ruleId === 'schema')?.message).toBe(
      '"Dietary Supplement" is not an intervention type; did you mean "DIETARY_SUPPLEMENT"?',
    );
  });

  it('lists the allowed codes when nothing is close', () => {
    const { findings } = lint(planted(base, { '/protocolSection/designModule/studyType': 'QUALITATIVE' }));
    expect(only(findings, 'schema').message).toBe(
      '"QUALITATIVE" is not a study type. Allowed: EXPANDED_ACCESS, INTERVENTIONAL, OBSERVATIONAL.',
    );
  });

  it('reports a wrong type at the value, once', () => {
    const { text, findings } = lint(planted(base, { '/protocolSection/designModule/enrollmentInfo/count': '40' }));
    const finding = only(findings, 'schema');
    expect(finding.message).toMatch(/should be an integer, not the string "40"/);
    expect(covered(text, finding)).toBe('"40"');
  });

  it('rejects dates that are not real calendar dates', () => {
    const { text, findings } = lint(
      planted(base, { '/protocolSection/statusModule/startDateStruct/date': '2018-02-30' }),
    );
    const finding = only(findings, 'schema');
    expect(finding.message).toBe('"2018-02-30" is not a real calendar date.');
    expect(covered(text, finding)).toBe('"2018-02-30"');
  });

  it('rejects dates in the wrong form with the accepted forms', () => {
    const { findings } = lint(planted(base, { '/protocolSection/statusModule/startDateStruct/date': '03/08/2018' }));
    expect(only(findings, 'schema').message).toMatch(/use yyyy, yyyy-MM or yyyy-MM-dd/);
  });

  it('checks the NCT number pattern', () => {
    const { findings } = lint(planted(base, { '/protocolSection/identificationModule/nctId': 'NCT123' }));
    expect(only(findings, 'schema').message).toBe(
      '"NCT123" is not an NCT number: "NCT" followed by 8 digits, e.g. "NCT01234567".',
    );
  });

  it('checks ages', () => {
    const { findings } = lint(planted(base, { '/protocolSection/eligibilityModule/minimumAge': '18 years old' }));
    expect(only(findings, 'schema').message).toMatch(
      /is not a duration: write a whole number and a unit, e.g. "18 Years"/,
    );
  });

  it('enforces protocol character limits with the current length', () => {
    const { findings } = lint(planted(base, { '/protocolSection/identificationModule/acronym': 'A'.repeat(20) }));
    expect(only(findings, 'schema').message).toMatch(/is 20 characters long; the registry accepts at most 14/);
  });

  it('rejects negative counts', () => {
    const { findings } = lint(planted(base, { '/protocolSection/designModule/enrollmentInfo/count': -3 }));
    expect(only(findings, 'schema').message).toMatch(/can't be negative \(found -3\)/);
  });

  it('reports an unknown key at the key as a warning naming the closest key', () => {
    const { text, findings } = lint(planted(base, { '/protocolSection/designModule/phase': ['PHASE2'] }));
    const finding = only(
      findings.filter((f) => f.severity === 'warning'),
      'unknown-property',
    );
    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/Unknown property "phase".*did you mean "phases"\?/);
    expect(covered(text, finding)).toBe('"phase"');
  });

  it('reports a known legacy key as a hint', () => {
    const { findings } = lint(corpusRecord('NCT00973089'));
    expect(only(findings, 'unknown-property').severity).toBe('hint');
  });

  it('reports a missing required property at the parent key', () => {
    const { text, findings } = lint(
      planted(base, { '/protocolSection/contactsLocationsModule/locations/0/geoPoint': { lat: 1 } }),
    );
    const finding = only(findings, 'schema');
    expect(finding.message).toMatch(/missing "lon"/);
    expect(covered(text, finding)).toBe('"geoPoint"');
  });
});

describe('syntax', () => {
  it('reports comments and trailing commas as errors, and still validates what it can read', () => {
    const text = '{\n  // a comment\n  "protocolSection": {"designModule": {"phases": ["Phase 2"],}}\n}';
    const findings = validateText(text, { rules: builtinRules });
    const syntax = findings.filter((f) => f.ruleId === 'syntax');
    expect(syntax.map((f) => f.message)).toEqual([
      'Comments are not allowed: trial records are strict JSON.',
      expect.stringMatching(/trailing commas are not allowed/),
    ]);
    expect(syntax[0].range.start).toEqual({ line: 1, character: 2 });
    expect(findings.some((f) => f.ruleId === 'schema' && /PHASE2/.test(f.message))).toBe(true);
  });

  it('says an empty file is empty', () => {
    expect(validateText('', { rules: builtinRules }).map((f) => f.message)).toEqual([
      expect.stringMatching(/^Empty file/),
    ]);
  });

  it('reports a BOM as a warning and validates the rest', () => {
    const findings = validateText('\ufeff' + JSON.stringify(base), { rules: builtinRules });
    expect(findings.filter((f) => f.ruleId === 'syntax').map((f) => f.severity)).toEqual(['warning']);
  });

  it('reports a NUL byte', () => {
    expect(validateText('{"a":\u0000}', { rules: builtinRules }).some((f) => /NUL byte/.test(f.message))).toBe(true);
  });

  it('survives 100,000-deep nesting', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    const findings = validateText(`{"protocolSection": {"conditionsModule": {"conditions": ${deep}}}}`, {
      rules: builtinRules,
    });
    expect(findings.length).toBeGreaterThan(0);
  });
});

describe('duplicate keys', () => {
  it('reports the second key with the first as related information', () => {
    const text =
      '{\n  "protocolSection": {\n    "designModule": {"studyType": "INTERVENTIONAL"},\n    "designModule": {"studyType": "OBSERVATIONAL"}\n  }\n}';
    const finding = only(validateText(text, { rules: builtinRules }), 'duplicate-key');
    expect(finding.pointer).toBe('/protocolSection/designModule');
    expect(finding.range.start).toEqual({ line: 3, character: 4 });
    expect(finding.related?.[0].range.start).toEqual({ line: 2, character: 4 });
  });

  it('tells repeated keys in different objects apart', () => {
    const text = JSON.stringify({
      protocolSection: { armsInterventionsModule: { armGroups: [{ label: 'A' }, { label: 'B' }] } },
    });
    expect(validateText(text, { rules: builtinRules }).filter((f) => f.ruleId === 'duplicate-key')).toEqual([]);
  });
});

describe('positions', () => {
  it('counts characters in UTF-16 code units, as LSP does', () => {
    const text = '{"protocolSection": {"identificationModule": {"briefTitle": "😀", "acronym": 5}}}';
    const finding = only(validateText(text, { rules: builtinRules }), 'schema');
    expect(finding.range.start.character).toBe(text.indexOf('5'));
  });

  it('counts a carriage return on its own as a line break, as editors do, like CRLF and LF', () => {
    const { text } = lint(planted(base, { '/protocolSection/designModule/phases': ['Phase 2'] }));
    const at = (findings: Finding[]) => findings.map((finding) => [finding.ruleId, finding.range]);
    const expected = at(validateText(text, { rules: builtinRules, today: '2026-11-24' }));
    expect(expected.some(([ruleId]) => ruleId === 'schema')).toBe(true);
    for (const lineBreak of ['\r\n', '\r'])
      expect(
        at(validateText(text.split('\n').join(lineBreak), { rules: builtinRules, today: '2026-11-24' })),
        JSON.stringify(lineBreak),
      ).toEqual(expected);
    const syntax = only(validateText('{"a": 1}\r\r\r"', { rules: builtinRules }), 'syntax');
    expect(syntax.range.start).toEqual({ line: 3, character: 0 });
  });
});

describe('messages about very long values', () => {
  it('quote the start of the value and its length; the range still covers all of it', () => {
    const key = 'K'.repeat(50000);
    const phase = 'P'.repeat(100000);
    const text = JSON.stringify(
      planted(corpusRecord('NCT03418623'), {
        '/protocolSection/designModule/phases': [phase],
        [`/protocolSection/designModule/${key}`]: 1,
      }),
      null,
      2,
    );
    const findings = validateText(text, { rules: builtinRules, today: '2026-11-24' });
    const unknown = findings.find((finding) => finding.ruleId === 'unknown-property' && finding.pointer.endsWith(key))!;
    expect(unknown.message).toBe(
      `Unknown property "${'K'.repeat(80)}…" (50000 characters) in Design; the registry does not know this field.`,
    );
    expect(unknown.suggestions?.map((suggestion) => suggestion.title)).toEqual([
      `Remove "${'K'.repeat(80)}…" (50000 characters)`,
    ]);
    const lines = text.split('\n');
    expect(lines[unknown.range.start.line].slice(unknown.range.start.character, unknown.range.end.character)).toBe(
      `"${key}"`,
    );
    const badPhase = findings.find((finding) => finding.pointer === '/protocolSection/designModule/phases/0')!;
    expect(badPhase.message).toMatch(new RegExp(`^"${'P'.repeat(80)}…" \\(100000 characters\\) is not a phase`));
  });

  it('leave ordinary messages as they are', () => {
    const findings = validateText(
      JSON.stringify(
        planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['Phase 2'] }),
        null,
        2,
      ),
      { rules: builtinRules, today: '2026-11-24' },
    );
    expect(findings.find((finding) => finding.pointer === '/protocolSection/designModule/phases/0')?.message).toBe(
      '"Phase 2" is not a phase; did you mean "PHASE2"?',
    );
  });
});
