// A small XML element tree: built by the export and serialized with every text escaped, and read back by a
// strict reader that has no DTD support at all: a DOCTYPE is refused, so no entity (internal or external) is
// ever expanded and nothing outside the file is read.

export interface XmlElement {
  name: string;
  attributes?: Record<string, string>;
  children: XmlElement[];
  /** Character content of a leaf element. */
  text?: string;
}

/** An element with text; undefined (left out) when there is no text to carry. */
export function leaf(name: string, text: string | number | undefined): XmlElement | undefined {
  if (text === undefined) return undefined;
  return { name, children: [], text: String(text) };
}

/** An element with children; undefined entries are skipped, and an element left with nothing is kept only when `keepEmpty`. */
export function element(
  name: string,
  children: Array<XmlElement | undefined>,
  attributes?: Record<string, string>,
  keepEmpty = false,
): XmlElement | undefined {
  const present = children.filter((child): child is XmlElement => child !== undefined);
  if (present.length === 0 && !keepEmpty && attributes === undefined) return undefined;
  return { name, children: present, ...(attributes ? { attributes } : {}) };
}

/** An element that must be present in the schema even when it has no entries (a results list wrapper). */
export function list(name: string, children: Array<XmlElement | undefined>): XmlElement {
  return element(name, children, undefined, true) as XmlElement;
}

/** PRS keeps long text in a <textblock> child. */
export function textBlock(name: string, text: string | undefined): XmlElement | undefined {
  return text === undefined ? undefined : element(name, [leaf('textblock', text)]);
}

// XML 1.0 cannot carry these control characters at all, even as character references.
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const NEEDS_ESCAPING = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(NOT_XML_CHARACTER, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function serialize(root: XmlElement): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, lines);
  return lines.join('\n') + '\n';
}

function write(node: XmlElement, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  if (node.text !== undefined) {
    lines.push(`${indent}<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    lines.push(`${indent}<${node.name}${attributes}/>`);
  } else {
    lines.push(`${indent}<${node.name}${attributes}>`);
    for (const child of node.children) write(child, depth + 1, lines);
    lines.push(`${indent}</${node.name}>`);
  }
}

// ---- reading ----

export class XmlReadError extends Error {}

/** A read element: its attributes and child elements by local name (namespace prefix dropped), and its own text. */
export interface ReadElement {
  name: string;
  attributes: Record<string, string>;
  children: ReadElement[];
  text: string;
  line: number;
}

/** Larger than any record PRS produces (a 10 000-site record is about 10 MB). */
export const MAX_XML_BYTES = 50 * 1024 * 1024;

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

class Scanner {
  private line = 1;
  private lineCountedTo = 0;
  constructor(readonly text: string) {}

  lineAt(offset: number): number {
    for (let index = this.lineCountedTo; index < offset; index++) if (this.text.charCodeAt(index) === 10) this.line++;
    this.lineCountedTo = Math.max(this.lineCountedTo, offset);
    return this.line;
  }

  error(offset: number, message: string): XmlReadError {
    return new XmlReadError(`line ${this.lineAt(offset)}: ${message}`);
  }

  /** Replaces character and predefined entity references; any other entity is an error, never looked up. */
  decode(raw: string, offset: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]*);?/g, (whole, reference: string) => {
      if (!whole.endsWith(';')) throw this.error(offset, `a bare "&" (write &amp;) in "${raw.slice(0, 40)}".`);
      let code: number | undefined;
      if (/^#x[0-9a-fA-F]+$/.test(reference)) code = parseInt(reference.slice(2), 16);
      else if (/^#[0-9]+$/.test(reference)) code = parseInt(reference.slice(1), 10);
      else if (reference in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[reference];
      else throw this.error(offset, `the entity ${whole} is not one XML predefines; entities are not expanded.`);
      if (code === undefined || code > 0x10ffff || code === 0) throw this.error(offset, `${whole} is not a character.`);
      return String.fromCodePoint(code);
    });
  }
}

/**
 * Parses XML text into elements. Refused with a message naming the line: a DOCTYPE (where entities, external
 * ones included, would be declared), an undeclared entity, anything not well-formed, and files over MAX_XML_BYTES.
 */
export function readXml(source: string): ReadElement {
  let text = source;
  if (text.length > MAX_XML_BYTES || Buffer.byteLength(text, 'utf8') > MAX_XML_BYTES) {
    throw new XmlReadError(`the file is larger than ${MAX_XML_BYTES / 1024 / 1024} MB; it is not read.`);
  }
  // XML reads every line ending as a line feed; a carriage return in content is written &#13;.
  text = text.replace(/\r\n?/g, '\n');
  const scanner = new Scanner(text);
  const stack: Array<{ element: ReadElement; text: string[] }> = [];
  let root: ReadElement | undefined;
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    const end = open < 0 ? text.length : open;
    if (end > position) {
      const raw = text.slice(position, end);
      if (stack.length > 0) stack[stack.length - 1].text.push(scanner.decode(raw, position));
      else if (raw.trim() !== '') throw scanner.error(position, 'text outside the root element.');
    }
    if (open < 0) break;
    if (text.startsWith('<?', open)) {
      position = skipPast(text, scanner, open, '?>', 'processing instruction');
    } else if (text.startsWith('<!--', open)) {
      position = skipPast(text, scanner, open, '-->', 'comment');
    } else if (text.startsWith('<![CDATA[', open)) {
      const close = text.indexOf(']]>', open);
      if (close < 0) throw scanner.error(open, 'a CDATA section that never ends.');
      if (stack.length === 0) throw scanner.error(open, 'CDATA outside the root element.');
      stack[stack.length - 1].text.push(text.slice(open + 9, close));
      position = close + 3;
    } else if (text.startsWith('<!', open)) {
      const what = /^<!DOCTYPE/i.test(text.slice(open, open + 9))
        ? 'a DOCTYPE declaration; PRS and classic XML have none, and its entities are never expanded, so the file is not read'
        : 'a markup declaration, which XML allows only inside a DOCTYPE';
      throw scanner.error(open, `the file has ${what}.`);
    } else if (text.startsWith('</', open)) {
      NAME.lastIndex = open + 2;
      const name = NAME.exec(text)?.[0];
      const close = text.indexOf('>', open);
      const top = stack.pop();
      if (name === undefined || close < 0 || text.slice(open + 2 + name.length, close).trim() !== '')
        throw scanner.error(open, 'a malformed end tag.');
      if (top === undefined || top.element.name !== name)
        throw scanner.error(
          open,
          top === undefined ? `</${name}> closes nothing.` : `</${name}> where </${top.element.name}> was expected.`,
        );
      top.element.text = top.text.join('');
      top.element.name = localName(top.element.name);
      position = close + 1;
    } else {
      NAME.lastIndex = open + 1;
      const name = NAME.exec(text)?.[0];
      if (name === undefined) throw scanner.error(open, 'a "<" that starts no tag (write &lt;).');
      const element: ReadElement = { name, attributes: {}, children: [], text: '', line: scanner.lineAt(open) };
      let cursor = open + 1 + name.length;
      for (;;) {
        ATTRIBUTE.lastIndex = cursor;
        const attribute = ATTRIBUTE.exec(text);
        if (attribute === null) break;
        const attributeName = attribute[1];
        if (!attributeName.startsWith('xmlns'))
          element.attributes[localName(attributeName)] = scanner.decode(attribute[2] ?? attribute[3], cursor);
        cursor = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = cursor;
      const tagEnd = TAG_END.exec(text);
      if (tagEnd === null) throw scanner.error(open, `the start tag <${name}> is malformed.`);
      if (stack.length > 0) stack[stack.length - 1].element.children.push(element);
      else if (root !== undefined) throw scanner.error(open, 'a second root element; XML has one.');
      else root = element;
      if (tagEnd[1] === '/') element.name = localName(name);
      else stack.push({ element, text: [] });
      position = TAG_END.lastIndex;
    }
  }
  if (stack.length > 0)
    throw scanner.error(text.length, `the file ends before </${stack[stack.length - 1].element.name}>.`);
  if (root === undefined) throw new XmlReadError('the file has no XML element.');
  return root;
}

function skipPast(text: string, scanner: Scanner, open: number, terminator: string, what: string): number {
  const close = text.indexOf(terminator, open);
  if (close < 0) throw scanner.error(open, `a ${what} that never ends.`);
  return close + terminator.length;
}
