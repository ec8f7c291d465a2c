// Classic ClinicalTrials.gov XML (<clinical_study>) -> trial records, field by field on public downloads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('says once that the classic results are not imported', () => {
    expect(record.resultsSection).toBeUndefined();
    expect(warnings.filter((warning) => warning.includes('clinical_results'))).toEqual([
      '1476: <clinical_study/clinical_results>: results in classic XML are laid out differently from v2 results and are not imported; take the results from the v2 API or a PRS download.',
    ]);
  });
});

describe('classic XML: a withheld stub (NCT01341288)', () => {
  it('keeps the registry status and leaves out the study type N/A', () => {
    const { record } = importClassic('NCT01341288.xml');
    expect(at(record, 'statusModule.overallStatus')).toBe('WITHHELD');
    expect(at(record, 'designModule')).toBeUndefined();
  });
});

describe('tidyText', () => {
  it('drops the indentation every line shares and the blank edges, and keeps the inner layout', () => {
    expect(tidyText('\n        First\n\n          - item\n      ')).toBe('First\n\n  - item');
  });
});
