// Text values as text: where a JSON string sits around a cursor, the escaping a string needs, the
// character limit of a field from the study schema, and which values are long enough to edit on
// their own. Pure functions (no vscode), so that they are tested in Node.
import { createScanner, findNodeAtLocation, findNodeAtOffset, getNodePath, parseTree, type Node } from 'jsonc-parser';
import { closingQuote, treeOfValidJson } from '../../server/src/service/scan';

/** The path of a JSON Pointer, array indexes as numbers (as jsonc-parser's paths have them). */
export { pathOf } from '../../server/src/service/pointer';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values here.
const STRING_LITERAL = 10;
const END_OF_FILE = 17;

/** The last text parsed, its tree and its value: the lenses, the inlay hints and Edit text ask for the same version in turn. */
let lastParsed: { text: string; root: Node | undefined; value: unknown } | undefined;

function parsed(text: string): { root: Node | undefined; value: unknown } {
  if (lastParsed?.text !== text) lastParsed = { text, ...parsedTree(text) };
  return lastParsed;
}

/** The jsonc-parser tree of a record's text (tolerant of broken text), parsed once for repeated asks. */
export function treeOf(text: string): Node | undefined {
  return parsed(text).root;
}

/** The value of a record's text, or undefined when the text is not valid JSON; parsed with its tree. */
export function valueOf(text: string): unknown {
  return parsed(text).value;
}

/**
 * Valid JSON (nearly always) gets the server's lazy tree, whose containers are read only when a walk
 * looks into them (the hints walk only what the editor shows of a large record); broken text gets
 * jsonc-parser's tolerant parser.
 */
function parsedTree(text: string): { root: Node | undefined; value: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { root: parseTree(text, [], { allowTrailingComma: true, disallowComments: false }), value: undefined };
  }
  return { root: treeOfValidJson(text), value };
}

export interface StringToken {
  /** Offset of the opening quote. */
  start: number;
  /** Offset just past the closing quote. */
  end: number;
  value: string;
}

/**
 * The closed string whose inside holds `offset` (strictly between its quotes), or undefined:
 * on a key, outside any string, or in a string left open.
 */
export function stringAround(text: string, offset: number): StringToken | undefined {
  const scanner = createScanner(text, false);
  for (let kind: number = scanner.scan(); kind !== END_OF_FILE; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (start >= offset) return undefined;
    if (kind !== STRING_LITERAL || end <= offset) continue;
    // An unterminated string runs to the end of its line: not a value Enter may split.
    if (scanner.getTokenError() !== 0 || text.charCodeAt(end - 1) !== 34 || end - start < 2) return undefined;
    return { start, end, value: scanner.getTokenValue() };
  }
  return undefined;
}

/** Whether the string around `offset` is a value (not a key). */
export function isValueString(text: string, token: StringToken): boolean {
  const after = text.slice(token.end).match(/^\s*(.)/);
  return after?.[1] !== ':';
}

/** The text as it goes between a JSON string's quotes: line breaks, tabs, quotes and backslashes escaped. */
export function escapeForString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

type SchemaNode = {
  type?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  maxLength?: unknown;
  title?: unknown;
};

/** The schema of the value at a JSON path (array indexes as numbers), walking properties and items. */
function schemaAt(schema: SchemaNode, path: ReadonlyArray<string | number>): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? node.items : node.properties?.[segment];
  }
  return node;
}

export interface TextField {
  path: Array<string | number>;
  /** The registry's character limit, when the schema gives one. */
  limit?: number;
  /** What the field is called, for the tab title. */
  title: string;
}

export function textField(schema: SchemaNode, path: Array<string | number>): TextField {
  const node = schemaAt(schema, path);
  const limit = typeof node?.maxLength === 'number' ? node.maxLength : undefined;
  const title = typeof node?.title === 'string' ? node.title : String(path[path.length - 1] ?? 'text');
  return { path, limit, title };
}

/** Values worth a text editor of their own: those with a line break, or longer than this. */
const LONG_TEXT = 120;

export interface LongText {
  path: Array<string | number>;
  /** The string node's offset and length in the text. */
  offset: number;
  length: number;
  characters: number;
}

/**
 * The long text values of a record (descriptions, criteria, limitations…), in text order. Only the
 * strings long enough in the text are looked up in the tree, so that a large record's results
 * tables are not read node by node.
 */
export function longTexts(text: string): LongText[] {
  const found: LongText[] = [];
  const root = treeOf(text);
  if (!root) return found;
  for (const start of possiblyLongStrings(text)) {
    const node = findNodeAtOffset(root, start + 1);
    if (
      node?.offset !== start ||
      node.type !== 'string' ||
      typeof node.value !== 'string' ||
      node.parent?.type !== 'property' ||
      node.parent.children?.[1] !== node ||
      !(node.value.includes('\n') || node.value.length > LONG_TEXT)
    )
      continue;
    found.push({
      path: getNodePath(node),
      offset: node.offset,
      length: node.length,
      characters: characterCount(node.value),
    });
  }
  return found;
}

/** Where the strings start whose text is longer than LONG_TEXT or holds an escaped line break (a superset of the long values). */
function possiblyLongStrings(text: string): number[] {
  const starts: number[] = [];
  let lineBreak = text.indexOf('\\n');
  for (let quote = text.indexOf('"'); quote !== -1;) {
    const end = closingQuote(text, quote + 1);
    if (end === -1) break;
    // The next escaped line break, found again only once passed: one look through the text in all.
    if (lineBreak !== -1 && lineBreak < quote) lineBreak = text.indexOf('\\n', quote);
    if (end - quote - 1 > LONG_TEXT || (lineBreak !== -1 && lineBreak < end)) starts.push(quote);
    quote = text.indexOf('"', end + 1);
  }
  return starts;
}

/** The string node at a path of the text, or undefined when there is none (the record changed). */
export function stringAtPath(text: string, path: ReadonlyArray<string | number>): StringToken | undefined {
  const root = treeOf(text);
  const node = root && findNodeAtLocation(root, [...path]);
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;
  return { start: node.offset, end: node.offset + node.length, value: node.value };
}

/** The path of the string value around an offset, for "Edit text" at the cursor. */
export function valuePathAt(text: string, offset: number): Array<string | number> | undefined {
  const token = stringAround(text, offset);
  if (!token || !isValueString(text, token)) return undefined;
  const root = treeOf(text);
  const node = root ? findNodeAtOffset(root, offset) : undefined;
  return node?.type === 'string' ? getNodePath(node) : undefined;
}

/** Characters as the registry counts them: code points, with a line break as one. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text.replace(/\r\n/g, '\n')) count++;
  return count;
}

/** "1,234 / 5,000 characters", or "1,234 characters" for a field without a limit. */
export function countLabel(characters: number, limit: number | undefined): string {
  const format = (n: number) => n.toLocaleString('en-US');
  if (limit === undefined) return `${format(characters)} characters`;
  const over = characters > limit ? ` (${format(characters - limit)} over the limit)` : '';
  return `${format(characters)} / ${format(limit)} characters${over}`;
}
