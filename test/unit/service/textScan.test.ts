// The WebAssembly text scans against plain JavaScript answers: on every corpus record, and on
// short texts that put each case at every place of a sixteen-unit block and of the tail.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyColons, lineFeedsBetween, mayHoldInvalidCharacters } from '../../../server/src/service/textScan';
import { binaryModuleText, BINARY_MODULE } from '../../../server/src/service/wasm/assemble.mjs';
import { CORPUS_DIR } from '../rules/fixtures';

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** The reference: every colon whose last non-whitespace predecessor is a quote, every 64th one recorded. */
function expectedKeyColons(text: string): { count: number; checkpoints: number[] } {
  const checkpoints: number[] = [];
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    while (before >= 0 && isWhitespace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) !== 34) continue;
    if (count % 64 === 0) checkpoints.push(colon);
    count++;
  }
  return { count, checkpoints };
}

function expectedLineFeeds(text: string, from: number, to: number): { count: number; last: number; bareCarriageReturn: boolean } {
  const stretch = text.slice(from, to);
  const last = stretch.lastIndexOf('\n');
  let bareCarriageReturn = false;
  for (let i = from; i < Math.min(to, text.length); i++) if (text[i] === '\r' && text[i + 1] !== '\n') bareCarriageReturn = true;
  return { count: stretch.split('\n').length - 1, last: last === -1 ? -1 : from + last, bareCarriageReturn };
}

const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFD-\uFFFF]|\\[ubf]/;

const corpus = ['ctgov-v2', 'ctgov-v2-partial'].flatMap((group) =>
  readdirSync(join(CORPUS_DIR, group))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name: `${group}/${name}`, text: readFileSync(join(CORPUS_DIR, group, name), 'utf8') })),
);

/** A text of `length` filler units with `insert` placed at `at`. */
function textWith(insert: string, at: number, length = 40): string {
  return 'a'.repeat(at) + insert + 'b'.repeat(Math.max(0, length - at - insert.length));
}

describe('keyColons', () => {
  it('finds what a JavaScript loop finds on every corpus record', () => {
    for (const { name, text } of corpus) expect(keyColons(text), name).toEqual(expectedKeyColons(text));
  });

  it('counts keys with whitespace before the colon, and not colons inside values, at every place of a block', () => {
    for (let at = 0; at < 36; at++) {
      for (const insert of ['"k":', '"k" :', '"k"\n\t:', 'x:y', ':']) {
        const text = textWith(insert, at);
        expect(keyColons(text), `${JSON.stringify(insert)} at ${at}`).toEqual(expectedKeyColons(text));
      }
    }
  });

  it('records the colon of every 64th key, also inside blocks and in the tail', () => {
    for (const separator of ['', ' ', ',\n  ']) {
      const text = `{${Array.from({ length: 300 }, (_, i) => `"k${i}":${i}`).join(separator)}}`;
      const found = keyColons(text);
      expect(found.count).toBe(300);
      expect(found).toEqual(expectedKeyColons(text));
    }
  });

  it('never takes a character above U+00FF for a quote or a colon', () => {
    const text = '{"a": "\u0122\u013A\u0222\u023A\u0122\u013A\u0222\u023A\u0122\u013A\u0222\u023A\u0122\u013A\u0222\u023A\u0122\u013A", "b": 1}';
    expect(keyColons(text).count).toBe(2);
  });
});

describe('lineFeedsBetween', () => {
  it('counts the line feeds of any stretch of a corpus record', () => {
    const { text } = corpus.find(({ name }) => name.endsWith('NCT02210780.json'))!;
    for (const [from, to] of [[0, text.length], [0, 17], [5, 5], [100, 1234], [text.length - 20, text.length], [1, text.length - 1]]) {
      expect(lineFeedsBetween(text, from, to), `${from}-${to}`).toEqual(expectedLineFeeds(text, from, to));
    }
  });

  it('counts line feeds at every place of a block and of the tail', () => {
    for (let at = 0; at < 40; at++) {
      const text = textWith('\n\n', at);
      for (const from of [0, at, at + 1]) expect(lineFeedsBetween(text, from, text.length), `at ${at} from ${from}`).toEqual(expectedLineFeeds(text, from, text.length));
    }
    expect(lineFeedsBetween('\n\n\n', 0, 99)).toEqual({ count: 3, last: 2, bareCarriageReturn: false });
    expect(lineFeedsBetween('\n\n\n', 2, 1)).toEqual({ count: 0, last: -1, bareCarriageReturn: false });
  });

  it('tells a carriage return on its own from one before a line feed, at every place of a block and of the tail', () => {
    for (let at = 0; at < 40; at++) {
      for (const insert of ['\r', '\r\n', '\r\r\n']) {
        const text = textWith(insert, at);
        for (const [from, to] of [[0, text.length], [0, at + 1], [at + 1, text.length]]) {
          expect(lineFeedsBetween(text, from, to), `${JSON.stringify(insert)} at ${at}, ${from}-${to}`).toEqual(expectedLineFeeds(text, from, to));
        }
      }
    }
    expect(lineFeedsBetween('a\r', 0, 2).bareCarriageReturn).toBe(true);
  });
});

describe('mayHoldInvalidCharacters', () => {
  it('agrees with a regular expression on every corpus record', () => {
    for (const { name, text } of corpus) expect(mayHoldInvalidCharacters(text), name).toBe(SUSPECT.test(text));
  });

  it('finds each suspect character and escape at every place of a block and of the tail', () => {
    const suspects = ['\u0000', '\u0008', '\u000B', '\u001F', '\u007F', '\u0085', '\u009F', '\uD800', '\uDC00', '\uFFFD', '\uFFFF', '\\u', '\\b', '\\f'];
    for (let at = 0; at < 38; at++) {
      for (const suspect of suspects) expect(mayHoldInvalidCharacters(textWith(suspect, at)), `${JSON.stringify(suspect)} at ${at}`).toBe(true);
    }
  });

  it('passes text that only has allowed characters, escapes and characters above U+00FF', () => {
    for (const text of ['', 'plain', textWith('\t\r\n\\n\\"\\t\\\\ é ≥ 中 가 \u00A0\u00FF\u0100\u8000\uFEFF', 3)]) expect(mayHoldInvalidCharacters(text), JSON.stringify(text)).toBe(false);
  });

  it('takes any surrogate for a suspect (whether it is paired is for the rule to tell)', () => {
    expect(mayHoldInvalidCharacters('a 😀 b')).toBe(true);
  });

  it('checks the text it is given, not one scanned before', () => {
    expect(mayHoldInvalidCharacters('x'.repeat(100) + '\u0001')).toBe(true);
    expect(mayHoldInvalidCharacters('x'.repeat(50))).toBe(false);
    expect(mayHoldInvalidCharacters('y'.repeat(70000) + '\uFFFD')).toBe(true);
  });

  it('scans a text above the size that gets a scanner of its own, and small ones after it', () => {
    const large = `{${'"k": "v",\n'.repeat(500000)}"last": "\u0001"}`;
    expect(large.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(mayHoldInvalidCharacters(large)).toBe(true);
    expect(keyColons(large).count).toBe(500001);
    expect(lineFeedsBetween(large, 0, large.length).count).toBe(500000);
    expect(mayHoldInvalidCharacters('plain')).toBe(false);
  });
});

describe('the WebAssembly module', () => {
  it('is in step with textScan.wat (run `npm run wasm` after editing it)', async () => {
    expect(readFileSync(BINARY_MODULE, 'utf8')).toBe(await binaryModuleText());
  });
});
