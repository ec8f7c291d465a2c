// JSON Pointer (RFC 6901) helpers.
// Most segments hold neither "~" nor "/": those are returned as they are, without two regex replaces.
export function escapeSegment(segment: string | number): string {
  const text = typeof segment === 'string' ? segment : String(segment);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

export function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

export function toPointer(segments: ReadonlyArray<string | number>): string {
  return segments.length === 0 ? '' : '/' + segments.map(escapeSegment).join('/');
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** The path of a JSON Pointer as jsonc-parser takes it: array indexes as numbers. */
export function pathOf(pointer: string): Array<string | number> {
  return parsePointer(pointer).map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

export function childPointer(parent: string, segment: string | number): string {
  return `${parent}/${escapeSegment(segment)}`;
}

export function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

export function lastSegment(pointer: string): string {
  return unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
}

/** Whether `pointer` is `ancestor` or inside it ("" is the whole record). */
export function isWithin(pointer: string, ancestor: string): boolean {
  return ancestor === '' || pointer === ancestor || pointer.startsWith(ancestor + '/');
}

/** The value at a pointer, or undefined when any step is missing. Reads the pointer in place: rules call this often. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  if (pointer === '') return current;
  for (let start = 1; start <= pointer.length;) {
    const slash = pointer.indexOf('/', start);
    const end = slash === -1 ? pointer.length : slash;
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[unescapeSegment(pointer.slice(start, end))];
    start = end + 1;
  }
  return current;
}

/** Nesting deeper than this is walked with an explicit stack instead of recursion. */
const MAX_RECURSION = 512;

/**
 * The strings of a value that pass a test, with their pointers, in document order (`at`: the path
 * of `value` itself). Pointers are built only for the strings that pass: cheaper than listing every
 * string with its pointer when a rule looks at all of them and reports on few.
 */
export function stringsWhere(
  value: unknown,
  test: (text: string) => boolean,
  at: ReadonlyArray<string | number> = [],
): Array<{ pointer: string; value: string }> {
  const found: Array<{ pointer: string; value: string }> = [];
  walkStrings(value, test, [...at], found);
  return found;
}

function walkStrings(
  value: unknown,
  test: (text: string) => boolean,
  path: Array<string | number>,
  found: Array<{ pointer: string; value: string }>,
): void {
  if (typeof value === 'string') {
    if (test(value)) found.push({ pointer: toPointer(path), value });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (path.length >= MAX_RECURSION) {
    walkStringsWithStack(value, test, path, found);
    return;
  }
  // Strings are tested here rather than in a call of their own: most values are strings.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') {
        if (test(item)) found.push({ pointer: toPointer([...path, i]), value: item });
      } else if (item !== null && typeof item === 'object') {
        path.push(i);
        walkStrings(item, test, path, found);
        path.pop();
      }
    }
    return;
  }
  for (const key in value) {
    const item: unknown = (value as Record<string, unknown>)[key];
    if (typeof item === 'string') {
      if (test(item)) found.push({ pointer: toPointer([...path, key]), value: item });
    } else if (item !== null && typeof item === 'object') {
      path.push(key);
      walkStrings(item, test, path, found);
      path.pop();
    }
  }
}

/** The same walk for very deep values: an explicit stack, pointers built only for the strings that pass. */
function walkStringsWithStack(
  value: unknown,
  test: (text: string) => boolean,
  path: ReadonlyArray<string | number>,
  found: Array<{ pointer: string; value: string }>,
): void {
  const prefix = toPointer(path);
  for (const entry of collectStrings(value))
    if (test(entry.value)) found.push({ pointer: prefix + entry.pointer, value: entry.value });
}

/** A step of the path to a value; its pointer is joined only when someone asks for it. */
interface PathStep {
  parent: PathStep | undefined;
  segment: string | number;
  pointer?: string;
}

/**
 * The pointer of a step, joined from its segments up to the nearest ancestor already known; the
 * step and its container keep theirs (siblings share the container's). A loop, not recursion: a
 * record may nest very deeply.
 */
function pointerOfStep(step: PathStep | undefined): string {
  if (!step) return '';
  if (step.pointer !== undefined) return step.pointer;
  const segments: Array<string | number> = [];
  let known: PathStep | undefined = step;
  for (; known && known.pointer === undefined; known = known.parent) segments.push(known.segment);
  step.pointer = (known?.pointer ?? '') + toPointer(segments.reverse());
  if (step.parent) step.parent.pointer ??= step.pointer.slice(0, step.pointer.lastIndexOf('/'));
  return step.pointer;
}

class StringEntry {
  constructor(
    readonly value: string,
    private readonly step: PathStep | undefined,
  ) {}

  get pointer(): string {
    return pointerOfStep(this.step);
  }
}

/**
 * Every string in the value with its pointer; iterative, so deep nesting cannot overflow. Pointers
 * are built lazily: rules read every string but report on few of them.
 */
export function collectStrings(value: unknown): Array<{ readonly pointer: string; readonly value: string }> {
  const strings: StringEntry[] = [];
  const stack: Array<{ step: PathStep | undefined; value: unknown }> = [{ step: undefined, value }];
  while (stack.length > 0) {
    const { step, value: current } = stack.pop()!;
    if (typeof current === 'string') strings.push(new StringEntry(current, step));
    else if (Array.isArray(current))
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ step: { parent: step, segment: i }, value: current[i] });
    else if (current !== null && typeof current === 'object') {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({ step: { parent: step, segment: keys[i] }, value: (current as Record<string, unknown>)[keys[i]] });
    }
  }
  return strings;
}
