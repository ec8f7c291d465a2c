// Raw line breaks, tabs and other control characters inside JSON strings (Enter pressed in a text
// value in another editor, pasted prose): found with JSON's string rules, escaped, and kept only when
// the escaped text is valid JSON, so that one clear finding replaces the cascade of syntax errors.
import { lastAtOrBefore } from './arrays';
import type { Fix, FixChange } from './types';

export interface RawCharacter {
  /** Where it is in the original text. */
  offset: number;
  /** 2 for a carriage return with its line feed, else 1. */
  length: number;
  /** How JSON writes it inside a string. */
  escaped: string;
}

const QUOTE = 34;
const BACKSLASH = 92;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const TAB = 9;
const SPACE = 32;

const COLON_AFTER_SPACE = /[ \t\r\n]*:/y;
const AFTER_STRING = /[ \t\r\n]*(?:[,:}\]]|$)/y;

/** A text whose raw control characters inside strings were escaped, and the record it then holds. */
export class EscapedText {
  /** Where each escape starts in the escaped text, for mapping offsets back. */
  private readonly escapedStarts: number[] = [];

  constructor(
    readonly text: string,
    readonly value: unknown,
    readonly characters: readonly RawCharacter[],
    /** Whether the first character sits in a property name rather than a value. */
    readonly firstInKey: boolean,
  ) {
    let shift = 0;
    for (const character of characters) {
      this.escapedStarts.push(character.offset + shift);
      shift += character.escaped.length - character.length;
    }
  }

  /** The offset in the original text of an offset in the escaped one (an escape maps to its raw character). */
  originalOffset(offset: number): number {
    const index = lastAtOrBefore(this.escapedStarts, offset);
    if (index === -1) return offset;
    const character = this.characters[index];
    const intoEscape = offset - this.escapedStarts[index];
    if (intoEscape < character.escaped.length) return character.offset + Math.min(intoEscape, character.length);
    return character.offset + character.length + (intoEscape - character.escaped.length);
  }

  /** The finding's message: what the first character is and how to write it. */
  get message(): string {
    const first = this.characters[0];
    const where = this.firstInKey ? 'a property name' : 'a text value';
    const others = this.characters.length - 1;
    const more =
      others === 0
        ? ''
        : ` (${others} more raw ${others === 1 ? 'line break or tab' : 'line breaks or tabs'} in this record's strings)`;
    return `${describeCharacter(first)} inside ${where}: write it as ${first.escaped}${more}.`;
  }

  /** Escapes every raw control character in the record's strings, in one go. */
  get fix(): Fix {
    const changes: FixChange[] = this.characters.map((character) => ({
      op: 'replaceText',
      offset: character.offset,
      length: character.length,
      text: character.escaped,
    }));
    return { title: 'Escape line breaks and tabs in text values', changes };
  }
}

function describeCharacter(character: RawCharacter): string {
  if (character.escaped === '\\n') return 'Line break';
  if (character.escaped === '\\t') return 'Tab';
  return `Control character U+${character.escaped.slice(2).toUpperCase()}`;
}

/**
 * The text with the raw control characters inside its strings escaped, when there are any and the
 * result is valid JSON; undefined otherwise (a string that truly lacks its closing quote throws
 * the scan out of step, and the escaped text does not parse). Linear: one pass, then JSON.parse.
 */
export function escapeControlCharacters(text: string, start = 0): EscapedText | undefined {
  const scan = rawCharactersInStrings(text, start);
  if (!scan || scan.characters.length === 0) return undefined;
  const escaped = replaceSpans(
    text,
    scan.characters.map((character) => ({
      offset: character.offset,
      length: character.length,
      text: character.escaped,
    })),
  );
  let value: unknown;
  try {
    value = JSON.parse(start ? escaped.slice(start) : escaped);
  } catch {
    return undefined;
  }
  return new EscapedText(escaped, value, scan.characters, scan.firstInKey);
}

/** The raw control characters inside strings, reading strings as JSON does; undefined when a string never closes. */
function rawCharactersInStrings(
  text: string,
  start: number,
): { characters: RawCharacter[]; firstInKey: boolean } | undefined {
  const characters: RawCharacter[] = [];
  let firstInKey = false;
  let position = start;
  for (;;) {
    const open = text.indexOf('"', position);
    if (open === -1) return { characters, firstInKey };
    const before = characters.length;
    const close = closingQuoteNotingControls(text, open + 1, characters);
    if (close === -1) return undefined;
    if (characters.length > before) {
      // A string that truly lacks its closing quote ends at the next one, before a word: out of step, give up early.
      if (!canFollowString(text, close + 1)) return undefined;
      if (before === 0) firstInKey = isFollowedByColon(text, close + 1);
    }
    position = close + 1;
  }
}

/**
 * The closing quote of the string whose content starts at `from`, collecting its raw control
 * characters (scan.ts's closingQuote jumps from quote to quote and cannot see them).
 */
function closingQuoteNotingControls(text: string, from: number, characters: RawCharacter[]): number {
  // A plain loop: most strings are short, where a regex search costs more than it skips.
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) return at;
    if (code === BACKSLASH) at++;
    else if (code < SPACE) {
      const character = rawCharacter(text, at, code);
      characters.push(character);
      at += character.length - 1;
    }
  }
  return -1;
}

function rawCharacter(text: string, offset: number, code: number): RawCharacter {
  if (code === CARRIAGE_RETURN && text.charCodeAt(offset + 1) === LINE_FEED)
    return { offset, length: 2, escaped: '\\n' };
  // A bare carriage return ends a line too (old Macs, LSP): the value meant a line break.
  if (code === LINE_FEED || code === CARRIAGE_RETURN) return { offset, length: 1, escaped: '\\n' };
  if (code === TAB) return { offset, length: 1, escaped: '\\t' };
  return { offset, length: 1, escaped: `\\u${code.toString(16).padStart(4, '0')}` };
}

function canFollowString(text: string, from: number): boolean {
  AFTER_STRING.lastIndex = from;
  return AFTER_STRING.test(text);
}

function isFollowedByColon(text: string, from: number): boolean {
  COLON_AFTER_SPACE.lastIndex = from;
  return COLON_AFTER_SPACE.test(text);
}

/** The text after replacing the given spans, each given by its offset in this text; none may overlap. */
export function replaceSpans(
  text: string,
  spans: ReadonlyArray<{ offset: number; length: number; text: string }>,
): string {
  const ordered = [...spans].sort((a, b) => a.offset - b.offset);
  const pieces: string[] = [];
  let copied = 0;
  for (const span of ordered) {
    if (span.offset < copied || span.offset + span.length > text.length) return text;
    pieces.push(text.slice(copied, span.offset), span.text);
    copied = span.offset + span.length;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}
