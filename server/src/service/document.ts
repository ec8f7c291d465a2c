// A trial record's text, parsed once per version: the plain value, syntax problems, and the
// mapping between JSON Pointers, offsets and positions, each computed only when first asked for.
import { parse as parseTolerant, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { cannotHaveDuplicateKeys, locatePointers, treeOfValidJson, type NodeLocation, type Placement } from './scan';
import { nodeAtPointer } from './tree';
import { unescapeSegment } from './pointer';
import { escapeControlCharacters, type EscapedText } from './controlCharacters';
import { lastAtOrBefore } from './arrays';
import type { Fix, Position, Range, Target } from './types';

export interface SyntaxProblem {
  message: string;
  offset: number;
  length: number;
  fix?: Fix;
}

interface Parsed {
  value: unknown;
  syntaxProblems: SyntaxProblem[];
  /** Set when the text is valid JSON but for raw control characters inside strings: the value is read from it. */
  escaped?: EscapedText;
}

export class TrialDocument {
  private parsedCache?: Parsed;
  private lines?: LineTable;
  private treeCache?: Node | null;
  private uniqueKeysCache?: boolean;
  /** The last placement and the pointers it was asked for: asking again for some of them reads it back. */
  private lastPlacement?: { asked: ReadonlySet<string>; placement: Placement };
  /** For text read after escaping its raw control characters: the escaped text, where findings are placed first. */
  private escapedDocument?: TrialDocument;

  constructor(
    readonly text: string,
    readonly version = 0,
    readonly uri = '',
  ) {}

  get hasBom(): boolean {
    return this.text.charCodeAt(0) === 0xfeff;
  }

  /** The plain value (undefined when nothing could be read) and the syntax problems. */
  get parsed(): Parsed {
    this.parsedCache ??= parseRecordText(this.text, this.hasBom ? 1 : 0);
    return this.parsedCache;
  }

  get value(): unknown {
    return this.parsed.value;
  }

  /**
   * The places of the given pointers and of their existing ancestors (a finding about a missing
   * field is shown at its closest one), and the repeated keys: see scan.ts, the one place where
   * findings are placed.
   */
  place(pointers: Iterable<string>): Placement {
    const asked = new Set(pointers);
    const last = this.lastPlacement;
    if (last && [...asked].every((pointer) => last.asked.has(pointer))) return last.placement;
    const placement = this.placeAnew(asked);
    this.lastPlacement = { asked, placement };
    return placement;
  }

  private placeAnew(pointers: ReadonlySet<string>): Placement {
    const { escaped } = this.parsed;
    if (escaped) {
      this.escapedDocument ??= TrialDocument.ofValidJson(escaped.text, escaped.value);
      return placedInOriginal(this.escapedDocument.place(pointers), escaped);
    }
    const validJson = this.parsed.syntaxProblems.length === 0;
    this.uniqueKeysCache ??= validJson && cannotHaveDuplicateKeys(this.text, this.parsed.value);
    const uniqueKeys = this.uniqueKeysCache;
    // Then the value holds what the text holds: a missing pointer is asked for as its closest existing ancestor, and the pass can stop sooner.
    const asked = uniqueKeys ? [...pointers].map((pointer) => closestExisting(this.parsed.value, pointer)) : pointers;
    return locatePointers(this.text, asked, { validJson, uniqueKeys });
  }

  /** A document of text known to be valid JSON, whose value was read already. */
  private static ofValidJson(text: string, value: unknown): TrialDocument {
    const document = new TrialDocument(text);
    document.parsedCache = { value, syntaxProblems: [] };
    return document;
  }

  locate(pointers: Iterable<string>): Map<string, NodeLocation> {
    return this.place(pointers).locations;
  }

  /**
   * The jsonc-parser tree, built on first use (editor features): for valid JSON by jumping from
   * token to token (a third of parseTree's time on large records; the same nodes), else by
   * jsonc-parser's fault-tolerant parser.
   */
  get tree(): Node | undefined {
    if (this.treeCache === undefined)
      this.treeCache =
        (this.parsed.syntaxProblems.length === 0 ? treeOfValidJson(this.text) : buildTree(this.text)) ?? null;
    return this.treeCache ?? undefined;
  }

  /** The tree node of the value at a pointer (for editor features). */
  locateNode(pointer: string): Node | undefined {
    return nodeAtPointer(this.tree, pointer);
  }

  /** Where every line starts. */
  get lineStarts(): number[] {
    return this.lineTable.startsUpTo(this.text.length);
  }

  private get lineTable(): LineTable {
    this.lines ??= new LineTable(this.text);
    return this.lines;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineTable.startsUpTo(offset);
    const line = lastAtOrBefore(starts, offset);
    return { line, character: offset - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineTable.startsOfLines(position.line + 2);
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Where a finding about this node is shown (see DESIGN.md, "Ranges"): small, never a whole large container. */
  offsetsForLocation(location: NodeLocation | undefined, target: Target): [number, number] {
    if (!location) return [0, Math.min(1, this.text.length)];
    if (target === 'key' && location.keyStart !== undefined && location.keyEnd !== undefined)
      return [location.keyStart, location.keyEnd];
    if (target === 'key' || isLongContainer(this.text, location)) {
      if (location.keyStart !== undefined && location.keyEnd !== undefined) return [location.keyStart, location.keyEnd];
      if (isContainer(this.text, location)) return [location.valueStart, location.valueStart + 1];
    }
    return [location.valueStart, location.valueEnd];
  }
}

/** A placement made in the escaped text, with its offsets moved back to the original one. */
function placedInOriginal(placement: Placement, escaped: EscapedText): Placement {
  const original = (offset: number) => escaped.originalOffset(offset);
  const optional = (offset: number | undefined) => (offset === undefined ? undefined : original(offset));
  const locations = new Map<string, NodeLocation>();
  for (const [pointer, location] of placement.locations)
    locations.set(pointer, {
      keyStart: optional(location.keyStart),
      keyEnd: optional(location.keyEnd),
      valueStart: original(location.valueStart),
      valueEnd: original(location.valueEnd),
    });
  const duplicates = placement.duplicates.map((duplicate) => ({
    pointer: duplicate.pointer,
    keyStart: original(duplicate.keyStart),
    keyEnd: original(duplicate.keyEnd),
    firstKeyStart: original(duplicate.firstKeyStart),
    firstKeyEnd: original(duplicate.firstKeyEnd),
  }));
  return { locations, duplicates };
}

function isContainer(text: string, location: NodeLocation): boolean {
  const first = text.charCodeAt(location.valueStart);
  return first === 123 || first === 91;
}

/** A container that spans lines. */
function isLongContainer(text: string, location: NodeLocation): boolean {
  if (!isContainer(text, location)) return false;
  const lineBreak = text.indexOf('\n', location.valueStart);
  return lineBreak !== -1 && lineBreak < location.valueEnd;
}

/**
 * Where lines start, found only as far as asked (findings are often near the top of a large
 * record). Lines end with a line feed, a carriage return and a line feed, or a bare carriage
 * return, as LSP counts them.
 */
class LineTable {
  private readonly starts = [0];
  private scanned = 0;
  /** The next carriage return at or after `scanned`, to notice a bare one (-1 when there is none). */
  private carriageReturn = -2;

  constructor(private readonly text: string) {}

  /** The table, holding at least every line that starts at or before `offset`. */
  startsUpTo(offset: number): number[] {
    while (this.scanned < this.text.length && this.scanned <= offset) this.extend();
    return this.starts;
  }

  /** The table, holding at least `count` lines (fewer at the end of the text). */
  startsOfLines(count: number): number[] {
    while (this.scanned < this.text.length && this.starts.length < count) this.extend();
    return this.starts;
  }

  private extend(): void {
    const lineFeed = this.text.indexOf('\n', this.scanned);
    // A carriage return before this one that is not right before the line feed ends a line of its own.
    const bareBefore = lineFeed === -1 ? this.text.length : lineFeed - 1;
    if (this.carriageReturn !== -1 && this.carriageReturn < this.scanned)
      this.carriageReturn = this.text.indexOf('\r', this.scanned);
    if (this.carriageReturn !== -1 && this.carriageReturn < bareBefore) return this.countEveryLineBreak();
    this.scanned = lineFeed === -1 ? this.text.length : lineFeed + 1;
    if (lineFeed !== -1) this.starts.push(lineFeed + 1);
  }

  /** A text with bare carriage returns (old Macs ended lines so) is read at once, by a regex. */
  private countEveryLineBreak(): void {
    this.starts.length = 1;
    for (const lineBreak of this.text.matchAll(/\r\n?|\n/g)) this.starts.push(lineBreak.index + lineBreak[0].length);
    this.scanned = this.text.length;
  }
}

/** The pointer itself when the value has it, else its closest ancestor that it has (own properties and array items only). */
function closestExisting(value: unknown, pointer: string): string {
  let current = value;
  let end = 0;
  while (end < pointer.length) {
    const next = pointer.indexOf('/', end + 1);
    const segmentEnd = next === -1 ? pointer.length : next;
    const segment = unescapeSegment(pointer.slice(end + 1, segmentEnd));
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length) break;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      break;
    }
    end = segmentEnd;
  }
  return pointer.slice(0, end);
}

function parseRecordText(text: string, bomLength: number): Parsed {
  try {
    return { value: JSON.parse(bomLength ? text.slice(bomLength) : text), syntaxProblems: [] };
  } catch {
    return parseBrokenText(text, bomLength);
  }
}

function parseBrokenText(text: string, bomLength: number): Parsed {
  if (text.slice(bomLength).trim() === '') {
    return {
      value: undefined,
      syntaxProblems: [
        {
          message: 'Empty file: a trial record is one JSON object, e.g. {"protocolSection": {...}}.',
          offset: 0,
          length: 0,
        },
      ],
    };
  }
  const escaped = escapeControlCharacters(text, bomLength);
  if (escaped) return readAfterEscaping(escaped);
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseTolerant(text, errors, {
      disallowComments: true,
      allowTrailingComma: false,
      allowEmptyContent: false,
    });
  } catch (error) {
    return { value: undefined, syntaxProblems: [{ message: tooDeepMessage(error), offset: 0, length: 1 }] };
  }
  const problems = errors
    .filter((error, i) => i === 0 || error.offset !== errors[i - 1].offset)
    .map((error) => ({ message: describeParseError(error, text), offset: error.offset, length: error.length }));
  if (problems.length === 0) problems.push({ message: 'Not valid JSON.', offset: 0, length: 1 });
  return { value, syntaxProblems: problems };
}

/**
 * Raw line breaks or tabs inside strings, and nothing else wrong: one problem at the first of them
 * (instead of a syntax error at every word that follows), whose fix escapes them all.
 */
function readAfterEscaping(escaped: EscapedText): Parsed {
  const first = escaped.characters[0];
  return {
    value: escaped.value,
    syntaxProblems: [{ message: escaped.message, offset: first.offset, length: first.length, fix: escaped.fix }],
    escaped,
  };
}

function tooDeepMessage(error: unknown): string {
  return error instanceof RangeError
    ? 'JSON nested too deeply to read; a trial record is only a few levels deep.'
    : 'Text not readable as JSON.';
}

const PARSE_ERROR_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character: JSON allows only objects, arrays, strings, numbers, true, false and null here.',
  InvalidNumberFormat: 'Invalid JSON number.',
  PropertyNameExpected: 'A property name in double quotes is expected here (trailing commas are not allowed in JSON).',
  ValueExpected: 'A value is expected here (trailing commas are not allowed in JSON).',
  ColonExpected: 'A colon is expected after the property name.',
  CommaExpected: 'A comma is expected between these two entries.',
  CloseBraceExpected: 'A closing brace "}" is expected: an object was left open.',
  CloseBracketExpected: 'A closing bracket "]" is expected: an array was left open.',
  EndOfFileExpected: 'Unexpected text after the end of the record: a file holds exactly one JSON object.',
  InvalidCommentToken: 'Comments are not allowed: trial records are strict JSON.',
  UnexpectedEndOfComment: 'Comments are not allowed: trial records are strict JSON.',
  UnexpectedEndOfString: 'Unclosed string: add the closing double quote.',
  UnexpectedEndOfNumber: 'Number cut short.',
  InvalidUnicode: 'Invalid \\u escape: it needs four hexadecimal digits.',
  InvalidEscapeCharacter: 'Invalid escape in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.',
  InvalidCharacter: 'Control characters must be escaped inside a JSON string (for example \\n or \\t).',
};

/** A JSON syntax error in words; `wording` replaces those that speak of records, for other files (configs, schemas). */
export function describeParseError(
  error: ParseError,
  text: string,
  wording: Readonly<Record<string, string>> = {},
): string {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidSymbol' && text.charCodeAt(error.offset) === 0)
    return 'A NUL byte is not allowed in a JSON text.';
  if (code === 'InvalidSymbol' && text.startsWith('//', error.offset))
    return wording.InvalidCommentToken ?? PARSE_ERROR_MESSAGES.InvalidCommentToken;
  return wording[code] ?? PARSE_ERROR_MESSAGES[code] ?? `Syntax error (${code}).`;
}

function buildTree(text: string): Node | undefined {
  try {
    return parseTree(text, [], { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  } catch {
    return undefined;
  }
}

/** 1-based line and column of an offset, for messages about small files (configs, schemas, pages). */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
