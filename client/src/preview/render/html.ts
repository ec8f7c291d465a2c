// HTML built only through the `html` template tag: every interpolated value is escaped unless it
// is already markup made by this module, so record text can never become markup by omission.

/** Markup produced by `html` (or by a trusted renderer such as markdown-it with raw HTML off). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Fragment = Markup | string | number | boolean | null | undefined | readonly Fragment[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Text safe in element content and in double- or single-quoted attribute values. Lone surrogates
 * become U+FFFD (as any UTF-8 encoder would make them) so the file written stays valid.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

export function escapeHtml(text: string): string {
  return wellFormed(text).replace(/[&<>"'`]/g, (character) => ESCAPES[character]);
}

function fragmentToString(fragment: Fragment): string {
  if (fragment instanceof Markup) return fragment.value;
  if (Array.isArray(fragment)) return fragment.map(fragmentToString).join('');
  if (fragment === null || fragment === undefined || fragment === false || fragment === true) return '';
  return escapeHtml(String(fragment));
}

export function html(strings: TemplateStringsArray, ...values: Fragment[]): Markup {
  let out = strings[0];
  values.forEach((value, index) => {
    out += fragmentToString(value) + strings[index + 1];
  });
  return new Markup(out);
}

/** Markup that is trusted as is (fixed strings of the renderer, markdown-it output). */
export function trusted(markup: string): Markup {
  return new Markup(markup);
}

export function join(fragments: readonly Fragment[], separator: Fragment = ''): Markup {
  const sep = fragmentToString(separator);
  return new Markup(
    fragments
      .map(fragmentToString)
      .filter((part) => part !== '')
      .join(sep),
  );
}

/** A class attribute value from known words only (codes from the record are reduced to [a-z0-9-]). */
export function classWord(code: string): string {
  return (
    code
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'other'
  );
}
