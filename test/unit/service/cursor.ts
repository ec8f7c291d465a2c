// Test texts with the cursor marked as `|` (as the JSON language service's tests do), built from
// real corpus records so that the surrounding text is what curators really edit.
import { TrialDocument } from '../../../server/src/service/document';
import { corpusRecord } from '../rules/fixtures';

export const CURSOR = '|';

/** The record's text (2-space JSON) with `marked` replacing `original`, which holds the cursor `|`. */
export function recordWithCursor(
  original: string,
  marked: string,
  record: unknown = corpusRecord('NCT03418623'),
): { document: TrialDocument; position: { line: number; character: number } } {
  const text = JSON.stringify(record, null, 2);
  if (!text.includes(original)) throw new Error(`not in the record: ${original}`);
  return atCursor(text.replace(original, marked));
}

export function atCursor(textWithCursor: string): {
  document: TrialDocument;
  position: { line: number; character: number };
} {
  const offset = textWithCursor.indexOf(CURSOR);
  if (offset < 0) throw new Error('no cursor');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = new TrialDocument(text, 1, 'file:///test/record.trial.json');
  return { document, position: document.positionAt(offset) };
}

/** The text after applying LSP text edits (as an editor would). */
export function applyTextEdits(
  document: TrialDocument,
  edits: ReadonlyArray<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  }>,
): string {
  const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  let text = document.text;
  for (const edit of sorted)
    text =
      text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  return text;
}
