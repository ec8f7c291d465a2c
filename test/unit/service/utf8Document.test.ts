// Validating a record off its UTF-8 bytes (the CLI's many-files path) gives exactly the findings,
// ranges and messages that validating its decoded text gives, and hands anything it cannot read
// that way back to the usual reading.
import { describe, expect, it } from 'vitest';
import { TrialDocument } from '../../../server/src/service/document';
import { utf8Document } from '../../../server/src/service/utf8Document';
import { validateDocument } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { defineRule } from '../../../server/src/service/types';
import { corpusRecord, corpusTexts, planted } from '../rules/fixtures';

const TODAY = '2026-11-24';

function fromBytes(bytes: Buffer): TrialDocument {
  const document = utf8Document(bytes);
  if (!document) throw new Error('expected the bytes to be read directly');
  return document;
}

function sameFindings(text: string, maxSize?: number) {
  const bytes = Buffer.from(text, 'utf8');
  const direct = validateDocument(fromBytes(bytes), { rules: builtinRules, today: TODAY, maxSize });
  const decoded = validateDocument(new TrialDocument(text), { rules: builtinRules, today: TODAY, maxSize });
  expect(direct).toEqual(decoded);
  return direct;
}

const records = corpusTexts();

describe('every corpus record: the same findings as from the decoded text', () => {
  it.each(records)('$name', ({ text }) => {
    sameFindings(text);
  });

  it('also minified, where every finding is on the one line and columns count past many non-ASCII letters', () => {
    const nonAscii = records.filter(({ text }) => /[^\x00-\x7f]/.test(text));
    expect(nonAscii.length).toBeGreaterThan(10);
    for (const { text } of nonAscii) sameFindings(JSON.stringify(JSON.parse(text)));
  });
});

describe('columns in UTF-16 code units', () => {
  const base = corpusRecord('NCT03418623');

  it('after accented letters, dashes and a character outside the BMP on the same line', () => {
    const record = planted(base, {
      '/protocolSection/designModule/phases': ['Phase 2'],
    });
    const text = JSON.stringify(record, null, 2).replace('"phases": [', '"phases": [\n"é–😀", ');
    const findings = sameFindings(text);
    const phase = findings.find((finding) => finding.pointer === '/protocolSection/designModule/phases/1');
    const line = text.split('\n')[phase!.range.start.line];
    expect(line.slice(phase!.range.start.character, phase!.range.end.character)).toBe('"Phase 2"');
  });

  it('offsetAt undoes positionAt, in bytes', () => {
    const text = '{"a": "é😀x", "b": 1}';
    const bytes = Buffer.from(text, 'utf8');
    const document = fromBytes(bytes);
    const byteOffset = bytes.indexOf('"b"');
    const position = document.positionAt(byteOffset);
    expect(position).toEqual({ line: 0, character: text.indexOf('"b"') });
    expect(document.offsetAt(position)).toBe(byteOffset);
  });
});

describe('strings restored from their bytes', () => {
  it('gives rules the decoded strings and, when asked, the decoded text', () => {
    const seen: unknown[] = [];
    const probe = defineRule({
      meta: {
        id: 'probe',
        severity: 'hint',
        category: 'custom',
        source: 'custom',
        description: 'Sees the text.',
        docs: '',
      },
      check(context) {
        seen.push((context.record as { title: string }).title, context.text);
      },
    });
    const text = '{"title": "Étude – ≥ 18 ans 😀"}';
    validateDocument(fromBytes(Buffer.from(text, 'utf8')), {
      today: TODAY,
      rules: [probe],
    });
    expect(seen).toEqual(['Étude – ≥ 18 ans 😀', text]);
  });

  it('reports characters the registry refuses as the decoded text does: U+FFFD, a C1 control, DEL, an escaped control', () => {
    // Each the only non-ASCII character of its record, so that nothing else makes the rule look.
    for (const bad of ['age \ufffd 18', 'a\u0085b', 'a\u007fb', 'a\u0001b', 'a\uffffb']) {
      const text = JSON.stringify(
        {
          protocolSection: {
            descriptionModule: { briefSummary: `Summary ${bad}` },
          },
        },
        null,
        2,
      );
      const findings = sameFindings(text);
      expect(
        findings.some((finding) => finding.ruleId === 'text-characters'),
        bad,
      ).toBe(true);
    }
  });

  it('names a repeated non-ASCII value and a repeated key as the decoded text does', () => {
    const text = '{"protocolSection": {"identificationModule": {"briefTitle": "Étude", "briefTitle": "Étude 2"}}}';
    const findings = sameFindings(text);
    expect(findings.find((finding) => finding.ruleId === 'duplicate-key')?.message).toContain('"briefTitle"');
  });
});

describe('the size limit', () => {
  it('counts characters, not bytes, as the decoded text does', () => {
    const limited = (findings: ReturnType<typeof sameFindings>) => findings.some((finding) => finding.message.includes('KB limit'));
    expect(limited(sameFindings(`{"a": "${'é'.repeat(1500)}"}`, 2000))).toBe(false);
    expect(limited(sameFindings(`{"a": "${'é'.repeat(2500)}"}`, 2000))).toBe(true);
  });
});

describe('what goes back to the usual reading', () => {
  const cases: Array<[string, Buffer]> = [
    ['a byte-order mark', Buffer.from('\ufeff{"a": 1}', 'utf8')],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])],
    ['UTF-16', Buffer.from('{"a": 1}', 'utf16le')],
    ['broken JSON', Buffer.from('{"a": "é",}', 'utf8')],
    ['an escape for a non-ASCII character beside raw ones', Buffer.from('{"a": "\\u00e9 é"}', 'utf8')],
    ['a non-ASCII key', Buffer.from('{"é": "è"}', 'utf8')],
    ['a "__proto__" key', Buffer.from('{"__proto__": "è"}', 'utf8')],
  ];

  it.each(cases)('%s', (_, bytes) => {
    expect(utf8Document(bytes)).toBeUndefined();
  });

  it('keeps ASCII escapes and ASCII-only records', () => {
    expect(utf8Document(Buffer.from('{"a": "\\u0041 é"}', 'utf8'))?.value).toEqual({ a: 'A é' });
    expect(utf8Document(Buffer.from('{"a": "\\u00e9"}', 'utf8'))?.value).toEqual({ a: 'é' });
  });
});
