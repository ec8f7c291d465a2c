// Navigation between arms and interventions and the references to them: definition, references,
// highlights and rename. An arm is named by its label (interventions[].armGroupLabels[]); an intervention by
// "<type label>: <name>" (armGroups[].interventionNames[]). Renaming updates every reference.
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TrialDocument } from './document';
import { isPropertyKey, nodeAtOffset, pointerOfNode } from './tree';
import {
  armGroups,
  asArray,
  asString,
  interventionReference,
  interventions,
  interventionTypeLabel,
  POINTERS,
} from './study';

type Target = { kind: 'arm'; label: string } | { kind: 'intervention'; reference: string };

interface TargetAt {
  target: Target;
  /** The string node under the cursor. */
  range: Range;
}

const PATTERNS: Array<{
  pattern: RegExp;
  target: (value: string, index: number, record: unknown) => Target | undefined;
}> = [
  {
    pattern: /^\/protocolSection\/armsInterventionsModule\/armGroups\/\d+\/label$/,
    target: (label) => ({ kind: 'arm', label }),
  },
  {
    pattern: /^\/protocolSection\/armsInterventionsModule\/interventions\/\d+\/armGroupLabels\/\d+$/,
    target: (label) => ({ kind: 'arm', label }),
  },
  {
    pattern: /^\/protocolSection\/armsInterventionsModule\/armGroups\/\d+\/interventionNames\/\d+$/,
    target: (reference) => ({ kind: 'intervention', reference }),
  },
  {
    pattern: /^\/protocolSection\/armsInterventionsModule\/interventions\/\d+\/name$/,
    target: (_name, index, record) => {
      const reference = interventionReference(interventions(record)[index]);
      return reference === undefined ? undefined : { kind: 'intervention', reference };
    },
  },
];

/** The string under an offset and its pointer. */
interface StringAt {
  value: string;
  offset: number;
  length: number;
  pointer: string;
}

/**
 * The string value under an offset (a key is not a value to rename). The tree reads only the
 * containers around the offset, so rename answers at once even on a large record.
 */
function stringAt(document: TrialDocument, offset: number): StringAt | undefined {
  const node = nodeAtOffset(document.tree, offset);
  if (node?.type !== 'string' || typeof node.value !== 'string' || isPropertyKey(node)) return undefined;
  return { value: node.value, offset: node.offset, length: node.length, pointer: pointerOfNode(node) };
}

function targetAt(document: TrialDocument, position: Position): TargetAt | undefined {
  const node = stringAt(document, document.offsetAt(position));
  if (!node) return undefined;
  const pointer = node.pointer;
  const indexes = pointer.match(/\d+/g)?.map(Number) ?? [];
  for (const { pattern, target } of PATTERNS) {
    if (!pattern.test(pointer)) continue;
    const found = target(node.value, indexes[0] ?? 0, document.parsed.value);
    return found && { target: found, range: document.rangeOf(node.offset, node.offset + node.length) };
  }
  return undefined;
}

/** Pointers of the declaration (arm label or intervention name) and of every reference. */
function occurrences(record: unknown, target: Target): { declarations: string[]; references: string[] } {
  const declarations: string[] = [];
  const references: string[] = [];
  if (target.kind === 'arm') {
    armGroups(record).forEach(
      (arm, index) => arm.label === target.label && declarations.push(`${POINTERS.arms}/armGroups/${index}/label`),
    );
    interventions(record).forEach((intervention, index) =>
      asArray(intervention.armGroupLabels).forEach(
        (label, position) =>
          label === target.label &&
          references.push(`${POINTERS.arms}/interventions/${index}/armGroupLabels/${position}`),
      ),
    );
  } else {
    interventions(record).forEach(
      (intervention, index) =>
        interventionReference(intervention) === target.reference &&
        declarations.push(`${POINTERS.arms}/interventions/${index}/name`),
    );
    armGroups(record).forEach((arm, index) =>
      asArray(arm.interventionNames).forEach(
        (name, position) =>
          name === target.reference &&
          references.push(`${POINTERS.arms}/armGroups/${index}/interventionNames/${position}`),
      ),
    );
  }
  return { declarations, references };
}

function rangesOf(document: TrialDocument, pointers: readonly string[]): Range[] {
  const located = document.locate(pointers);
  return pointers.flatMap((pointer) => {
    const place = located.get(pointer);
    return place ? [document.rangeOf(place.valueStart, place.valueEnd)] : [];
  });
}

export function findDefinition(document: TrialDocument, position: Position): Location[] {
  const found = targetAt(document, position);
  if (!found) return [];
  return rangesOf(document, occurrences(document.parsed.value, found.target).declarations).map((range) => ({
    uri: document.uri,
    range,
  }));
}

export function findReferences(document: TrialDocument, position: Position, includeDeclaration: boolean): Location[] {
  const found = targetAt(document, position);
  if (!found) return [];
  const { declarations, references } = occurrences(document.parsed.value, found.target);
  return rangesOf(document, includeDeclaration ? [...declarations, ...references] : references).map((range) => ({
    uri: document.uri,
    range,
  }));
}

/** The arm or intervention under the cursor where it is declared (written) and everywhere it is referenced (read). */
export function findHighlights(document: TrialDocument, position: Position): DocumentHighlight[] {
  const found = targetAt(document, position);
  if (!found) return [];
  const { declarations, references } = occurrences(document.parsed.value, found.target);
  return [
    ...rangesOf(document, declarations).map((range) => ({ range, kind: DocumentHighlightKind.Write })),
    ...rangesOf(document, references).map((range) => ({ range, kind: DocumentHighlightKind.Read })),
  ];
}

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };

export function prepareRename(document: TrialDocument, position: Position): PrepareRenameResult {
  const found = targetAt(document, position);
  if (!found)
    return {
      error:
        'Only arm labels and intervention names can be renamed: put the cursor on an arm label, an intervention name, or a reference to one.',
    };
  if (found.target.kind === 'arm') return { range: found.range, placeholder: found.target.label };
  const declaration = interventions(document.parsed.value).find(
    (intervention) => interventionReference(intervention) === (found.target as { reference: string }).reference,
  );
  const name = asString(declaration?.name);
  if (name === undefined)
    return {
      error: `No intervention is "${found.target.reference}", so there is nothing to rename; fix the reference first.`,
    };
  return { range: found.range, placeholder: name };
}

export type RenameResult = WorkspaceEdit | { error: string };

export function rename(document: TrialDocument, position: Position, newName: string): RenameResult {
  const prepared = prepareRename(document, position);
  if ('error' in prepared) return prepared;
  if (newName.trim() === '') return { error: 'The new name is empty.' };
  const record = document.parsed.value;
  const found = targetAt(document, position)!;
  const { declarations, references } = occurrences(record, found.target);
  if (found.target.kind === 'arm') {
    if (newName !== found.target.label && armGroups(record).some((arm) => arm.label === newName))
      return { error: `An arm is already labelled "${newName}".` };
    return editsFor(document, [...declarations, ...references], () => newName);
  }
  const intervention = interventions(record).find(
    (candidate) => interventionReference(candidate) === (found.target as { reference: string }).reference,
  )!;
  const typeLabel = interventionTypeLabel(intervention.type);
  const newReference = `${typeLabel}: ${newName}`;
  if (
    newName !== intervention.name &&
    interventions(record).some((candidate) => interventionReference(candidate) === newReference)
  )
    return { error: `An intervention is already "${newReference}".` };
  return editsFor(document, [...declarations, ...references], (pointer) =>
    declarations.includes(pointer) ? newName : newReference,
  );
}

function editsFor(
  document: TrialDocument,
  pointers: readonly string[],
  textFor: (pointer: string) => string,
): WorkspaceEdit {
  const located = document.locate(pointers);
  const edits = pointers.flatMap((pointer) => {
    const place = located.get(pointer);
    return place
      ? [{ range: document.rangeOf(place.valueStart, place.valueEnd), newText: JSON.stringify(textFor(pointer)) }]
      : [];
  });
  return { changes: { [document.uri]: edits } };
}
