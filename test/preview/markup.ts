// Reading the renderer's own markup back in Node tests (no DOM needed): a section by id, its
// text with entities decoded, table rows as cell texts, and elements by class.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' };

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, name: string) => ENTITIES[name]);
}

/** Text content: tags dropped, entities decoded, white space collapsed. */
export function textOf(markup: string): string {
  return decode(markup.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

export function sectionOf(page: string, id: string): string {
  const start = page.indexOf(`<section id="${id}"`);
  if (start === -1) throw new Error(`no section #${id}`);
  return page.slice(start, page.indexOf('</section>', start) + '</section>'.length);
}

export function between(markup: string, open: string, close: string): string {
  const start = markup.indexOf(open);
  if (start === -1) throw new Error(`no ${open}`);
  return markup.slice(start, markup.indexOf(close, start) + close.length);
}

/** Each <tr> as the texts of its cells (th and td). */
export function tableRows(table: string): string[][] {
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1])),
  );
}

/** Opening tags whose class list contains `className`, with their data-pointer and the text up to the closing tag. */
export function elementsWithClass(
  markup: string,
  className: string,
): { tag: string; pointer?: string; text: string }[] {
  const found: { tag: string; pointer?: string; text: string }[] = [];
  for (const match of markup.matchAll(/<([a-z0-9]+)\b([^>]*)\bclass="([^"]*)"([^>]*)>/g)) {
    if (!match[3].split(/\s+/).includes(className)) continue;
    const tag = match[1];
    const attributes = match[2] + match[4];
    const rest = markup.slice((match.index ?? 0) + match[0].length);
    const pointer = /data-pointer="([^"]*)"/.exec(attributes)?.[1];
    found.push({
      tag,
      pointer: pointer === undefined ? undefined : decode(pointer),
      text: textOf(rest.slice(0, rest.indexOf(`</${tag}>`))),
    });
  }
  return found;
}

export interface TableCell {
  tag: 'th' | 'td';
  pointer?: string;
  className: string;
  title?: string;
  /** The cell's text, finding marks included. */
  text: string;
  /** Its position in its row (0 is the row head). */
  column: number;
  /** The texts of its table's header row, by column. */
  heads: string[];
  /** The text of its row's head. */
  rowHead: string;
}

const CELL = /<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g;

function attribute(attributes: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1];
  return value === undefined ? undefined : decode(value);
}

/** Every cell of every results table, with the header text of its column. */
export function tableCells(markup: string): TableCell[] {
  const cells: TableCell[] = [];
  for (const table of markup.matchAll(/<table class="numbers[\s\S]*?<\/table>/g)) {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table[0])?.[1] ?? '';
    const heads = [...head.matchAll(CELL)].map((cell) => textOf(cell[3]));
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[0])?.[1] ?? '';
    for (const row of body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)) {
      const rowCells = [...row[1].matchAll(CELL)];
      const rowHead = rowCells.length ? textOf(rowCells[0][3]) : '';
      rowCells.forEach((cell, column) => {
        cells.push({
          tag: cell[1] as 'th' | 'td',
          pointer: attribute(cell[2], 'data-pointer'),
          className: attribute(cell[2], 'class') ?? '',
          title: attribute(cell[2], 'title'),
          text: textOf(cell[3]),
          column,
          heads,
          rowHead,
        });
      });
    }
  }
  return cells;
}

/** The cells by their pointer (the first cell holding each pointer). */
export function cellsByPointer(markup: string): Map<string, TableCell> {
  const byPointer = new Map<string, TableCell>();
  for (const cell of tableCells(markup))
    if (cell.pointer !== undefined && !byPointer.has(cell.pointer)) byPointer.set(cell.pointer, cell);
  return byPointer;
}
