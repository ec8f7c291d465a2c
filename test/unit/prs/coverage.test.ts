// Every field of the v2 schema either survives JSON -> PRS XML -> JSON or is in the pinned list of lost fields:
// a record with every field filled (built from schemas/study.schema.json) goes through the round trip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carriedByPrs, LOST_FIELDS } from '../../../server/src/prs/lost-fields';
import { toPrsDocument } from '../../../server/src/prs/to-prs';
import { differences, FULL_FACTS, roundTrip } from './helpers';

interface SchemaNode {
  type?: string;
  enum?: string[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

const STUDY_SCHEMA = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'study.schema.json'), 'utf8'),
) as SchemaNode;

/** Values that keep the record consistent (one group id everywhere, arm and intervention linked, counts that agree). */
const CHOSEN: Record<string, unknown> = {
  'protocolSection.statusModule.overallStatus': 'RECRUITING',
  'protocolSection.sponsorCollaboratorsModule.responsibleParty.type': 'PRINCIPAL_INVESTIGATOR',
  'protocolSection.designModule.designInfo.maskingInfo.masking': 'DOUBLE',
  'protocolSection.designModule.designInfo.maskingInfo.whoMasked': ['PARTICIPANT', 'INVESTIGATOR'],
  'protocolSection.designModule.phases': ['PHASE2', 'PHASE3'],
  'protocolSection.armsInterventionsModule.armGroups[].label': 'Arm A',
  'protocolSection.armsInterventionsModule.armGroups[].interventionNames': ['Drug: Aspirin'],
  'protocolSection.armsInterventionsModule.interventions[].type': 'DRUG',
  'protocolSection.armsInterventionsModule.interventions[].name': 'Aspirin',
  'protocolSection.armsInterventionsModule.interventions[].armGroupLabels': ['Arm A'],
  'protocolSection.contactsLocationsModule.centralContacts[].role': 'CONTACT',
  'protocolSection.contactsLocationsModule.overallOfficials[].role': 'PRINCIPAL_INVESTIGATOR',
  'protocolSection.contactsLocationsModule.locations[].contacts[].role': 'CONTACT',
  'protocolSection.contactsLocationsModule.locations[].status': 'RECRUITING',
  'protocolSection.referencesModule.references[].type': 'RESULT',
  'protocolSection.referencesModule.availIpds[].type': 'Study Protocol',
  'protocolSection.ipdSharingStatementModule.ipdSharing': 'YES',
  'protocolSection.ipdSharingStatementModule.infoTypes': ['STUDY_PROTOCOL', 'SAP'],
  'resultsSection.participantFlowModule.periods[].milestones[].type': 'STARTED',
  'resultsSection.participantFlowModule.periods[].dropWithdraws[].type': 'Death',
  'resultsSection.baselineCharacteristicsModule.denoms[].units': 'Participants',
  'resultsSection.baselineCharacteristicsModule.measures[].classes[].denoms[].units': 'Participants',
  'resultsSection.outcomeMeasuresModule.outcomeMeasures[].denoms[].units': 'Participants',
  'resultsSection.outcomeMeasuresModule.outcomeMeasures[].classes[].denoms[].units': 'Participants',
  'resultsSection.outcomeMeasuresModule.outcomeMeasures[].anticipatedPostingDate': '2027-03',
  'resultsSection.outcomeMeasuresModule.outcomeMeasures[].analyses[].groupIds': ['G1'],
};

function valueFor(path: string, node: SchemaNode): unknown {
  if (path in CHOSEN) return CHOSEN[path];
  if (node.properties) {
    return Object.fromEntries(
      Object.entries(node.properties).map(([key, child]) => [
        key,
        valueFor(path === '' ? key : `${path}.${key}`, child),
      ]),
    );
  }
  if (node.type === 'array') return [valueFor(`${path}[]`, node.items ?? {})];
  if (node.enum) return node.enum[0];
  if (node.type === 'boolean') return true;
  if (node.type === 'integer' || node.type === 'number') return 1;
  if (/(^|\.)(id|groupId)$/.test(path) && path.startsWith('resultsSection')) return 'G1';
  if (/Age$|targetDuration$/.test(path)) return '18 Years';
  if (node.format === 'date' || /(Date|\.date)$/.test(path)) return '2020-01-15';
  if (/nctId$|nctIdAliases\[\]$/.test(path)) return 'NCT01234567';
  return `text of ${path.split('.').pop()}`;
}

function fullRecord(studyType: string): Record<string, unknown> {
  const record = valueFor('', STUDY_SCHEMA) as Record<string, any>;
  record.protocolSection.designModule.studyType = studyType;
  return record;
}

function leafPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => leafPaths(entry, `${path}[]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => leafPaths(child, path === '' ? key : `${path}.${key}`));
  return [path];
}

/** A lost field's path as a prefix ("a.b[]" covers "a.b[].c"); entries that describe a condition in words cover their path too. */
function isLost(path: string): boolean {
  return LOST_FIELDS.some(({ path: lost }) => {
    const prefix = lost.split(' ')[0];
    return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[]`);
  });
}

// The fields each kind of study carries in its own PRS elements (the design of the other kinds is not written).
const OWN_FIELDS: Record<string, RegExp> = {
  INTERVENTIONAL:
    /designModule\.(patientRegistry|targetDuration|bioSpec|designInfo\.(observationalModel|timePerspective)|expandedAccessTypes)/,
  OBSERVATIONAL:
    /designModule\.(phases|expandedAccessTypes|designInfo\.(allocation|interventionModel|primaryPurpose|maskingInfo))/,
  EXPANDED_ACCESS: /designModule\.(phases|patientRegistry|targetDuration|bioSpec|designInfo)/,
};

describe('every v2 field is carried by PRS XML or listed as lost', () => {
  it.each(Object.keys(OWN_FIELDS))(
    'a %s record with every field filled comes back whole, but for the lost fields',
    (studyType) => {
      const record = fullRecord(studyType);
      const expected = carriedByPrs(record);
      const other = OWN_FIELDS[studyType];
      const notCarried = differences(expected, roundTrip(record)).filter((path) => !other.test(path));
      expect(notCarried).toEqual([]);
    },
  );

  it('fills every leaf of the schema, so that the test above sees every field', () => {
    const filled = new Set(leafPaths(fullRecord('INTERVENTIONAL')));
    expect(filled.size).toBeGreaterThan(280);
    const carried = new Set(leafPaths(carriedByPrs(fullRecord('INTERVENTIONAL'))));
    expect([...filled].filter((path) => !carried.has(path) && !isLost(path))).toEqual([]);
  });

  it('exports such a record with findings only for the results comments the schema has no element for', () => {
    const findings = toPrsDocument(fullRecord('INTERVENTIONAL'), FULL_FACTS).findings.map(
      (finding) => `${finding.kind} ${finding.pointer}`,
    );
    expect(findings).toEqual([
      'left-out /resultsSection/baselineCharacteristicsModule/measures/0/denoms',
      'left-out /resultsSection/outcomeMeasuresModule/outcomeMeasures/0/analyses/0/ciLowerLimitComment',
      'left-out /resultsSection/participantFlowModule/periods/0/dropWithdraws/0/comment',
    ]);
  });
});
