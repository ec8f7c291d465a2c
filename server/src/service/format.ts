// Formatting of a whole record or of a range, with the editor's tab size and spaces, by
// jsonc-parser's formatter (it keeps the key order and only changes whitespace).
import { format as formatJson } from 'jsonc-parser';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TrialDocument } from './document';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

/** Indentation the formatter may write at most: beyond it, formatting would exhaust the server's memory. */
export const MAX_INDENTATION_CHARACTERS = 64 * 1024 * 1024;

export class FormatRefused extends Error {}

/** Throws FormatRefused for text nested so deeply that its indentation alone would be too large to write. */
export function formatDocument(document: TrialDocument, options: FormatOptions, range?: Range): TextEdit[] {
  const indentation = indentationToWrite(document.text, options.insertSpaces ? options.tabSize : 1);
  if (indentation > MAX_INDENTATION_CHARACTERS) {
    throw new FormatRefused(
      `This record is nested too deeply to format: its indentation alone would take more than ${Math.floor(MAX_INDENTATION_CHARACTERS / 1024 / 1024)} million characters.`,
    );
  }
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  const lostIndent = eol + (options.insertSpaces ? ' ' : '\t').repeat(CACHED_INDENTS);
  // A range is formatted as part of the whole record (its lines get the indentation of their depth), and nothing outside it changes.
  const edits = formatJson(document.text, undefined, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    insertFinalNewline: !range && document.text.endsWith(eol),
  }).map((edit): Edit => ({
    start: edit.offset,
    end: edit.offset + edit.length,
    text: withIndentRestored(edit.content, lostIndent),
  }));
  const kept = range
    ? clippedTo(edits, document.text, document.offsetAt(range.start), document.offsetAt(range.end))
    : edits;
  return kept.map((edit) => ({ range: document.rangeOf(edit.start, edit.end), newText: edit.text }));
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edits, or their parts, that lie within [from, to). The formatter's edits replace whitespace
 * with whitespace: one that crosses a boundary keeps its part inside when the part outside stays
 * as it is (the line break before an indentation that the range starts in), and is dropped otherwise.
 */
function clippedTo(edits: readonly Edit[], text: string, from: number, to: number): Edit[] {
  const kept: Edit[] = [];
  for (const edit of edits) {
    if ((edit.end <= from && edit.start < from) || edit.start >= to) continue;
    let { start, end, text: replacement } = edit;
    if (start < from) {
      const outside = text.slice(start, from);
      if (!replacement.startsWith(outside)) continue;
      replacement = replacement.slice(outside.length);
      start = from;
    }
    if (end > to) {
      const outside = text.slice(to, end);
      if (!replacement.endsWith(outside)) continue;
      replacement = replacement.slice(0, replacement.length - outside.length);
      end = to;
    }
    kept.push({ start, end, text: replacement });
  }
  return kept;
}

/**
 * jsonc-parser 3.3.1 keeps line breaks with up to 200 indent characters ready-made, and asks for
 * the 200th one past the end: a line indented by exactly 200 characters gets "undefined" instead.
 * Its edits hold only whitespace, so the word can only come from there.
 */
const CACHED_INDENTS = 200;

function withIndentRestored(content: string | undefined, lostIndent: string): string {
  if (content === undefined) return lostIndent;
  return content.includes('undefined') ? content.split('undefined').join(lostIndent) : content;
}

/**
 * The characters of indentation a formatted text needs: one line per value, key and closing bracket,
 * each indented by its depth. Strings are skipped; broken text is estimated the same way.
 */
function indentationToWrite(text: string, unit: number): number {
  let depth = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) i = endOfString(text, i);
    else if (code === 0x5b || code === 0x7b) total += ++depth * unit;
    else if (code === 0x5d || code === 0x7d) total += Math.max(0, --depth) * unit;
    else if (code === 0x2c) total += depth * unit;
    if (total > MAX_INDENTATION_CHARACTERS) return total;
  }
  return total;
}

function endOfString(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) i++;
    else if (code === 0x22 || code === 0x0a) return i;
  }
  return text.length;
}
