// Checks across the records one run lints: the registry gives a study one NCT number, and PRS wants
// an organization's study IDs and brief titles unique within the organization. Each record of a
// clash gets a finding naming the others. Where they must be unique is the config's `uniqueWithin`:
// every record linted, or each folder (a folder per organization).
import { dirname } from 'node:path';
import type { TrialDocument } from '../service/document';
import { asObject, asString, POINTERS, protocolModule } from '../service/study';
import { listOf } from '../service/words';
import type { Finding, Range, Severity } from '../service/types';
import type { LintedFile } from '../formatters/types';

/** What makes a record unique at the registry, read from its value in the worker that linted it. */
export interface RecordIdentity {
  nctId?: string;
  organization?: string;
  orgStudyId?: string;
  briefTitle?: string;
  /** Where the record's NCT number, study ID and brief title are, by pointer: a clash is shown there. */
  ranges?: Record<string, Range>;
}

const NCT_ID = `${POINTERS.identification}/nctId`;
const ORG_STUDY_ID = `${POINTERS.identification}/orgStudyIdInfo/id`;
const BRIEF_TITLE = `${POINTERS.identification}/briefTitle`;
/** Where a record's identity is: placed along with its findings (ValidateOptions.placeAlso), read back by identityOf. */
export const IDENTITY_POINTERS: readonly string[] = [NCT_ID, ORG_STUDY_ID, BRIEF_TITLE];

/**
 * What makes the record unique; with its document, also where those values are, placed while the
 * worker still has the parsed record (the checks run later, on every record at once).
 */
export function identityOf(record: unknown, document?: TrialDocument): RecordIdentity | undefined {
  const identification = protocolModule(record, 'identificationModule');
  if (!identification) return undefined;
  const identity: RecordIdentity = {
    nctId: asString(identification.nctId),
    organization: asString(asObject(identification.organization)?.fullName),
    orgStudyId: asString(asObject(identification.orgStudyIdInfo)?.id),
    briefTitle: asString(identification.briefTitle),
  };
  if (document) identity.ranges = rangesOf(document, identity);
  return identity;
}

function rangesOf(document: TrialDocument, identity: RecordIdentity): Record<string, Range> {
  const present = [
    identity.nctId !== undefined && NCT_ID,
    identity.orgStudyId !== undefined && ORG_STUDY_ID,
    identity.briefTitle !== undefined && BRIEF_TITLE,
  ].filter((pointer) => pointer !== false);
  const ranges: Record<string, Range> = {};
  if (present.length === 0) return ranges;
  const { locations } = document.place(present);
  for (const pointer of present) {
    const [start, end] = document.offsetsForLocation(locations.get(pointer), 'value');
    ranges[pointer] = document.rangeOf(start, end);
  }
  return ranges;
}

interface Check {
  ruleId: string;
  pointer: string;
  /** The value the records must not share, or undefined when the record has none. */
  keyOf(identity: RecordIdentity): string | undefined;
  message(identity: RecordIdentity, others: string): string;
}

/** Text compared without case and with runs of spaces as one. */
function normalized(text: string | undefined): string | undefined {
  const value = text?.trim().replace(/\s+/g, ' ').toLowerCase();
  return value ? value : undefined;
}

/** Within one organization (an unnamed one counts as its own). */
function withinOrganization(identity: RecordIdentity, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `${normalized(identity.organization) ?? ''}\u0000${value}`;
}

const CHECKS: readonly Check[] = [
  {
    ruleId: 'duplicate-nct-id',
    pointer: NCT_ID,
    keyOf: (identity) => identity.nctId?.trim() || undefined,
    message: (identity, others) =>
      `${identity.nctId} is also the NCT number of ${others}: the registry gives a study one number and one record; keep the study in one file.`,
  },
  {
    ruleId: 'duplicate-org-study-id',
    pointer: ORG_STUDY_ID,
    keyOf: (identity) => withinOrganization(identity, identity.orgStudyId?.trim() || undefined),
    message: (identity, others) =>
      `Organization's study ID "${identity.orgStudyId}" is also that of ${others}: PRS wants it unique within the organization.`,
  },
  {
    ruleId: 'duplicate-brief-title',
    pointer: BRIEF_TITLE,
    keyOf: (identity) => withinOrganization(identity, normalized(identity.briefTitle)),
    message: (_identity, others) =>
      `${others} has the same brief title: PRS wants brief titles unique within the organization, so that people can tell the studies apart.`,
  },
];

export interface LintedRecord {
  file: LintedFile;
  identity?: RecordIdentity;
  /** Where the record's values must be unique: '' for every record linted, else its folder. */
  scope: string;
  /** The severity its config gives a finding of the rule ('off' drops it). */
  severityFor(ruleId: string, pointer: string, severity: Severity): Severity | 'off';
}

/** The scope of a record by its config's `uniqueWithin`. */
export function scopeOf(absolutePath: string, uniqueWithin: 'repository' | 'folder'): string {
  return uniqueWithin === 'folder' ? dirname(absolutePath) : '';
}

/** The findings of the checks across records, by file; files with none are left out. */
export function acrossRecordFindings(records: readonly LintedRecord[]): Map<LintedFile, Finding[]> {
  const found = new Map<LintedFile, Finding[]>();
  // Records that share an NCT number are copies: their study ID and title clash too, and say nothing more.
  const sameStudy = new Map<LintedRecord, Set<LintedRecord>>();
  for (const check of CHECKS) {
    const groups = new Map<string, LintedRecord[]>();
    for (const record of records) {
      const key = record.identity && check.keyOf(record.identity);
      if (key === undefined) continue;
      const group = `${record.scope}\u0000${key}`;
      const members = groups.get(group);
      if (members) members.push(record);
      else groups.set(group, [record]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const record of group) {
        const others = group.filter((other) => other !== record && !sameStudy.get(record)?.has(other));
        if (check.ruleId === 'duplicate-nct-id') sameStudy.set(record, new Set(others));
        const severity = record.severityFor(check.ruleId, check.pointer, 'error');
        if (others.length === 0 || severity === 'off') continue;
        const named = listOf(others.map((other) => other.file.path));
        const finding = placed(record, check, severity, check.message(record.identity!, named));
        if (!finding) continue;
        const findings = found.get(record.file);
        if (findings) findings.push(finding);
        else found.set(record.file, [finding]);
      }
    }
  }
  return found;
}

/** The finding at the clashing value; none for a record whose identity came without its places (another workspace record). */
function placed(record: LintedRecord, check: Check, severity: Severity, message: string): Finding | undefined {
  const range = record.identity?.ranges?.[check.pointer];
  if (!range) return undefined;
  return { ruleId: check.ruleId, severity, pointer: check.pointer, target: 'value', message, range };
}
