// A trial record's text, parsed once per version: the plain value, syntax problems, and the
// mapping between JSON Pointers, offsets and positions, each computed only when first asked for.
import { parse as parseTolerant, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { cannotHaveDuplicateKeys, locatePointers, scanDocument, type DuplicateKey, type NodeLocation } from './scan';
import { childPointer } from './pointer';
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
  private parsedCache?: Parsed;
  private lineStartsCache?: number[];
  private treeCache?: Node | null;
  private duplicatesCache?: DuplicateKey[];

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

  get duplicateKeys(): DuplicateKey[] {
    this.duplicatesCache ??= scanDocument(this.text).duplicates;
    return this.duplicatesCache;
  }

  /**
   * Duplicate keys and the places of the given pointers in one pass over the text (what a
   * validation needs); falls back to the tree for text with syntax errors.
   */
  scan(pointers: Iterable<string>): { duplicates: DuplicateKey[]; locations: Map<string, NodeLocation> } {
    if (this.parsed.syntaxProblems.length > 0) return { duplicates: [], locations: locateInTree(this.tree, pointers) };
    if (cannotHaveDuplicateKeys(this.text, this.parsed.value)) {
      this.duplicatesCache ??= [];
      return { duplicates: [], locations: locatePointers(this.text, pointers, this.parsed.value) };
    }
    const result = scanDocument(this.text, pointers);
    this.duplicatesCache ??= result.duplicates;
    return result;
  }

  /** The jsonc-parser tree, built on first use (editor features, and locating in broken text). */
  get tree(): Node | undefined {
    if (this.treeCache === undefined) this.treeCache = buildTree(this.text) ?? null;
    return this.treeCache ?? undefined;
  }

  /** The tree node of the value at a pointer (for editor features). */
  locateNode(pointer: string): Node | undefined {
    return nodeAtPointer(this.tree, pointer);
  }

  locate(pointers: Iterable<string>): Map<string, NodeLocation> {
    if (this.parsed.syntaxProblems.length === 0) return locatePointers(this.text, pointers, this.parsed.value);
    return locateInTree(this.tree, pointers);
  }

  get lineStarts(): number[] {
    this.lineStartsCache ??= computeLineStarts(this.text);
    return this.lineStartsCache;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    offset = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: offset - starts[low] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The small range a finding about this node is shown at (see DESIGN.md, "Ranges"). */
  rangeForLocation(location: NodeLocation | undefined, target: Target): Range {
    if (!location) return this.rangeOf(0, Math.min(1, this.text.length));
    if (target === 'key' && location.keyStart !== undefined && location.keyEnd !== undefined) return this.rangeOf(location.keyStart, location.keyEnd);
    if (target === 'key' || isLongContainer(this.text, location)) {
      if (location.keyStart !== undefined && location.keyEnd !== undefined) return this.rangeOf(location.keyStart, location.keyEnd);
      if (isContainer(this.text, location)) return this.rangeOf(location.valueStart, location.valueStart + 1);
    }
    return this.rangeOf(location.valueStart, location.valueEnd);
  }
}

function isContainer(text: string, location: NodeLocation): boolean {
  const first = text.charCodeAt(location.valueStart);
  return first === 123 || first === 91;
}

function isLongContainer(text: string, location: NodeLocation): boolean {
  return isContainer(text, location) && text.indexOf('\n', location.valueStart) !== -1 && text.indexOf('\n', location.valueStart) < location.valueEnd;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n');
  while (index !== -1) {
    starts.push(index + 1);
    index = text.indexOf('\n', index + 1);
  }
  return starts;
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

function describeParseError(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidSymbol' && text.charCodeAt(error.offset) === 0) return 'A NUL byte is not allowed in a JSON text.';
  if (code === 'InvalidSymbol' && text.startsWith('//', error.offset)) return PARSE_ERROR_MESSAGES.InvalidCommentToken;
  return PARSE_ERROR_MESSAGES[code] ?? `Syntax error (${code}).`;
}

function buildTree(text: string): Node | undefined {
  try {
    return parseTree(text, [], { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  } catch {
    return undefined;
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
