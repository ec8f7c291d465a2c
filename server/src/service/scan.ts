// Placing findings: the one place where the JSON Pointers that findings name become offsets in the
// text, and where repeated keys are found. One pass with jsonc-parser's scanner along the ways to
// the pointers asked for; subtrees off those ways are jumped over (from quote to bracket with
// indexOf), unless a key may repeat somewhere, when every token is read. Also here: the jsonc-parser
// tree of valid JSON for editor features, whose containers are read from the text on first use.
import { createScanner, type JSONScanner, type Node } from 'jsonc-parser';
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

export interface Placement {
  /** The pointers found and, for one that is missing, its closest existing ancestor (a finding about a missing field is shown there). */
  locations: Map<string, NodeLocation>;
  duplicates: DuplicateKey[];
}

export interface LocateOptions {
  /** False for text that JSON.parse refused: every token is read, and repeated keys are not reported. */
  validJson: boolean;
  /** True when no key can repeat (see `cannotHaveDuplicateKeys`): subtrees off the ways are jumped over. */
  uniqueKeys: boolean;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values here.
const OPEN_BRACE_TOKEN = 1;
const CLOSE_BRACE_TOKEN = 2;
const OPEN_BRACKET_TOKEN = 3;
const CLOSE_BRACKET_TOKEN = 4;
const COMMA_TOKEN = 5;
const COLON_TOKEN = 6;
const STRING_TOKEN = 10;
const EOF_TOKEN = 17;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** A node of the ways to the pointers asked for: every node on them is located. */
interface Way {
  asked: boolean;
  /** Pointers asked for at or below this node. */
  askedWithin: number;
  seen: boolean;
  children: Map<string, Way>;
}

function newWay(): Way {
  return { asked: false, askedWithin: 0, seen: false, children: new Map() };
}

function waysTo(pointers: Iterable<string>): Way {
  const root = newWay();
  for (const pointer of pointers) {
    const path = [root];
    for (const segment of parsePointer(pointer)) {
      const node = path[path.length - 1];
      let child = node.children.get(segment);
      if (!child) {
        child = newWay();
        node.children.set(segment, child);
      }
      path.push(child);
    }
    const last = path[path.length - 1];
    if (last.asked) continue;
    last.asked = true;
    for (const node of path) node.askedWithin++;
  }
  return root;
}

/** An object or array being read. */
interface Frame {
  isObject: boolean;
  /** The key (objects) or index (arrays) of this container in its parent. */
  segment: string;
  /** Set inside the ways only. */
  way: Way | undefined;
  pointer: string;
  location: NodeLocation | undefined;
  /** Objects: whether the next string is a key. */
  expectsKey: boolean;
  /** Arrays: the index of the next item. */
  items: number;
  /** Keys seen so far with their offsets, when repeated keys are looked for. */
  keys: Map<string, [number, number]> | undefined;
}

/**
 * Where the given pointers are (keys and values), and, in valid JSON where a key may repeat, the
 * repeated keys. One pass; when jumping, it stops once everything asked for is found (containers
 * once closed) or known to be missing.
 */
export function locatePointers(text: string, pointers: Iterable<string>, options: LocateOptions): Placement {
  return new Locator(text, pointers, options).run();
}

class Locator {
  private readonly locations = new Map<string, NodeLocation>();
  private readonly duplicates: DuplicateKey[] = [];
  private readonly scanner: JSONScanner;
  private readonly stack: Frame[] = [];
  private readonly root: Way;
  /** Pointers asked for and not yet settled: found (containers once closed) or known to be missing. */
  private left: number;
  private readonly jump: boolean;
  private readonly findDuplicates: boolean;
  private key: { text: string; start: number; end: number } | undefined;

  constructor(
    private readonly text: string,
    pointers: Iterable<string>,
    options: LocateOptions,
  ) {
    this.root = waysTo(pointers);
    this.left = this.root.askedWithin;
    this.jump = options.validJson && options.uniqueKeys;
    this.findDuplicates = options.validJson && !options.uniqueKeys;
    this.scanner = createScanner(text, true);
    if (text.charCodeAt(0) === 0xfeff) this.scanner.setPosition(1);
  }

  run(): Placement {
    const { scanner } = this;
    for (let token = scanner.scan(); token !== EOF_TOKEN; token = scanner.scan()) {
      const frame = this.stack[this.stack.length - 1];
      if (token === CLOSE_BRACE_TOKEN || token === CLOSE_BRACKET_TOKEN) this.close(scanner.getTokenOffset() + 1);
      else if (token === COLON_TOKEN) this.jumpOverValue(frame);
      else if (token === COMMA_TOKEN) this.jumpOverItem(frame);
      else if (token === STRING_TOKEN && frame?.isObject && frame.expectsKey) this.readKey(frame);
      else this.value(token, frame);
      if (this.left === 0 && this.jump) return this.stoppedEarly();
    }
    // What is still open ends with the text (the root, or containers left open in broken text).
    while (this.stack.length > 0) this.close(trimmedEnd(this.text));
    return { locations: this.locations, duplicates: this.duplicates };
  }

  /** Everything asked for is found: the containers still open were not asked for, and their ends are not needed. */
  private stoppedEarly(): Placement {
    for (const frame of this.stack.slice(1)) if (frame.location) this.locations.delete(frame.pointer);
    return { locations: this.locations, duplicates: this.duplicates };
  }

  private readKey(frame: Frame): void {
    const start = this.scanner.getTokenOffset();
    const key = { text: this.scanner.getTokenValue(), start, end: start + this.scanner.getTokenLength() };
    this.key = key;
    frame.expectsKey = false;
    if (frame.keys) this.recordKey(frame, key);
  }

  private value(token: number, parent: Frame | undefined): void {
    const start = this.scanner.getTokenOffset();
    let segment = '';
    if (parent?.isObject) {
      segment = this.key?.text ?? '';
      parent.expectsKey = true;
    } else if (parent) {
      segment = String(parent.items++);
    }
    const way = parent ? parent.way?.children.get(segment) : this.root;
    const pointer = way ? (parent ? parent.pointer + '/' + escapeSegment(segment) : '') : '';
    const isContainer = token === OPEN_BRACE_TOKEN || token === OPEN_BRACKET_TOKEN;
    let location: NodeLocation | undefined;
    if (way) {
      const key = parent?.isObject ? this.key : undefined;
      location = {
        keyStart: key?.start,
        keyEnd: key?.end,
        valueStart: start,
        valueEnd: start + this.scanner.getTokenLength(),
      };
      this.locations.set(pointer, location);
      way.seen = true;
      // Whatever is asked for below a string, number or literal is missing.
      if (!isContainer) this.left -= way.askedWithin;
      // In valid JSON the root ends where the text does, without reading to there.
      else if (!parent && this.jump) {
        location.valueEnd = trimmedEnd(this.text);
        if (way.asked) this.left--;
      }
    }
    if (!isContainer) return;
    const isObject = token === OPEN_BRACE_TOKEN;
    const frame: Frame = {
      isObject,
      segment,
      way,
      pointer,
      location,
      expectsKey: isObject,
      items: 0,
      keys: this.findDuplicates && isObject ? new Map() : undefined,
    };
    this.stack.push(frame);
    if (!isObject) this.jumpOverItem(frame);
  }

  /** After a key's colon, when jumping: a value no way leads into is passed without reading its tokens. */
  private jumpOverValue(frame: Frame | undefined): void {
    if (frame?.isObject && this.jumpOver(frame, this.key?.text ?? '')) frame.expectsKey = true;
  }

  /** After an array's bracket or comma, the same for an item. */
  private jumpOverItem(frame: Frame | undefined): void {
    if (frame && !frame.isObject && this.jumpOver(frame, String(frame.items))) frame.items++;
  }

  private jumpOver(frame: Frame, segment: string): boolean {
    if (!this.jump || frame.way?.children.has(segment)) return false;
    const start = skipWhitespace(this.text, this.scanner.getPosition());
    const first = this.text.charCodeAt(start);
    if (start >= this.text.length || first === CLOSE_BRACKET || first === CLOSE_BRACE) return false;
    this.scanner.setPosition(skipValue(this.text, start));
    return true;
  }

  private close(end: number): void {
    const frame = this.stack.pop();
    if (!frame?.location) return;
    frame.location.valueEnd = end;
    const way = frame.way!;
    if (way.asked && !(this.jump && this.stack.length === 0)) this.left--;
    for (const child of way.children.values()) if (!child.seen) this.left -= child.askedWithin;
  }

  private recordKey(frame: Frame, key: { text: string; start: number; end: number }): void {
    const first = frame.keys!.get(key.text);
    if (!first) {
      frame.keys!.set(key.text, [key.start, key.end]);
      return;
    }
    this.duplicates.push({
      pointer: this.pointerOf(frame) + '/' + escapeSegment(key.text),
      keyStart: key.start,
      keyEnd: key.end,
      firstKeyStart: first[0],
      firstKeyEnd: first[1],
    });
  }

  /** The pointer of a frame, from the segments on the stack (frames off the ways have none of their own). */
  private pointerOf(frame: Frame): string {
    let pointer = '';
    for (let i = 1; i <= this.stack.indexOf(frame); i++) pointer += '/' + escapeSegment(this.stack[i].segment);
    return pointer;
  }
}

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * True when no key of the text can repeat: the text holds no more `"key":` patterns (a quote, maybe
 * whitespace, a colon) than the parsed value holds keys. Each key makes one pattern and a repeated
 * key is one the value lacks; a pattern inside a string only makes the answer "maybe".
 */
export function cannotHaveDuplicateKeys(text: string, value: unknown): boolean {
  return keyPatterns(text) <= countKeys(value);
}

function keyPatterns(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let before = colon - 1;
    while (isWhitespace(text.charCodeAt(before))) before--;
    if (text.charCodeAt(before) === QUOTE) count++;
  }
  return count;
}

/** How many keys a value holds, at every depth. */
function countKeys(value: unknown): number {
  let count = 0;
  const stack = [value];
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

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function skipWhitespace(text: string, index: number): number {
  while (index < text.length && isWhitespace(text.charCodeAt(index))) index++;
  return index;
}

/** Index just after the string starting at `index` (which holds the opening quote). */
function skipString(text: string, index: number): number {
  const quote = closingQuote(text, index + 1);
  return quote === -1 ? text.length : quote + 1;
}

/** The closing quote of the string whose inside starts at `from`, or -1 for a string left open. */
export function closingQuote(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
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
  const first = text.charCodeAt(index);
  if (first === QUOTE) return skipString(text, index);
  return first === OPEN_BRACE || first === OPEN_BRACKET ? skipContainer(text, index) : skipPrimitive(text, index);
}

const CONTAINER_CHARACTERS = ['"', '{', '}', '[', ']'];

/** Index just after the container opening at `index` in valid JSON, jumping between quotes and brackets with indexOf. */
function skipContainer(text: string, index: number): number {
  const next = [-1, -1, -1, -1, -1];
  let depth = 0;
  while (index < text.length) {
    const which = nextContainerCharacter(text, index, next);
    if (which < 0) return text.length;
    if (which === 0) {
      index = skipString(text, next[0]);
      continue;
    }
    depth += which === 1 || which === 3 ? 1 : -1;
    index = next[which] + 1;
    if (depth === 0) return index;
  }
  return text.length;
}

/**
 * Which of CONTAINER_CHARACTERS comes first at or after `index` (-1 when none does); `next` holds
 * where each was last found, so each is looked for again only once passed, and gives the offset.
 */
function nextContainerCharacter(text: string, index: number, next: number[]): number {
  let which = -1;
  for (let i = 0; i < next.length; i++) {
    if (next[i] < index) {
      const found = text.indexOf(CONTAINER_CHARACTERS[i], index);
      next[i] = found < 0 ? Infinity : found;
    }
    if (next[i] !== Infinity && (which < 0 || next[i] < next[which])) which = i;
  }
  return which;
}

function readKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/**
 * The jsonc-parser tree of text that JSON.parse accepted: the same nodes as `parseTree` (types,
 * offsets, lengths, values, colons, parents), but an object's or array's members are read from the
 * text only when first asked for. Editor features look at the few containers around the cursor, so
 * on a large record they no longer wait for a tree of the whole text after each edit; a container
 * is passed over by jumping between quotes and brackets with indexOf.
 */
export function treeOfValidJson(text: string): Node | undefined {
  const start = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start >= text.length) return undefined;
  return valueNode({ text, ends: containerEnds(text) }, start, undefined) as Node;
}

/** Where every object and array ends, by where it opens: found in one pass, so that no container is read twice. */
function containerEnds(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  const next = [-1, -1, -1, -1, -1];
  let index = 0;
  while (index < text.length) {
    const which = nextContainerCharacter(text, index, next);
    if (which < 0) break;
    if (which === 0) {
      index = skipString(text, next[0]);
      continue;
    }
    if (which === 1 || which === 3) open.push(next[which]);
    else ends.set(open.pop()!, next[which] + 1);
    index = next[which] + 1;
  }
  return ends;
}

/** The text a lazy tree is read from, with its containers' ends. */
interface TreeSource {
  text: string;
  ends: Map<number, number>;
}

/** A tree node (jsonc-parser's Node, written while it is read). */
interface TreeNode {
  type: Node['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: TreeNode;
  children?: TreeNode[];
}

/** An object or array whose members are read on first use. */
class LazyContainer implements TreeNode {
  private members?: TreeNode[];

  constructor(
    private readonly source: TreeSource,
    readonly type: 'object' | 'array',
    readonly offset: number,
    readonly length: number,
    readonly parent: TreeNode | undefined,
  ) {}

  get children(): TreeNode[] {
    this.members ??= membersOf(this.source, this);
    return this.members;
  }
}

/** The value starting at `index`, with its length. */
function valueNode(source: TreeSource, index: number, parent: TreeNode | undefined): TreeNode {
  const { text } = source;
  const first = text.charCodeAt(index);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    const end = source.ends.get(index) ?? text.length;
    return new LazyContainer(source, first === OPEN_BRACE ? 'object' : 'array', index, end - index, parent);
  }
  const end = first === QUOTE ? skipString(text, index) : skipPrimitive(text, index);
  const value = literalValue(text, index, end);
  return { type: nodeType(value), offset: index, length: end - index, parent, value };
}

/** The properties of an object or the items of an array, read from the text. */
function membersOf(source: TreeSource, container: LazyContainer): TreeNode[] {
  const { text } = source;
  const members: TreeNode[] = [];
  const last = container.offset + container.length - 1;
  let index = skipWhitespace(text, container.offset + 1);
  while (index < last) {
    if (text.charCodeAt(index) === COMMA) {
      index = skipWhitespace(text, index + 1);
      continue;
    }
    let member: TreeNode;
    if (container.type === 'object') {
      const keyEnd = skipString(text, index);
      const colon = skipWhitespace(text, keyEnd);
      const property: TreeNode = { type: 'property', offset: index, length: 0, parent: container, colonOffset: colon };
      const key: TreeNode = {
        type: 'string',
        value: readKey(text, index, keyEnd),
        offset: index,
        length: keyEnd - index,
        parent: property,
      };
      const value = valueNode(source, skipWhitespace(text, colon + 1), property);
      property.children = [key, value];
      property.length = value.offset + value.length - index;
      member = property;
    } else {
      member = valueNode(source, index, container);
    }
    members.push(member);
    index = skipWhitespace(text, member.offset + member.length);
  }
  return members;
}

function literalValue(text: string, start: number, end: number): string | number | boolean | null {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return readKey(text, start, end);
  if (first === 116) return true;
  if (first === 102) return false;
  if (first === 110) return null;
  return Number(text.slice(start, end));
}

function nodeType(value: string | number | boolean | null): Node['type'] {
  if (value === null) return 'null';
  return typeof value as 'string' | 'number' | 'boolean';
}
