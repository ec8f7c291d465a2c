// Reading the renderer's own markup back in Node tests (no DOM needed): a section by id, its
// text with entities decoded, table rows as cell texts, and elements by class.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' };

export function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, name: string) => ENTITIES[name]);
}

/** Text content: tags dropped, entities decoded, white space collapsed. */
export function textOf(markup: string): string {
  return decode(markup.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
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
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1])));
}

/** Opening tags whose class list contains `className`, with their data-pointer and the text up to the closing tag. */
export function elementsWithClass(markup: string, className: string): { tag: string; pointer?: string; text: string }[] {
  const found: { tag: string; pointer?: string; text: string }[] = [];
  for (const match of markup.matchAll(/<([a-z0-9]+)\b([^>]*)\bclass="([^"]*)"([^>]*)>/g)) {
    if (!match[3].split(/\s+/).includes(className)) continue;
    const tag = match[1];
    const attributes = match[2] + match[4];
    const rest = markup.slice((match.index ?? 0) + match[0].length);
    const pointer = /data-pointer="([^"]*)"/.exec(attributes)?.[1];
    found.push({ tag, pointer: pointer === undefined ? undefined : decode(pointer), text: textOf(rest.slice(0, rest.indexOf(`</${tag}>`))) });
  }
  return found;
}
