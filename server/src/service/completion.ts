// Completion: property keys from the schema (required first, present ones left out), enum values
// with the registry's labels, arm labels and intervention references from the record itself,
// date types and dates, and snippets for new array entries. Works on half-typed text: it reads
// the fault-tolerant jsonc-parser tree, never JSON.parse.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { TrialDocument } from './document';
import { schemaAt, type SchemaNode } from './studySchema';
import { childPointer, parentPointer, lastSegment } from './pointer';
import { isLeaf, isPropertyKey, keyOfValue, nodeAtOffset, pointerOfNode, presentKeys, type Node } from './tree';
import { isDateStruct, snippetAsPlainText, snippetLiteral, valueSnippet } from './skeleton';
import { ARRAY_ENTRY_SNIPPETS } from './snippets';
import {
  armGroups,
  asString,
  dateTypeForStatus,
  interventionReference,
  interventions,
  isPartialDate,
  overallStatus,
  type KeyDate,
} from './study';
import { isRequiredHere, type RequirementLookup } from './requirements';

interface Place {
  /** What is being completed: a key of an object, or a value (of a property or an array item). */
  kind: 'key' | 'value';
  /** Pointer of the object (for keys) or of the value being completed. */
  pointer: string;
  object?: Node;
  /** The key being typed over, left out of "already present". */
  currentKey?: string;
  /** The key has no colon yet: insert `"key": value`. */
  addValue: boolean;
  /** The value completed is an array item (pointer names the array). */
  inArray: boolean;
  start: number;
  end: number;
}

export interface CompletionOptions {
  today: string;
  /** False for a client that takes no snippets: items insert plain text. */
  snippets?: boolean;
  /** Whether a field is required for this record (the required-fields rule's table): listed first. */
  requirementFor?: RequirementLookup;
}

export function doComplete(document: TrialDocument, position: Position, options: CompletionOptions): CompletionList {
  const offset = document.offsetAt(position);
  const place = findPlace(document, offset);
  if (!place) return { isIncomplete: false, items: [] };
  const items = place.kind === 'key' ? keyItems(document, place, options) : valueItems(document, place, options);
  const range = document.rangeOf(place.start, place.end);
  const separator = needsComma(document.text, place.end) ? ',' : '';
  for (const item of items) {
    if (options.snippets === false && item.insertTextFormat === InsertTextFormat.Snippet) {
      item.insertText = snippetAsPlainText(item.insertText ?? item.label);
      item.insertTextFormat = InsertTextFormat.PlainText;
    }
    const text = (item.insertText ?? item.label) + separator;
    item.textEdit = { range, newText: text };
    delete item.insertText;
  }
  return { isIncomplete: false, items };
}

function findPlace(document: TrialDocument, offset: number): Place | undefined {
  const text = document.text;
  let node = nodeAtOffset(document.tree, offset);
  if (node && offset === node.offset + node.length && offset > 0) {
    const before = text[offset - 1];
    if ((node.type === 'object' && before === '}') || (node.type === 'array' && before === ']')) node = node.parent;
  }
  if (!node)
    return document.text.trim() === ''
      ? { kind: 'key', pointer: '', addValue: true, inArray: false, start: offset, end: offset }
      : undefined;
  const word = currentWord(text, offset);
  const overwrite =
    isLeaf(node) && offset > node.offset
      ? { start: node.offset, end: node.offset + node.length }
      : { start: offset - word.length, end: offset };

  if (node.type === 'object')
    return { kind: 'key', pointer: pointerOfNode(node), object: node, addValue: true, inArray: false, ...overwrite };
  // Just before a key's opening quote: a new property goes in front of that one.
  const property = node.type === 'property' ? node : isPropertyKey(node) ? node.parent : undefined;
  if (property && offset === property.offset && word === '') {
    return {
      kind: 'key',
      pointer: pointerOfNode(property.parent!),
      object: property.parent,
      addValue: true,
      inArray: false,
      start: offset,
      end: offset,
    };
  }
  if (node.type === 'string' && isPropertyKey(node)) {
    const property = node.parent!;
    return {
      kind: 'key',
      pointer: pointerOfNode(property.parent!),
      object: property.parent,
      currentKey: String(node.value),
      addValue: property.colonOffset === undefined,
      inArray: false,
      ...overwrite,
    };
  }
  if (node.type === 'property') {
    const key = node.children?.[0];
    if (node.colonOffset === undefined || offset <= node.colonOffset) {
      return {
        kind: 'key',
        pointer: pointerOfNode(node.parent!),
        object: node.parent,
        currentKey: key ? String(key.value) : undefined,
        addValue: node.colonOffset === undefined,
        inArray: false,
        ...overwrite,
      };
    }
    return {
      kind: 'value',
      pointer: childPointer(pointerOfNode(node.parent!), String(key?.value ?? '')),
      addValue: false,
      inArray: false,
      ...overwrite,
    };
  }
  if (node.type === 'array')
    return { kind: 'value', pointer: pointerOfNode(node), addValue: false, inArray: true, ...overwrite };
  if (isLeaf(node)) {
    if (keyOfValue(node))
      return { kind: 'value', pointer: pointerOfNode(node), addValue: false, inArray: false, ...overwrite };
    if (node.parent?.type === 'array')
      return { kind: 'value', pointer: pointerOfNode(node.parent), addValue: false, inArray: true, ...overwrite };
  }
  return undefined;
}

/** The identifier-like text just before the cursor (what the client filters on). */
function currentWord(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && /[\w"-]/.test(text[start - 1])) start--;
  return text.slice(start, offset);
}

/** A comma is needed when another entry follows on the same level. */
function needsComma(text: string, end: number): boolean {
  const next = /\S/.exec(text.slice(end, end + 200));
  return next !== null && (next[0] === '"' || next[0] === '{' || next[0] === '[');
}

// ---- keys -----------------------------------------------------------------------------------

function keyItems(document: TrialDocument, place: Place, options: CompletionOptions): CompletionItem[] {
  const schema = schemaAt(place.pointer);
  if (!schema?.properties) return [];
  const present = new Set(place.object ? presentKeys(place.object) : []);
  if (place.currentKey !== undefined) present.delete(place.currentKey);
  const record = document.parsed.value;
  return Object.entries(schema.properties)
    .filter(([key]) => !present.has(key) && key !== '$schema')
    .map(([key, child], index) => {
      const required =
        (schema.required ?? []).includes(key) ||
        isRequiredHere(childPointer(place.pointer, key), record, options.requirementFor);
      return keyItem(key, child, required, index, place.addValue, dateTypesFor(record, key));
    });
}

/** The date types a new date struct offers, the one the record's status implies first (a study not yet recruiting starts later). */
function dateTypesFor(record: unknown, key: string): readonly string[] {
  return dateTypeForStatus(overallStatus(record), key as KeyDate) === 'ACTUAL'
    ? ['ACTUAL', 'ESTIMATED']
    : ['ESTIMATED', 'ACTUAL'];
}

function keyItem(
  key: string,
  node: SchemaNode,
  required: boolean,
  index: number,
  addValue: boolean,
  dateTypes: readonly string[],
): CompletionItem {
  const quoted = JSON.stringify(key);
  return {
    label: key,
    kind: CompletionItemKind.Property,
    detail: required ? `${node.title ?? key} (required)` : node.title,
    documentation: documentationOf(node),
    sortText: `${required ? 0 : 1}${String(index).padStart(3, '0')}`,
    filterText: quoted,
    insertText: addValue ? `${snippetLiteral(quoted)}: ${valueSnippet(node, dateTypes)}` : snippetLiteral(quoted),
    insertTextFormat: InsertTextFormat.Snippet,
  };
}

function documentationOf(node: SchemaNode | undefined): CompletionItem['documentation'] {
  const text = node?.markdownDescription ?? node?.description;
  return text ? { kind: MarkupKind.Markdown, value: text.trim() } : undefined;
}

// ---- values ---------------------------------------------------------------------------------

function valueItems(document: TrialDocument, place: Place, options: CompletionOptions): CompletionItem[] {
  const record = document.parsed.value;
  const pointer = place.inArray ? `${place.pointer}/0` : place.pointer;
  const node = schemaAt(pointer);
  const generalized = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  if (generalized === '/protocolSection/armsInterventionsModule/interventions/*/armGroupLabels/*')
    return armLabelItems(record);
  if (generalized === '/protocolSection/armsInterventionsModule/armGroups/*/interventionNames/*')
    return interventionItems(record);
  if (node?.['x-enum'] === 'DateType' && isDateStruct(schemaAt(parentPointer(pointer))))
    return dateTypeItems(document, pointer, options.today);
  if (node?.format === 'partial-date' || node?.format === 'date')
    return dateItems(options.today, node.format === 'date');
  if (node?.enum) return enumItems(node, place.inArray ? presentArrayValues(document, place) : new Set());
  if (place.inArray) return arrayEntryItems(place.pointer, node);
  if (node?.type === 'boolean')
    return ['true', 'false'].map((value) => ({ label: value, kind: CompletionItemKind.Value, insertText: value }));
  if (node?.type === 'object' || node?.type === 'array') {
    return [
      {
        label: node.type === 'object' ? '{}' : '[]',
        kind: CompletionItemKind.Value,
        insertText: valueSnippet(node),
        insertTextFormat: InsertTextFormat.Snippet,
      },
    ];
  }
  return [];
}

function literalItem(value: string, detail?: string, documentation?: string, sortIndex = 0): CompletionItem {
  const quoted = JSON.stringify(value);
  return {
    label: quoted,
    kind: CompletionItemKind.Value,
    detail,
    documentation: documentation ? { kind: MarkupKind.Markdown, value: documentation } : undefined,
    filterText: quoted,
    sortText: String(sortIndex).padStart(4, '0'),
    insertText: snippetLiteral(quoted),
    insertTextFormat: InsertTextFormat.Snippet,
  };
}

function enumItems(node: SchemaNode, exclude: ReadonlySet<string>): CompletionItem[] {
  return (node.enum ?? []).flatMap((code, index) =>
    exclude.has(code)
      ? []
      : [
          {
            ...literalItem(code, node.enumDescriptions?.[index], node.markdownEnumDescriptions?.[index], index),
            kind: CompletionItemKind.EnumMember,
          },
        ],
  );
}

/** Codes already in the list, except the one being typed over. */
function presentArrayValues(document: TrialDocument, place: Place): Set<string> {
  const values = new Set<string>();
  const array = document.locateNode(place.pointer);
  for (const item of array?.children ?? [])
    if (typeof item.value === 'string' && item.offset !== place.start) values.add(item.value);
  return values;
}

function armLabelItems(record: unknown): CompletionItem[] {
  return armGroups(record).flatMap((arm, index) => {
    const label = asString(arm.label);
    return label === undefined
      ? []
      : [
          {
            ...literalItem(label, asString(arm.type) ?? 'arm', asString(arm.description), index),
            kind: CompletionItemKind.Reference,
          },
        ];
  });
}

function interventionItems(record: unknown): CompletionItem[] {
  return interventions(record).flatMap((intervention, index) => {
    const reference = interventionReference(intervention);
    return reference === undefined
      ? []
      : [
          {
            ...literalItem(reference, 'intervention', asString(intervention.description), index),
            kind: CompletionItemKind.Reference,
          },
        ];
  });
}

/** ACTUAL or ESTIMATED, the one that agrees with the struct's date and today first. */
function dateTypeItems(document: TrialDocument, typePointer: string, today: string): CompletionItem[] {
  const date = document.locateNode(`${parentPointer(typePointer)}/date`)?.value;
  const actualFirst = isPartialDate(date) ? date <= today.slice(0, date.length) : true;
  const order = actualFirst ? ['ACTUAL', 'ESTIMATED'] : ['ESTIMATED', 'ACTUAL'];
  const reason = isPartialDate(date)
    ? actualFirst
      ? `${date} is not after today`
      : `${date} is after today`
    : undefined;
  return order.map((code, index) => ({
    ...literalItem(
      code,
      index === 0 && reason
        ? `${code === 'ACTUAL' ? 'Actual' : 'Estimated'} — ${reason}`
        : code === 'ACTUAL'
          ? 'Actual'
          : 'Estimated',
      undefined,
      index,
    ),
    kind: CompletionItemKind.EnumMember,
    preselect: index === 0,
  }));
}

function dateItems(today: string, fullDateOnly: boolean): CompletionItem[] {
  const items = [literalItem(today, 'Today')];
  if (!fullDateOnly) {
    items.push(literalItem(today.slice(0, 7), 'This month', undefined, 1));
    items.push({
      label: '"yyyy-MM"',
      kind: CompletionItemKind.Snippet,
      detail: 'A month (day unknown)',
      filterText: '"',
      sortText: '0002',
      insertText: `"\${1:${today.slice(0, 4)}}-\${2:${today.slice(5, 7)}}"`,
      insertTextFormat: InsertTextFormat.Snippet,
    });
  }
  return items;
}

function arrayEntryItems(arrayPointer: string, itemSchema: SchemaNode | undefined): CompletionItem[] {
  const name = lastSegment(arrayPointer);
  const snippet = ARRAY_ENTRY_SNIPPETS[name];
  const items: CompletionItem[] = [];
  if (snippet)
    items.push({
      label: snippet.label,
      kind: CompletionItemKind.Snippet,
      detail: snippet.detail,
      insertText: snippet.body,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: '0000',
      filterText: '{',
    });
  if (itemSchema?.type === 'object')
    items.push({
      label: '{}',
      kind: CompletionItemKind.Value,
      insertText: '{$1}',
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: '0001',
    });
  if (itemSchema?.type === 'string' && !itemSchema.enum)
    items.push({
      label: '""',
      kind: CompletionItemKind.Value,
      insertText: '"$1"',
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: '0001',
    });
  return items;
}
