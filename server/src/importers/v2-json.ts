// ClinicalTrials.gov API v2 JSON: a bare study, a list of studies, or a page {"studies": [...]}.
// A list with entries that are not studies imports the studies and warns about the rest.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { orderLikeV2, type ImportWarning, type Study } from './study-draft';
import { lineAndColumnAt } from '../service/document';
import { isPlainObject } from '../service/types';

export function looksLikeV2Json(text: string): boolean {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    return listOf(JSON.parse(trimmed)) !== undefined;
  } catch {
    return false;
  }
}

function isStudy(value: unknown): value is Study {
  return isPlainObject(value) && 'protocolSection' in value;
}

/** Where the studies are: the value itself, a list of them, or a page's "studies"; undefined when it is not v2 study data. */
function listOf(value: unknown): { entries: unknown[]; path: Array<string | number> } | undefined {
  if (isStudy(value)) return { entries: [value], path: [] };
  if (Array.isArray(value)) return value.some(isStudy) ? { entries: value, path: [] } : undefined;
  const studies = value && typeof value === 'object' ? (value as { studies?: unknown }).studies : undefined;
  return Array.isArray(studies) ? { entries: studies, path: ['studies'] } : undefined;
}

/** The studies a parsed v2 value holds, or undefined when it is not v2 study data. */
export function studiesOf(value: unknown): Study[] | undefined {
  const list = listOf(value);
  const studies = list?.entries.filter(isStudy);
  return studies && studies.length > 0 ? studies : undefined;
}

export function importV2Json(text: string): { records: Study[]; warnings: ImportWarning[] } {
  const value: unknown = JSON.parse(text);
  const list = listOf(value);
  if (!list || list.entries.length === 0) throw new Error('it holds no studies (the "studies" list is empty)');
  const records: Study[] = [];
  const warnings: ImportWarning[] = [];
  const tree = list.entries.length > 1 || list.path.length > 0 ? parseTree(text) : undefined;
  list.entries.forEach((entry, index) => {
    if (isStudy(entry)) records.push(orderLikeV2(entry));
    else
      warnings.push({
        line: lineOf(text, tree, [...list.path, index]),
        message: `entry ${index + 1} of the list is not a study (${kindOf(entry)}, without "protocolSection"); it was skipped.`,
      });
  });
  if (records.length === 0) throw new Error('none of its entries is a study (an object with "protocolSection")');
  return { records, warnings };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function lineOf(text: string, tree: Node | undefined, path: Array<string | number>): number {
  const node = tree ? findNodeAtLocation(tree, path) : undefined;
  return node ? lineAndColumnAt(text, node.offset).line : 1;
}
