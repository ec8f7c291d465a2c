// Empty values shaped by the study schema: what a completion inserts after a key, and what the
// "add the missing field" quick fix writes, so that the curator only fills in the blanks.
import type { SchemaNode } from './studySchema';

/** True for the registry's `{ date, type }` structs (start date, completion date, …). */
export function isDateStruct(node: SchemaNode | undefined): boolean {
  const properties = node?.properties;
  return Boolean(properties?.date && properties.type?.['x-enum'] === 'DateType');
}

/** A plain JSON value to insert for a missing field: empty, but of the right type. */
export function emptyValue(node: SchemaNode | undefined): unknown {
  if (isDateStruct(node)) return { date: '', type: '' };
  switch (node?.type) {
    case 'object':
      return {};
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}

/** Escapes text for a snippet's literal parts ($, } and \ have meaning there). */
export function snippetLiteral(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

/**
 * What a snippet inserts in a client that takes no snippets: placeholders give their default
 * text, tab stops and choices nothing (an empty value the schema then asks to fill, rather than a
 * code picked without the curator), escapes their character.
 */
export function snippetAsPlainText(snippet: string): string {
  return plainTextUntil(snippet, 0, '').text;
}

function plainTextUntil(snippet: string, from: number, stop: string): { text: string; end: number } {
  let text = '';
  let i = from;
  while (i < snippet.length && snippet[i] !== stop) {
    const character = snippet[i];
    if (character === '\\' && i + 1 < snippet.length) {
      text += snippet[i + 1];
      i += 2;
    } else if (character === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i = skipDigits(snippet, i + 1);
    } else if (character === '$' && snippet[i + 1] === '{') {
      const afterNumber = skipDigits(snippet, i + 2);
      if (snippet[afterNumber] === ':') {
        const placeholder = plainTextUntil(snippet, afterNumber + 1, '}');
        text += placeholder.text;
        i = placeholder.end + 1;
      } else if (snippet[afterNumber] === '|') {
        i = plainTextUntil(snippet, afterNumber + 1, '}').end + 1;
      } else i = afterNumber + 1;
    } else {
      text += character;
      i++;
    }
  }
  return { text, end: i };
}

function skipDigits(text: string, from: number): number {
  let i = from;
  while (/\d/.test(text[i] ?? '')) i++;
  return i;
}

/** A snippet choice of enum codes: ${1|A,B,C|}. */
export function choiceSnippet(codes: readonly string[], tabStop = 1): string {
  return `\${${tabStop}|${codes.map((code) => code.replace(/[,|\\$}]/g, (character) => `\\${character}`)).join(',')}|}`;
}

/**
 * The snippet inserted as a value for a field, by the field's type: objects over lines of their own,
 * a date struct's types in the order given (the likelier one first, as its first choice).
 */
export function valueSnippet(
  node: SchemaNode | undefined,
  dateTypes: readonly string[] = ['ESTIMATED', 'ACTUAL'],
): string {
  if (isDateStruct(node)) return `{"date": "\${1:yyyy-MM}", "type": "${choiceSnippet(dateTypes, 2)}"}`;
  if (node?.enum) return `"${choiceSnippet(node.enum)}"`;
  switch (node?.type) {
    case 'object':
      return '{\n\t$1\n}';
    case 'array':
      return node.items?.type === 'object' ? '[\n\t{\n\t\t$1\n\t}\n]' : '[$1]';
    case 'integer':
    case 'number':
      return '${1:0}';
    case 'boolean':
      return '${1|true,false|}';
    default:
      return '"$1"';
  }
}
