// A trial record's text, parsed once per version: the plain value, syntax problems, and the
// mapping between JSON Pointers, offsets and positions, each computed only when first asked for.
import { parse as parseTolerant, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { containerClosesBefore, indexKeys, locateInUniqueText, locatePointers, scanDocument, treeOfValidJson, type DuplicateKey, type KeyIndex, type NodeLocation } from './scan';
import { childPointer } from './pointer';
import { lineFeedsBetween, mayHoldInvalidCharacters } from './textScan';
import { nodeAtPointer } from './tree';
import type { Position, Range, Target } from './types';

export interface SyntaxProblem {
  message: string;
  offset: number;
  length: number;
}

interface Parsed {
  value: unknown;
  syntaxProblems: SyntaxProblem[];
}

export class TrialDocument {
  protected parsedCache?: Parsed;
  private lineStartsCache?: number[];
  private treeCache?: Node | null;
  private keyIndexCache?: KeyIndex | null;

  /**
   * `source` is the text that is scanned and that offsets count in: the text itself here; the
   * bytes read one per character for a record read straight from UTF-8 (see utf8Document.ts).
   */
  constructor(
    protected readonly source: string,
    readonly version = 0,
    readonly uri = '',
  ) {}

  get text(): string {
    return this.source;
  }

  /** Whether the text has more than `limit` UTF-16 code units. */
  isLongerThan(limit: number): boolean {
    return this.source.length > limit;
  }

  /** The text between two offsets. */
  textBetween(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  /** False when no string of the record can hold a character the text-characters rule reports. */
  mayHoldInvalidCharacters(): boolean {
    return mayHoldInvalidCharacters(this.source);
  }

  get hasBom(): boolean {
    return this.source.charCodeAt(0) === 0xfeff;
  }

  /** The plain value (undefined when nothing could be read) and the syntax problems. */
  get parsed(): Parsed {
    this.parsedCache ??= parseRecordText(this.source, this.hasBom ? 1 : 0);
    return this.parsedCache;
  }

  get value(): unknown {
    return this.parsed.value;
  }

  /**
   * Duplicate keys, and the places of the given pointers and of the existing ancestors of those
   * that do not exist (a finding about a missing field is shown at its closest ancestor): what a
   * validation needs. Valid JSON in which no key repeats is placed guided by the parsed value;
   * other valid JSON in one pass over the text; text with syntax errors from the tree.
   */
  scan(pointers: ReadonlySet<string>): { duplicates: DuplicateKey[]; locations: Map<string, NodeLocation> } {
    if (this.parsed.syntaxProblems.length > 0) return { duplicates: [], locations: this.withAncestorsOfMissing(pointers, locateInTree(this.tree, pointers)) };
    const keys = this.keyIndex;
    if (keys) return { duplicates: [], locations: locateInUniqueText(this.source, pointers, this.parsed.value, keys, { ancestorsOfMissing: true }) };
    const result = scanDocument(this.source, pointers);
    return { duplicates: result.duplicates, locations: this.withAncestorsOfMissing(pointers, result.locations) };
  }

  private withAncestorsOfMissing(pointers: ReadonlySet<string>, locations: Map<string, NodeLocation>): Map<string, NodeLocation> {
    const ancestors = new Set<string>();
    for (const pointer of pointers) if (!locations.has(pointer)) addWithAncestors(ancestors, pointer);
    if (ancestors.size > 0) for (const [pointer, location] of this.locate(ancestors)) locations.set(pointer, location);
    return locations;
  }

  /** Where the keys are, when counting proves that no key repeats (valid JSON only); computed once. */
  private get keyIndex(): KeyIndex | undefined {
    if (this.keyIndexCache === undefined) {
      this.keyIndexCache = indexKeys(this.source, this.parsed.value) ?? null;
    }
    return this.keyIndexCache ?? undefined;
  }

  /**
   * The jsonc-parser tree, built on first use (editor features, and locating in broken text): for
   * valid JSON by the fast scanner (a third of parseTree's time on large records; the same nodes),
   * else by jsonc-parser's fault-tolerant parser.
   */
  get tree(): Node | undefined {
    if (this.treeCache === undefined) this.treeCache = (this.parsed.syntaxProblems.length === 0 ? treeOfValidJson(this.source) : buildTree(this.source)) ?? null;
    return this.treeCache ?? undefined;
  }

  /** The tree node of the value at a pointer (for editor features). */
  locateNode(pointer: string): Node | undefined {
    return nodeAtPointer(this.tree, pointer);
  }

  locate(pointers: Iterable<string>): Map<string, NodeLocation> {
    if (this.parsed.syntaxProblems.length > 0) return locateInTree(this.tree, pointers);
    // The value guides the search only when it holds every key of the text (no key repeats).
    const keys = this.keyIndex;
    if (keys) return locateInUniqueText(this.source, pointers, this.parsed.value, keys);
    return locatePointers(this.source, pointers, this.parsed.value);
  }

  get lineStarts(): number[] {
    this.lineStartsCache ??= computeLineStarts(this.source);
    return this.lineStartsCache;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    offset = Math.max(0, Math.min(offset, this.source.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: this.columnOf(starts[low], offset) };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.source.length;
    if (position.line < 0) return 0;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.source.length;
    return this.offsetOfColumn(starts[position.line], lineEnd, Math.max(0, position.character));
  }

  /** The offset of a character (UTF-16 code units) on the line [lineStart, lineEnd); the line's end past its last. */
  protected offsetOfColumn(lineStart: number, lineEnd: number, character: number): number {
    return Math.min(lineStart + character, lineEnd);
  }

  /** The character of an offset on the line starting at `lineStart`, in UTF-16 code units as LSP counts them. */
  protected columnOf(lineStart: number, offset: number): number {
    return offset - lineStart;
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /**
   * The positions of many offsets (in any order): line feeds counted from one offset to the next,
   * cheaper than a table of every line start when a few findings are placed once.
   */
  positionsAt(offsets: readonly number[]): Position[] {
    if (this.lineStartsCache) return offsets.map((offset) => this.positionAt(offset));
    const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
    const positions: Position[] = new Array(offsets.length);
    const text = this.source;
    let line = 0;
    let lineStart = 0;
    let counted = 0;
    for (const i of order) {
      const offset = Math.max(0, Math.min(offsets[i], text.length));
      const lineFeeds = lineFeedsBetween(text, counted, offset);
      // Line feeds alone miss the lines of a text that ends some with a bare carriage return (as old Macs did); editors count those too.
      if (lineFeeds.bareCarriageReturn) return offsets.map((other) => this.positionAt(other));
      line += lineFeeds.count;
      if (lineFeeds.count > 0) lineStart = lineFeeds.last + 1;
      counted = offset;
      positions[i] = { line, character: this.columnOf(lineStart, offset) };
    }
    return positions;
  }

  /** Where a finding about this node is shown (see DESIGN.md, "Ranges"): small, never a whole large container. */
  offsetsForLocation(location: NodeLocation | undefined, target: Target): [number, number] {
    if (!location) return [0, Math.min(1, this.source.length)];
    if (target === 'key' && location.keyStart !== undefined && location.keyEnd !== undefined) return [location.keyStart, location.keyEnd];
    if (target === 'key' || isLongContainer(this.source, location, this.parsed.syntaxProblems.length === 0)) {
      if (location.keyStart !== undefined && location.keyEnd !== undefined) return [location.keyStart, location.keyEnd];
      if (isContainer(this.source, location)) return [location.valueStart, location.valueStart + 1];
    }
    return [location.valueStart, location.valueEnd];
  }
}

function isContainer(text: string, location: NodeLocation): boolean {
  const first = text.charCodeAt(location.valueStart);
  return first === 123 || first === 91;
}

/** A container that spans lines; in valid JSON found without reading to the end of a large one. */
function isLongContainer(text: string, location: NodeLocation, validJson: boolean): boolean {
  if (!isContainer(text, location)) return false;
  const lineBreak = text.indexOf('\n', location.valueStart);
  if (lineBreak === -1) return false;
  return validJson ? !containerClosesBefore(text, location.valueStart, lineBreak) : lineBreak < location.valueEnd;
}

/** Lines end with a line feed, a carriage return and a line feed, or a bare carriage return, as LSP counts them. */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  if (hasBareCarriageReturn(text)) {
    for (const lineBreak of text.matchAll(/\r\n?|\n/g)) starts.push(lineBreak.index + lineBreak[0].length);
    return starts;
  }
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
}

function hasBareCarriageReturn(text: string): boolean {
  return lineFeedsBetween(text, 0, text.length).bareCarriageReturn;
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
    return { value: undefined, syntaxProblems: [{ message: 'The file is empty: a trial record is one JSON object, e.g. {"protocolSection": {...}}.', offset: 0, length: 0 }] };
  }
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    return { value: undefined, syntaxProblems: [{ message: tooDeepMessage(error), offset: 0, length: 1 }] };
  }
  const problems = errors
    .filter((error, i) => i === 0 || error.offset !== errors[i - 1].offset)
    .map((error) => ({ message: describeParseError(error, text), offset: error.offset, length: error.length }));
  if (problems.length === 0) problems.push({ message: 'The text is not valid JSON.', offset: 0, length: 1 });
  return { value, syntaxProblems: problems };
}

function tooDeepMessage(error: unknown): string {
  return error instanceof RangeError
    ? 'The JSON is nested too deeply to read; a trial record is only a few levels deep.'
    : 'The text could not be read as JSON.';
}

const PARSE_ERROR_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character: JSON allows only objects, arrays, strings, numbers, true, false and null here.',
  InvalidNumberFormat: 'This is not a valid JSON number.',
  PropertyNameExpected: 'A property name in double quotes is expected here (trailing commas are not allowed in JSON).',
  ValueExpected: 'A value is expected here (trailing commas are not allowed in JSON).',
  ColonExpected: 'A colon is expected after the property name.',
  CommaExpected: 'A comma is expected between these two entries.',
  CloseBraceExpected: 'A closing brace "}" is expected: an object was left open.',
  CloseBracketExpected: 'A closing bracket "]" is expected: an array was left open.',
  EndOfFileExpected: 'Unexpected text after the end of the record: a file holds exactly one JSON object.',
  InvalidCommentToken: 'Comments are not allowed: trial records are strict JSON.',
  UnexpectedEndOfComment: 'Comments are not allowed: trial records are strict JSON.',
  UnexpectedEndOfString: 'This string is not closed: add the closing double quote.',
  UnexpectedEndOfNumber: 'This number is cut short.',
  InvalidUnicode: 'Invalid \\u escape: it needs four hexadecimal digits.',
  InvalidEscapeCharacter: 'Invalid escape in a string: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.',
  InvalidCharacter: 'Control characters must be escaped inside a JSON string (for example \\n or \\t).',
};

/** A JSON syntax error in words; `wording` replaces those that speak of records, for other files (configs, schemas). */
export function describeParseError(error: ParseError, text: string, wording: Readonly<Record<string, string>> = {}): string {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidSymbol' && text.charCodeAt(error.offset) === 0) return 'A NUL byte is not allowed in a JSON text.';
  if (code === 'InvalidSymbol' && text.startsWith('//', error.offset)) return wording.InvalidCommentToken ?? PARSE_ERROR_MESSAGES.InvalidCommentToken;
  return wording[code] ?? PARSE_ERROR_MESSAGES[code] ?? `Syntax error (${code}).`;
}

function buildTree(text: string): Node | undefined {
  try {
    return parseTree(text, [], { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  } catch {
    return undefined;
  }
}

function addWithAncestors(pointers: Set<string>, pointer: string): void {
  let current = pointer;
  while (!pointers.has(current)) {
    pointers.add(current);
    if (current === '') return;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

function locateInTree(tree: Node | undefined, pointers: Iterable<string>): Map<string, NodeLocation> {
  const wanted = new Set(pointers);
  const found = new Map<string, NodeLocation>();
  if (!tree || wanted.size === 0) return found;
  const stack: Array<{ node: Node; pointer: string; key?: Node }> = [{ node: tree, pointer: '' }];
  while (stack.length > 0 && found.size < wanted.size) {
    const { node, pointer, key } = stack.pop()!;
    if (wanted.has(pointer)) {
      found.set(pointer, {
        keyStart: key?.offset,
        keyEnd: key ? key.offset + key.length : undefined,
        valueStart: node.offset,
        valueEnd: node.offset + node.length,
      });
    }
    if (!isPrefixOfAny(pointer, wanted)) continue;
    pushChildren(node, pointer, stack);
  }
  return found;
}

function isPrefixOfAny(pointer: string, wanted: Set<string>): boolean {
  for (const candidate of wanted) if (candidate.startsWith(pointer + '/') || pointer === '') return true;
  return false;
}

function pushChildren(node: Node, pointer: string, stack: Array<{ node: Node; pointer: string; key?: Node }>): void {
  if (node.type === 'object') {
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) stack.push({ node: value, pointer: childPointer(pointer, String(key.value)), key });
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((item, index) => stack.push({ node: item, pointer: childPointer(pointer, index) }));
  }
}
