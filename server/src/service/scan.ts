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
  let depth = 0;
  while (index < text.length) {
    const current = text.charCodeAt(index);
    if (current === QUOTE) {
      index = skipString(text, index);
      continue;
    }
    if (current === OPEN_BRACE || current === OPEN_BRACKET) depth++;
    else if (current === CLOSE_BRACE || current === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return index + 1;
    }
    index++;
  }
  return index;
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

/** Finds the key and value offsets of each pointer; pointers that do not exist are left out. */
export function locatePointers(text: string, pointers: Iterable<string>): Map<string, NodeLocation> {
  const found = new Map<string, NodeLocation>();
  const start = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start >= text.length) return found;
  visit(text, start, buildTrie(pointers), '', undefined, found);
  return found;
}

function visit(
  text: string,
  index: number,
  node: Wanted,
  pointer: string,
  key: { start: number; end: number } | undefined,
  found: Map<string, NodeLocation>,
): number {
  const end = node.children.size > 0 ? visitChildren(text, index, node, pointer, found) : skipValue(text, index);
  if (node.wanted) found.set(pointer, { keyStart: key?.start, keyEnd: key?.end, valueStart: index, valueEnd: end });
  return end;
}

function visitChildren(text: string, index: number, node: Wanted, pointer: string, found: Map<string, NodeLocation>): number {
  const open = text.charCodeAt(index);
  if (open !== OPEN_BRACE && open !== OPEN_BRACKET) return skipValue(text, index);
  const isObject = open === OPEN_BRACE;
  let remaining = node.children.size;
  let position = 0;
  index = skipWhitespace(text, index + 1);
  while (index < text.length) {
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
      index = visit(text, index, child, `${pointer}/${escapeSegment(segment)}`, key, found);
    } else {
      index = skipValue(text, index);
    }
    index = skipWhitespace(text, index);
  }
  return index;
}

interface Frame {
  isObject: boolean;
  keys: Map<string, { start: number; end: number }> | undefined;
  segment: string;
  position: number;
}

/** Every key that repeats an earlier key of the same object, with both places. */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let index = 0;
  let pendingKey = '';
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const end = skipString(text, index);
      const frame = stack[stack.length - 1];
      if (frame?.isObject && isKeyPosition(text, end)) {
        pendingKey = readKey(text, index, end);
        recordKey(frame, pendingKey, index, end, stack, duplicates);
      }
      index = end;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      stack.push({ isObject: code === OPEN_BRACE, keys: undefined, segment: segmentFor(stack, pendingKey), position: 0 });
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      stack.pop();
    } else if (code === COMMA) {
      const frame = stack[stack.length - 1];
      if (frame && !frame.isObject) frame.position++;
    }
    index++;
  }
  return duplicates;
}

function isKeyPosition(text: string, afterString: number): boolean {
  return text.charCodeAt(skipWhitespace(text, afterString)) === COLON;
}

function segmentFor(stack: Frame[], pendingKey: string): string {
  const parent = stack[stack.length - 1];
  if (!parent) return '';
  return parent.isObject ? pendingKey : String(parent.position);
}

function recordKey(frame: Frame, key: string, start: number, end: number, stack: Frame[], duplicates: DuplicateKey[]): void {
  frame.keys ??= new Map();
  const first = frame.keys.get(key);
  if (!first) {
    frame.keys.set(key, { start, end });
    return;
  }
  const path = stack.slice(1).map((f) => escapeSegment(f.segment));
  duplicates.push({
    pointer: [...path.map((s) => '/' + s), '/' + escapeSegment(key)].join(''),
    keyStart: start,
    keyEnd: end,
    firstKeyStart: first.start,
    firstKeyEnd: first.end,
  });
}
