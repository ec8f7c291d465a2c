// reviewdog's Diagnostic Format (rdjson, https://github.com/reviewdog/reviewdog/tree/master/proto/rdf):
// 1-based lines, 1-based columns counted in UTF-8 bytes, end exclusive; fixes become suggestions.
import { fixToTextEdit } from '../service/fixes';
import { TrialDocument } from '../service/document';
import { RULE_DOCS_BASE, ruleDocsUrl, type Formatter, type LintedFile } from './types';
import type { Finding, Fix, Position, Severity } from '../service/types';

const SEVERITIES: Record<Severity, 'ERROR' | 'WARNING' | 'INFO'> = {
  error: 'ERROR',
  warning: 'WARNING',
  info: 'INFO',
  hint: 'INFO',
};

interface RdPosition {
  line: number;
  column: number;
}

interface RdRange {
  start: RdPosition;
  end: RdPosition;
}

/** Positions in one file's text, converted from UTF-16 (how findings count) to UTF-8 bytes. */
class ByteColumns {
  private readonly document: TrialDocument | undefined;

  constructor(text: string | undefined) {
    this.document = text === undefined ? undefined : new TrialDocument(text);
  }

  at(position: Position): RdPosition {
    const lineStarts = this.document?.lineStarts;
    if (!this.document || !lineStarts || position.line >= lineStarts.length)
      return { line: position.line + 1, column: position.character + 1 };
    const start = lineStarts[position.line];
    return {
      line: position.line + 1,
      column: Buffer.byteLength(this.document.text.slice(start, start + position.character), 'utf8') + 1,
    };
  }

  atOffset(offset: number): RdPosition {
    return this.at(this.document ? this.document.positionAt(offset) : { line: 0, character: offset });
  }

  range(range: { start: Position; end: Position }): RdRange {
    return { start: this.at(range.start), end: this.at(range.end) };
  }
}

function suggestionsFor(finding: Finding, text: string | undefined, columns: ByteColumns) {
  if (text === undefined) return [];
  const fixes: Fix[] = [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])];
  return fixes.flatMap((fix) => {
    const edit = fixToTextEdit(text, fix);
    if (edit.start === edit.end && edit.newText === '') return [];
    return [{ range: { start: columns.atOffset(edit.start), end: columns.atOffset(edit.end) }, text: edit.newText }];
  });
}

function diagnosticsOf(file: LintedFile) {
  const columns = new ByteColumns(file.text);
  return file.findings.map((finding) => {
    const suggestions = suggestionsFor(finding, file.text, columns);
    return {
      message: finding.message,
      location: { path: file.path, range: columns.range(finding.range) },
      severity: SEVERITIES[finding.severity],
      code: ruleCode(finding.ruleId),
      ...(suggestions.length ? { suggestions } : {}),
      ...(finding.related?.length
        ? {
            related_locations: finding.related.map((related) => ({
              message: related.message,
              location: { path: file.path, range: columns.range(related.range) },
            })),
          }
        : {}),
    };
  });
}

export const rdjson: Formatter = (results) => {
  const report = {
    source: { name: 'trial-records', url: RULE_DOCS_BASE.replace(/rules\/$/, '') },
    diagnostics: results.files.flatMap(diagnosticsOf),
  };
  return JSON.stringify(report, null, 2) + '\n';
};

/** The rule's id, with the address of its documentation for our own rules. */
function ruleCode(ruleId: string): { value: string; url?: string } {
  const url = ruleDocsUrl(ruleId);
  return url ? { value: ruleId, url } : { value: ruleId };
}
