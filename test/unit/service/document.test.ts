// TrialDocument's positions: the line table grows only as far as asked, and counts lines as LSP does.
import { describe, expect, it } from 'vitest';
import { TrialDocument } from '../../../server/src/service/document';

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
