// PRS XML (study_collection, from a PRS download or another tool's upload) -> trial records and PRS sidecars.
import { fromPrsDocument } from '../prs/from-prs';
import { readXml, XmlReadError } from '../prs/xml';
import { orderLikeV2, type ImportWarning, type Study } from './study-draft';

/** The root element's name when the text is XML with a declaration or one of the registry's roots; undefined otherwise. */
export function xmlRootName(text: string): string | undefined {
  const head = text.slice(0, 65536);
  const hasDeclaration = /^\uFEFF?\s*<\?xml/.test(head);
  const root = rootNameAfterProlog(head);
  return root !== undefined && (hasDeclaration || root === 'study_collection' || root === 'clinical_study')
    ? root
    : undefined;
}

/**
 * Steps over the declaration, comments and a DOCTYPE (so that the reader, not detection, refuses it) by
 * scanning forward once: a pattern with nested repetition would take quadratic time on a crafted file.
 */
function rootNameAfterProlog(head: string): string | undefined {
  let position = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (position < head.length && /\s/.test(head[position])) position++;
    if (head.startsWith('<?', position)) position = endOf(head, '?>', position);
    else if (head.startsWith('<!--', position)) position = endOf(head, '-->', position);
    else if (head.startsWith('<!DOCTYPE', position)) {
      const subset = head.indexOf('[', position);
      const close = head.indexOf('>', position);
      position =
        subset >= 0 && (close < 0 || subset < close)
          ? endOf(head, '>', Math.max(head.indexOf(']', subset), subset))
          : endOf(head, '>', position);
    } else break;
    if (position < 0) return undefined;
  }
  return /^<(?:[\w.-]+:)?([\w.-]+)/.exec(head.slice(position, position + 200))?.[1];
}

function endOf(text: string, terminator: string, from: number): number {
  const found = text.indexOf(terminator, from);
  return found < 0 ? -1 : found + terminator.length;
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
