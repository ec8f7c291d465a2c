import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, formatRecord, importText, type ImportFormat } from '../../../server/src/importers/index';
import { validateText } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { at, lineOf, readSeed, SEED, SEEDS_DIR } from './seed-files';

/** sha256 of the seed documents as delivered (../shared/seeds). */
const ORIGINAL_SEED_SHA256: Record<string, string> = {
  '000_1fa022edb594f076.txt': '8cd9d43330bd7c7f3507664dfad7273d4fc6c6cf65dbe2a5671f06b4654e2e06',
  '001_5c0f2623df549388.txt': '41dbd7dc5cd90254a72af2b25e30de3dbeb136c65d53013ba02b68e645cdb8d0',
  '002_d54f2e85682e4371.txt': 'a60adbc55cce129aba75eb6e6801187180c2e75e4843e8d77c23c981bebf8e85',
  '003_b9facec27ee8c958.txt': 'f80a2599b58959cfc7d65fafc712d7eaacd1a6c2240bdc0064f529091f8ef8fa',
  '004_3c315e400737ec89.txt': 'afe911a430749de97cbf5694b993588c5cbb79fb4d5eb0efbb2af96de0c093d6',
};

/**
 * Every seed record is exactly the importer's output: no seed states a fact that the record holds
 * differently. (Facts the importer cannot place are its warnings, asserted per seed below.)
 */
const EXPECTED: Array<{ seed: string; format: ImportFormat; fileName: string }> = [
  { seed: SEED.pythonDict, format: 'python-dict', fileName: 'NCT07423533.trial.json' },
  {
    seed: SEED.clinConnect,
    format: 'clinconnect-page',
    fileName: 'a-randomized-double-blind-placebo-controlled-phase-ii.trial.json',
  },
  { seed: SEED.basicInformationRa, format: 'basic-information-page', fileName: 'NCT07008196.trial.json' },
  { seed: SEED.trialDetails, format: 'trial-details-page', fileName: 'NCT05765006.trial.json' },
  { seed: SEED.basicInformationSsc, format: 'basic-information-page', fileName: 'NCT06375005.trial.json' },
];

describe('seed documents', () => {
  it.each(EXPECTED)('$seed is detected as $format and its record is seeds/$fileName', ({ seed, format, fileName }) => {
    const text = readSeed(seed);
    expect(detectFormat(text)).toBe(format);
    const result = importText(text, seed);
    expect(result.format).toBe(format);
    expect(result.records.map((record) => record.fileName)).toEqual([fileName]);
    expect(readFileSync(join(SEEDS_DIR, fileName), 'utf8')).toBe(formatRecord(result.records[0].record));
  });

  it('seed documents are kept unchanged next to their records', () => {
    for (const { seed } of EXPECTED) {
      expect(createHash('sha256').update(readSeed(seed)).digest('hex')).toBe(ORIGINAL_SEED_SHA256[seed]);
    }
  });

  it('seed records get no syntax, schema or unknown-property findings', async () => {
    for (const { fileName } of EXPECTED) {
      const text = readFileSync(join(SEEDS_DIR, fileName), 'utf8');
      const findings = validateText(text, { rules: builtinRules, today: '2026-11-24' });
      const structural = findings.filter((finding) =>
        ['syntax', 'schema', 'unknown-property'].includes(finding.ruleId),
      );
      expect(
        structural.map((finding) => `${fileName} ${finding.ruleId} ${finding.pointer}: ${finding.message}`),
      ).toEqual([]);
    }
  });
});

describe('000: a v2 study printed as a Python dict', () => {
  const text = readSeed(SEED.pythonDict);
  const result = importText(text, SEED.pythonDict);
  const record = result.records[0].record;
  const protocol = record.protocolSection;

  it('keeps the dict content with booleans, numbers and nested objects', () => {
    expect(at(protocol, 'identificationModule', 'nctId')).toBe('NCT07423533');
    expect(at(protocol, 'statusModule', 'overallStatus')).toBe('NOT_YET_RECRUITING');
    expect(at(protocol, 'statusModule', 'startDateStruct')).toEqual({ date: '2026-02', type: 'ESTIMATED' });
    expect(at(protocol, 'statusModule', 'expandedAccessInfo', 'hasExpandedAccess')).toBe(false);
    expect(at(protocol, 'designModule', 'phases')).toEqual(['PHASE2']);
    expect(at(protocol, 'designModule', 'enrollmentInfo')).toEqual({ count: 450, type: 'ESTIMATED' });
    expect(at(protocol, 'eligibilityModule', 'minimumAge')).toBe('18 Years');
    expect(at(protocol, 'eligibilityModule', 'maximumAge')).toBe('70 Years');
    expect(at(protocol, 'eligibilityModule', 'sex')).toBe('ALL');
    expect(at(protocol, 'eligibilityModule', 'healthyVolunteers')).toBe(false);
    expect(at(protocol, 'outcomesModule', 'primaryOutcomes')).toHaveLength(1);
    expect(at(protocol, 'outcomesModule', 'secondaryOutcomes')).toHaveLength(2);
    expect(at(protocol, 'outcomesModule', 'otherOutcomes')).toHaveLength(32);
    expect(at(protocol, 'contactsLocationsModule', 'locations', 0, 'geoPoint')).toEqual({
      lat: 39.9075,
      lon: 116.39723,
    });
    expect(record.hasResults).toBe(false);
  });

  it('reads strings quoted with double quotes because they hold an apostrophe', () => {
    expect(at(protocol, 'contactsLocationsModule', 'locations', 0, 'facility')).toBe(
      "Peking University People's Hospital",
    );
    expect(at(protocol, 'outcomesModule', 'otherOutcomes', 8, 'measure')).toBe(
      "Changes from baseline in Patient's assessment of pain(VAS)at each post-baseline visit",
    );
  });

  it('turns \\n escapes into line breaks and keeps double quotes inside single-quoted strings', () => {
    const description = at(protocol, 'descriptionModule', 'detailedDescription') as string;
    expect(description).toContain('visits.\n\nParticipants who meet');
    expect(description).toContain('"have treatment experience of at least one bDMARDs or tsDMARDs"');
  });

  it('cross-references arms and interventions as the dict does', () => {
    const placebo = at(protocol, 'armsInterventionsModule', 'armGroups').find(
      (arm: { label: string }) => arm.label === 'Placebo',
    );
    expect(placebo.interventionNames).toEqual(['Drug: GenSci120 600 mg', 'Drug: Placebo']);
    const shared = at(protocol, 'armsInterventionsModule', 'interventions', 1);
    expect(shared.armGroupLabels).toEqual(['GenSci120 600 mg', 'Placebo']);
  });

  it('orders keys like a v2 record', () => {
    expect(Object.keys(record)).toEqual(['protocolSection', 'derivedSection', 'hasResults']);
    expect(Object.keys(protocol as object).slice(0, 4)).toEqual([
      'identificationModule',
      'statusModule',
      'sponsorCollaboratorsModule',
      'oversightModule',
    ]);
    expect(Object.keys(at(protocol, 'statusModule')).slice(0, 3)).toEqual([
      'statusVerifiedDate',
      'overallStatus',
      'expandedAccessInfo',
    ]);
  });

  it('has no warnings', () => {
    expect(result.warnings).toEqual([]);
  });
});

describe('001: a ClinConnect summary page', () => {
  const text = readSeed(SEED.clinConnect);
  const result = importText(text, SEED.clinConnect);
  const protocol = result.records[0].record.protocolSection;

  it('reads the title, sponsor, launch date and status', () => {
    expect(at(protocol, 'identificationModule', 'nctId')).toBeUndefined();
    expect(at(protocol, 'identificationModule', 'briefTitle')).toMatch(
      /^A Randomized, Double-blind, .* Interstitial Lung Disease$/,
    );
    expect(at(protocol, 'sponsorCollaboratorsModule', 'leadSponsor')).toEqual({
      name: 'CHANGCHUN GENESCIENCE PHARMACEUTICAL CO., LTD.',
    });
    expect(at(protocol, 'statusModule', 'startDateStruct')).toEqual({ date: '2023-12-19' });
    expect(at(protocol, 'statusModule', 'overallStatus')).toBe('RECRUITING');
  });

  it('reads sex, summary, officials, contacts and the six locations', () => {
    expect(at(protocol, 'eligibilityModule', 'sex')).toBe('ALL');
    expect(at(protocol, 'descriptionModule', 'briefSummary')).toMatch(
      /^This clinical trial is studying .*\n\nTo participate, /s,
    );
    expect(at(protocol, 'contactsLocationsModule', 'overallOfficials')).toEqual([
      { name: 'qibing xie, Doctor of Medicine(M.D.)', affiliation: 'West China Hospital', role: 'STUDY_CHAIR' },
    ]);
    expect(at(protocol, 'contactsLocationsModule', 'centralContacts')).toEqual([
      { name: 'Jennifer Cobb', role: 'CONTACT' },
    ]);
    const locations = at(protocol, 'contactsLocationsModule', 'locations');
    expect(locations).toHaveLength(6);
    expect(locations[3]).toEqual({ city: 'Beijing', state: 'Beijing', country: 'China' });
  });

  it('rebuilds the flattened criteria list with its sub-items indented', () => {
    const criteria = at(protocol, 'eligibilityModule', 'eligibilityCriteria') as string;
    expect(criteria.startsWith('Inclusion Criteria:\n\n1. Those who voluntarily sign')).toBe(true);
    expect(criteria).toContain('\n\nExclusion Criteria:\n\n1. Allergic');
    expect(criteria).toContain(
      '3. Those who have received any of the following drugs or treatments :\n   1. Receiving prednisone',
    );
    expect(criteria).toContain(
      '   3. Pulmonary hypertension requiring extraenteral treatment with eprostol/traprostacycline;\n6. There are active bleeding',
    );
    expect(criteria).toContain(
      '   4. Those who are positive for treponema pallidum antibodies and need treatment for syphilis infection.\n16. Received',
    );
    expect(criteria).not.toMatch(/^- |•/m);
  });

  it('names the file after the title, as there is no NCT number', () => {
    expect(result.records[0].fileName).toBe('a-randomized-double-blind-placebo-controlled-phase-ii.trial.json');
  });

  it('warns about the page date, the sponsor blurb and the contact affiliation', () => {
    expect(result.warnings.map((warning) => warning.line)).toEqual([
      lineOf(text, 'Current as of July 04, 2025'),
      lineOf(text, 'About Changchun Genescience Pharmaceutical Co., Ltd.'),
      lineOf(text, 'Immunology at National Institute of Allergy and Infectious Diseases (NIAID)'),
    ]);
    expect(result.warnings[2].message).toContain('Jennifer Cobb');
  });
});

describe('002: a "Basic Information" page (single arm)', () => {
  const text = readSeed(SEED.basicInformationRa);
  const result = importText(text, SEED.basicInformationRa);
  const record = result.records[0].record;
  const protocol = record.protocolSection;

  it('reads identification, status and dates', () => {
    expect(at(protocol, 'identificationModule')).toEqual({
      nctId: 'NCT07008196',
      orgStudyIdInfo: { id: 'Telitacicept-RA' },
      briefTitle: 'Telitacicept for the Treatment of Refractory RA',
    });
    expect(at(protocol, 'statusModule')).toEqual({
      overallStatus: 'NOT_YET_RECRUITING',
      startDateStruct: { date: '2025-06-10' },
      completionDateStruct: { date: '2026-01-31' },
      lastUpdatePostDateStruct: { date: '2025-06-06' },
    });
    expect(record.hasResults).toBe(false);
  });

  it('reads the design', () => {
    expect(at(protocol, 'designModule')).toEqual({
      studyType: 'INTERVENTIONAL',
      phases: ['PHASE4'],
      designInfo: {
        allocation: 'NA',
        interventionModel: 'SINGLE_GROUP',
        primaryPurpose: 'TREATMENT',
        maskingInfo: { masking: 'NONE' },
      },
      enrollmentInfo: { count: 30 },
    });
  });

  it('links the group and its intervention both ways', () => {
    expect(at(protocol, 'armsInterventionsModule')).toEqual({
      armGroups: [
        {
          label: 'Telitacicept treatment group',
          type: 'EXPERIMENTAL',
          description: 'Telitacicept added on previous treatment',
          interventionNames: ['Drug: Telitacicept'],
        },
      ],
      interventions: [
        {
          type: 'DRUG',
          name: 'Telitacicept',
          description: 'Telitacicept 160mg qw subcutaneous injection',
          armGroupLabels: ['Telitacicept treatment group'],
        },
      ],
    });
  });

  it('reads eligibility, sponsor, responsible party, people and the site', () => {
    const eligibility = at(protocol, 'eligibilityModule');
    expect(eligibility.eligibilityCriteria).toMatch(
      /^Inclusion Criteria:\n\n1\. Fulfill .*\n\nExclusion Criteria:\n\n1\. Subjects with other autoimmune diseases\n/s,
    );
    expect(eligibility.eligibilityCriteria).toMatch(
      /10\. Subjects with other conditions deemed unsuitable for enrollment by the investigator$/,
    );
    expect(eligibility).toMatchObject({
      healthyVolunteers: false,
      sex: 'ALL',
      minimumAge: '18 Years',
      maximumAge: '70 Years',
    });
    expect(at(protocol, 'sponsorCollaboratorsModule')).toEqual({
      responsibleParty: {
        type: 'PRINCIPAL_INVESTIGATOR',
        investigatorFullName: 'Xinping Tian',
        investigatorTitle: 'Professor of medicine',
      },
      leadSponsor: { name: 'Chinese SLE Treatment And Research Group', class: 'OTHER' },
    });
    const contacts = at(protocol, 'contactsLocationsModule');
    expect(contacts.centralContacts.map((contact: { name: string }) => contact.name)).toEqual([
      'Xinping Tian, MD',
      'Qian Wang, MD',
    ]);
    expect(contacts.overallOfficials).toEqual([
      {
        name: 'Xinping Tian, MD',
        affiliation: 'Peking Union Medical College Hospital',
        role: 'PRINCIPAL_INVESTIGATOR',
      },
    ]);
    expect(contacts.locations).toEqual([
      {
        facility: 'Peking Union Medical College Hospital',
        city: 'Beijing',
        country: 'China',
        contacts: [{ name: 'Xinping Tian, MD', role: 'CONTACT', phone: '86-13691165939' }],
      },
    ]);
  });

  it('has no warnings', () => {
    expect(result.warnings).toEqual([]);
  });
});

describe('004: a "Basic Information" page (two groups sharing an intervention)', () => {
  const text = readSeed(SEED.basicInformationSsc);
  const result = importText(text, SEED.basicInformationSsc);
  const protocol = result.records[0].record.protocolSection;

  it('reads status, phase and dates', () => {
    expect(at(protocol, 'identificationModule', 'nctId')).toBe('NCT06375005');
    expect(at(protocol, 'statusModule', 'overallStatus')).toBe('RECRUITING');
    expect(at(protocol, 'designModule', 'phases')).toEqual(['PHASE2']);
    expect(at(protocol, 'designModule', 'designInfo', 'allocation')).toBe('RANDOMIZED');
    expect(at(protocol, 'statusModule', 'startDateStruct')).toEqual({ date: '2025-01-06' });
    expect(at(protocol, 'sponsorCollaboratorsModule', 'responsibleParty')).toEqual({ type: 'SPONSOR' });
  });

  it('leaves out an empty detailed description', () => {
    expect(at(protocol, 'descriptionModule', 'detailedDescription')).toBeUndefined();
    expect(at(protocol, 'descriptionModule', 'briefSummary')).toMatch(/^This study is a prospective/);
  });

  it('separates the last intervention description of one group from the next group label', () => {
    const arms = at(protocol, 'armsInterventionsModule', 'armGroups');
    expect(arms.map((arm: { label: string; type: string }) => [arm.label, arm.type])).toEqual([
      ['Mycophenolate Mofetil + Telitacicept', 'EXPERIMENTAL'],
      ['Mycophenolate Mofetil', 'ACTIVE_COMPARATOR'],
    ]);
    expect(arms[0].interventionNames).toEqual(['Drug: Telitacicept', 'Drug: Mycophenolate Mofetil']);
    expect(arms[1].interventionNames).toEqual(['Drug: Mycophenolate Mofetil']);
    expect(arms[1].description).toBe('Participants will be treated with MMF 0.5g twice a day for 48 weeks.');
    const interventions = at(protocol, 'armsInterventionsModule', 'interventions');
    expect(interventions[1].armGroupLabels).toEqual(['Mycophenolate Mofetil + Telitacicept', 'Mycophenolate Mofetil']);
  });

  it('reads the nine recruiting sites and the criteria up to the age labels', () => {
    const locations = at(protocol, 'contactsLocationsModule', 'locations');
    expect(locations).toHaveLength(9);
    expect(locations.every((location: { status: string }) => location.status === 'RECRUITING')).toBe(true);
    expect(locations[1]).toMatchObject({
      facility: 'Huashan Hospital of Fudan University',
      city: 'Shanghai',
      state: 'Shanghai Municipality',
    });
    const criteria = at(protocol, 'eligibilityModule', 'eligibilityCriteria') as string;
    expect(criteria).toMatch(/^Inclusion Criteria:\n\n\* Men or women aged 18-70 years old\./);
    expect(criteria).not.toContain('Minimum Eligible Age');
  });

  it('warns about the other intervention names and the facility contact it cannot place', () => {
    expect(result.warnings).toEqual([
      { line: lineOf(text, 'Taiai for commercial name MMF'), message: expect.stringContaining('which intervention') },
      { line: lineOf(text, 'Jing Xue, PhD'), message: expect.stringContaining('which of the 9 sites') },
    ]);
  });
});

describe('003: a "Clinical Trial Details" page', () => {
  const text = readSeed(SEED.trialDetails);
  const result = importText(text, SEED.trialDetails);
  const protocol = result.records[0].record.protocolSection;

  it('reads administrative data with word dates and "Est." types', () => {
    expect(at(protocol, 'identificationModule', 'nctId')).toBe('NCT05765006');
    expect(at(protocol, 'identificationModule', 'orgStudyIdInfo')).toEqual({ id: 'JWCAR029012' });
    expect(at(protocol, 'designModule', 'phases')).toEqual(['PHASE1']);
    expect(at(protocol, 'statusModule')).toEqual({
      statusVerifiedDate: '2023-03',
      overallStatus: 'RECRUITING',
      startDateStruct: { date: '2023-02-24' },
      primaryCompletionDateStruct: { date: '2024-12-30', type: 'ESTIMATED' },
      completionDateStruct: { date: '2025-12-30', type: 'ESTIMATED' },
    });
  });

  it('reads study information, eligibility and the intervention', () => {
    expect(at(protocol, 'oversightModule')).toEqual({ isFdaRegulatedDrug: false, isFdaRegulatedDevice: false });
    expect(at(protocol, 'contactsLocationsModule', 'centralContacts')).toEqual([
      { name: 'medical JW', role: 'CONTACT', phone: '+86 21 50464201', email: 'Relma-celMedical@jwtherapeutics.com' },
    ]);
    expect(at(protocol, 'eligibilityModule')).toMatchObject({
      healthyVolunteers: false,
      sex: 'ALL',
      minimumAge: '18 Years',
      maximumAge: '70 Years',
    });
    expect(at(protocol, 'eligibilityModule', 'eligibilityCriteria')).toMatch(
      /^Inclusion Criteria:\n\n1\. Sign .*\n\nExclusion Criteria:\n\n1\. Severe lupus nephritis/s,
    );
    expect(at(protocol, 'designModule', 'enrollmentInfo')).toEqual({ count: 24 });
    expect(at(protocol, 'armsInterventionsModule', 'interventions')).toEqual([
      expect.objectContaining({ type: 'BIOLOGICAL', name: 'Relma-cel' }),
    ]);
    expect(at(protocol, 'armsInterventionsModule', 'armGroups')).toBeUndefined();
    expect(at(protocol, 'descriptionModule', 'detailedDescription')).toMatch(
      /^This is a phase I, .*determine RP2D \.$/,
    );
  });

  it('splits the outcome table into measure, description and time frame', () => {
    const outcomes = at(protocol, 'outcomesModule');
    expect(outcomes.primaryOutcomes).toEqual([
      { measure: 'DLT rate', description: 'The incidence of dose-limiting toxicity', timeFrame: '3 months' },
      { measure: 'determine RP2D', description: 'To determine RP2D(Phase 2 recommended dose)', timeFrame: '3 months' },
    ]);
    expect(outcomes.secondaryOutcomes).toHaveLength(4);
    expect(outcomes.secondaryOutcomes[3]).toEqual({
      measure: 'Autoantibody detection',
      description: 'Autoantibody detection up to 3 months after CD19 cCAR T cells infusion',
      timeFrame: '3 months',
    });
    expect(outcomes.secondaryOutcomes[0].description).toBe(
      'SELENA-SLEDAI score taken up to 3 months after CD19 cCAR T cells infusion',
    );
  });

  it('reads the sponsor, source, reference and site', () => {
    expect(at(protocol, 'sponsorCollaboratorsModule', 'leadSponsor')).toEqual({
      name: 'Shanghai Ming Ju Biotechnology Co., Ltd.',
    });
    expect(at(protocol, 'identificationModule', 'organization')).toEqual({
      fullName: 'Shanghai Ming Ju Biotechnology Co., Ltd.',
    });
    expect(at(protocol, 'referencesModule', 'references', 0, 'citation')).toMatch(
      /^Kaufman JL, .* No abstract available\.$/,
    );
    expect(at(protocol, 'contactsLocationsModule', 'locations')).toEqual([
      { facility: 'Relma-cel Medical', city: 'Shanghai', country: 'China' },
    ]);
  });

  it('warns that the space-separated location row was split by a guess', () => {
    expect(result.warnings).toEqual([
      { line: lineOf(text, 'China Relma-cel Medical Shanghai'), message: expect.stringContaining('check it') },
    ]);
  });
});
