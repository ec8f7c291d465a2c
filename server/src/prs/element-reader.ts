// Reads registry XML element by element for the importers, remembering what was read so that the rest can be
// named in warnings; values are checked against the PRS picklists as they are read.
import { compactObject, type JsonObject } from './json';
import { booleanOf, codeOf, type Picklist } from './picklists';
import type { ReadElement } from './xml';

export interface PrsImportWarning {
  line: number;
  message: string;
}

/** Tracks which elements were read, so that the rest can be named in warnings. */
export class Reader {
  private readonly read = new Set<ReadElement>();
  private readonly byName = new Map<ReadElement, Map<string, ReadElement[]>>();
  readonly warnings: PrsImportWarning[] = [];

  children(parent: ReadElement | undefined, name: string): ReadElement[] {
    if (parent === undefined) return [];
    const found = this.childrenByName(parent).get(name) ?? [];
    for (const child of found) this.read.add(child);
    return found;
  }

  /** A record's study element has thousands of children (sites); each is looked up by name many times. */
  private childrenByName(parent: ReadElement): Map<string, ReadElement[]> {
    let index = this.byName.get(parent);
    if (index === undefined) {
      index = new Map();
      for (const child of parent.children) {
        const named = index.get(child.name);
        if (named) named.push(child);
        else index.set(child.name, [child]);
      }
      this.byName.set(parent, index);
    }
    return index;
  }

  /** Marks elements and everything inside them as read, for what is deliberately not imported. */
  skip(parent: ReadElement | undefined, name: string): void {
    const mark = (element: ReadElement): void => {
      this.read.add(element);
      element.children.forEach(mark);
    };
    this.children(parent, name).forEach(mark);
  }

  /** The items of a list element (<periods><period/>…</periods>): the wrapper and each item are read. */
  items(parent: ReadElement | undefined, list: string, item: string): ReadElement[] {
    return this.children(this.child(parent, list), item);
  }

  child(parent: ReadElement | undefined, name: string): ReadElement | undefined {
    return this.children(parent, name)[0];
  }

  /** The element's text as written; undefined when absent or blank. */
  text(parent: ReadElement | undefined, name: string): string | undefined {
    const found = this.child(parent, name);
    if (found === undefined || found.children.length > 0 || found.text.trim() === '') return undefined;
    return found.text;
  }

  /** The texts of the named children that are not blank, as written. */
  texts(parent: ReadElement | undefined, name: string): string[] {
    return this.children(parent, name)
      .map((child) => child.text)
      .filter((text) => text.trim() !== '');
  }

  /** Text of a <textblock> wrapper (PRS's long text), or of the element itself as older files write it. */
  textBlock(parent: ReadElement | undefined, name: string): string | undefined {
    const found = this.child(parent, name);
    if (found === undefined) return undefined;
    const block = this.child(found, 'textblock');
    const text = block === undefined ? found.text : block.text;
    return text.trim() === '' ? undefined : text;
  }

  trimmed(parent: ReadElement | undefined, name: string): string | undefined {
    return this.text(parent, name)?.trim();
  }

  yesNo(parent: ReadElement | undefined, name: string): boolean | undefined {
    const text = this.trimmed(parent, name);
    // PRS downloads write "None" for a question nobody answered.
    if (text === undefined || text.toLowerCase() === 'none') return undefined;
    const answer = booleanOf(text);
    if (answer === undefined)
      this.warn(this.child(parent, name) as ReadElement, `<${name}> is "${text}", not yes or no; it was not imported.`);
    return answer;
  }

  code(parent: ReadElement | undefined, name: string, table: Picklist): string | undefined {
    const text = this.trimmed(parent, name);
    return text === undefined ? undefined : this.codeOfText(this.child(parent, name) as ReadElement, text, table);
  }

  codeOfText(at: ReadElement, text: string, table: Picklist): string | undefined {
    const code = codeOf(table, text);
    if (code === undefined)
      this.warn(
        at,
        `<${at.name}> "${text}" is not one of ${table.map(([, value]) => value).join(', ')}; it was not imported.`,
      );
    return code;
  }

  integer(parent: ReadElement | undefined, name: string): number | undefined {
    const text = this.trimmed(parent, name);
    if (text === undefined) return undefined;
    if (!/^-?\d+$/.test(text)) {
      this.warn(
        this.child(parent, name) as ReadElement,
        `<${name}> is "${text}", not a whole number; it was not imported.`,
      );
      return undefined;
    }
    return Number(text);
  }

  warn(at: ReadElement, message: string): void {
    this.warnings.push({ line: at.line, message });
  }

  /** Warns once for each element under `root` that holds text or attributes nobody read. */
  reportUnread(root: ReadElement, path = root.name): void {
    for (const child of root.children) {
      const childPath = `${path}/${child.name}`;
      if (!this.read.has(child)) {
        if (hasContent(child)) this.warn(child, `<${childPath}> has no place in a v2 record; it was not imported.`);
        continue;
      }
      this.reportUnread(child, childPath);
    }
  }
}

export function hasContent(element: ReadElement): boolean {
  if (element.children.length === 0) return element.text.trim() !== '';
  return element.children.some(hasContent);
}

/** The protocol's three outcome lists, which PRS XML and the classic public XML name alike; each outcome read by `outcomeOf`. */
export function outcomeLists(
  study: ReadElement,
  reader: Reader,
  outcomeOf: (outcome: ReadElement, reader: Reader) => JsonObject,
): JsonObject {
  return compactObject({
    primaryOutcomes: reader.children(study, 'primary_outcome').map((outcome) => outcomeOf(outcome, reader)),
    secondaryOutcomes: reader.children(study, 'secondary_outcome').map((outcome) => outcomeOf(outcome, reader)),
    otherOutcomes: reader.children(study, 'other_outcome').map((outcome) => outcomeOf(outcome, reader)),
  });
}
