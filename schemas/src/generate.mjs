// Generates schemas/study.schema.json from the registry's OpenAPI spec, the field dictionary and
// our own-words docs (schemas/src/docs/*.json). Run with `npm run schemas`; the output is committed.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const reference = process.env.TRIAL_REFERENCE_DIR ?? join(root, '..', 'shared', 'reference');

const spec = parseYaml(readFileSync(join(reference, 'ctg-oas-v2.yaml'), 'utf8'));
const dictionary = JSON.parse(readFileSync(join(reference, 'ctgov-field-docs.derived.json'), 'utf8')).fields;
const components = spec.components.schemas;
const docFiles = existsSync(join(here, 'docs'))
  ? readdirSync(join(here, 'docs'))
      .filter((name) => name.endsWith('.json') && name !== 'enums.json')
      .sort()
  : [];
const docs = Object.assign({}, ...docFiles.map(readDocs));
const enumMeanings = readDocs('enums.json');

const NCT_PATTERN = '^NCT\\d{8}$';
const PARTIAL_DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';
const DATE_TIME_MINUTES_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d$';
const NCT_PATHS = new Set([
  'protocolSection.identificationModule.nctId',
  'protocolSection.identificationModule.nctIdAliases',
  'protocolSection.statusModule.expandedAccessInfo.nctId',
]);
// The dictionary's maxChars is wrong on these protocol nodes (see reference/NOTES.md).
const UNRELIABLE_LIMITS = new Set([
  'protocolSection.referencesModule.references.type',
  'protocolSection.ipdSharingStatementModule.ipdSharing',
  'protocolSection.ipdSharingStatementModule.availIpds',
]);

function readDocs(file) {
  const path = join(here, 'docs', file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
}

function refName(ref) {
  return ref.replace('#/components/schemas/', '');
}

/** Enum display labels: the registry's wording, from the 2024 enum capture in the derived docs. */
function collectEnumLabels() {
  const labels = {};
  for (const field of Object.values(dictionary)) {
    if (!field.enumDisplay2024 || !field.enumValues) continue;
    for (const [code, label] of Object.entries(field.enumDisplay2024)) labels[code + '\u0000' + field.type] = label;
  }
  return labels;
}
const enumLabelsByField = collectEnumLabels();

function enumLabel(enumName, code) {
  for (const [key, label] of Object.entries(enumLabelsByField)) {
    const [labelCode, type] = key.split('\u0000');
    if (labelCode === code && type.replace('[]', '') === enumName) return label;
  }
  if (enumName === 'SecondaryIdType' && code === 'CTIS') return 'EU Trial (CTIS) Number';
  return code;
}

function enumSchema(enumName, values) {
  const meanings = enumMeanings[enumName] ?? {};
  const labels = values.map((code) => enumLabel(enumName, code));
  return {
    type: 'string',
    enum: values,
    'x-enum': enumName,
    enumDescriptions: labels,
    markdownEnumDescriptions: values.map((code, i) =>
      meanings[code] ? `**${labels[i]}**: ${meanings[code]}` : `**${labels[i]}**`,
    ),
  };
}

function annotate(schema, path) {
  const field = dictionary[path];
  const doc = docs[path];
  const title = doc?.title ?? field?.title;
  if (title) schema.title = title;
  if (doc?.description) schema.description = doc.description;
  const url = field?.dedLink?.url;
  if (url) schema['x-officialUrl'] = url;
  if (doc?.description || url) {
    const link = url ? `\n\n[Official definition${field.dedLink.label ? ': ' + field.dedLink.label : ''}](${url})` : '';
    schema.markdownDescription = (doc?.description ?? '') + link;
  }
  if (field?.rules) schema['x-required'] = requiredHint(field.rules);
  if (schema['x-required'] === undefined) delete schema['x-required'];
  return schema;
}

/** A short machine hint of when the dictionary says a field is required (for hover). */
function requiredHint(rules) {
  const text = String(rules);
  const match = /Required(?: for| if)?[^.\n]*/i.exec(text);
  return match ? match[0].trim() : undefined;
}

function layerConstraints(schema, path) {
  const field = dictionary[path];
  const isProtocol = path.startsWith('protocolSection.');
  if (NCT_PATHS.has(path)) {
    const target = schema.type === 'array' ? schema.items : schema;
    target.pattern = NCT_PATTERN;
    delete target.minLength;
    delete target.maxLength;
  }
  if (
    schema.type === 'string' &&
    !schema.enum &&
    isProtocol &&
    field?.maxChars &&
    !UNRELIABLE_LIMITS.has(path) &&
    !NCT_PATHS.has(path)
  ) {
    schema.maxLength = field.maxChars;
  }
  if (schema.type === 'integer') schema.minimum = 0;
  if (schema.type === 'array' && schema.items?.enum) schema.uniqueItems = true;
}

function expand(node, path, seen) {
  if (node.$ref) {
    const name = refName(node.$ref);
    if (seen.includes(name)) throw new Error(`recursive schema at ${path}`);
    const target = components[name];
    if (target.enum) return annotate(enumSchema(name, target.enum), path);
    if (name === 'PartialDate')
      return annotate({ type: 'string', pattern: PARTIAL_DATE_PATTERN, format: 'partial-date' }, path);
    if (name === 'DateTimeMinutes') return annotate({ type: 'string', pattern: DATE_TIME_MINUTES_PATTERN }, path);
    if (name === 'nct') return annotate({ type: 'string', pattern: NCT_PATTERN }, path);
    return expand(target, path, [...seen, name]);
  }
  const schema = {};
  if (node.type) schema.type = node.type;
  if (node.format === 'date') schema.format = 'date';
  if (node.pattern) schema.pattern = node.pattern;
  if (node.type === 'object' || node.properties) {
    schema.type = 'object';
    schema.properties = {};
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      schema.properties[key] = expand(child, path ? `${path}.${key}` : key, seen);
    }
    if (node.required) schema.required = [...node.required];
    schema.additionalProperties = false;
  }
  if (node.type === 'array') schema.items = expand(node.items, path, seen);
  if (node.enum) Object.assign(schema, enumSchema(path, node.enum));
  layerConstraints(schema, path);
  return annotate(schema, path);
}

const study = expand(components.Study, '', []);
study.properties.$schema = {
  type: 'string',
  title: 'Schema',
  description: 'The JSON Schema this record is checked against; lets plain JSON editors validate it.',
};
const output = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://trial-records.dev/schemas/study.schema.json',
  title: 'ClinicalTrials.gov v2 study record',
  description:
    'One study in the shape of the ClinicalTrials.gov API v2 `Study` object, with the registry checks that can be written as JSON Schema. Generated by schemas/src/generate.mjs.',
  ...study,
};
delete output.markdownDescription;
writeFileSync(join(root, 'schemas', 'study.schema.json'), JSON.stringify(output, null, 2) + '\n');
const missing = Object.keys(dictionary).filter((path) => !docs[path]);
console.log(
  `schemas/study.schema.json written (${Object.keys(dictionary).length} dictionary fields, ${missing.length} without own-words docs)`,
);
