// A fast scanner over text that JSON.parse already accepted: finds where given JSON Pointers are
// and which keys repeat, without building a tree (a full tree costs 10x JSON.parse on big records).
import { escapeSegment, parsePointer } from './pointer';

export interface NodeLocation {
  keyStart?: number;
  keyEnd?: number;
  valueStart: number;
  valueEnd: number;
}

export interface DuplicateKey {
  pointer: string;
  keyStart: number;
  keyEnd: number;
  firstKeyStart: number;
  firstKeyEnd: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function skipWhitespace(text: string, index: number): number {
  while (index < text.length && isWhitespace(text.charCodeAt(index))) index++;
  return index;
}

/** Index just after the string starting at `index` (which holds the opening quote). */
function skipString(text: string, index: number): number {
  let quote = text.indexOf('"', index + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

function skipPrimitive(text: string, index: number): number {
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isWhitespace(code)) break;
    index++;
  }
  return index;
}

function skipValue(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === QUOTE) return skipString(text, index);
  if (code !== OPEN_BRACE && code !== OPEN_BRACKET) return skipPrimitive(text, index);
  return skipContainer(text, index);
}

const CONTAINER_CHARACTERS = ['"', '{', '}', '[', ']'];

/** Index just after the container opening at `index`, jumping between quotes and brackets with indexOf. */
function skipContainer(text: string, index: number): number {
  const next = [-1, -1, -1, -1, -1];
  let depth = 0;
  while (index < text.length) {
    let at = Infinity;
    let which = -1;
    for (let i = 0; i < next.length; i++) {
      if (next[i] < index) {
        const found = text.indexOf(CONTAINER_CHARACTERS[i], index);
        next[i] = found < 0 ? Infinity : found;
      }
      if (next[i] < at) {
        at = next[i];
        which = i;
      }
    }
    if (which < 0) return text.length;
    if (which === 0) {
      index = skipString(text, at);
      continue;
    }
    depth += which === 1 || which === 3 ? 1 : -1;
    index = at + 1;
    if (depth === 0) return index;
  }
  return text.length;
}

function readKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

interface Wanted {
  wanted: boolean;
  children: Map<string, Wanted>;
}

function buildTrie(pointers: Iterable<string>): Wanted {
  const root: Wanted = { wanted: false, children: new Map() };
  for (const pointer of pointers) {
    let node = root;
    for (const segment of parsePointer(pointer)) {
      let child = node.children.get(segment);
      if (!child) {
        child = { wanted: false, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.wanted = true;
  }
  return root;
}

/**
 * Finds the key and value offsets of each pointer; pointers that do not exist are left out.
 * With the parsed value at hand, a pointer whose last key occurs once in the whole text is found
 * by a direct search; the others by a walk that skips unrelated subtrees and stops once all are found.
 */
export function locatePointers(text: string, pointers: Iterable<string>, root?: unknown): Map<string, NodeLocation> {
  const found = new Map<string, NodeLocation>();
  const start = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start >= text.length) return found;
  const remaining: string[] = [];
  for (const pointer of pointers) {
    const direct = root === undefined ? undefined : locateByUniqueKey(text, pointer, root);
    if (direct) found.set(pointer, direct);
    else remaining.push(pointer);
  }
  if (remaining.length === 0) return found;
  const trie = buildTrie(remaining);
  visit(text, start, trie, '', undefined, found, { left: remaining.length });
  return found;
}

function locateByUniqueKey(text: string, pointer: string, root: unknown): NodeLocation | undefined {
  const segments = parsePointer(pointer);
  const key = segments[segments.length - 1];
  if (key === undefined || /^\d+$/.test(key) || valueAt(root, segments) === undefined) return undefined;
  const quoted = JSON.stringify(key);
  const first = text.indexOf(quoted);
  if (first < 0 || text.indexOf(quoted, first + quoted.length) >= 0) return undefined;
  const colon = skipWhitespace(text, first + quoted.length);
  if (text.charCodeAt(colon) !== COLON) return undefined;
  const valueStart = skipWhitespace(text, colon + 1);
  // The end of a large value costs a walk over it: only when a caller needs it (a key range does not).
  let valueEnd: number | undefined;
  return {
    keyStart: first,
    keyEnd: first + quoted.length,
    valueStart,
    get valueEnd() {
      return (valueEnd ??= skipValue(text, valueStart));
    },
  };
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

interface Progress {
  left: number;
}

function visit(
  text: string,
  index: number,
  node: Wanted,
  pointer: string,
  key: { start: number; end: number } | undefined,
  found: Map<string, NodeLocation>,
  progress: Progress,
): number {
  const end = node.children.size > 0 ? visitChildren(text, index, node, pointer, found, progress) : skipValue(text, index);
  if (node.wanted) {
    found.set(pointer, { keyStart: key?.start, keyEnd: key?.end, valueStart: index, valueEnd: end });
    progress.left--;
  }
  return end;
}

function visitChildren(text: string, index: number, node: Wanted, pointer: string, found: Map<string, NodeLocation>, progress: Progress): number {
  const open = text.charCodeAt(index);
  if (open !== OPEN_BRACE && open !== OPEN_BRACKET) return skipValue(text, index);
  const isObject = open === OPEN_BRACE;
  let remaining = node.children.size;
  let position = 0;
  index = skipWhitespace(text, index + 1);
  while (index < text.length) {
    // All found (wanted ancestors count until they close, so none needs this container's end).
    if (progress.left === 0) return index;
    const code = text.charCodeAt(index);
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) return index + 1;
    if (code === COMMA) {
      index = skipWhitespace(text, index + 1);
      continue;
    }
    let segment: string;
    let key: { start: number; end: number } | undefined;
    if (isObject) {
      const keyEnd = skipString(text, index);
      key = { start: index, end: keyEnd };
      segment = readKey(text, index, keyEnd);
      index = skipWhitespace(text, keyEnd);
      if (text.charCodeAt(index) === COLON) index = skipWhitespace(text, index + 1);
    } else {
      segment = String(position++);
    }
    const child = remaining > 0 ? node.children.get(segment) : undefined;
    if (child) {
      remaining--;
      index = visit(text, index, child, `${pointer}/${escapeSegment(segment)}`, key, found, progress);
    } else {
      index = skipValue(text, index);
    }
    index = skipWhitespace(text, index);
  }
  return index;
}

interface Frame {
  isObject: boolean;
  /** Keys seen so far in this object and their offsets: a flat list, since objects are small. */
  keys: string[];
  keyOffsets: number[];
  pointer: string;
  /** The key or index under which this container sits in its parent. */
  segment: string | number;
  position: number;
  wanted: Wanted | undefined;
  /** This container's location, when its pointer was asked for (its end is set on closing). */
  location: NodeLocation | undefined;
}

interface Key {
  text: string;
  start: number;
  end: number;
}

export interface ScanResult {
  duplicates: DuplicateKey[];
  locations: Map<string, NodeLocation>;
}

const STRUCTURAL_CHARACTERS = ['"', '{', '}', '[', ']', ','];

/**
 * One pass over text that JSON.parse accepted: every key that repeats an earlier key of the same
 * object, and the places of the asked-for pointers. It jumps from one structural character to the
 * next with a native regex search instead of looking at every character.
 */
export function scanDocument(text: string, pointers: Iterable<string> = []): ScanResult {
  return new DocumentScanner(text, buildTrie(pointers)).run();
}

class DocumentScanner {
  private readonly duplicates: DuplicateKey[] = [];
  private readonly locations = new Map<string, NodeLocation>();
  private readonly stack: Frame[] = [];
  private key: Key | undefined;
  /** The next position of each structural character, searched with native indexOf and cached. */
  private readonly nextPositions = new Float64Array(STRUCTURAL_CHARACTERS.length).fill(-1);

  constructor(
    private readonly text: string,
    private readonly root: Wanted,
  ) {}

  run(): ScanResult {
    const { text } = this;
    let index = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    if (index < text.length && !this.startsContainerOrString(index)) {
      this.primitiveValue(index);
      return this.result();
    }
    while (index < text.length) {
      const at = this.nextStructural(index);
      if (at >= text.length) break;
      index = this.structural(at);
    }
    return this.result();
  }

  private nextStructural(from: number): number {
    let nearest = Infinity;
    for (let i = 0; i < STRUCTURAL_CHARACTERS.length; i++) {
      if (this.nextPositions[i] < from) {
        const found = this.text.indexOf(STRUCTURAL_CHARACTERS[i], from);
        this.nextPositions[i] = found < 0 ? Infinity : found;
      }
      if (this.nextPositions[i] < nearest) nearest = this.nextPositions[i];
    }
    return nearest;
  }

  private result(): ScanResult {
    return { duplicates: this.duplicates, locations: this.locations };
  }

  private startsContainerOrString(index: number): boolean {
    const code = this.text.charCodeAt(index);
    return code === QUOTE || code === OPEN_BRACE || code === OPEN_BRACKET;
  }

  /** Handles the structural character at `at`; returns where to continue. */
  private structural(at: number): number {
    const code = this.text.charCodeAt(at);
    const frame = this.stack[this.stack.length - 1];
    if (code === QUOTE) return this.string(at, frame);
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      const { pointer, wanted } = this.enter(at);
      const segment = frame ? (frame.isObject ? (this.key?.text ?? '') : frame.position) : '';
      this.stack.push({ isObject: code === OPEN_BRACE, keys: [], keyOffsets: [], pointer, segment, position: 0, wanted, location: wanted?.wanted ? this.locations.get(pointer) : undefined });
      return code === OPEN_BRACKET ? this.arrayElement(at + 1) : at + 1;
    }
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      const closed = this.stack.pop();
      if (closed?.location) closed.location.valueEnd = at + 1;
      return at + 1;
    }
    if (frame && !frame.isObject) {
      frame.position++;
      return this.arrayElement(at + 1);
    }
    return at + 1;
  }

  private string(at: number, frame: Frame | undefined): number {
    const end = skipString(this.text, at);
    const afterString = skipWhitespace(this.text, end);
    if (frame?.isObject && this.text.charCodeAt(afterString) === COLON) {
      this.key = { text: readKey(this.text, at, end), start: at, end };
      this.recordKey(frame, this.key);
      const valueStart = skipWhitespace(this.text, afterString + 1);
      return this.startsContainerOrString(valueStart) ? valueStart : this.primitiveValue(valueStart);
    }
    this.value(at, end);
    return end;
  }

  /** After "[" or ",": numbers, true, false and null have no structural character of their own. */
  private arrayElement(index: number): number {
    const start = skipWhitespace(this.text, index);
    const code = this.text.charCodeAt(start);
    if (start >= this.text.length || code === CLOSE_BRACKET || this.startsContainerOrString(start)) return start;
    return this.primitiveValue(start);
  }

  private primitiveValue(start: number): number {
    const end = skipPrimitive(this.text, start);
    this.value(start, end);
    return end;
  }

  private value(start: number, end: number): void {
    const { pointer, wanted } = this.enter(start);
    if (wanted?.wanted) this.locations.get(pointer)!.valueEnd = end;
  }

  /** The pointer of the value starting at `valueStart`, recording its place when it is wanted. */
  private enter(valueStart: number): { pointer: string; wanted: Wanted | undefined } {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      if (this.root.wanted) this.locations.set('', { valueStart, valueEnd: valueStart });
      return { pointer: '', wanted: this.root };
    }
    const segment = parent.isObject ? (this.key?.text ?? '') : String(parent.position);
    const wanted = parent.wanted?.children.get(segment);
    // Pointers are only built inside asked-for subtrees (and for duplicate keys), to keep the pass cheap.
    const pointer = parent.wanted || wanted ? parent.pointer + '/' + escapeSegment(segment) : '';
    if (wanted?.wanted) {
      const key = parent.isObject ? this.key : undefined;
      this.locations.set(pointer, { keyStart: key?.start, keyEnd: key?.end, valueStart, valueEnd: valueStart });
    }
    return { pointer, wanted };
  }

  private recordKey(frame: Frame, key: Key): void {
    const previous = frame.keys.indexOf(key.text);
    if (previous < 0) {
      frame.keys.push(key.text);
      frame.keyOffsets.push(key.start, key.end);
      return;
    }
    this.duplicates.push({
      pointer: this.pointerOf(frame) + '/' + escapeSegment(key.text),
      keyStart: key.start,
      keyEnd: key.end,
      firstKeyStart: frame.keyOffsets[previous * 2],
      firstKeyEnd: frame.keyOffsets[previous * 2 + 1],
    });
  }

  /** The full pointer of a frame, rebuilt from the stack (frames outside asked-for subtrees skip it). */
  private pointerOf(frame: Frame): string {
    const depth = this.stack.indexOf(frame);
    let pointer = '';
    for (let i = 1; i <= depth; i++) pointer += '/' + escapeSegment(this.stack[i].segment);
    return pointer;
  }
}

/** Every key that repeats an earlier key of the same object, with both places. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  return scanDocument(text).duplicates;
}

/**
 * True when the text cannot hold a repeated key: it has no more `"key":` patterns than the parsed
 * value has keys. Extra patterns (inside string values) only make this answer "maybe", never a
 * wrong "no", and it costs a fraction of a full scan.
 */
export function cannotHaveDuplicateKeys(text: string, value: unknown): boolean {
  return countKeyPatterns(text) <= countKeys(value);
}

function countKeyPatterns(text: string): number {
  let count = 0;
  let index = text.indexOf('":');
  while (index !== -1) {
    count++;
    index = text.indexOf('":', index + 2);
  }
  const spaced = text.match(/"[ \t\r\n]+:/g);
  return count + (spaced ? spaced.length : 0);
}

function countKeys(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (Array.isArray(current)) {
      for (const item of current) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in current) {
      count++;
      const child = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return count;
}
