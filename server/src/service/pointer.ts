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

export function childPointer(parent: string, segment: string | number): string {
  return `${parent}/${escapeSegment(segment)}`;
}

export function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

export function lastSegment(pointer: string): string {
  return unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
}

/** The value at a pointer, or undefined when any step is missing. Reads the pointer in place: rules call this often. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  if (pointer === '') return current;
  for (let start = 1; start <= pointer.length; ) {
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
export function stringsWhere(value: unknown, test: (text: string) => boolean, at: ReadonlyArray<string | number> = []): Array<{ pointer: string; value: string }> {
  const found: Array<{ pointer: string; value: string }> = [];
  walkStrings(value, test, [...at], found);
  return found;
}

function walkStrings(value: unknown, test: (text: string) => boolean, path: Array<string | number>, found: Array<{ pointer: string; value: string }>): void {
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

interface PathLink {
  parent: PathLink | undefined;
  segment: string | number;
}

/** The same walk for very deep values: an explicit stack, with each path shared by its children. */
function walkStringsWithStack(value: unknown, test: (text: string) => boolean, path: ReadonlyArray<string | number>, found: Array<{ pointer: string; value: string }>): void {
  const prefix = toPointer(path);
  const stack: Array<{ value: unknown; link: PathLink | undefined }> = [{ value, link: undefined }];
  while (stack.length > 0) {
    const { value: current, link } = stack.pop()!;
    if (typeof current === 'string') {
      if (test(current)) found.push({ pointer: prefix + pointerOfLink(link), value: current });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], link: { parent: link, segment: i } });
    } else if (current !== null && typeof current === 'object') {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (current as Record<string, unknown>)[keys[i]], link: { parent: link, segment: keys[i] } });
    }
  }
}

function pointerOfLink(link: PathLink | undefined): string {
  const segments: Array<string | number> = [];
  for (let current = link; current; current = current.parent) segments.push(current.segment);
  return toPointer(segments.reverse());
}
