// The outline: sections, then modules with their fields, and the entries curators look for by name
// (arms, interventions, outcomes, locations, contacts) named by their labels.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { TrialDocument } from './document';
import { schemaAt } from './studySchema';
import { childPointer } from './pointer';
import { interventionTypeLabel } from './study';
import type { Node } from './tree';

type Namer = (entry: Node) => string | undefined;

const NAMED_ENTRIES: Record<string, Namer> = {
  armGroups: (entry) => field(entry, 'label'),
  interventions: (entry) => {
    const name = field(entry, 'name');
    const type = field(entry, 'type');
    return name && (type ? `${interventionTypeLabel(type) ?? type}: ${name}` : name);
  },
  primaryOutcomes: (entry) => field(entry, 'measure'),
  secondaryOutcomes: (entry) => field(entry, 'measure'),
  otherOutcomes: (entry) => field(entry, 'measure'),
  locations: (entry) =>
    [field(entry, 'facility'), field(entry, 'city'), field(entry, 'country')].filter(Boolean).join(', ') || undefined,
  centralContacts: (entry) => field(entry, 'name'),
  overallOfficials: (entry) => field(entry, 'name'),
  secondaryIdInfos: (entry) => field(entry, 'id'),
  references: (entry) => field(entry, 'pmid') ?? field(entry, 'citation')?.slice(0, 60),
  collaborators: (entry) => field(entry, 'name'),
  outcomeMeasures: (entry) => field(entry, 'title'),
  groups: (entry) => [field(entry, 'id'), field(entry, 'title')].filter(Boolean).join(' ') || undefined,
};

function field(entry: Node, key: string): string | undefined {
  const property =
    entry.type === 'object' ? entry.children?.find((candidate) => candidate.children?.[0]?.value === key) : undefined;
  const value = property?.children?.[1]?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Sections and modules nest fully; below a module only named entries are listed, not every value. */
export function documentSymbols(document: TrialDocument): DocumentSymbol[] {
  const tree = document.tree;
  if (tree?.type !== 'object') return [];
  return propertiesOf(document, tree, '', 0);
}

function propertiesOf(document: TrialDocument, object: Node, pointer: string, depth: number): DocumentSymbol[] {
  return (object.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    if (!key || typeof key.value !== 'string' || !value) return [];
    return [propertySymbol(document, property, key.value, value, childPointer(pointer, key.value), depth)];
  });
}

function propertySymbol(
  document: TrialDocument,
  property: Node,
  key: string,
  value: Node,
  pointer: string,
  depth: number,
): DocumentSymbol {
  const schema = schemaAt(pointer);
  const symbol: DocumentSymbol = {
    name: key,
    detail: schema?.title,
    kind: kindOf(value, depth),
    range: document.rangeOf(property.offset, property.offset + property.length),
    selectionRange: document.rangeOf(
      property.children![0].offset,
      property.children![0].offset + property.children![0].length,
    ),
  };
  const children = childSymbols(document, key, value, pointer, depth);
  if (children.length > 0) symbol.children = children;
  return symbol;
}

function childSymbols(
  document: TrialDocument,
  key: string,
  value: Node,
  pointer: string,
  depth: number,
): DocumentSymbol[] {
  if (value.type === 'object' && depth < 2) return propertiesOf(document, value, pointer, depth + 1);
  if (value.type === 'object' && key === 'designInfo') return propertiesOf(document, value, pointer, depth + 1);
  const namer = NAMED_ENTRIES[key];
  if (value.type !== 'array' || !namer) return [];
  return (value.children ?? []).map((entry, index) => ({
    name: namer(entry) || `${key}[${index}]`,
    kind: SymbolKind.Object,
    range: document.rangeOf(entry.offset, entry.offset + entry.length),
    selectionRange: document.rangeOf(entry.offset, entry.offset + 1),
  }));
}

function kindOf(value: Node, depth: number): SymbolKind {
  if (value.type === 'object') return depth < 2 ? SymbolKind.Module : SymbolKind.Object;
  if (value.type === 'array') return SymbolKind.Array;
  if (value.type === 'number') return SymbolKind.Number;
  if (value.type === 'boolean') return SymbolKind.Boolean;
  if (value.type === 'null') return SymbolKind.Null;
  return SymbolKind.String;
}
