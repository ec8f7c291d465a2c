// JSON -> PRS XML -> JSON on all 859 corpus records: every field PRS carries comes back unchanged.
import { describe, expect, it } from 'vitest';
import { carriedByPrs, LOST_FIELDS } from '../../../server/src/prs/lost-fields';
import { validatePrsXml } from '../../../server/src/prs/validate';
import { corpusRecordFiles, differences, exportXml, readCorpusRecord, roundTrip } from './helpers';

/**
 * The 12 records (of 859) where one field does not survive, each for a reason of the record itself:
 * - a site with three to five contacts (6 records): PRS has a contact and a backup per site (export reports "left out");
 * - arms whose interventionNames disagree with the interventions' armGroupLabels, or list them in another
 *   order: PRS links interventions to arms only, and the arm side is rebuilt from those links;
 * - baseline categories without a single measurement: PRS keeps categories only inside reported values;
 * - "locations_nested", which is no v2 field.
 */
const SITE_CONTACTS = ['.protocolSection.contactsLocationsModule.locations.[].contacts.[]'];
const ARM_INTERVENTIONS = ['.protocolSection.armsInterventionsModule.armGroups.[].interventionNames.[]'];
const EMPTY_CATEGORIES = ['.resultsSection.baselineCharacteristicsModule.measures.[].classes.[].categories'];
const KNOWN_DIFFERENCES: Record<string, string[]> = {
  'ctgov-v2/NCT02513394.json': ['.protocolSection.contactsLocationsModule.locations_nested'],
  'registry-sample/NCT01298921.json': EMPTY_CATEGORIES,
  'registry-sample/NCT01442077.json': ARM_INTERVENTIONS,
  'registry-sample/NCT03295981.json': SITE_CONTACTS,
  'registry-sample/NCT04214535.json': SITE_CONTACTS,
  'registry-sample/NCT04326231.json': EMPTY_CATEGORIES,
  'registry-sample/NCT04388332.json': SITE_CONTACTS,
  'registry-sample/NCT04855630.json': SITE_CONTACTS,
  'registry-sample/NCT05430971.json': SITE_CONTACTS,
  'registry-sample/NCT05589896.json': ARM_INTERVENTIONS,
  'registry-sample/NCT06669780.json': SITE_CONTACTS,
  'registry-sample/NCT06909500.json': ARM_INTERVENTIONS,
};

describe('PRS round trip over the corpus', () => {
  const files = corpusRecordFiles();

  it('covers the 859 records of ctgov-v2, ctgov-v2-partial and registry-sample', () => {
    expect(files).toHaveLength(859);
    expect(files.filter((file) => file.startsWith('ctgov-v2/'))).toHaveLength(17);
    expect(files.filter((file) => file.startsWith('ctgov-v2-partial/'))).toHaveLength(22);
  });

  it('gives back every field PRS carries, except the pinned differences', () => {
    const found: Record<string, string[]> = {};
    for (const file of files) {
      const record = readCorpusRecord(file);
      const paths = differences(carriedByPrs(record), roundTrip(record));
      if (paths.length > 0) found[file] = paths;
    }
    expect(found).toEqual(KNOWN_DIFFERENCES);
  });

  it('keeps results: outcome group ids, denominators and analyses of a record with results', () => {
    const file = files.find((candidate) => readCorpusRecord(candidate).resultsSection !== undefined) as string;
    const record = readCorpusRecord(file);
    expect(roundTrip(record).resultsSection).toEqual(carriedByPrs(record).resultsSection);
  });

  it('pins the fields an upload cannot carry', () => {
    expect(LOST_FIELDS.map((field) => field.path)).toEqual([
      '$schema',
      'hasResults',
      'derivedSection',
      'documentSection',
      'annotationSection',
      'protocolSection.identificationModule.nctId',
      'protocolSection.identificationModule.nctIdAliases',
      'protocolSection.identificationModule.organization',
      'protocolSection.identificationModule.orgStudyIdInfo.type',
      'protocolSection.identificationModule.orgStudyIdInfo.link',
      'protocolSection.identificationModule.secondaryIdInfos[].link',
      'protocolSection.statusModule.lastKnownStatus',
      'protocolSection.statusModule.studyFirstSubmitDate',
      'protocolSection.statusModule.studyFirstSubmitQcDate',
      'protocolSection.statusModule.studyFirstPostDateStruct',
      'protocolSection.statusModule.resultsFirstSubmitDate',
      'protocolSection.statusModule.resultsFirstSubmitQcDate',
      'protocolSection.statusModule.resultsFirstPostDateStruct',
      'protocolSection.statusModule.dispFirstSubmitDate',
      'protocolSection.statusModule.dispFirstSubmitQcDate',
      'protocolSection.statusModule.dispFirstPostDateStruct',
      'protocolSection.statusModule.lastUpdateSubmitDate',
      'protocolSection.statusModule.lastUpdatePostDateStruct',
      'protocolSection.statusModule.expandedAccessInfo.statusForNctId',
      'protocolSection.statusModule.delayedPosting',
      'protocolSection.statusModule.resultsWaived',
      'protocolSection.oversightModule.fdaaa801Violation',
      'protocolSection.designModule.nPtrsToThisExpAccNctId',
      'protocolSection.sponsorCollaboratorsModule.leadSponsor.class',
      'protocolSection.sponsorCollaboratorsModule.collaborators[].class',
      'protocolSection.sponsorCollaboratorsModule.responsibleParty.investigatorFullName',
      'protocolSection.eligibilityModule.stdAges',
      'protocolSection.contactsLocationsModule.locations[].geoPoint',
      'protocolSection.referencesModule.references[] with type DERIVED',
      'protocolSection.referencesModule.references[].retractions',
      'resultsSection.baselineCharacteristicsModule.measures[].denoms',
      'resultsSection.participantFlowModule.periods[].dropWithdraws[].comment',
      'resultsSection.participantFlowModule.periods[].dropWithdraws[].reasons[].comment',
      'resultsSection.participantFlowModule.periods[].dropWithdraws[].reasons[].numUnits',
      'resultsSection.outcomeMeasuresModule.outcomeMeasures[].analyses[].ciLowerLimitComment',
      'resultsSection.participantFlowModule.periods[].milestones[] of type NOT COMPLETED',
      'resultsSection.outcomeMeasuresModule.outcomeMeasures[].analyses[].testedNonInferiority',
    ]);
    for (const field of LOST_FIELDS) expect(field.why.length).toBeGreaterThan(10);
  });

  // Validation runs libxml2 compiled to WebAssembly: one batch of every 10th record (86) keeps this near a second.
  it('writes uploads that the PRS XSDs accept (every 10th record, 86 in all)', async () => {
    const sample = files.filter((_, index) => index % 10 === 0);
    expect(sample).toHaveLength(86);
    const problems = await validatePrsXml(
      sample.map((file) => ({ fileName: file, xml: exportXml(readCorpusRecord(file)) })),
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
