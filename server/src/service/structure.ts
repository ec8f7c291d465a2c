// Folding ranges (every object and array that spans lines) and selection ranges (grow from the
// value under the cursor to its property, its container, and so on up to the whole record).
import { createScanner } from 'jsonc-parser';
import {
  FoldingRangeKind,
  type FoldingRange,
  type Position,
  type Range,
  type SelectionRange,
} from 'vscode-languageserver-types';
import type { TrialDocument } from './document';
import { nodeAtOffset, type Node } from './tree';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values here.
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, blockComment: 13, end: 17 } as const;

/** Folding from one scan of the tokens: cheap even on the largest records, and works on broken text. */
export function foldingRanges(document: TrialDocument): FoldingRange[] {
  const scanner = createScanner(document.text, false);
  const open: number[] = [];
  const ranges: FoldingRange[] = [];
  for (let token: number = scanner.scan(); token !== TOKEN.end; token = scanner.scan()) {
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      open.push(document.positionAt(scanner.getTokenOffset()).line);
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      const startLine = open.pop();
      const endLine = document.positionAt(scanner.getTokenOffset()).line;
      if (startLine !== undefined && endLine - 1 > startLine) ranges.push({ startLine, endLine: endLine - 1 });
    } else if (token === TOKEN.blockComment) {
      const startLine = document.positionAt(scanner.getTokenOffset()).line;
      const endLine = document.positionAt(scanner.getTokenOffset() + scanner.getTokenLength()).line;
      if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Comment });
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

export function selectionRanges(document: TrialDocument, positions: readonly Position[]): SelectionRange[] {
  return positions.map((position) => selectionRangeAt(document, position));
}

function selectionRangeAt(document: TrialDocument, position: Position): SelectionRange {
  const offset = document.offsetAt(position);
  const spans: Array<[number, number]> = [];
  for (let node: Node | undefined = nodeAtOffset(document.tree, offset); node; node = node.parent) {
    if (node.type === 'string' && node.length >= 2 && offset > node.offset && offset < node.offset + node.length)
      spans.push([node.offset + 1, node.offset + node.length - 1]);
    spans.push([node.offset, node.offset + node.length]);
  }
  let result: SelectionRange | undefined;
  for (const [start, end] of dedupe(spans).reverse()) result = { range: document.rangeOf(start, end), parent: result };
  return result ?? { range: { start: position, end: position } as Range };
}

function dedupe(spans: Array<[number, number]>): Array<[number, number]> {
  return spans.filter(
    ([start, end], index) => index === 0 || start !== spans[index - 1][0] || end !== spans[index - 1][1],
  );
}
