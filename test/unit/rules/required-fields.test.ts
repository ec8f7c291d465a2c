import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import rule, { REQUIREMENTS, requirementFor } from '../../../server/src/rules/required-fields';
import { validateText } from '../../../server/src/service/validate';
import { schemaAt } from '../../../server/src/service/studySchema';
import { applyFix } from '../../../server/src/service/fixes';
import { corpusRecord, planted, sampleRecord, sampleRecordNames } from './fixtures';

const ps = '/protocolSection';
const identification = `${ps}/identificationModule`;
const status = `${ps}/statusModule`;
const design = `${ps}/designModule`;
const eligibility = `${ps}/eligibilityModule`;
const locations = `${ps}/contactsLocationsModule/locations`;

// Interventional, started 2018-03-08 (Final Rule applies), one U.S. site, complete.
const interventional = corpusRecord('NCT03418623');
// Observational patient registry, started 2018, single unlabelled-able group, three Spanish sites.
const registry = corpusRecord('NCT03475563');
// Observational, started 2024, complete.
const observational = corpusRecord('NCT06171568');
// Recruiting interventional study with 11 sites in China, each with its own status.
const recruiting = corpusRecord('NCT05147467');
// Started 2015-09: before the Final Rule; 36 U.S. sites without a ZIP code, no FDA oversight answers.
const older = corpusRecord('NCT02552212');

const arms = `${ps}/armsInterventionsModule/armGroups`;
/** The record as if it were first submitted and last updated on these days (undefined: being written). */
function submitted(record: unknown, first: string | undefined, last: string | undefined) {
  return planted(record, { [`${status}/studyFirstSubmitDate`]: first, [`${status}/lastUpdateSubmitDate`]: last });
}

const individualExpandedAccess = planted(interventional, {
  [`${design}/studyType`]: 'EXPANDED_ACCESS',
  [`${design}/expandedAccessTypes`]: { individual: true },
  [`${eligibility}/eligibilityCriteria`]: undefined,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a complete interventional record started after the Final Rule date', record: interventional },
    { name: 'a complete observational record', record: observational },
    { name: 'an observational patient registry with its target duration', record: registry },
    {
      name: 'an observational study may leave its single group unlabelled',
      record: planted(registry, { [`${ps}/armsInterventionsModule/armGroups/0/label`]: undefined }),
    },
    { name: 'expanded access for individual patients needs no eligibility criteria', record: individualExpandedAccess },
    {
      name: 'a site outside the United States needs no state or ZIP code',
      record: planted(interventional, {
        [`${locations}/0/country`]: 'Canada',
        [`${locations}/0/state`]: undefined,
        [`${locations}/0/zip`]: undefined,
      }),
    },
    {
      name: 'a completed study need not give site statuses',
      record: planted(recruiting, {
        [`${status}/overallStatus`]: 'COMPLETED',
        [`${locations}/0/status`]: undefined,
        [`${locations}/1/status`]: undefined,
      }),
    },
    {
      name: "values of the wrong type are the schema's findings, not missing fields",
      record: planted(interventional, {
        [`${identification}/officialTitle`]: 42,
        [`${ps}/conditionsModule/conditions`]: 'Alcohol use disorder',
        [`${locations}`]: { city: 'Charleston' },
      }),
    },
    {
      name: 'a module of the wrong type is left to the schema',
      record: planted(interventional, { [`${ps}/oversightModule`]: 'yes' }),
    },
    {
      // Published records show isUnapprovedDevice only when it is true: without it, the answer may have been No.
      name: 'an FDA-regulated device study without the unapproved-device answer',
      record: planted(interventional, { [`${ps}/oversightModule/isFdaRegulatedDevice`]: true }),
    },
    { name: 'a record that is not an object', record: ['not', 'a', 'study'] },
  ],
  invalid: [
    {
      name: 'official title missing from a study that started after the Final Rule date',
      record: planted(interventional, { [`${identification}/officialTitle`]: undefined }),
      errors: [
        {
          pointer: `${identification}/officialTitle`,
          severity: 'error',
          message:
            'Missing "Official title" (officialTitle): required for interventional and observational studies that started on or after 2017-01-18.',
        },
      ],
    },
    {
      name: 'a blank official title counts as missing',
      record: planted(interventional, { [`${identification}/officialTitle`]: '   ' }),
      errors: [{ pointer: `${identification}/officialTitle`, severity: 'error' }],
    },
    {
      name: 'the same gap in a study that started before the Final Rule date is a warning',
      record: planted(interventional, {
        [`${identification}/officialTitle`]: undefined,
        [`${status}/startDateStruct/date`]: '2017-01-17',
      }),
      errors: [
        {
          pointer: `${identification}/officialTitle`,
          severity: 'warning',
          message: /This study started 2017-01-17, before that date, so it is a warning here\.$/,
        },
      ],
    },
    {
      name: 'the Final Rule date itself is on the Final Rule side',
      record: planted(interventional, {
        [`${identification}/officialTitle`]: undefined,
        [`${status}/startDateStruct/date`]: '2017-01-18',
      }),
      errors: [{ pointer: `${identification}/officialTitle`, severity: 'error' }],
    },
    {
      name: 'the strict preset option applies the Final Rule to an older study',
      record: planted(interventional, {
        [`${identification}/officialTitle`]: undefined,
        [`${status}/startDateStruct/date`]: '2012-05',
      }),
      options: { finalRule: 'always' },
      errors: [{ pointer: `${identification}/officialTitle`, severity: 'error' }],
    },
    {
      name: 'a whole missing module is reported once, listing what it should hold',
      record: planted(interventional, { [eligibility]: undefined }),
      errors: [
        {
          pointer: eligibility,
          severity: 'error',
          message:
            /^"Eligibility module" \(eligibilityModule\) is missing; this study requires "Eligibility criteria" \(eligibilityCriteria\), "Accepts healthy volunteers" \(healthyVolunteers\) and "Sex" \(sex\) in it\.$/,
        },
      ],
    },
    {
      name: 'a missing object with one required field is reported at the field',
      record: planted(interventional, { [`${identification}/orgStudyIdInfo`]: undefined }),
      errors: [
        {
          pointer: `${identification}/orgStudyIdInfo/id`,
          severity: 'error',
          message: /^Missing "Organization's unique protocol ID" \(orgStudyIdInfo\.id\): required for all studies/,
        },
      ],
    },
    {
      name: 'primary completion date missing from an older study is only a warning',
      record: planted(older, { [`${status}/primaryCompletionDateStruct`]: undefined }),
      errors: [
        { pointer: `${status}/primaryCompletionDateStruct`, severity: 'warning', message: /may lack it/ },
        { pointer: `${ps}/oversightModule`, severity: 'warning' },
        { pointer: locations, severity: 'warning' },
      ],
    },
    {
      name: 'an older record with many U.S. sites lacking a ZIP code gets one warning for the list',
      record: older,
      errors: [
        {
          pointer: `${ps}/oversightModule`,
          severity: 'warning',
          message:
            'Missing 2 required fields in "Oversight module": "FDA-regulated drug" and "FDA-regulated device". They are required for interventional studies that started on or after 2017-01-18. This study started 2015-09, before that date, so it is a warning here.',
        },
        {
          pointer: locations,
          severity: 'warning',
          message:
            '"ZIP code" (zip) is missing from 36 of 36 locations in the United States; it is required for locations in the United States of studies that started on or after 2017-01-18. This study started 2015-09, before that date, so it is a warning here.',
        },
      ],
    },
    {
      name: 'a location without a city',
      record: planted(interventional, { [`${locations}/0/city`]: undefined }),
      errors: [
        {
          pointer: `${locations}/0/city`,
          severity: 'error',
          message:
            /^Missing "City" \(city\) in location 1 \("Department of Psychiatry[^)]*\): required for every location\./,
        },
      ],
    },
    {
      name: 'a U.S. site without a state or ZIP code',
      record: planted(interventional, { [`${locations}/0/state`]: undefined, [`${locations}/0/zip`]: undefined }),
      errors: [
        {
          pointer: `${locations}/0`,
          severity: 'error',
          message:
            /^Missing 2 required fields in location 1 \("Department of Psychiatry[^)]*\): "State" and "ZIP code"\.$/,
        },
      ],
    },
    {
      name: 'an outcome without a time frame',
      record: planted(interventional, { [`${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`]: undefined }),
      errors: [
        {
          pointer: `${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`,
          severity: 'error',
          message:
            /^Missing "Secondary outcome time frame" \(timeFrame\) in secondary outcome 2 \("Change in the blood/,
        },
      ],
    },
    {
      name: 'an interventional study with no interventions',
      record: planted(interventional, { [`${ps}/armsInterventionsModule/interventions`]: [] }),
      errors: [
        {
          pointer: `${ps}/armsInterventionsModule/interventions`,
          severity: 'error',
          message: /required for interventional studies/,
        },
      ],
    },
    {
      name: 'an interventional study with no arms: expected, since the registry published such records (NCT04179266, first submitted 2019)',
      record: sampleRecord('NCT04179266'),
      errors: [
        {
          pointer: arms,
          severity: 'warning',
          message: 'Missing "Arms" (armGroups): expected for interventional studies.',
        },
      ],
    },
    {
      name: 'an empty list of arms counts as none',
      record: planted(interventional, { [arms]: [] }),
      errors: [{ pointer: arms, severity: 'warning', message: /^Missing "Arms" \(armGroups\)/ }],
    },
    {
      name: 'an interventional arm needs its label; the observational exemption does not apply',
      record: planted(interventional, { [`${ps}/armsInterventionsModule/armGroups/1/label`]: undefined }),
      errors: [{ pointer: `${ps}/armsInterventionsModule/armGroups/1/label`, severity: 'error' }],
    },
    {
      name: 'observational studies need a study population and sampling method',
      record: planted(observational, {
        [`${eligibility}/studyPopulation`]: undefined,
        [`${eligibility}/samplingMethod`]: undefined,
      }),
      errors: [
        {
          pointer: eligibility,
          severity: 'error',
          message:
            'Missing 2 required fields in "Eligibility module": "Study population" and "Sampling method". They are required for observational studies.',
        },
      ],
    },
    {
      name: 'observational model and time perspective are asked for, not required',
      record: planted(observational, { [`${design}/designInfo/observationalModel`]: undefined }),
      errors: [
        {
          pointer: `${design}/designInfo/observationalModel`,
          severity: 'warning',
          message:
            'Missing "Observational study model" (designInfo.observationalModel): expected for observational studies.',
        },
      ],
    },
    {
      name: 'a patient registry needs its target follow-up duration',
      record: planted(registry, { [`${design}/targetDuration`]: undefined }),
      errors: [
        {
          pointer: `${design}/targetDuration`,
          severity: 'error',
          message: /observational studies that are patient registries/,
        },
      ],
    },
    {
      name: 'interventional design fields are not asked of an observational study, but its own are',
      record: planted(interventional, { [`${design}/studyType`]: 'OBSERVATIONAL' }),
      errors: [
        {
          pointer: `${design}/designInfo`,
          severity: 'warning',
          message:
            /^Missing 2 expected fields in "Design information": "Observational study model" and "Time perspective"\./,
        },
        { pointer: eligibility, severity: 'error' },
      ],
    },
    {
      name: 'expanded access without a type set',
      record: planted(individualExpandedAccess, {
        [`${design}/expandedAccessTypes`]: { individual: false, intermediate: false, treatment: false },
      }),
      errors: [
        {
          pointer: `${design}/expandedAccessTypes`,
          severity: 'error',
          message: /Set at least one of individual, intermediate and treatment to true\.$/,
        },
        // With no type set it is no longer individual-patient access, so the criteria are needed again.
        { pointer: `${eligibility}/eligibilityCriteria`, severity: 'error' },
      ],
    },
    {
      name: 'expanded access for groups needs eligibility criteria',
      record: planted(individualExpandedAccess, { [`${design}/expandedAccessTypes`]: { intermediate: true } }),
      errors: [{ pointer: `${eligibility}/eligibilityCriteria`, severity: 'error' }],
    },
    {
      name: 'a recruiting multi-site study with one site lacking its status',
      record: planted(recruiting, { [`${locations}/1/status`]: undefined }),
      errors: [{ pointer: `${locations}/1/status`, severity: 'warning', message: /location 2 \("Zhujiang Hospital/ }],
    },
    {
      name: 'a missing study type leaves only the requirements of every study',
      record: planted(interventional, {
        [`${design}/studyType`]: undefined,
        [`${identification}/officialTitle`]: undefined,
      }),
      errors: [
        {
          pointer: `${design}/studyType`,
          severity: 'error',
          message: 'Missing "Study type" (studyType): required for all studies.',
        },
      ],
    },
    {
      name: 'null counts as missing',
      record: planted(interventional, { [`${ps}/descriptionModule/briefSummary`]: null }),
      errors: [{ pointer: `${ps}/descriptionModule/briefSummary`, severity: 'error' }],
    },
    {
      name: 'an FDA-regulated device study not submitted yet must say whether the device is unapproved',
      record: submitted(
        planted(interventional, { [`${ps}/oversightModule/isFdaRegulatedDevice`]: true }),
        undefined,
        undefined,
      ),
      errors: [
        {
          pointer: `${ps}/oversightModule/isUnapprovedDevice`,
          severity: 'error',
          message:
            /^Missing "Unapproved device" \(isUnapprovedDevice\): required for interventional studies that started on or after 2017-01-18 and study a U\.S\. FDA-regulated device\.$/,
        },
      ],
    },
    {
      name: 'an arm without a description is expected, not required: the registry publishes such records',
      record: planted(interventional, { [`${arms}/0/description`]: undefined }),
      errors: [
        {
          pointer: `${arms}/0/description`,
          severity: 'warning',
          message:
            /^Missing "Arm description" \(description\) in arm 1 \("GET73"\): expected for every arm of interventional and observational studies\.$/,
        },
      ],
    },
    {
      name: 'healthy volunteers: required of an interventional study under the Final Rule',
      record: planted(interventional, { [`${eligibility}/healthyVolunteers`]: undefined }),
      errors: [
        {
          pointer: `${eligibility}/healthyVolunteers`,
          severity: 'error',
          message: /: required for interventional studies that started on or after 2017-01-18\.$/,
        },
      ],
    },
    {
      name: 'healthy volunteers: only expected of an observational study',
      record: planted(observational, { [`${eligibility}/healthyVolunteers`]: undefined }),
      errors: [
        {
          pointer: `${eligibility}/healthyVolunteers`,
          severity: 'warning',
          message: 'Missing "Accepts healthy volunteers" (healthyVolunteers): expected for observational studies.',
        },
      ],
    },
    {
      name: 'a time frame missing from a record first submitted before FDAAA (2007-09-27) is a warning, even updated since',
      record: submitted(
        planted(interventional, { [`${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`]: undefined }),
        '2007-09-26',
        '2022-08-10',
      ),
      errors: [
        {
          pointer: `${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`,
          severity: 'warning',
          message:
            /required for every secondary outcome\. The registry kept records first submitted before 2007-09-27 without it, and this one was first submitted 2007-09-26, so it is a warning here\.$/,
        },
      ],
    },
    {
      name: 'a time frame missing from a record first submitted on the FDAAA date is an error',
      record: submitted(
        planted(interventional, { [`${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`]: undefined }),
        '2007-09-27',
        '2022-08-10',
      ),
      errors: [{ pointer: `${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`, severity: 'error' }],
    },
    {
      name: 'a record being written (no submission dates) is held to every requirement',
      record: submitted(
        planted(observational, { [`${eligibility}/studyPopulation`]: undefined }),
        undefined,
        undefined,
      ),
      errors: [{ pointer: `${eligibility}/studyPopulation`, severity: 'error' }],
    },
    {
      name: 'enrollment missing from a record last updated before the Final Rule took effect is a warning',
      record: submitted(
        planted(interventional, { [`${design}/enrollmentInfo/count`]: undefined }),
        '2012-12-03',
        '2017-01-17',
      ),
      errors: [
        {
          pointer: `${design}/enrollmentInfo/count`,
          severity: 'warning',
          message:
            /The registry kept records last updated before 2017-01-18 without it, and this one was last updated 2017-01-17/,
        },
      ],
    },
    {
      name: 'enrollment missing from a record updated since the Final Rule took effect is an error',
      record: submitted(
        planted(interventional, { [`${design}/enrollmentInfo/count`]: undefined }),
        '2012-12-03',
        '2017-01-18',
      ),
      errors: [{ pointer: `${design}/enrollmentInfo/count`, severity: 'error' }],
    },
    {
      name: 'a Final Rule field missing from a record not updated since the rule took effect is a warning',
      record: submitted(
        planted(interventional, { [`${identification}/officialTitle`]: undefined }),
        '2016-12-01',
        '2016-12-01',
      ),
      errors: [
        {
          pointer: `${identification}/officialTitle`,
          severity: 'warning',
          message: /and this one was last updated 2016-12-01, so it is a warning here\.$/,
        },
      ],
    },
    {
      name: 'a start date of January 2017 without a day may be before the Final Rule date: a warning',
      record: planted(interventional, {
        [`${status}/startDateStruct/date`]: '2017-01',
        [`${identification}/officialTitle`]: undefined,
      }),
      errors: [
        {
          pointer: `${identification}/officialTitle`,
          severity: 'warning',
          message: /This study started 2017-01, which may be before that date, so it is a warning here\.$/,
        },
      ],
    },
    {
      name: 'the strict preset treats a legacy record as a new submission',
      options: { finalRule: 'always' },
      record: submitted(
        planted(interventional, { [`${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`]: undefined }),
        '2005-01-01',
        '2005-01-01',
      ),
      errors: [{ pointer: `${ps}/outcomesModule/secondaryOutcomes/1/timeFrame`, severity: 'error' }],
    },
  ],
});

/** The decisions on published records of the registry sample, as they are (nothing planted). */
describe('required-fields on published records of the registry sample', () => {
  function findingsOn(nctId: string) {
    return validateText(JSON.stringify(sampleRecord(nctId)), { today: '2026-12-07', rules: [rule] });
  }
  /** The severity of the finding about the field, alone or reported with others of its object. */
  const severityAt = (nctId: string, pointer: string) =>
    findingsOn(nctId).find((finding) => finding.pointer === pointer || finding.fields?.includes(pointer))?.severity;

  it('NCT00256399 (first submitted 2005, updated 2022): outcome time frames missing, kept by the registry, are warnings', () => {
    expect(severityAt('NCT00256399', `${ps}/outcomesModule/primaryOutcomes/0/timeFrame`)).toBe('warning');
    expect(severityAt('NCT00256399', `${ps}/outcomesModule/secondaryOutcomes/0/timeFrame`)).toBe('warning');
  });

  it('NCT00284960 (observational, first submitted 2006, updated 2017-08): study population and sampling method are warnings', () => {
    expect(severityAt('NCT00284960', `${eligibility}/studyPopulation`)).toBe('warning');
    expect(severityAt('NCT00284960', `${eligibility}/samplingMethod`)).toBe('warning');
  });

  it('NCT01742767 (last updated 2012): no enrollment, a warning', () => {
    expect(severityAt('NCT01742767', `${design}/enrollmentInfo`)).toBe('warning');
  });

  it('NCT02753764 (started 2017-01, no day): the Final Rule fields it lacks are warnings', () => {
    expect(severityAt('NCT02753764', `${status}/startDateStruct/type`)).toBe('warning');
    expect(severityAt('NCT02753764', `${ps}/oversightModule/isFdaRegulatedDrug`)).toBe('warning');
  });

  it('NCT03609918 (observational, started and updated after 2017-01-18): no healthy-volunteers answer, a warning', () => {
    expect(findingsOn('NCT03609918').map((finding) => [finding.pointer, finding.severity])).toEqual([
      [`${eligibility}/healthyVolunteers`, 'warning'],
    ]);
  });

  it('none of the published records of the sample gets an error', () => {
    const sample = sampleRecordNames().map((name) => name.replace(/\.json$/, ''));
    const withErrors = sample.filter((nctId) => findingsOn(nctId).some((finding) => finding.severity === 'error'));
    expect(withErrors).toEqual([]);
  });
});

describe('required-fields suggestions', () => {
  function findings(record: unknown) {
    return validateText(JSON.stringify(record, null, 2), { today: '2026-11-24', rules: [rule] });
  }

  it('offers an empty module skeleton holding the fields this study needs', () => {
    const [finding] = findings(planted(interventional, { [eligibility]: undefined }));
    expect(finding.suggestions?.[0].changes).toEqual([
      { op: 'set', pointer: eligibility, value: { eligibilityCriteria: '', sex: '' } },
    ]);
    expect(finding.fix).toBeUndefined();
  });

  it('offers an empty string for a missing text field and nothing for a missing yes/no answer', () => {
    const result = findings(
      planted(interventional, {
        [`${identification}/officialTitle`]: undefined,
        [`${eligibility}/healthyVolunteers`]: undefined,
      }),
    );
    expect(result.find((f) => f.pointer.endsWith('officialTitle'))?.suggestions?.[0].changes).toEqual([
      { op: 'set', pointer: `${identification}/officialTitle`, value: '' },
    ]);
    expect(result.find((f) => f.pointer.endsWith('healthyVolunteers'))?.suggestions).toBeUndefined();
  });

  it('reports the fields missing from one object together at its key, errors apart from warnings', () => {
    const text = JSON.stringify(
      planted(observational, {
        [`${eligibility}/studyPopulation`]: undefined,
        [`${eligibility}/samplingMethod`]: undefined,
        [`${eligibility}/healthyVolunteers`]: undefined,
      }),
      null,
      2,
    );
    const result = validateText(text, { today: '2026-11-24', rules: [rule] }).filter(
      (finding) => finding.ruleId === rule.meta.id,
    );
    expect(result.map((finding) => [finding.severity, finding.pointer, finding.fields])).toEqual([
      ['error', eligibility, [`${eligibility}/studyPopulation`, `${eligibility}/samplingMethod`]],
      ['warning', `${eligibility}/healthyVolunteers`, undefined],
    ]);
    const [together, alone] = result;
    expect(together.target).toBe('key');
    expect(together.range).toEqual(alone.range);
    // The fields have no place of their own (they are missing): no related places that all point at the key.
    expect(together.related).toBeUndefined();
    // One fix inserts both; then each blank is a finding at its own line, none is left on the module's key.
    expect(together.suggestions?.map((fix) => fix.title)).toEqual([
      'Insert the 2 missing fields',
      'Insert an empty "Study population"',
      'Insert an empty "Sampling method"',
    ]);
    const fixed = validateText(applyFix(text, together.suggestions![0]), { today: '2026-11-24', rules: [rule] });
    const errors = fixed.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => finding.pointer)).toEqual([
      `${eligibility}/studyPopulation`,
      `${eligibility}/samplingMethod`,
    ]);
    expect(new Set(errors.map((finding) => finding.range.start.line)).size).toBe(2);
    expect(errors.every((finding) => finding.range.start.line !== together.range.start.line)).toBe(true);
  });

  it('reports absent modules and fields at one key as one finding, whose fix inserts each absent module once', () => {
    const text = JSON.stringify(
      planted(interventional, { [identification]: undefined, [`${ps}/conditionsModule`]: undefined }),
      null,
      2,
    );
    const ofThisRule = (source: string) =>
      validateText(source, { today: '2026-11-24', rules: [rule] }).filter((f) => f.ruleId === rule.meta.id);
    const result = ofThisRule(text);
    expect(result).toHaveLength(1);
    const [finding] = result;
    expect(finding.pointer).toBe(ps);
    expect(finding.message).toMatch(
      /^Missing 4 required fields in "Protocol section": "Organization's unique protocol ID", "Brief title", "Official title" and "Conditions"\./,
    );
    expect(finding.fields).toEqual([
      `${identification}/orgStudyIdInfo/id`,
      `${identification}/briefTitle`,
      `${identification}/officialTitle`,
      `${ps}/conditionsModule/conditions`,
    ]);
    const [all, ...oneByOne] = finding.suggestions!;
    expect(all.changes.map((change) => ('pointer' in change ? change.pointer : undefined))).toEqual([
      identification,
      `${ps}/conditionsModule`,
    ]);
    expect(oneByOne).toHaveLength(2);
    // The blanks it writes are then reported at their own places (a list gets one blank entry to fill).
    expect(ofThisRule(applyFix(text, all)).map((f) => f.pointer)).toEqual([
      `${identification}/orgStudyIdInfo/id`,
      `${identification}/briefTitle`,
      `${identification}/officialTitle`,
    ]);
  });

  it('reports a missing field at its parent key in the text', () => {
    const [finding] = findings(planted(interventional, { [`${identification}/officialTitle`]: undefined }));
    expect(finding.target).toBe('value');
    expect(finding.range.start.line).toBeGreaterThan(0);
  });
});

describe('requirementFor (hover text)', () => {
  it('says a Final Rule field is required for a study that started after the date', () => {
    expect(requirementFor('protocolSection.identificationModule.officialTitle', interventional)).toBe(
      'Required for interventional and observational studies that started on or after 2017-01-18.',
    );
  });

  it('says it is only a warning for an older study', () => {
    expect(requirementFor('protocolSection.contactsLocationsModule.locations.zip', older)).toMatch(
      /^Required for locations in the United States of studies that started on or after 2017-01-18\. This study started 2015-09/,
    );
  });

  it('says when a field is not needed for this study type', () => {
    expect(requirementFor('protocolSection.designModule.designInfo.allocation', observational)).toBe(
      'Not needed for observational studies; required for interventional studies that started on or after 2017-01-18.',
    );
  });

  it('says why a published record is not asked whether its device is unapproved', () => {
    expect(
      requirementFor(
        'protocolSection.oversightModule.isUnapprovedDevice',
        planted(interventional, { [`${ps}/oversightModule/isFdaRegulatedDevice`]: true }),
      ),
    ).toBe(
      'Required for interventional studies that started on or after 2017-01-18 and study a U.S. FDA-regulated device. Published records show it only when the answer is Yes, so a published record without it may have answered No; it is reported in records not submitted yet.',
    );
  });

  it('gives an observational study its own healthy-volunteers requirement, and says when the registry kept a record without a field', () => {
    expect(requirementFor('protocolSection.eligibilityModule.healthyVolunteers', observational)).toBe(
      'Expected for observational studies.',
    );
    expect(requirementFor('protocolSection.eligibilityModule.healthyVolunteers', interventional)).toBe(
      'Required for interventional studies that started on or after 2017-01-18.',
    );
    expect(
      requirementFor(
        'protocolSection.outcomesModule.primaryOutcomes.timeFrame',
        submitted(interventional, '2005-09-13', '2021-01-28'),
      ),
    ).toBe(
      'Required for every primary outcome. The registry kept records first submitted before 2007-09-27 without it, and this one was first submitted 2005-09-13, so it is a warning here.',
    );
  });

  it('explains fields that other rules report too', () => {
    expect(requirementFor('protocolSection.designModule.phases', interventional)).toBe(
      'Expected for interventional studies. Use NA when no drug or biologic is studied.',
    );
    expect(
      requirementFor(
        'protocolSection.sponsorCollaboratorsModule.responsibleParty.investigatorAffiliation',
        corpusRecord('NCT00711542'),
      ),
    ).toBe('Required for all studies that name a principal investigator or sponsor-investigator as responsible party.');
  });

  it('summarises an object that holds required fields, and knows nothing of optional ones', () => {
    expect(requirementFor('protocolSection.statusModule.startDateStruct', interventional)).toBe(
      'Holds 2 fields this study needs; none is missing.',
    );
    const untyped = planted(interventional, { '/protocolSection/statusModule/startDateStruct/type': undefined });
    expect(requirementFor('protocolSection.statusModule.startDateStruct', untyped)).toBe(
      'Holds 2 fields this study needs; missing: "Study start date type".',
    );
    // A module of a record just begun: one line, however many fields are missing.
    const begun = { protocolSection: { designModule: { studyType: 'INTERVENTIONAL' } } };
    expect(requirementFor('protocolSection', begun)).toMatch(
      /^Holds \d+ fields this study needs; missing: "[^"]+", "[^"]+", "[^"]+" and \d+ more\.$/,
    );
    expect(requirementFor('protocolSection.identificationModule.acronym', interventional)).toBeUndefined();
  });

  it('names every requirement by a field of the study schema', () => {
    const unknown = REQUIREMENTS.map((requirement) => requirement.path.replace(/\[\]/g, '')).filter(
      (path) => schemaAt(`/${path.split('.').join('/')}`) === undefined,
    );
    expect(unknown).toEqual([]);
  });
});
