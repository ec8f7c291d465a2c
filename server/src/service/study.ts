// The record model: typed access to the parts of a study record that rules and editor features
// look at. Records may have any shape: every accessor returns undefined (or an empty list) where
// the record does not match. Rules import it through rules/study.ts.
import { isPlainObject } from './types';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return isPlainObject(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Whether a value is one of these codes: only a string can be (`String()` would let `["NIH"]` pass, and throws on `{"toString": 1}`). */
export function isOneOf(codes: readonly string[], value: unknown): value is string {
  return typeof value === 'string' && codes.includes(value);
}

export function protocolModule(record: unknown, name: string): JsonObject | undefined {
  return asObject(asObject(asObject(record)?.protocolSection)?.[name]);
}

export const POINTERS = {
  identification: '/protocolSection/identificationModule',
  status: '/protocolSection/statusModule',
  sponsor: '/protocolSection/sponsorCollaboratorsModule',
  oversight: '/protocolSection/oversightModule',
  description: '/protocolSection/descriptionModule',
  conditions: '/protocolSection/conditionsModule',
  design: '/protocolSection/designModule',
  arms: '/protocolSection/armsInterventionsModule',
  outcomes: '/protocolSection/outcomesModule',
  eligibility: '/protocolSection/eligibilityModule',
  contacts: '/protocolSection/contactsLocationsModule',
  references: '/protocolSection/referencesModule',
  ipd: '/protocolSection/ipdSharingStatementModule',
} as const;

export type StudyType = 'INTERVENTIONAL' | 'OBSERVATIONAL' | 'EXPANDED_ACCESS';

export function studyType(record: unknown): StudyType | undefined {
  const value = protocolModule(record, 'designModule')?.studyType;
  return value === 'INTERVENTIONAL' || value === 'OBSERVATIONAL' || value === 'EXPANDED_ACCESS' ? value : undefined;
}

export function overallStatus(record: unknown): string | undefined {
  return asString(protocolModule(record, 'statusModule')?.overallStatus);
}

/** The three key dates of the status module, by their struct key. */
export const KEY_DATES = ['startDateStruct', 'primaryCompletionDateStruct', 'completionDateStruct'] as const;
export type KeyDate = (typeof KEY_DATES)[number];

export const KEY_DATE_NAMES: Record<KeyDate, string> = {
  startDateStruct: 'start date',
  primaryCompletionDateStruct: 'primary completion date',
  completionDateStruct: 'completion date',
};

export interface DateStruct {
  date?: string;
  type?: string;
}

export function dateStruct(record: unknown, key: string): DateStruct | undefined {
  const struct = asObject(protocolModule(record, 'statusModule')?.[key]);
  if (!struct) return undefined;
  return { date: asString(struct.date), type: asString(struct.type) };
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function isPartialDate(value: unknown): value is string {
  return typeof value === 'string' && PARTIAL_DATE.test(value);
}

/** Compares two partial dates at their common precision: "2018-05" equals "2018-05-30". */
export function comparePartialDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The Final Rule Effective Date: FDAAA-era requirements apply to studies starting on or after it. */
export const FINAL_RULE_DATE = '2017-01-18';

export function startsOnOrAfterFinalRule(record: unknown): boolean {
  const start = dateStruct(record, 'startDateStruct')?.date;
  return isPartialDate(start) && comparePartialDates(start, FINAL_RULE_DATE) >= 0 && start.slice(0, 7) >= '2017-01';
}

export const INTERVENTION_TYPE_LABELS: Record<string, string> = {
  BEHAVIORAL: 'Behavioral',
  BIOLOGICAL: 'Biological',
  COMBINATION_PRODUCT: 'Combination Product',
  DEVICE: 'Device',
  DIAGNOSTIC_TEST: 'Diagnostic Test',
  DIETARY_SUPPLEMENT: 'Dietary Supplement',
  DRUG: 'Drug',
  GENETIC: 'Genetic',
  PROCEDURE: 'Procedure',
  RADIATION: 'Radiation',
  OTHER: 'Other',
};

/** The registry's label of an intervention type code ("DIETARY_SUPPLEMENT" → "Dietary Supplement"). */
export function interventionTypeLabel(type: unknown): string | undefined {
  return typeof type === 'string' && Object.hasOwn(INTERVENTION_TYPE_LABELS, type)
    ? INTERVENTION_TYPE_LABELS[type]
    : undefined;
}

/** How arms refer to an intervention: "<type label>: <name>", e.g. "Dietary Supplement: Vitamin D". */
export function interventionReference(intervention: unknown): string | undefined {
  const object = asObject(intervention);
  const name = asString(object?.name);
  const label = interventionTypeLabel(object?.type);
  return name !== undefined && label ? `${label}: ${name}` : undefined;
}

export function armGroups(record: unknown): JsonObject[] {
  return asArray(protocolModule(record, 'armsInterventionsModule')?.armGroups).map((arm) => asObject(arm) ?? {});
}

export function interventions(record: unknown): JsonObject[] {
  return asArray(protocolModule(record, 'armsInterventionsModule')?.interventions).map((item) => asObject(item) ?? {});
}

/** The options schema of the rules gated on the Final Rule date: `finalRule: "always"` (the strict preset). */
export const FINAL_RULE_OPTIONS = {
  type: 'object',
  properties: {
    finalRule: {
      enum: ['always'],
      description: '"always": apply the Final Rule requirements whatever the study\'s dates.',
    },
  },
  additionalProperties: false,
};

/**
 * Whether FDAAA-era (Final Rule) requirements apply: by the start date, or always when the
 * config asks for it (the `trial-records:strict` preset sets the rule option `finalRule: "always"`).
 */
export function appliesFinalRule(context: { record: unknown; options: Record<string, unknown> }): boolean {
  return context.options.finalRule === 'always' || startsOnOrAfterFinalRule(context.record);
}

const STARTED_STATUSES: ReadonlySet<string> = new Set([
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'COMPLETED',
]);
const ENDED_STATUSES: ReadonlySet<string> = new Set(['TERMINATED', 'COMPLETED']);

export type DateType = 'ACTUAL' | 'ESTIMATED';

/** The date type a status implies for one key date, or undefined when the status leaves it open. */
export function dateTypeForStatus(status: string | undefined, key: KeyDate): DateType | undefined {
  if (status === undefined) return undefined;
  if (key === 'startDateStruct') {
    if (status === 'NOT_YET_RECRUITING') return 'ESTIMATED';
    return STARTED_STATUSES.has(status) ? 'ACTUAL' : undefined;
  }
  return ENDED_STATUSES.has(status) ? 'ACTUAL' : undefined;
}
