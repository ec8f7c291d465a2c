// A v2 study printed as a Python dict (after an optional header of "Label: value" lines).
import { parsePythonLiteral, PythonLiteralError } from './python-literal';
import { orderLikeV2, splitLines, Warnings, type ImportWarning, type Study } from './study-draft';
import { studiesOf } from './v2-json';

/** The line where the dict starts: the first line that opens with "{" followed by a quoted key. */
function dictStartLine(text: string): number | undefined {
  const line = splitLines(text).find((candidate) => /^\{\s*['"]/.test(candidate.text));
  return line?.number;
}

export function looksLikePythonDict(text: string): boolean {
  const start = dictStartLine(text);
  if (start === undefined) return false;
  const body = text
    .split(/\r\n|\r|\n/)
    .slice(start - 1)
    .join('\n');
  return /['"]protocolSection['"]\s*:/.test(body);
}

export class PythonDictError extends Error {}

function headerNctId(text: string, dictLine: number): { id: string; line: number } | undefined {
  for (const line of splitLines(text).slice(0, dictLine - 1)) {
    const match = /\bNCT ID:\s*(NCT\d{8})\b/i.exec(line.text);
    if (match) return { id: match[1].toUpperCase(), line: line.number };
  }
  return undefined;
}

export function importPythonDict(text: string): { records: Study[]; warnings: ImportWarning[] } {
  const warnings = new Warnings();
  const start = dictStartLine(text);
  if (start === undefined) throw new PythonDictError('no Python dict found');
  const body = text
    .split(/\r\n|\r|\n/)
    .slice(start - 1)
    .join('\n');
  let parsed: { value: unknown; end: number };
  try {
    parsed = parsePythonLiteral(body, start);
  } catch (error) {
    if (error instanceof PythonLiteralError) throw new PythonDictError(`line ${error.line}: ${error.message}`);
    throw error;
  }
  const rest = body.slice(parsed.end);
  if (rest.trim().length > 0) {
    const line = start + body.slice(0, parsed.end + rest.search(/\S/)).split('\n').length - 1;
    warnings.add(line, 'text after the end of the dict was ignored');
  }
  const studies = studiesOf(parsed.value);
  if (!studies) throw new PythonDictError('the dict has no "protocolSection": it is not a v2 study');
  const header = headerNctId(text, start);
  const dictNctId = (studies[0].protocolSection as { identificationModule?: { nctId?: unknown } })?.identificationModule
    ?.nctId;
  if (header && studies.length === 1 && header.id !== dictNctId) {
    warnings.add(
      header.line,
      `the header names ${header.id} but the dict holds ${String(dictNctId)}; the dict was imported`,
    );
  }
  return { records: studies.map(orderLikeV2), warnings: warnings.list };
}
