// What a finding's diagnostic carries back from the editor (LSP 3.17 `Diagnostic.data`): its rule
// id and JSON Pointer, so that code actions and the preview find the finding again without
// matching positions or parsing the text. The server's lsp/diagnostics.ts writes it.
import type { Finding } from './types';

export interface FindingData {
  ruleId: string;
  pointer: string;
  /** The missing fields a finding reports together (Finding.fields). */
  fields?: string[];
}

export function findingData(finding: Finding): FindingData {
  const data: FindingData = { ruleId: finding.ruleId, pointer: finding.pointer };
  if (finding.fields) data.fields = finding.fields;
  return data;
}

/** The finding data of a diagnostic, or undefined for one that is not ours (or from an older server). */
export function dataOf(diagnostic: { data?: unknown }): FindingData | undefined {
  const data = diagnostic.data as Partial<FindingData> | null | undefined;
  if (typeof data?.ruleId !== 'string' || typeof data.pointer !== 'string') return undefined;
  const fields = Array.isArray(data.fields) ? data.fields.filter((field) => typeof field === 'string') : undefined;
  return fields
    ? { ruleId: data.ruleId, pointer: data.pointer, fields }
    : { ruleId: data.ruleId, pointer: data.pointer };
}

/**
 * The finding a diagnostic stands for: the one of its rule at its pointer; where a rule reports
 * several findings at one pointer, the one with the diagnostic's message.
 */
export function findingOf<T extends Finding>(
  diagnostic: { data?: unknown; message: string },
  findings: readonly T[],
): T | undefined {
  const data = dataOf(diagnostic);
  if (!data) return undefined;
  const candidates = findings.filter((finding) => finding.ruleId === data.ruleId && finding.pointer === data.pointer);
  return candidates.length <= 1 ? candidates[0] : candidates.find((finding) => finding.message === diagnostic.message);
}
