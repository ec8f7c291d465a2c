// Classic ClinicalTrials.gov XML (<clinical_study>) -> trial records, field by field on public downloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { v2GroupId } from '../../../server/src/importers/classic-results';
import { tidyText } from '../../../server/src/importers/classic-xml';
import { importText } from '../../../server/src/importers';
import { FORMATS_DIR } from './helpers';

function importClassic(name: string) {
  const result = importText(readFileSync(join(FORMATS_DIR, 'classic-xml', name), 'utf8'), name);
  expect(result.format).toBe('classic-xml');
  expect(result.records).toHaveLength(1);
  return { ...result.records[0], warnings: result.warnings.map((warning) => `${warning.line}: ${warning.message}`) };
}

function at(record: Record<string, any>, path: string): unknown {
  return path.split('.').reduce<any>((holder, key) => holder?.[key], record.protocolSection);
}

describe('classic XML: an interventional study not yet recruiting (NCT03520088, no XML declaration)', () => {
  const { record, fileName, warnings } = importClassic('NCT03520088.xml');

  it.each([
    ['identificationModule.nctId', 'NCT03520088'],
    ['identificationModule.orgStudyIdInfo.id', 'TAU-RECTALNERV-PRESERV-2018'],
    ['sponsorCollaboratorsModule.leadSponsor', { name: 'Corporacion Parc Tauli', class: 'OTHER' }],
    ['statusModule.overallStatus', 'NOT_YET_RECRUITING'],
    ['statusModule.startDateStruct', { date: '2018-05-02', type: 'ESTIMATED' }],
    ['statusModule.statusVerifiedDate', '2018-04'],
    ['designModule.studyType', 'INTERVENTIONAL'],
    ['designModule.phases', ['NA']],
    ['designModule.designInfo.interventionModel', 'PARALLEL'],
    ['designModule.designInfo.primaryPurpose', 'PREVENTION'],
    ['designModule.designInfo.maskingInfo.masking', 'SINGLE'],
    ['designModule.designInfo.maskingInfo.whoMasked', ['OUTCOMES_ASSESSOR']],
    ['designModule.enrollmentInfo', { count: 90, type: 'ESTIMATED' }],
    ['conditionsModule.conditions', ['Rectal Cancer']],
    [
      'conditionsModule.keywords',
      [
        'Rectal cancer',
        'Sexual dysfunction',
        'Urinary dysfunction',
        'Rectal nerves damage',
        'Total Mesorectal Excision',
      ],
    ],
    ['eligibilityModule.sex', 'MALE'],
    ['eligibilityModule.minimumAge', '18 Years'],
    ['eligibilityModule.maximumAge', '100 Years'],
    ['eligibilityModule.healthyVolunteers', false],
    ['armsInterventionsModule.armGroups.0.interventionNames', ['Procedure: Inferior mesenteric Vein dissection']],
    [
      'contactsLocationsModule.centralContacts.0',
      {
        name: 'Anna Pallisera-Lloveras, MD, PhD',
        role: 'CONTACT',
        phone: '34-93-723-1010',
        phoneExt: '21490',
        email: 'apallill@gmail.com',
      },
    ],
  ])('%s', (path, value) => {
    expect(at(record, path)).toEqual(value);
  });

  it('takes the NCT number as the file name and warns only about what v2 has no place for', () => {
    expect(fileName).toBe('NCT03520088.trial.json');
    expect(warnings).toEqual([
      '57: <clinical_study/source> has no place in a v2 record; it was not imported.',
      '243: <clinical_study/last_update_submitted_qc> has no place in a v2 record; it was not imported.',
    ]);
  });
});

describe('classic XML: an expanded access record (NCT01220531)', () => {
  const { record } = importClassic('NCT01220531.xml');

  it('reads the expanded access status, types and the sponsor-investigator', () => {
    expect(at(record, 'statusModule.overallStatus')).toBe('AVAILABLE');
    expect(at(record, 'designModule')).toEqual({
      studyType: 'EXPANDED_ACCESS',
      expandedAccessTypes: { intermediate: true, treatment: true },
    });
    expect(at(record, 'sponsorCollaboratorsModule.responsibleParty')).toEqual({
      type: 'SPONSOR_INVESTIGATOR',
      investigatorFullName: 'M. Louise Markert',
      investigatorTitle: 'Professor of Pediatrics',
      investigatorAffiliation: 'Duke University Medical Center',
    });
    expect(at(record, 'armsInterventionsModule.interventions.0.type')).toBe('BIOLOGICAL');
    expect(at(record, 'sponsorCollaboratorsModule.collaborators.0')).toEqual({
      name: 'National Institutes of Health (NIH)',
      class: 'NIH',
    });
  });
});

describe('classic XML: an observational study with results (NCT00277524)', () => {
  const { record, warnings } = importClassic('NCT00277524.xml');

  it('reads the protocol, with the text blocks out-dented', () => {
    expect(at(record, 'designModule')).toEqual({
      studyType: 'OBSERVATIONAL',
      designInfo: { timePerspective: 'PROSPECTIVE' },
      enrollmentInfo: { count: 3032, type: 'ACTUAL' },
    });
    expect(at(record, 'statusModule.overallStatus')).toBe('TERMINATED');
    expect(at(record, 'statusModule.whyStopped')).toBe('Ended follow-up after four years');
    expect(at(record, 'statusModule.resultsFirstSubmitDate')).toBe('2012-07-13');
    expect(String(at(record, 'eligibilityModule.eligibilityCriteria'))).toMatch(
      /^Inclusion Criteria:\n\n {2}- {2}Implant of new/,
    );
  });

  it('reads the results into the v2 shape, with group ids renumbered as v2 numbers them', () => {
    const results = record.resultsSection as Record<string, any>;
    expect(Object.keys(results)).toEqual([
      'participantFlowModule',
      'baselineCharacteristicsModule',
      'outcomeMeasuresModule',
      'adverseEventsModule',
      'moreInfoModule',
    ]);
    expect(results.participantFlowModule.groups[0]).toMatchObject({ id: 'FG000', title: 'Subjects With IPG' });
    expect(results.baselineCharacteristicsModule.measures[0]).toEqual({
      title: 'Age',
      paramType: 'NUMBER',
      unitOfMeasure: 'participants',
      classes: [
        { title: '<=18 years', categories: [{ measurements: [{ groupId: 'BG000', value: '0' }] }] },
        { title: 'Between 18 and 65 years', categories: [{ measurements: [{ groupId: 'BG000', value: '988' }] }] },
        { title: '>=65 years', categories: [{ measurements: [{ groupId: 'BG000', value: '1895' }] }] },
      ],
    });
    expect(results.outcomeMeasuresModule.outcomeMeasures).toHaveLength(9);
    expect(results.adverseEventsModule.eventGroups[0]).toMatchObject({
      id: 'EG000',
      seriousNumAffected: 0,
      seriousNumAtRisk: 0,
      otherNumAffected: 0,
      otherNumAtRisk: 0,
    });
    expect(results.moreInfoModule).toEqual({
      certainAgreement: { piSponsorEmployee: false, restrictiveAgreement: false },
      pointOfContact: {
        title: 'Melinda Hoey, Clinical Research Specialist',
        organization: 'Medtronic Cardiac Rhythm Disease Management',
        phone: '763-526-2831',
        email: 'Melinda.hoey@medtronic.com',
      },
    });
  });

  it('reads every element of the results (no warning about them)', () => {
    expect(warnings.filter((warning) => warning.includes('clinical_results'))).toEqual([]);
  });
});

describe('classic XML: an interventional study with results and statistical analyses (NCT00023673)', () => {
  const { record } = importClassic('NCT00023673.xml');
  const results = record.resultsSection as Record<string, any>;

  it('reads the events by organ system with their per-group counts', () => {
    expect(results.adverseEventsModule.seriousEvents[0]).toEqual({
      term: 'Hemoglobin decreased',
      organSystem: 'Blood and lymphatic system disorders',
      sourceVocabulary: 'CTCAE (2.0)',
      assessmentType: 'NON_SYSTEMATIC_ASSESSMENT',
      stats: [
        { groupId: 'EG000', numAffected: 2, numAtRisk: 8 },
        { groupId: 'EG001', numAffected: 1, numAtRisk: 53 },
      ],
    });
  });

  it('reads an analysis with its compared groups', () => {
    const analyses = results.outcomeMeasuresModule.outcomeMeasures.flatMap(
      (measure: { analyses?: unknown[] }) => measure.analyses ?? [],
    );
    expect(analyses).toContainEqual({
      groupIds: ['OG000', 'OG001'],
      groupDescription: 'Lung toxicity (<Grade 3 vs. >= Grade 3): Lung V20',
      nonInferiorityType: 'SUPERIORITY',
      pValue: '0.62',
      statisticalMethod: 'Wilcoxon (Mann-Whitney)',
      statisticalComment: '2-sided significance level = 0.05',
    });
  });

  it('reads the participant flow with comments and withdrawal reasons', () => {
    const period = results.participantFlowModule.periods[0];
    expect(period.milestones[0]).toEqual({
      type: 'STARTED',
      achievements: [
        { groupId: 'FG000', numSubjects: '8' },
        { groupId: 'FG001', numSubjects: '9' },
        { groupId: 'FG002', numSubjects: '0' },
        { groupId: 'FG003', numSubjects: '46' },
      ],
    });
    expect(period.dropWithdraws[0].type).toBe('Ineligible / no protocol treatment');
  });
});

describe('classic XML: a withheld stub (NCT01341288)', () => {
  it('keeps the registry status and leaves out the study type N/A', () => {
    const { record } = importClassic('NCT01341288.xml');
    expect(at(record, 'statusModule.overallStatus')).toBe('WITHHELD');
    expect(at(record, 'designModule')).toBeUndefined();
  });
});

describe('v2GroupId', () => {
  it('renumbers classic group ids as v2 numbers them', () => {
    expect(['P1', 'B3', 'O12', 'E1', 'X7'].map(v2GroupId)).toEqual(['FG000', 'BG002', 'OG011', 'EG000', 'X7']);
  });
});

describe('tidyText', () => {
  it('drops the indentation every line shares and the blank edges, and keeps the inner layout', () => {
    expect(tidyText('\n        First\n\n          - item\n      ')).toBe('First\n\n  - item');
  });
});
