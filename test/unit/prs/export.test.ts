// v2 -> PRS upload: each field's element and value, the findings for what PRS needs, escaping, and the XSD check.
import { describe, expect, it } from 'vitest';
import { toPrsDocument } from '../../../server/src/prs/to-prs';
import { validatePrsXml } from '../../../server/src/prs/validate';
import { readXml, serialize } from '../../../server/src/prs/xml';
import { planted, sampleRecord } from '../rules/fixtures';
import { elementAt, exportXml, FULL_FACTS, roundTrip, textOf } from './helpers';

// A completed, randomized interventional study with results (Fox Chase Cancer Center).
const BASE = sampleRecord('NCT00084552');
const P = '/protocolSection';

function exported(record: Record<string, unknown>) {
  return readXml(exportXml(record));
}

describe('export to PRS: one element per field', () => {
  const cases: Array<{ name: string; changes: Record<string, unknown>; path: string; text: string | undefined }> = [
    { name: 'org_name from the sidecar', changes: {}, path: 'clinical_study/id_info/org_name', text: 'TestOrg' },
    { name: 'org_study_id', changes: {}, path: 'clinical_study/id_info/org_study_id', text: '03-028' },
    {
      name: 'secondary id type',
      changes: { [`${P}/identificationModule/secondaryIdInfos`]: [{ id: '2020-001234-56', type: 'EUDRACT_NUMBER' }] },
      path: 'clinical_study/id_info/secondary_id/id_type',
      text: 'EudraCT Number',
    },
    {
      name: 'recruitment status label',
      changes: { [`${P}/statusModule/overallStatus`]: 'ACTIVE_NOT_RECRUITING' },
      path: 'clinical_study/overall_status',
      text: 'Active, not recruiting',
    },
    {
      name: 'expanded access status goes to its own element',
      changes: { [`${P}/statusModule/overallStatus`]: 'AVAILABLE' },
      path: 'clinical_study/expanded_access_status',
      text: 'Available',
    },
    {
      name: 'UNKNOWN status sends the last known one',
      changes: { [`${P}/statusModule/overallStatus`]: 'UNKNOWN', [`${P}/statusModule/lastKnownStatus`]: 'RECRUITING' },
      path: 'clinical_study/overall_status',
      text: 'Recruiting',
    },
    {
      name: 'partial start date kept as written',
      changes: { [`${P}/statusModule/startDateStruct`]: { date: '2024-03', type: 'ESTIMATED' } },
      path: 'clinical_study/start_date',
      text: '2024-03',
    },
    {
      name: 'estimated date type is Anticipated',
      changes: { [`${P}/statusModule/startDateStruct`]: { date: '2024-03', type: 'ESTIMATED' } },
      path: 'clinical_study/start_date_type',
      text: 'Anticipated',
    },
    {
      name: 'completion date is last_follow_up_date',
      changes: {},
      path: 'clinical_study/last_follow_up_date',
      text: '2016-05-05',
    },
    {
      name: 'two phases joined by /',
      changes: { [`${P}/designModule/phases`]: ['PHASE1', 'PHASE2'] },
      path: 'clinical_study/study_design/interventional_design/phase',
      text: 'Phase 1/Phase 2',
    },
    {
      name: 'phase NA is N/A',
      changes: {},
      path: 'clinical_study/study_design/interventional_design/phase',
      text: 'N/A',
    },
    {
      name: 'allocation',
      changes: { [`${P}/designModule/designInfo/allocation`]: 'NON_RANDOMIZED' },
      path: 'clinical_study/study_design/interventional_design/allocation',
      text: 'Non-randomized',
    },
    {
      name: 'who is masked',
      changes: {},
      path: 'clinical_study/study_design/interventional_design/masked_subject',
      text: 'yes',
    },
    {
      name: 'who is not masked',
      changes: {},
      path: 'clinical_study/study_design/interventional_design/masked_assessor',
      text: 'no',
    },
    { name: 'enrollment count', changes: {}, path: 'clinical_study/enrollment', text: '116' },
    {
      name: 'intervention type',
      changes: { [`${P}/armsInterventionsModule/interventions/0/type`]: 'BIOLOGICAL' },
      path: 'clinical_study/intervention/intervention_type',
      text: 'Biological/Vaccine',
    },
    {
      name: 'intervention -> arm cross reference',
      changes: {},
      path: 'clinical_study/intervention/arm_group_label',
      text: 'Arm I',
    },
    { name: 'no maximum age is N/A', changes: {}, path: 'clinical_study/eligibility/maximum_age', text: 'N/A' },
    { name: 'minimum age', changes: {}, path: 'clinical_study/eligibility/minimum_age', text: '18 Years' },
    { name: 'site address', changes: {}, path: 'clinical_study/location/facility/address/state', text: 'Pennsylvania' },
    {
      name: 'IPD sharing',
      changes: { [`${P}/ipdSharingStatementModule`]: { ipdSharing: 'YES', infoTypes: ['SAP'] } },
      path: 'clinical_study/ipd_sharing_statement/ipd_info_type_sap',
      text: 'yes',
    },
    {
      name: 'results reference',
      changes: { [`${P}/referencesModule`]: { references: [{ pmid: '123', type: 'RESULT', citation: 'A paper.' }] } },
      path: 'clinical_study/reference/is_results_ref',
      text: 'yes',
    },
    {
      name: 'human subjects review from the sidecar',
      changes: {},
      path: 'clinical_study/oversight_info/irb_info/approval_status',
      text: 'Approved',
    },
    {
      name: 'results: outcome measure type',
      changes: {},
      path: 'clinical_study/result/outcomeMeasures/outcomeMeasure/measureType',
      text: 'Primary',
    },
  ];
  it.each(cases)('$name', ({ changes, path, text }) => {
    expect(textOf(exported(planted(BASE, changes)), path)).toBe(text);
  });

  it('makes the v2 outcome group ids unique per document (OM1.OG000) and takes them back off on import', () => {
    const root = exported(BASE);
    const group = elementAt(
      root,
      'clinical_study/result/outcomeMeasures/outcomeMeasure/outcomeReportingGroups/outcomeReportingGroup',
    );
    expect(group?.attributes.id).toBe('OM1.OG000');
    const measures = (roundTrip(BASE).resultsSection as any).outcomeMeasuresModule.outcomeMeasures;
    expect(measures[0].groups[0].id).toBe('OG000');
  });

  it('carries the anticipated posting date of an outcome measure as month and year', () => {
    const record = planted(BASE, {
      '/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/anticipatedPostingDate': '2027-03',
    });
    expect(
      textOf(
        exported(record),
        'clinical_study/result/outcomeMeasures/outcomeMeasure/anticipatedResultPostingDate/month',
      ),
    ).toBe('03');
    expect(
      (roundTrip(record).resultsSection as any).outcomeMeasuresModule.outcomeMeasures[0].anticipatedPostingDate,
    ).toBe('2027-03');
  });

  it('reports results comments the schema has no element for as left out', () => {
    const record = planted(BASE, {
      '/resultsSection/participantFlowModule/periods/0/dropWithdraws': [
        { type: 'Death', comment: 'one before dosing', reasons: [{ groupId: 'FG000', numSubjects: '1' }] },
      ],
    });
    expect(toPrsDocument(record, FULL_FACTS).findings).toEqual([
      expect.objectContaining({
        pointer: '/resultsSection/participantFlowModule/periods/0/dropWithdraws/0/comment',
        kind: 'left-out',
      }),
    ]);
  });

  it('writes no result element for a record without results', () => {
    const root = exported(planted(BASE, { '/resultsSection': undefined }));
    expect(elementAt(root, 'clinical_study/result')).toBeUndefined();
  });
});

describe('export to PRS: findings', () => {
  it('names each PRS-required value that neither the record nor the sidecar gives', () => {
    const { findings } = toPrsDocument(planted(BASE, { [`${P}/designModule/designInfo/allocation`]: undefined }), {});
    expect(findings.filter((finding) => finding.kind === 'missing').map((finding) => finding.pointer)).toEqual([
      'sidecar:/orgName',
      'sidecar:/humanSubjectsReview/status',
      `${P}/designModule/designInfo/allocation`,
    ]);
    expect(findings[0].message).toBe(
      'The PRS organization name (orgName in the .prs.json sidecar or prs.orgName in the config) is required by PRS (org_name) and neither the sidecar nor the config gives it.',
    );
  });

  it('asks for the investigator user name when the responsible party is an investigator', () => {
    const record = planted(BASE, {
      [`${P}/sponsorCollaboratorsModule/responsibleParty`]: {
        type: 'PRINCIPAL_INVESTIGATOR',
        investigatorFullName: 'Jane Doe',
      },
    });
    const { findings } = toPrsDocument(record, { orgName: 'X', humanSubjectsReview: { status: 'Approved' } });
    expect(findings.map((finding) => finding.pointer)).toContain('sidecar:/responsibleInvestigatorUsername');
  });

  it('asks whether an FDA-regulated study has an IND/IDE', () => {
    const record = planted(BASE, { [`${P}/oversightModule/isFdaRegulatedDrug`]: true });
    const { findings } = toPrsDocument(record, { orgName: 'X', humanSubjectsReview: { status: 'Approved' } });
    expect(findings.map((finding) => finding.pointer)).toContain('sidecar:/isIndStudy');
  });

  it('refuses a code PRS has no value for, naming the field', () => {
    const { findings } = toPrsDocument(
      planted(BASE, { [`${P}/armsInterventionsModule/armGroups/0/type`]: 'CONTROL' }),
      FULL_FACTS,
    );
    expect(findings).toEqual([
      {
        pointer: `${P}/armsInterventionsModule/armGroups/0/type`,
        kind: 'unmappable',
        message:
          '"CONTROL" has no PRS value; PRS takes EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR, NO_INTERVENTION, OTHER.',
      },
    ]);
  });

  it('reports site contacts beyond the contact and its backup as left out', () => {
    const contacts = [1, 2, 3].map((number) => ({ name: `Contact ${number}`, role: 'CONTACT' }));
    const { findings } = toPrsDocument(
      planted(BASE, { [`${P}/contactsLocationsModule/locations/0/contacts`]: contacts }),
      FULL_FACTS,
    );
    expect(findings).toEqual([
      expect.objectContaining({ pointer: `${P}/contactsLocationsModule/locations/0/contacts`, kind: 'left-out' }),
    ]);
  });

  it('reports expanded access availability as left out when the sidecar has no IND/IDE to carry it', () => {
    const record = planted(BASE, { [`${P}/statusModule/expandedAccessInfo/hasExpandedAccess`]: true });
    const { findings } = toPrsDocument(record, { orgName: 'X', humanSubjectsReview: { status: 'Approved' } });
    expect(findings).toEqual([
      expect.objectContaining({ pointer: `${P}/statusModule/expandedAccessInfo`, kind: 'left-out' }),
    ]);
  });

  it('sends a test without an estimate (a p-value only) with an empty parameter type, and asks for it with an estimate', async () => {
    // NCT00238238's two analyses give a p-value and a method only, as 87 sample analyses do.
    const testOnly = sampleRecord('NCT00238238');
    const { findings } = toPrsDocument(testOnly, FULL_FACTS);
    expect(findings.filter((finding) => finding.pointer.endsWith('/paramType'))).toEqual([]);
    const xml = exportXml(testOnly);
    expect(xml.match(/<parameterType\/>|<parameterType><\/parameterType>/g)).toHaveLength(2);
    expect(await validatePrsXml([{ fileName: 'test-only', xml }])).toEqual([]);
    const analysis = '/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/analyses/0';
    const estimated = planted(testOnly, { [`${analysis}/paramValue`]: '1.8' });
    expect(toPrsDocument(estimated, FULL_FACTS).findings).toEqual([
      expect.objectContaining({ pointer: `${analysis}/paramType`, kind: 'missing' }),
    ]);
  }, 30_000);

  it('has no finding for a complete record with full PRS facts', () => {
    expect(toPrsDocument(BASE, FULL_FACTS).findings).toEqual([]);
  });
});

describe('export to PRS: escaping', () => {
  const awkward = 'Ratio < 1 & "dose" > 2 ]]> \u2013 done';

  it('escapes markup characters in text and brings them back unchanged', () => {
    const record = planted(BASE, {
      [`${P}/identificationModule/briefTitle`]: awkward,
      [`${P}/descriptionModule/briefSummary`]: 'line 1\r\nline 2 <b>',
    });
    const xml = exportXml(record);
    expect(xml).toContain('<brief_title>Ratio &lt; 1 &amp; "dose" &gt; 2 ]]&gt; \u2013 done</brief_title>');
    const back = roundTrip(record) as any;
    expect(back.protocolSection.identificationModule.briefTitle).toBe(awkward);
    expect(back.protocolSection.descriptionModule.briefSummary).toBe('line 1\r\nline 2 <b>');
  });

  it('drops characters XML 1.0 cannot carry instead of writing a broken document', () => {
    const xml = exportXml(planted(BASE, { [`${P}/identificationModule/acronym`]: 'A\u0001B' }));
    expect(xml).toContain('<acronym>AB</acronym>');
  });

  it('escapes attribute values (group ids)', () => {
    const record = planted(BASE, { '/resultsSection/adverseEventsModule/eventGroups/0/id': 'EG"0<' });
    expect(serialize(toPrsDocument(record, FULL_FACTS).root)).toContain('id="EG&quot;0&lt;"');
  });
});

describe('export to PRS: XSD validation', () => {
  it('accepts a complete export', async () => {
    expect(await validatePrsXml([{ fileName: 'ok', xml: exportXml(BASE) }])).toEqual([]);
  }, 30_000);

  it('reports what the schema refuses: two baseline groups with one id, a count that refers to no group', async () => {
    const record = planted(BASE, { '/resultsSection/baselineCharacteristicsModule/groups/1/id': 'BG000' });
    const problems = await validatePrsXml([{ fileName: 'twice', xml: exportXml(record) }]);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.fileName === 'twice')).toBe(true);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/BG000/);
  }, 30_000);
});
