// TrialDocument's positions: the line table grows only as far as asked, and counts lines as LSP does.
// Its placements: pointers placed with a validation (placeAlso) are read back without another pass.
import { describe, expect, it } from 'vitest';
import { TrialDocument } from '../../../server/src/service/document';
import { validateDocument } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { corpusRecord } from '../rules/fixtures';

/** Positions by splitting the text, the slow and obvious way. */
function reference(text: string, offset: number) {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('positions', () => {
  const texts = {
    'line feeds': '{\n  "a": 1,\n  "b": [\n    2\n  ]\n}\n',
    'carriage returns and line feeds': '{\r\n  "a": 1,\r\n  "b": 2\r\n}',
    'bare carriage returns': '{\r  "a": 1,\r  "b": 2\r}\r',
    'a bare carriage return after many line feeds': '{\n"a": 1,\n"b": 2,\r"c": 3\n}',
    'a bare carriage return at the very end': '{"a": 1}\n\r',
    'one line': '{"a": 1, "b": 2}',
  };

  it.each(Object.entries(texts))(
    '%s: positionAt and offsetAt agree with splitting the text, asked in any order',
    (_, text) => {
      // Offsets inside a carriage return and line feed pair are left out: they belong to the line the pair ends.
      const offsets = [...text]
        .map((_, i) => i)
        .concat(text.length)
        .filter((offset) => text[offset - 1] !== '\r' || text[offset] !== '\n');
      for (const order of [offsets, [...offsets].reverse()]) {
        const document = new TrialDocument(text);
        for (const offset of order)
          expect(document.positionAt(offset), `offset ${offset}`).toEqual(reference(text, offset));
      }
      const document = new TrialDocument(text);
      for (const offset of offsets) {
        const position = reference(text, offset);
        expect(new TrialDocument(text).offsetAt(position), `line ${position.line}`).toBe(offset);
      }
      expect(document.lineStarts.length).toBe(text.split(/\r\n|\r|\n/).length);
    },
  );
});

describe('placements', () => {
  const IDENTITY = ['/protocolSection/identificationModule/nctId', '/protocolSection/identificationModule/briefTitle'];

  it('reads back pointers placed with the findings, at the places a pass of their own finds', () => {
    const record = corpusRecord('NCT05147467');
    const text = JSON.stringify(record, null, 2);
    const validated = new TrialDocument(text);
    validateDocument(validated, { today: '2026-11-24', rules: builtinRules, placeAlso: IDENTITY });
    const readBack = validated.place(IDENTITY);
    expect(validated.place([IDENTITY[0]])).toBe(readBack);
    const fresh = new TrialDocument(text).place(IDENTITY);
    expect(readBack).not.toBe(fresh);
    for (const pointer of IDENTITY) {
      const location = readBack.locations.get(pointer)!;
      expect(location).toEqual(fresh.locations.get(pointer));
      const key = pointer.slice(pointer.lastIndexOf('/') + 1);
      expect(JSON.parse(text.slice(location.valueStart, location.valueEnd))).toBe(
        record.protocolSection.identificationModule[key],
      );
    }
  });

  it('places again a pointer the last placement was not asked for', () => {
    const document = new TrialDocument('{"a": {"b": 1}, "c": [2]}');
    const first = document.place(['/a/b']);
    const second = document.place(['/c/0']);
    expect(second).not.toBe(first);
    expect(second.locations.get('/c/0')).toMatchObject({ valueStart: 22, valueEnd: 23 });
  });
});
