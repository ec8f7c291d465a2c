// PRS XML (study_collection, from a PRS download or another tool's upload) -> trial records and PRS sidecars.
import { fromPrsDocument } from '../prs/from-prs';
import { readXml, XmlReadError } from '../prs/xml';
import { orderLikeV2, type ImportWarning, type Study } from './study-draft';

/** The root element's name when the text is XML with a declaration or one of the registry's roots; undefined otherwise. */
export function xmlRootName(text: string): string | undefined {
  // A DOCTYPE is skipped here so that the reader, not detection, refuses it with a clear message.
  const start =
    /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w.-]+:)?([\w.-]+)/.exec(
      text.slice(0, 65536),
    );
  if (start === null) return undefined;
  const hasDeclaration = /^\uFEFF?\s*<\?xml/.test(text);
  return hasDeclaration || start[1] === 'study_collection' || start[1] === 'clinical_study' ? start[1] : undefined;
}

export function looksLikePrsXml(text: string): boolean {
  return xmlRootName(text) === 'study_collection';
}

export function importPrsXml(text: string): {
  records: Study[];
  warnings: ImportWarning[];
  sidecars: Array<Record<string, unknown>>;
} {
  const root = readXml(text);
  if (root.name !== 'study_collection')
    throw new XmlReadError(`the root element is <${root.name}>, not <study_collection>.`);
  const { studies, warnings } = fromPrsDocument(root);
  if (studies.length === 0) throw new XmlReadError('<study_collection> holds no <clinical_study>.');
  return {
    records: studies.map((study) => orderLikeV2(study.record)),
    warnings,
    sidecars: studies.map((study) => study.sidecar as Record<string, unknown>),
  };
}
