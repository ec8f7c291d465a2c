// Hover: what a field is (title, description, type, allowed values, limit, requiredness, official
// link), what an enum code means, what an arm label or intervention reference points at, a date
// in words with its distance from today and from the study's other key dates, and, over a
// finding, what its rule checks and why (the rule docs, readable offline in any LSP editor).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { TrialDocument } from './document';
import { enumLabel, schemaAt, type SchemaNode } from './studySchema';
import { childPointer, lastSegment, parentPointer } from './pointer';
import { isLeaf, isPropertyKey, nodeAtOffset, pointerOfNode, type Node } from './tree';
import {
  armGroups,
  asArray,
  asString,
  interventionReference,
  interventions,
  isPartialDate,
  KEY_DATE_NAMES,
  KEY_DATES,
  dateStruct,
} from './study';
import { requirementNote, type RequirementLookup } from './requirements';
import { describeDate, distanceInWords } from './dates';
import { capitalized } from './words';
import { severityRank, type Finding, type Range, type RuleMeta } from './types';

const ARM_LABEL_REFERENCE = '/protocolSection/armsInterventionsModule/interventions/*/armGroupLabels/*';
const INTERVENTION_REFERENCE = '/protocolSection/armsInterventionsModule/armGroups/*/interventionNames/*';
const MAX_LISTED_CODES = 15;

export interface HoverOptions {
  today: string;
  /** The record's current findings: over one, the hover explains its rule. */
  findings?: readonly Finding[];
  /** What a rule id stands for (built-in and the record's custom rules). */
  describeRule?: (ruleId: string) => (Pick<RuleMeta, 'id' | 'description'> & { docs?: string }) | undefined;
  /** Whether a field is required for this record (the required-fields rule's table); no note without it. */
  requirementFor?: RequirementLookup;
  /**
   * A link to a rule's full docs (a command in VS Code): the hover over a finding then shows its rule
   * in one line, the docs one click away. Without it the docs are shown in the hover, for any client.
   */
  ruleDocsLink?: (ruleId: string) => string | undefined;
}

export function doHover(document: TrialDocument, position: Position, options: HoverOptions): Hover | null {
  const rules = ruleSections(position, options);
  const node = nodeAtOffset(document.tree, document.offsetAt(position));
  const field = node && (isLeaf(node) || isPropertyKey(node)) ? node : undefined;
  const sections = field
    ? isPropertyKey(field)
      ? fieldSections(document, pointerOfProperty(field), options)
      : valueSections(document, field, options)
    : [];
  const value = [...rules, sections.join('\n\n')].filter((part) => part !== '').join('\n\n---\n\n');
  if (value === '') return null;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: field ? document.rangeOf(field.offset, field.offset + field.length) : undefined,
  };
}

/** Rules whose findings the field's own hover already explains (its type, codes and limits). */
const EXPLAINED_BY_THE_FIELD = new Set(['schema']);

/** What the rules with a finding under the cursor check and why, most severe first (rules without docs are left out). */
function ruleSections(position: Position, options: HoverOptions): string[] {
  const { findings = [], describeRule } = options;
  if (!describeRule) return [];
  const here = findings.filter(
    (finding) => contains(finding.range, position) && !EXPLAINED_BY_THE_FIELD.has(finding.ruleId),
  );
  const ids = new Set(
    here.sort((a, b) => severityRank(a.severity) - severityRank(b.severity)).map((finding) => finding.ruleId),
  );
  const sections: string[] = [];
  for (const id of ids) {
    const rule = describeRule(id);
    if (!rule?.docs) continue;
    const link = options.ruleDocsLink?.(rule.id);
    // A custom rule without docs has its description as docs: shown once.
    if (link || rule.docs === rule.description)
      sections.push(`**Rule \`${rule.id}\`**: ${rule.description}${link ? ` ([why and how to fix](${link}))` : ''}`);
    else sections.push(`**Rule \`${rule.id}\`**: ${rule.description}\n\n${rule.docs}`);
  }
  return sections;
}

function contains(range: Range, position: Position): boolean {
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function pointerOfProperty(key: Node): string {
  return childPointer(pointerOfNode(key.parent!.parent!), String(key.value));
}

function valueSections(document: TrialDocument, node: Node, options: HoverOptions): string[] {
  const pointer = pointerOfNode(node);
  const generalized = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const record = document.parsed.value;
  if (generalized === ARM_LABEL_REFERENCE && typeof node.value === 'string') return armSections(record, node.value);
  if (generalized === INTERVENTION_REFERENCE && typeof node.value === 'string')
    return interventionSections(record, node.value);
  const schema = schemaAt(pointer);
  if (schema?.enum && typeof node.value === 'string') return enumSections(schema, node.value);
  if ((schema?.format === 'partial-date' || schema?.format === 'date') && typeof node.value === 'string')
    return dateSections(record, pointer, node.value, options.today);
  return fieldSections(document, pointer, options);
}

/** Title, description, type, allowed values, limit, requiredness and the official link. */
function fieldSections(document: TrialDocument, pointer: string, options: HoverOptions): string[] {
  const schema = schemaAt(pointer);
  if (!schema) return [];
  const sections = [`**${schema.title ?? lastSegment(pointer)}** \`${lastSegment(pointer)}\``];
  if (schema.description) sections.push(schema.description);
  sections.push(typeLine(schema));
  const codes = schema.enum ? schema : schema.items?.enum ? schema.items : undefined;
  if (codes) sections.push(allowedValues(codes));
  const limit = limitLine(schema, document.locateNode(pointer)?.value);
  if (limit) sections.push(limit);
  const required = requirementNote(pointer, document.parsed.value, options.requirementFor);
  if (required) sections.push(required);
  if (schema['x-officialUrl']) sections.push(`[Official definition](${schema['x-officialUrl']})`);
  return sections;
}

function typeLine(schema: SchemaNode): string {
  if (schema.format === 'partial-date') return 'Type: date — `yyyy`, `yyyy-MM` or `yyyy-MM-dd`';
  if (schema.format === 'date') return 'Type: date — `yyyy-MM-dd`';
  if (schema.pattern?.startsWith('^NCT')) return 'Type: NCT number — `NCT` and 8 digits';
  if (schema.pattern?.includes('Years')) return 'Type: duration — a number and a unit, e.g. `18 Years`';
  if (schema.type === 'array')
    return `Type: list of ${schema.items?.enum ? 'codes' : (schema.items?.type ?? 'values')}`;
  if (schema.enum) return 'Type: code';
  return `Type: ${schema.type ?? 'any'}`;
}

function allowedValues(schema: SchemaNode): string {
  const codes = schema.enum ?? [];
  const listed = codes
    .slice(0, MAX_LISTED_CODES)
    .map((code, index) => `- \`${code}\` ${schema.enumDescriptions?.[index] ?? ''}`.trimEnd());
  if (codes.length > MAX_LISTED_CODES) listed.push(`- … and ${codes.length - MAX_LISTED_CODES} more`);
  return `Allowed values:\n${listed.join('\n')}`;
}

function limitLine(schema: SchemaNode, value: unknown): string | undefined {
  if (schema.maxLength === undefined) return undefined;
  const length = typeof value === 'string' ? [...value].length : undefined;
  const current =
    length === undefined ? '' : ` — this one has ${length}${length > schema.maxLength ? ', too many' : ''}`;
  return `Limit: ${schema.maxLength} characters${current}`;
}

function enumSections(schema: SchemaNode, code: string): string[] {
  const index = schema.enum?.indexOf(code) ?? -1;
  if (index < 0)
    return [`\`${code}\` is not one of the allowed codes of ${schema.title ?? 'this field'}.`, allowedValues(schema)];
  const meaning = schema.markdownEnumDescriptions?.[index]?.split('**: ')[1];
  return [
    `**${enumLabel(schema, code) ?? code}** \`${code}\``,
    meaning ?? '',
    schema.title ? `A code of ${schema.title}.` : '',
  ].filter(Boolean);
}

function armSections(record: unknown, label: string): string[] {
  const arm = armGroups(record).find((candidate) => candidate.label === label);
  if (!arm) return [`No arm is labelled "${escapeMarkdown(label)}".`];
  const type = asString(arm.type);
  const typeLabel = type
    ? (enumLabel(schemaAt('/protocolSection/armsInterventionsModule/armGroups/0/type'), type) ?? type)
    : 'no type';
  const sections = [`**Arm: ${escapeMarkdown(label)}** — ${typeLabel}`];
  const description = asString(arm.description);
  if (description) sections.push(escapeMarkdown(description));
  const names = asArray(arm.interventionNames).filter((name): name is string => typeof name === 'string');
  if (names.length > 0) sections.push(`Interventions: ${names.map(escapeMarkdown).join('; ')}`);
  return sections;
}

function interventionSections(record: unknown, reference: string): string[] {
  const intervention = interventions(record).find((candidate) => interventionReference(candidate) === reference);
  if (!intervention) return [`No intervention is "${escapeMarkdown(reference)}".`];
  const sections = [`**Intervention: ${escapeMarkdown(reference)}**`];
  const description = asString(intervention.description);
  if (description) sections.push(escapeMarkdown(description));
  const otherNames = asArray(intervention.otherNames).filter((name): name is string => typeof name === 'string');
  if (otherNames.length > 0) sections.push(`Also known as: ${otherNames.map(escapeMarkdown).join(', ')}`);
  const arms = asArray(intervention.armGroupLabels).filter((name): name is string => typeof name === 'string');
  if (arms.length > 0) sections.push(`Arms: ${arms.map(escapeMarkdown).join('; ')}`);
  return sections;
}

function dateSections(record: unknown, pointer: string, date: string, today: string): string[] {
  const words = describeDate(date);
  if (!words) return [`\`${escapeMarkdown(date)}\` is not a date the registry accepts.`];
  const lines = [`**${words}**`, `${capitalized(distanceInWords(date, today))} today (${today}).`];
  const ownKey = lastSegment(parentPointer(pointer));
  for (const key of KEY_DATES) {
    const other = dateStruct(record, key)?.date;
    if (key === ownKey || !isPartialDate(other) || !pointer.startsWith('/protocolSection/statusModule/')) continue;
    lines.push(`${capitalized(distanceInWords(date, other))} the ${KEY_DATE_NAMES[key]} (${other}).`);
  }
  return [lines.join('\n\n')];
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!<>|]/g, (character) => `\\${character}`);
}
