// ClinicalTrials.gov API v2 JSON: a bare study, a list of studies, or a page {"studies": [...]}.
import { orderLikeV2, type ImportWarning, type Study } from './study-draft';

export function looksLikeV2Json(text: string): boolean {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return false;
  try {
    return studiesOf(JSON.parse(trimmed)) !== undefined;
  } catch {
    return false;
  }
}

function isStudy(value: unknown): value is Study {
  return !!value && typeof value === 'object' && !Array.isArray(value) && 'protocolSection' in value;
}

/** The studies a parsed v2 value holds, or undefined when it is not v2 study data. */
export function studiesOf(value: unknown): Study[] | undefined {
  if (isStudy(value)) return [value];
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { studies?: unknown }).studies)
      ? (value as { studies: unknown[] }).studies
      : undefined;
  if (!list || list.length === 0 || !list.every(isStudy)) return undefined;
  return list;
}

export function importV2Json(text: string): { records: Study[]; warnings: ImportWarning[] } {
  const studies = studiesOf(JSON.parse(text)) ?? [];
  return { records: studies.map(orderLikeV2), warnings: [] };
}
