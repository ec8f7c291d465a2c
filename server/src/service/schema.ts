// Schema validation: the study schema's validator generated at build time (team schemas are
// compiled at run time); ajv errors become findings in plain words, at most one per node, placed
// by the range conventions of DESIGN.md.
import type { default as Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { newAjv } from './ajv';
import validateStudy from './studyValidator.generated';
import { STUDY_FORMATS } from './studyFormats';
import { studySchema, type SchemaNode } from './studySchema';
import { childPointer, lastSegment, parsePointer, valueAt } from './pointer';
import { closest } from './similarity';
import { codeOfDisplayLabel } from './enumLabels';
import { emptyValue } from './skeleton';
import { PARTIAL_DATE } from './dates';
import type { UnplacedFinding } from './types';

/** Keys the registry used to emit and no longer does: a hint, not a warning. */
export const LEGACY_KEYS = new Set([
  '/derivedSection/miscInfoModule/modelPredictions',
  '/protocolSection/contactsLocationsModule/locations_nested',
]);

const ENUM_NOUNS: Record<string, string> = {
  Phase: 'a phase',
  Status: 'a study status',
  RecruitmentStatus: 'a recruitment status',
  StudyType: 'a study type',
  DesignAllocation: 'an allocation',
  InterventionalAssignment: 'an intervention model',
  PrimaryPurpose: 'a primary purpose',
  ObservationalModel: 'an observational model',
  DesignTimePerspective: 'a time perspective',
  DesignMasking: 'a masking level',
  WhoMasked: 'a masked role',
  DateType: 'a date type',
  EnrollmentType: 'an enrollment type',
  ArmGroupType: 'an arm type',
  InterventionType: 'an intervention type',
  Sex: 'a sex',
  StandardAge: 'an age group',
  AgencyClass: 'an agency class',
  ResponsiblePartyType: 'a responsible party type',
  OfficialRole: 'an official role',
  ContactRole: 'a contact role',
  IpdSharing: 'an IPD sharing answer',
  IpdSharingInfoType: 'an IPD document type',
  ReferenceType: 'a reference type',
  SecondaryIdType: 'a secondary ID type',
  OrgStudyIdType: 'an organization ID type',
};

/** The ajv that compiles team schemas at run time (verbose: errors carry their schema node and value). */
export function createAjv(options: Options = {}): Ajv {
  return newAjv({ allErrors: true, strict: false, verbose: true, formats: STUDY_FORMATS, ...options });
}

/** The study schema's validator, generated at build time. */
export function studyValidator(): ValidateFunction {
  return validateStudy;
}

/** The study schema compiled now, as the generated validator was: what the tests compare it with. */
export function compileStudyValidator(): ValidateFunction {
  return createAjv().compile(studySchema as object);
}

/** Findings of the study schema (rule ids `schema`, `unknown-property`). */
export function validateAgainstSchema(value: unknown): UnplacedFinding[] {
  if (validateStudy(value)) return [];
  return translateErrors(withSchemaAndData(validateStudy.errors ?? [], value), 'schema');
}

/**
 * The generated validator leaves out what a verbose ajv puts in each error (its schema node and
 * value: the node would copy the whole documented schema into the code); both are looked up here.
 */
function withSchemaAndData(errors: ErrorObject[], value: unknown): ErrorObject[] {
  return errors.map((error) => ({
    ...error,
    parentSchema: parentSchemaOf(error.schemaPath),
    data: valueAt(value, error.instancePath),
  }));
}

/** The schema node holding the failed keyword: "#/properties/x/maxLength" -> the node of x. */
function parentSchemaOf(schemaPath: string): SchemaNode | undefined {
  let node: unknown = studySchema;
  for (const segment of parsePointer(decodeURIComponent(schemaPath.slice(1))).slice(0, -1))
    node = (node as Record<string, unknown> | undefined)?.[segment];
  return node as SchemaNode | undefined;
}

const PRIORITY: Record<string, number> = {
  type: 0,
  required: 1,
  additionalProperties: 1,
  enum: 2,
  pattern: 3,
  format: 3,
  maxLength: 4,
  minimum: 4,
};

/** One finding per node and target, keeping the most telling ajv keyword. */
export function translateErrors(errors: ErrorObject[], ruleId: string): UnplacedFinding[] {
  const chosen = new Map<string, { error: ErrorObject; finding: UnplacedFinding }>();
  for (const error of errors) {
    const finding = translateError(error, ruleId);
    if (!finding) continue;
    const key = `${finding.pointer}\u0000${finding.target}\u0000${finding.ruleId}`;
    const previous = chosen.get(key);
    if (!previous || (PRIORITY[error.keyword] ?? 9) < (PRIORITY[previous.error.keyword] ?? 9))
      chosen.set(key, { error, finding });
  }
  return [...chosen.values()].map(({ finding }) => finding);
}

function translateError(error: ErrorObject, ruleId: string): UnplacedFinding | undefined {
  const schema = (error.parentSchema ?? {}) as SchemaNode;
  const pointer = error.instancePath;
  const name = schema.title ? `${schema.title}` : describePointer(pointer);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownProperty(pointer, String(error.params.additionalProperty), schema, ruleId);
    case 'required': {
      const missing = String(error.params.missingProperty);
      const child = schema.properties?.[missing];
      return {
        ...finding(
          ruleId,
          pointer,
          'key',
          `${name} is missing "${missing}"${child?.title ? ` (${child.title})` : ''}.`,
        ),
        suggestions: [
          {
            title: `Add "${missing}"`,
            changes: [{ op: 'set', pointer: childPointer(pointer, missing), value: emptyValue(child) }],
          },
        ],
      };
    }
    case 'type':
      return finding(
        ruleId,
        pointer,
        'value',
        `${name} should be ${article(String(error.params.type))}, not ${describeValue(error.data)}.`,
      );
    case 'enum':
      return enumFinding(pointer, error.data, schema, ruleId);
    case 'pattern':
    case 'format':
      return finding(ruleId, pointer, 'value', formatMessage(pointer, error.data, schema, name));
    case 'maxLength': {
      const length = typeof error.data === 'string' ? [...error.data].length : 0;
      return finding(
        ruleId,
        pointer,
        'value',
        `${name} is ${length} characters long; the registry accepts at most ${schema.maxLength}.`,
      );
    }
    case 'minimum':
      return finding(ruleId, pointer, 'value', `${name} can't be negative (found ${String(error.data)}).`);
    case 'uniqueItems':
      return undefined; // reported with a fix by the duplicate-values rule
    default:
      return finding(ruleId, pointer, 'value', `${name}: ${error.message ?? 'invalid value'}.`);
  }
}

function finding(ruleId: string, pointer: string, target: 'key' | 'value', message: string): UnplacedFinding {
  return { ruleId, severity: 'error', pointer, target, message };
}

function unknownProperty(parent: string, key: string, schema: SchemaNode, ruleId: string): UnplacedFinding {
  const pointer = childPointer(parent, key);
  const known = Object.keys(schema.properties ?? {});
  if (LEGACY_KEYS.has(pointer)) {
    return {
      ruleId: 'unknown-property',
      severity: 'hint',
      pointer,
      target: 'key',
      message: `"${key}" is a legacy key the registry no longer uses; it can be removed.`,
      suggestions: [removeFix(pointer, key)],
    };
  }
  const suggestion = closest(key, known);
  const where = schema.title ? ` in ${schema.title}` : '';
  const message = suggestion
    ? `Unknown property "${key}"${where}; did you mean "${suggestion}"?`
    : `Unknown property "${key}"${where}; the registry does not know this field.`;
  const suggestions = suggestion
    ? [
        { title: `Rename to "${suggestion}"`, changes: [{ op: 'rename' as const, pointer, newKey: suggestion }] },
        removeFix(pointer, key),
      ]
    : [removeFix(pointer, key)];
  return {
    ruleId: ruleId === 'schema' ? 'unknown-property' : ruleId,
    severity: 'warning',
    pointer,
    target: 'key',
    message,
    suggestions,
  };
}

function removeFix(pointer: string, key: string) {
  return { title: `Remove "${key}"`, changes: [{ op: 'remove' as const, pointer }] };
}

function enumFinding(pointer: string, data: unknown, schema: SchemaNode, ruleId: string): UnplacedFinding {
  const allowed = schema.enum ?? [];
  const noun = ENUM_NOUNS[schema['x-enum'] ?? ''] ?? `an allowed value of ${schema.title ?? lastSegment(pointer)}`;
  const labelled = typeof data === 'string' ? codeOfDisplayLabel(data, allowed, schema.enumDescriptions) : undefined;
  const suggestion =
    labelled ?? (typeof data === 'string' ? closest(data, allowed, schema.enumDescriptions ?? []) : undefined);
  const shown = JSON.stringify(data);
  if (suggestion) {
    const replace = {
      title: `Replace with "${suggestion}"`,
      changes: [{ op: 'set' as const, pointer, value: suggestion }],
    };
    return {
      ...finding(ruleId, pointer, 'value', `${shown} is not ${noun}; did you mean "${suggestion}"?`),
      // Only a display label names its code for certain; a near miss stays a suggestion.
      ...(labelled ? { fix: replace } : { suggestions: [replace] }),
    };
  }
  const list = allowed.length <= 12 ? ` Allowed: ${allowed.join(', ')}.` : '';
  return finding(ruleId, pointer, 'value', `${shown} is not ${noun}.${list}`);
}

function formatMessage(pointer: string, data: unknown, schema: SchemaNode, name: string): string {
  const shown = JSON.stringify(data);
  if (schema.pattern?.startsWith('^NCT'))
    return `${shown} is not an NCT number: "NCT" followed by 8 digits, e.g. "NCT01234567".`;
  if (schema.format === 'partial-date') {
    return PARTIAL_DATE.test(String(data))
      ? `${shown} is not a real calendar date.`
      : `${shown} is not a date the registry accepts: use yyyy, yyyy-MM or yyyy-MM-dd (e.g. "2024-03" or "2024-03-15").`;
  }
  if (schema.format === 'date') return `${shown} is not a real date in yyyy-MM-dd form.`;
  if (schema.pattern?.includes('Years'))
    return `${shown} is not a duration: write a whole number and a unit, e.g. "18 Years" or "6 Months".`;
  if (schema.pattern?.includes('T([01]')) return `${shown} is not a date and time in yyyy-MM-ddTHH:mm form.`;
  return `${name} ${shown} does not have the expected form (${lastSegment(pointer)}).`;
}

function describePointer(pointer: string): string {
  return pointer === '' ? 'Record' : `"${lastSegment(pointer)}"`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return article(typeof value) + (typeof value === 'number' || typeof value === 'boolean' ? ` (${value})` : '');
}
