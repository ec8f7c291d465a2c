// Fast scanning of text that JSON.parse already accepted: where given JSON Pointers are and which
// keys repeat, without building a tree (jsonc-parser's full tree costs 10x JSON.parse on big
// records), and, for editor features, the same tree built by jumping from token to token.
import type { Node } from 'jsonc-parser';
import { escapeSegment, lastSegment, parsePointer, valueAt } from './pointer';
import { keyColons } from './textScan';

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
  const key = lastSegment(pointer);
  if (pointer === '' || /^\d+$/.test(key) || valueAt(root, pointer) === undefined) return undefined;
  const quoted = JSON.stringify(key);
  const first = text.indexOf(quoted);
  if (first < 0 || text.indexOf(quoted, first + quoted.length) >= 0) return undefined;
  const colon = skipWhitespace(text, first + quoted.length);
  if (text.charCodeAt(colon) !== COLON) return undefined;
  return lazyEndLocation(text, first, first + quoted.length, skipWhitespace(text, colon + 1));
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

/**
 * True when the text cannot hold a repeated key: it has no more `"key":` patterns than the parsed
 * value has keys. Extra patterns (inside string values) only make this answer "maybe", never a
 * wrong "no", and it costs a fraction of a full scan.
 */
export function cannotHaveDuplicateKeys(text: string, value: unknown): boolean {
  return indexKeys(text, value) !== undefined;
}

/** Keys are indexed by every CHECKPOINT_SPACING-th colon (wasm/textScan.wat records that spacing): the n-th key is then a few jumps from a known place. */
const CHECKPOINT_SPACING = 64;

/**
 * Where the keys of a text are, in text order, for text in which no key repeats: the colon after
 * every 64th key. Any key is then found by its number (counted in the parsed value) in at most 63
 * jumps from the nearest checkpoint, without searching the text for its name.
 */
export interface KeyIndex {
  /** How many keys the text holds. */
  count: number;
  /** The offset of the colon after key number i * CHECKPOINT_SPACING. */
  checkpoints: number[];
  /** How many keys each object or array directly under the root holds. */
  sectionKeys: ReadonlyMap<unknown, number>;
}

/**
 * The key index of the text, or undefined when a key may repeat. When the `"key":` patterns are no
 * more than the keys of the parsed value, there is no repeat and every pattern is a key, since each
 * key makes one pattern and a repeated key would be one the value does not have.
 */
export function indexKeys(text: string, value: unknown): KeyIndex | undefined {
  const { count, checkpoints } = keyColons(text);
  const sectionKeys = new Map<unknown, number>();
  return count <= countKeysBySection(value, sectionKeys) ? { count, checkpoints, sectionKeys } : undefined;
}

/**
 * All the keys of a value, counting each container directly under the root on its own and keeping
 * that count: placing a pointer counts the keys of the sections before it again.
 */
function countKeysBySection(value: unknown, sectionKeys: Map<unknown, number>): number {
  if (value === null || typeof value !== 'object') return 0;
  const stack: unknown[] = [];
  let count = 0;
  for (const key in value) {
    if (!Array.isArray(value)) count++;
    const section = (value as Record<string, unknown>)[key];
    if (section === null || typeof section !== 'object') continue;
    const inSection = countKeys(section, stack);
    sectionKeys.set(section, inSection);
    count += inSection;
  }
  return count;
}

/** True when the colon at `colon` follows a quote, with or without whitespace between. */
function followsQuote(text: string, colon: number): boolean {
  let before = colon - 1;
  while (before >= 0 && isWhitespace(text.charCodeAt(before))) before--;
  return text.charCodeAt(before) === QUOTE;
}

/** How many keys a value holds, at every depth (`stack` may be reused between calls). */
function countKeys(value: unknown, stack: unknown[] = []): number {
  let count = 0;
  stack.push(value);
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

/**
 * Places pointers in text that JSON.parse accepted and in which no key repeats (`keys` from
 * `indexKeys`), guided by the parsed value instead of a walk over the text: a key is found by its
 * number among all keys in document order, counted in the value, and array items from their array.
 * Pointers the value does not have are left out. What this cannot place for sure (objects on the
 * way with numeric keys, which JSON.parse moves to the front) is placed by `locatePointers`.
 */
export function locateInUniqueText(text: string, pointers: Iterable<string>, root: unknown, keys: KeyIndex, options: { ancestorsOfMissing?: boolean } = {}): Map<string, NodeLocation> {
  const found = new Map<string, NodeLocation>();
  const start = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (start >= text.length) return found;
  const locator = new ValueGuidedLocator(text, root, start, keys);
  const requested = new Set(pointers);
  for (const pointer of requested) {
    locator.want(pointer);
    // A pointer the value does not have is shown at an ancestor: place those too, in the same walk.
    if (options.ancestorsOfMissing && locator.locationOf(pointer) === null) {
      for (let ancestor = pointer; ancestor !== ''; ) {
        ancestor = ancestor.slice(0, ancestor.lastIndexOf('/'));
        if (requested.has(ancestor)) break;
        requested.add(ancestor);
        locator.want(ancestor);
      }
    }
  }
  locator.run();
  const unplaced: string[] = [];
  for (const pointer of requested) {
    const location = locator.locationOf(pointer);
    if (location) found.set(pointer, location);
    else if (location === undefined) unplaced.push(pointer);
  }
  if (unplaced.length > 0) for (const [pointer, location] of locatePointers(text, unplaced, root)) found.set(pointer, location);
  return found;
}

/** A canonical array index ("0", "12"): JSON.parse puts such keys first in an object, out of text order. */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/** The value at the pointer's first `count` segments through own properties only, or MISSING. */
function ownValueAt(root: unknown, segments: readonly string[], count: number): unknown {
  let current = root;
  for (let i = 0; i < count; i++) {
    const segment = segments[i];
    if (Array.isArray(current)) {
      if (!isArrayIndex(segment) || Number(segment) >= current.length) return MISSING;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return MISSING;
    }
  }
  return current;
}

const MISSING = Symbol('missing');

interface KeyTarget {
  pointer: string;
  key: string;
  /** How many keys come before this one in the document; -1 until counted. */
  ordinal: number;
}

interface GuideNode {
  children: Map<string, GuideNode>;
  target?: KeyTarget;
}

/** Pointers deeper than this are left to the text walk (the guided walk recurses along pointers). */
const MAX_GUIDED_DEPTH = 256;

/** What the locator makes of a pointer: placed, missing from the value (null), or left to the text walk (undefined). */
type Placement = NodeLocation | null | undefined;

class ValueGuidedLocator {
  private readonly placements = new Map<string, Placement>();
  private readonly guide: GuideNode = { children: new Map() };
  private readonly keyTargets = new Map<string, KeyTarget>();
  /** Array items asked for, by pointer, with their array's pointer and their index. */
  private readonly itemTargets = new Map<string, { parent: string; index: number }>();
  /** Keys counted so far in document order. */
  private keysBefore = 0;
  private left = 0;
  private ordered = true;
  private readonly countStack: unknown[] = [];
  /** Where each array item starts, as far as an array has been read (by the array's start). */
  private readonly itemStarts = new Map<number, number[]>();

  constructor(
    private readonly text: string,
    private readonly root: unknown,
    private readonly start: number,
    private readonly keys: KeyIndex,
  ) {}

  locationOf(pointer: string): Placement {
    return this.placements.get(pointer);
  }

  want(pointer: string): void {
    if (this.placements.has(pointer) || this.itemTargets.has(pointer) || this.keyTargets.has(pointer)) return;
    if (pointer === '') {
      this.placements.set('', this.rootLocation());
      return;
    }
    const segments = parsePointer(pointer);
    const parent = ownValueAt(this.root, segments, segments.length - 1);
    const last = segments[segments.length - 1];
    if (Array.isArray(parent)) {
      if (!isArrayIndex(last) || Number(last) >= parent.length) this.placements.set(pointer, null);
      else this.wantItem(pointer, Number(last));
    } else if (parent === null || typeof parent !== 'object' || !Object.prototype.hasOwnProperty.call(parent, last)) {
      this.placements.set(pointer, null);
    } else if (segments.length <= MAX_GUIDED_DEPTH) {
      this.wantKey(pointer, segments, last);
    }
  }

  private wantItem(pointer: string, index: number): void {
    const parent = pointer.slice(0, pointer.lastIndexOf('/'));
    this.itemTargets.set(pointer, { parent, index });
    this.want(parent);
  }

  private wantKey(pointer: string, segments: readonly string[], key: string): void {
    const target: KeyTarget = { pointer, key, ordinal: -1 };
    this.keyTargets.set(pointer, target);
    let node = this.guide;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.target = target;
  }

  run(): void {
    if (this.keyTargets.size > 0) {
      this.left = this.keyTargets.size;
      this.walk(this.root, this.guide);
      if (this.ordered) for (const target of this.keyTargets.values()) this.placements.set(target.pointer, this.placeKey(target));
    }
    for (const pointer of this.itemTargets.keys()) this.placeItem(pointer);
  }

  private rootLocation(): NodeLocation {
    let end = this.text.length;
    while (end > this.start && isWhitespace(this.text.charCodeAt(end - 1))) end--;
    return { valueStart: this.start, valueEnd: end };
  }

  /** Numbers the key targets by the keys before them in document order, following the guide down to each. */
  private walk(value: unknown, node: GuideNode): void {
    const guided = node.children.size > 0;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && this.left > 0; i++) {
        const child = guided ? node.children.get(String(i)) : undefined;
        if (child) this.walk(value[i], child);
        else this.countIn(value[i]);
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    let first = guided;
    for (const key in value) {
      if (first) {
        // Numeric keys come first in the value but anywhere in the text: the numbering would not match the text.
        if (isArrayIndex(key)) {
          this.ordered = false;
          this.left = 0;
          return;
        }
        first = false;
      }
      const child = guided ? node.children.get(key) : undefined;
      if (child?.target) {
        child.target.ordinal = this.keysBefore;
        this.left--;
      }
      this.keysBefore++;
      const item = (value as Record<string, unknown>)[key];
      if (child) this.walk(item, child);
      else this.countIn(item);
      if (this.left === 0) return;
    }
  }

  /** Adds the keys of a whole subtree (their order inside it does not matter). */
  private countIn(value: unknown): void {
    if (value !== null && typeof value === 'object') this.keysBefore += this.keys.sectionKeys.get(value) ?? countKeys(value, this.countStack);
  }

  /** The key numbered `ordinal`: from the checkpoint before it, jump from colon to colon. */
  private placeKey(target: KeyTarget): NodeLocation | undefined {
    const { text, keys } = this;
    if (target.ordinal < 0 || target.ordinal >= keys.count) return undefined;
    let colon = keys.checkpoints[Math.floor(target.ordinal / CHECKPOINT_SPACING)];
    for (let steps = target.ordinal % CHECKPOINT_SPACING; steps > 0; steps--) {
      do colon = text.indexOf(':', colon + 1);
      while (colon !== -1 && !followsQuote(text, colon));
      if (colon === -1) return undefined;
    }
    let keyEnd = colon;
    while (isWhitespace(text.charCodeAt(keyEnd - 1))) keyEnd--;
    const keyStart = openingQuote(text, keyEnd - 1);
    // A last check that the numbering met the right key; anything else is left to the text walk.
    if (keyStart < 0 || readKey(text, keyStart, keyEnd) !== target.key) return undefined;
    return lazyEndLocation(text, keyStart, keyEnd, skipWhitespace(text, colon + 1));
  }

  private placeItem(pointer: string): Placement {
    if (this.placements.has(pointer)) return this.placements.get(pointer);
    const item = this.itemTargets.get(pointer);
    if (!item) return undefined;
    const array = this.placements.has(item.parent) ? this.placements.get(item.parent) : this.placeItem(item.parent);
    const valueStart = array && this.text.charCodeAt(array.valueStart) === OPEN_BRACKET ? this.itemStart(array.valueStart, item.index) : undefined;
    const location = valueStart === undefined ? undefined : lazyEndLocation(this.text, undefined, undefined, valueStart);
    this.placements.set(pointer, location);
    return location;
  }

  /** The start of an array's item, reading the array only as far as needed and remembering what was read. */
  private itemStart(arrayStart: number, index: number): number | undefined {
    const { text } = this;
    let starts = this.itemStarts.get(arrayStart);
    if (!starts) {
      starts = [];
      this.itemStarts.set(arrayStart, starts);
      const first = skipWhitespace(text, arrayStart + 1);
      if (text.charCodeAt(first) !== CLOSE_BRACKET) starts.push(first);
    }
    while (starts.length <= index) {
      const last = starts[starts.length - 1];
      if (last === undefined) return undefined;
      const after = skipWhitespace(text, skipValue(text, last));
      if (text.charCodeAt(after) !== COMMA) return undefined;
      starts.push(skipWhitespace(text, after + 1));
    }
    return starts[index];
  }
}

/** The opening quote of the string whose closing quote is at `closing`, or -1. */
function openingQuote(text: string, closing: number): number {
  for (let quote = text.lastIndexOf('"', closing - 1); quote !== -1; quote = text.lastIndexOf('"', quote - 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

/**
 * A place whose value end is found only when someone reads it, for objects and arrays: the end of a
 * large one costs a walk over it. The end of a string, number or literal is found at once.
 */
function lazyEndLocation(text: string, keyStart: number | undefined, keyEnd: number | undefined, valueStart: number): NodeLocation {
  const first = text.charCodeAt(valueStart);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) return { keyStart, keyEnd, valueStart, valueEnd: skipValue(text, valueStart) };
  return new ContainerLocation(text, keyStart, keyEnd, valueStart);
}

/**
 * A class, not an object literal with a getter: V8 keeps such literals' getters where they outlive
 * the young generation, which kept each record's text and parsed value alive until a full
 * collection (8 of them instead of 1 while linting 2,000 records).
 */
class ContainerLocation implements NodeLocation {
  private end: number | undefined;

  constructor(
    private readonly text: string,
    readonly keyStart: number | undefined,
    readonly keyEnd: number | undefined,
    readonly valueStart: number,
  ) {}

  get valueEnd(): number {
    return (this.end ??= skipValue(this.text, this.valueStart));
  }
}

/**
 * True when the container starting at `start` closes before `limit`; reads no further than `limit`.
 * (Whether a container spans lines, without finding the end of a large one.)
 */
export function containerClosesBefore(text: string, start: number, limit: number): boolean {
  let depth = 0;
  for (let index = start; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) index = skipString(text, index) - 1;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && --depth === 0) return true;
  }
  return false;
}

/**
 * The jsonc-parser tree of text that JSON.parse accepted, built by jumping from token to token with
 * indexOf instead of reading every character: the same nodes as `parseTree` (types, offsets,
 * lengths, values, colons, parents), several times faster on large records. Iterative, so that deep
 * nesting cannot overflow the stack.
 */
export function treeOfValidJson(text: string): Node | undefined {
  return buildValidTree(text) as Node | undefined;
}

/** A tree node while it is built (jsonc-parser's Node, not yet read-only). */
interface TreeNode {
  type: Node['type'];
  value?: unknown;
  offset: number;
  length: number;
  colonOffset?: number;
  parent?: TreeNode;
  children?: TreeNode[];
}

function buildValidTree(text: string): TreeNode | undefined {
  let index = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (index >= text.length) return undefined;
  let root: TreeNode | undefined;
  /** The innermost object or array not closed yet. */
  let container: TreeNode | undefined;
  for (;;) {
    index = skipWhitespace(text, index);
    const code = text.charCodeAt(index);
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      const closed = container!;
      closed.length = index + 1 - closed.offset;
      container = completeValue(closed, index + 1);
      if (!container) break;
      index++;
      continue;
    }
    if (code === COMMA) {
      index++;
      continue;
    }
    let parent = container;
    if (container?.type === 'object') {
      const keyEnd = skipString(text, index);
      const property: TreeNode = { type: 'property', offset: index, length: -1, parent: container, children: [] };
      container.children!.push(property);
      property.children!.push({ type: 'string', value: readKey(text, index, keyEnd), offset: index, length: keyEnd - index, parent: property });
      const colon = skipWhitespace(text, keyEnd);
      property.colonOffset = colon;
      index = skipWhitespace(text, colon + 1);
      parent = property;
    }
    const first = text.charCodeAt(index);
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      const opened: TreeNode = { type: first === OPEN_BRACE ? 'object' : 'array', offset: index, length: -1, parent, children: [] };
      if (parent) parent.children!.push(opened);
      else root = opened;
      container = opened;
      index++;
      continue;
    }
    const end = first === QUOTE ? skipString(text, index) : skipPrimitive(text, index);
    const value = literalValue(text, index, end);
    const leaf: TreeNode = { type: nodeType(value), offset: index, length: end - index, parent, value };
    if (!parent) {
      root = leaf;
      break;
    }
    parent.children!.push(leaf);
    if (parent.type === 'property') parent.length = end - parent.offset;
    index = end;
  }
  if (root) delete root.parent;
  return root;
}

/** After a value ends at `end`: completes its property, if any; returns the container to go on in. */
function completeValue(value: TreeNode, end: number): TreeNode | undefined {
  const parent = value.parent;
  if (parent?.type !== 'property') return parent;
  parent.length = end - parent.offset;
  return parent.parent;
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
