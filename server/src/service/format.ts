// Formatting of a whole record or of a range, with the editor's tab size and spaces, by
// jsonc-parser's formatter (it keeps the key order and only changes whitespace).
import { format as formatJson } from 'jsonc-parser';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TrialDocument } from './document';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

export function formatDocument(document: TrialDocument, options: FormatOptions, range?: Range): TextEdit[] {
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  const span = range ? { offset: document.offsetAt(range.start), length: document.offsetAt(range.end) - document.offsetAt(range.start) } : undefined;
  const edits = formatJson(document.text, span, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, eol, insertFinalNewline: !range && document.text.endsWith(eol) });
  return edits.map((edit) => ({ range: document.rangeOf(edit.offset, edit.offset + edit.length), newText: edit.content }));
}
