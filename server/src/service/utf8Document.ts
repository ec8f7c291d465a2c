// A record validated straight from its UTF-8 bytes, without decoding them: the CLI's way to lint
// many files. The bytes are read one per character (Latin-1), a plain copy, where decoding UTF-8
// costs three to five times as much on records with a few accented letters or dashes. JSON.parse
// reads that text as it reads the decoded one, because JSON's syntax is all ASCII and the bytes
// of other characters (0x80 and up) only ever occur inside strings; the few strings holding such
// bytes are decoded afterwards. Offsets count bytes; positions are still given in UTF-16 code
// units, as LSP and every format count them. For validation only: editor features, fixes and
// broken JSON use a TrialDocument of the decoded text.
import { isAscii, isUtf8 } from 'node:buffer';
import { TrialDocument } from './document';

/**
 * The record's document read from its bytes, or undefined when the bytes are to be decoded as
 * usual: not UTF-8, with a byte-order mark, not valid JSON, or holding what the byte reading
 * cannot restore (an escape for a non-ASCII character, a non-ASCII key).
 */
export function utf8Document(bytes: Buffer): TrialDocument | undefined {
  const ascii = isAscii(bytes);
  if (!ascii && (startsWithByteOrderMark(bytes) || !isUtf8(bytes))) return undefined;
  const source = bytes.toString('latin1');
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  // ASCII bytes read as Latin-1 are the decoded text itself.
  if (ascii) return new ParsedDocument(source, value);
  if (hasEscapeBeyondAscii(bytes)) return undefined;
  let restored: unknown;
  try {
    restored = withUtf8Strings(value);
  } catch {
    // Nested too deeply to walk: the usual reading reports it.
    return undefined;
  }
  return restored === CANNOT_RESTORE ? undefined : new Utf8Document(bytes, source, restored);
}

/** A text whose JSON.parse has been done already. */
class ParsedDocument extends TrialDocument {
  constructor(source: string, value: unknown) {
    super(source);
    this.parsedCache = { value, syntaxProblems: [] };
  }
}

/** Bytes with characters beyond ASCII, read one per character: offsets count bytes. */
class Utf8Document extends ParsedDocument {
  private decoded?: string;
  /** Where the last column was counted: positions are asked for in increasing order, mostly. */
  private readonly cursor = { lineStart: -1, offset: 0, units: 0 };

  constructor(
    private readonly bytes: Buffer,
    source: string,
    value: unknown,
  ) {
    super(source, value);
  }

  override get text(): string {
    this.decoded ??= this.bytes.toString('utf8');
    return this.decoded;
  }

  override isLongerThan(limit: number): boolean {
    // A character takes at least as many bytes as UTF-16 code units: count them only for a file near the limit.
    return this.bytes.length > limit && utf16UnitsBetween(this.source, 0, this.source.length) > limit;
  }

  override textBetween(start: number, end: number): string {
    return this.bytes.toString('utf8', start, end);
  }

  override mayHoldInvalidCharacters(): boolean {
    return bytesMayHoldInvalidCharacters(this.bytes);
  }

  protected override columnOf(lineStart: number, offset: number): number {
    const { cursor } = this;
    if (cursor.lineStart !== lineStart || cursor.offset > offset) {
      cursor.lineStart = lineStart;
      cursor.offset = lineStart;
      cursor.units = 0;
    }
    cursor.units += utf16UnitsBetween(this.source, cursor.offset, offset);
    cursor.offset = offset;
    return cursor.units;
  }

  protected override offsetOfColumn(lineStart: number, lineEnd: number, character: number): number {
    let offset = lineStart;
    for (let units = 0; offset < lineEnd && units < character; ) {
      units += this.source.charCodeAt(offset) >= 0xf0 ? 2 : 1;
      offset++;
      while (offset < lineEnd && isContinuationByte(this.source.charCodeAt(offset))) offset++;
    }
    return offset;
  }
}

function startsWithByteOrderMark(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function isContinuationByte(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/** UTF-16 code units of the UTF-8 bytes in source[from, to): one per sequence, two for the four-byte ones. */
function utf16UnitsBetween(source: string, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const byte = source.charCodeAt(i);
    if (!isContinuationByte(byte)) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** A \uXXXX escape for a character above 0x7F: JSON.parse would give it as it is, and decoding the string again would mangle it. */
function hasEscapeBeyondAscii(bytes: Buffer): boolean {
  for (let at = bytes.indexOf('\\u'); at !== -1; at = bytes.indexOf('\\u', at + 2)) {
    if (Number.parseInt(bytes.toString('latin1', at + 2, at + 6), 16) >= 0x80) return true;
  }
  return false;
}

const CANNOT_RESTORE = Symbol('cannot restore');
const NON_ASCII = /[\x80-\xff]/;

function decodedString(text: string): string {
  return Buffer.from(text, 'latin1').toString('utf8');
}

/**
 * The parsed value with every string that holds bytes above 0x7F decoded from UTF-8, in place.
 * CANNOT_RESTORE for a non-ASCII key (keys are compared with the text while placing findings)
 * and for a "__proto__" key, which plain assignment cannot set.
 */
function withUtf8Strings(value: unknown): unknown {
  if (typeof value === 'string') return NON_ASCII.test(value) ? decodedString(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'string' && (item === null || typeof item !== 'object')) continue;
      const restored = withUtf8Strings(item);
      if (restored === CANNOT_RESTORE) return CANNOT_RESTORE;
      value[i] = restored;
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key === '__proto__' || NON_ASCII.test(key)) return CANNOT_RESTORE;
    const item = record[key];
    if (typeof item !== 'string' && (item === null || typeof item !== 'object')) continue;
    const restored = withUtf8Strings(item);
    if (restored === CANNOT_RESTORE) return CANNOT_RESTORE;
    if (restored !== item) record[key] = restored;
  }
  return value;
}

/**
 * The byte-level counterpart of textScan's check: the escapes that can stand for a control
 * character (\u, \b, \f), DEL, a C1 control (C2 80–9F) and the specials U+FFFD–U+FFFF (EF BF BD–BF,
 * here any EF BF: the few other characters it starts are as rare).
 */
function bytesMayHoldInvalidCharacters(bytes: Buffer): boolean {
  if (bytes.includes('\\u') || bytes.includes('\\b') || bytes.includes('\\f') || bytes.includes(0x7f) || bytes.includes(SPECIALS_PREFIX)) return true;
  for (let at = bytes.indexOf(0xc2); at !== -1; at = bytes.indexOf(0xc2, at + 1)) {
    if (bytes[at + 1] >= 0x80 && bytes[at + 1] <= 0x9f) return true;
  }
  return false;
}

const SPECIALS_PREFIX = Buffer.from([0xef, 0xbf]);
