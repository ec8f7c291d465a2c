// The v2 fields a PRS upload cannot carry, with why; the round trip (record -> PRS XML -> record) keeps every other field.
import { isPlainObject } from '../service/types';

export interface LostField {
  /** Dotted path with [] for list entries, as in "protocolSection.statusModule.studyFirstSubmitDate". */
  path: string;
  why: string;
}

const REGISTRY = 'set by the registry, not by the data provider';
const DERIVED = 'derived by the registry from other fields';

export const LOST_FIELDS: readonly LostField[] = [
  { path: '$schema', why: 'a hint for editors in the file, not a registry field' },
  { path: 'hasResults', why: DERIVED },
  { path: 'derivedSection', why: DERIVED },
  { path: 'documentSection', why: 'uploaded documents travel as files through the PRS web interface, not in the XML' },
  { path: 'annotationSection', why: REGISTRY },
  {
    path: 'protocolSection.identificationModule.nctId',
    why: `${REGISTRY} (a PRS upload names a record by org_name and org_study_id)`,
  },
  { path: 'protocolSection.identificationModule.nctIdAliases', why: REGISTRY },
  {
    path: 'protocolSection.identificationModule.organization',
    why: 'the organization behind the PRS account; the upload names it by its PRS login name (sidecar orgName)',
  },
  { path: 'protocolSection.identificationModule.orgStudyIdInfo.type', why: 'no element in the upload schema' },
  { path: 'protocolSection.identificationModule.orgStudyIdInfo.link', why: DERIVED },
  { path: 'protocolSection.identificationModule.secondaryIdInfos[].link', why: DERIVED },
  {
    path: 'protocolSection.statusModule.lastKnownStatus',
    why: `${REGISTRY}; an UNKNOWN overall status goes out as this last known status and comes back as it`,
  },
  { path: 'protocolSection.statusModule.studyFirstSubmitDate', why: REGISTRY },
  { path: 'protocolSection.statusModule.studyFirstSubmitQcDate', why: REGISTRY },
  { path: 'protocolSection.statusModule.studyFirstPostDateStruct', why: REGISTRY },
  { path: 'protocolSection.statusModule.resultsFirstSubmitDate', why: REGISTRY },
  { path: 'protocolSection.statusModule.resultsFirstSubmitQcDate', why: REGISTRY },
  { path: 'protocolSection.statusModule.resultsFirstPostDateStruct', why: REGISTRY },
  { path: 'protocolSection.statusModule.dispFirstSubmitDate', why: REGISTRY },
  { path: 'protocolSection.statusModule.dispFirstSubmitQcDate', why: REGISTRY },
  { path: 'protocolSection.statusModule.dispFirstPostDateStruct', why: REGISTRY },
  { path: 'protocolSection.statusModule.lastUpdateSubmitDate', why: REGISTRY },
  { path: 'protocolSection.statusModule.lastUpdatePostDateStruct', why: REGISTRY },
  {
    path: 'protocolSection.statusModule.expandedAccessInfo.statusForNctId',
    why: 'the status of another record, filled in by the registry',
  },
  {
    path: 'protocolSection.statusModule.delayedPosting',
    why: `${DERIVED} (from the unapproved-device answer, which the upload carries as delayed_posting)`,
  },
  { path: 'protocolSection.statusModule.resultsWaived', why: REGISTRY },
  { path: 'protocolSection.oversightModule.fdaaa801Violation', why: REGISTRY },
  { path: 'protocolSection.designModule.nPtrsToThisExpAccNctId', why: DERIVED },
  { path: 'protocolSection.sponsorCollaboratorsModule.leadSponsor.class', why: `${REGISTRY} (agency class)` },
  { path: 'protocolSection.sponsorCollaboratorsModule.collaborators[].class', why: `${REGISTRY} (agency class)` },
  {
    path: 'protocolSection.sponsorCollaboratorsModule.responsibleParty.investigatorFullName',
    why: 'PRS names the investigator by PRS user name (sidecar responsibleInvestigatorUsername) and fills in the name from that account',
  },
  { path: 'protocolSection.eligibilityModule.stdAges', why: `${DERIVED} (from the age limits)` },
  {
    path: 'protocolSection.contactsLocationsModule.locations[].geoPoint',
    why: `${DERIVED} (geocoded from the address)`,
  },
  {
    path: 'protocolSection.referencesModule.references[] with type DERIVED',
    why: 'citations the registry found in PubMed by NCT number',
  },
  { path: 'protocolSection.referencesModule.references[].retractions', why: `${DERIVED} (from PubMed)` },
  {
    path: 'resultsSection.baselineCharacteristicsModule.measures[].denoms',
    why: 'no element: the results schema keeps baseline counts per group and per row only (export reports it as left out)',
  },
  {
    path: 'resultsSection.participantFlowModule.periods[].dropWithdraws[].comment',
    why: 'no element in the results schema (export reports it as left out)',
  },
  {
    path: 'resultsSection.participantFlowModule.periods[].dropWithdraws[].reasons[].comment',
    why: 'no element in the results schema',
  },
  {
    path: 'resultsSection.participantFlowModule.periods[].dropWithdraws[].reasons[].numUnits',
    why: 'no element in the results schema',
  },
  {
    path: 'resultsSection.outcomeMeasuresModule.outcomeMeasures[].analyses[].ciLowerLimitComment',
    why: 'no element in the results schema, which has a comment for the upper limit only (export reports it as left out)',
  },
  {
    path: 'resultsSection.participantFlowModule.periods[].milestones[] of type NOT COMPLETED',
    why: `${DERIVED} (started minus completed)`,
  },
  {
    path: 'resultsSection.outcomeMeasuresModule.outcomeMeasures[].analyses[].testedNonInferiority',
    why: `${DERIVED} (from the type of statistical test)`,
  },
];

function dropPath(value: unknown, keys: string[]): void {
  if (Array.isArray(value)) {
    for (const entry of value) dropPath(entry, keys);
    return;
  }
  if (!isPlainObject(value) || keys.length === 0) return;
  const [first, ...rest] = keys;
  const isList = first.endsWith('[]');
  const key = isList ? first.slice(0, -2) : first;
  if (rest.length === 0) {
    delete value[key];
    return;
  }
  dropPath(value[key], rest);
}

function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const entries = value.map(pruneEmpty).filter((entry) => entry !== undefined);
    return entries.length === 0 ? undefined : entries;
  }
  if (isPlainObject(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const pruned = pruneEmpty(child);
      if (pruned !== undefined) result[key] = pruned;
    }
    return Object.keys(result).length === 0 ? undefined : result;
  }
  return value;
}

/** The part of a record a PRS upload carries: the lost fields removed (an UNKNOWN status read as the last known one). */
export function carriedByPrs(record: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(record);
  const status = (copy.protocolSection as Record<string, Record<string, unknown>> | undefined)?.statusModule;
  if (status?.overallStatus === 'UNKNOWN' && typeof status.lastKnownStatus === 'string')
    status.overallStatus = status.lastKnownStatus;
  const references = (copy.protocolSection as Record<string, Record<string, unknown>> | undefined)?.referencesModule;
  if (Array.isArray(references?.references))
    references.references = references.references.filter(
      (reference: { type?: unknown }) => reference.type !== 'DERIVED',
    );
  const flow = (copy.resultsSection as Record<string, Record<string, unknown>> | undefined)?.participantFlowModule;
  for (const period of (Array.isArray(flow?.periods) ? flow.periods : []) as Array<{
    milestones?: Array<{ type?: unknown }>;
  }>) {
    if (Array.isArray(period.milestones))
      period.milestones = period.milestones.filter((milestone) => milestone.type !== 'NOT COMPLETED');
  }
  for (const { path } of LOST_FIELDS) {
    if (path.includes(' ')) continue;
    dropPath(copy, path.split('.'));
  }
  return (pruneEmpty(copy) as Record<string, unknown> | undefined) ?? {};
}
