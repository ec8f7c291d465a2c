// PRS XML -> trial record + sidecar, field by field on public PRS files, and the reader's refusals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, importText } from '../../../server/src/importers';
import { MAX_XML_BYTES, readXml, XmlReadError } from '../../../server/src/prs/xml';
import { FORMATS_DIR } from './helpers';

function prsFile(name: string): string {
  return readFileSync(join(FORMATS_DIR, 'prs-xml', name), 'utf8');
}

function importPrs(name: string) {
  const result = importText(prsFile(name), name);
  expect(result.format).toBe('prs-xml');
  expect(result.records).toHaveLength(1);
  return { ...result.records[0], warnings: result.warnings };
}

describe('import PRS XML: a PRS download (prs:study_collection, eudract test study)', () => {
  const { record, sidecar, warnings, fileName } = importPrs('shug0131__eudract_pkg__inst_extdata_1234.xml') as any;
  const protocol = record.protocolSection;

  it.each([
    ['identificationModule.orgStudyIdInfo.id', '1234'],
    ['identificationModule.briefTitle', 'Test Study for my tool'],
    ['identificationModule.acronym', 'TEST'],
    ['statusModule.overallStatus', 'COMPLETED'],
    ['statusModule.statusVerifiedDate', '2021-07'],
    ['statusModule.startDateStruct', { date: '2020-01-01', type: 'ACTUAL' }],
    ['statusModule.primaryCompletionDateStruct', { date: '2021-01-01', type: 'ACTUAL' }],
    ['statusModule.completionDateStruct', { date: '2021-02-01', type: 'ACTUAL' }],
    ['sponsorCollaboratorsModule.leadSponsor', { name: 'Cambridge University Hospitals NHS Foundation Trust' }],
    ['sponsorCollaboratorsModule.responsibleParty.type', 'PRINCIPAL_INVESTIGATOR'],
    ['oversightModule', { oversightHasDmc: false, isFdaRegulatedDrug: false, isFdaRegulatedDevice: false }],
    ['designModule.phases', ['PHASE2']],
    [
      'designModule.designInfo',
      {
        allocation: 'RANDOMIZED',
        interventionModel: 'PARALLEL',
        primaryPurpose: 'TREATMENT',
        maskingInfo: { masking: 'NONE' },
      },
    ],
    ['designModule.enrollmentInfo', { count: 400, type: 'ACTUAL' }],
    ['conditionsModule.conditions', ['Vasculitis']],
    [
      'armsInterventionsModule.armGroups',
      [
        { label: 'Control', type: 'NO_INTERVENTION' },
        { label: 'Ritazarem', type: 'EXPERIMENTAL', interventionNames: ['Drug: ritazarem'] },
      ],
    ],
    [
      'eligibilityModule.eligibilityCriteria',
      'Inclusion Criteria:\r\n  - Vasculitis\r\n\r\nExclusion Criteria:\r\n  - ',
    ],
    ['eligibilityModule.minimumAge', '18 Years'],
    ['eligibilityModule.maximumAge', undefined],
    ['eligibilityModule.sex', 'ALL'],
    [
      'contactsLocationsModule.centralContacts',
      [{ name: 'Simon Bond', role: 'CONTACT', phone: '+441223596475', email: 'simon.bond@addenbrookes.nhs.uk' }],
    ],
    ['contactsLocationsModule.locations.0.facility', 'Cambridge Clinical Trials Unit'],
    ['contactsLocationsModule.locations.0.status', 'COMPLETED'],
    ['ipdSharingStatementModule', { ipdSharing: 'NO' }],
  ])('%s', (path, value) => {
    expect(path.split('.').reduce<any>((holder, key) => holder?.[key], protocol)).toEqual(value);
  });

  it('puts the PRS-only fields into the sidecar', () => {
    expect(sidecar).toEqual({
      orgName: 'AddenbrookesH',
      responsibleInvestigatorUsername: 'djayne',
      humanSubjectsReview: { status: 'Exempt' },
      isIndStudy: false,
    });
  });

  it('names the record after its title and warns about each element it cannot place', () => {
    expect(fileName).toBe('test-study-for-my-tool.trial.json');
    expect(warnings.map((warning: { line: number; message: string }) => `${warning.line}: ${warning.message}`)).toEqual(
      [
        '5: <clinical_study/id_info/provider_name> has no place in a v2 record; it was not imported.',
        '6: <clinical_study/id_info/provider_study_id> has no place in a v2 record; it was not imported.',
        '10: <clinical_study/is_fda_regulated> has no place in a v2 record; it was not imported.',
        '11: <clinical_study/is_section_801> has no place in a v2 record; it was not imported.',
      ],
    );
  });

  it('reads the CRLF copy of the same download to the same record', () => {
    expect(importPrs('cran__eudract__inst_extdata_1234.xml').record).toEqual(record);
  });
});

describe('import PRS XML: an unprefixed study_collection (spiritR)', () => {
  const { record, sidecar, warnings } = importPrs('awconway__spiritR__inst_extdata_ctxmltest.xml') as any;
  const protocol = record.protocolSection;

  it('reads the protocol fields', () => {
    expect(protocol.identificationModule).toEqual({
      orgStudyIdInfo: { id: 'Foo trial 20190311' },
      briefTitle: 'Foo trial to test auto upload 20190311',
      officialTitle: 'Foo trial to test auto upload: A randomized trial new 20190311',
      acronym: 'N/A',
    });
    expect(protocol.statusModule.overallStatus).toBe('NOT_YET_RECRUITING');
    expect(protocol.statusModule.startDateStruct).toEqual({ date: '2019-10', type: 'ESTIMATED' });
    expect(protocol.designModule.phases).toEqual(['NA']);
    expect(protocol.designModule.designInfo.interventionModel).toBe('PARALLEL');
    expect(protocol.designModule.designInfo.maskingInfo).toEqual({
      masking: 'TRIPLE',
      whoMasked: ['PARTICIPANT', 'CARE_PROVIDER', 'INVESTIGATOR'],
    });
    expect(protocol.eligibilityModule).toEqual({
      eligibilityCriteria: 'details',
      healthyVolunteers: false,
      sex: 'ALL',
      genderBased: false,
    });
    expect(protocol.contactsLocationsModule.centralContacts).toEqual([
      { name: 'Aaron Conway, PhD', role: 'CONTACT', phone: '649-728-8499', email: 'dhsksj@hfhfk.com' },
    ]);
    expect(protocol.ipdSharingStatementModule.infoTypes).toEqual([
      'STUDY_PROTOCOL',
      'SAP',
      'ICF',
      'CSR',
      'ANALYTIC_CODE',
    ]);
  });

  it('keeps the investigator user name in the sidecar', () => {
    expect(sidecar).toEqual({ orgName: 'UHNToronto', responsibleInvestigatorUsername: 'aconway' });
  });

  it('warns about misspelt elements and values outside the picklists, by line', () => {
    expect(warnings.map((warning: { line: number; message: string }) => `${warning.line}: ${warning.message}`)).toEqual(
      [
        '54: <clinical_study/prim_compl_date> has no place in a v2 record; it was not imported.',
        '71: <clinical_study/study_design/interventional_design/masked_assesor> has no place in a v2 record; it was not imported.',
        '109: <role> "fhdjhsfjk" is not one of Principal Investigator, Study Chair, Study Director; it was not imported.',
      ],
    );
  });
});

describe('import PRS XML: a results upload (eudract table_ct)', () => {
  const { record } = importPrs('shug0131__eudract_pkg__tests_testthat_table_ct.xml') as any;
  const events = record.resultsSection.adverseEventsModule;

  it('reads the reporting groups with their ids and counts', () => {
    expect(events.eventGroups).toEqual([
      {
        id: 'idm3',
        title: 'Control',
        description: 'Control',
        deathsNumAffected: 9,
        deathsNumAtRisk: 67,
        seriousNumAffected: 15,
        seriousNumAtRisk: 67,
        otherNumAffected: 15,
        otherNumAtRisk: 67,
      },
      {
        id: 'idm10',
        title: 'Experimental',
        description: expect.any(String),
        deathsNumAffected: 22,
        deathsNumAtRisk: 60,
        seriousNumAffected: expect.any(Number),
        seriousNumAtRisk: 60,
        otherNumAffected: expect.any(Number),
        otherNumAtRisk: 60,
      },
    ]);
  });

  it('reads every event with its per-group statistics, and the module-wide assessment type', () => {
    expect(events.seriousEvents).toHaveLength(43);
    expect(events.otherEvents).toHaveLength(41);
    expect(events.otherEvents[0]).toEqual({
      term: 'Abdominal pain',
      organSystem: 'Gastrointestinal disorders',
      sourceVocabulary: 'MedDRA 22.0',
      assessmentType: 'NON_SYSTEMATIC_ASSESSMENT',
      notes: 'Abdominal pain',
      stats: [
        { groupId: 'idm3', numEvents: 0, numAffected: 0, numAtRisk: 67 },
        { groupId: 'idm10', numEvents: 1, numAffected: 1, numAtRisk: 60 },
      ],
    });
    expect(events.frequencyThreshold).toBe('0.0');
    expect(events.allCauseMortalityComment).toBe('all-cause mortality');
  });

  it('reads the outcome measure', () => {
    expect(record.resultsSection.outcomeMeasuresModule.outcomeMeasures).toEqual([
      { type: 'PRIMARY', title: 'Time to relapse' },
    ]);
  });
});

describe('import PRS XML: a partial upload', () => {
  it('warns that the fields it leaves out are not empty but kept in PRS', () => {
    const text =
      '<?xml version="1.0"?>\n<study_collection>\n  <clinical_study partial_upload="true">\n    <id_info><org_name>Org</org_name><org_study_id>7</org_study_id></id_info>\n    <brief_title>Only the title</brief_title>\n  </clinical_study>\n</study_collection>\n';
    const result = importText(text, 'partial.xml');
    expect(result.records[0].record).toEqual({
      protocolSection: { identificationModule: { orgStudyIdInfo: { id: '7' }, briefTitle: 'Only the title' } },
    });
    expect(result.warnings).toEqual([
      {
        line: 3,
        message:
          'this is a partial upload (partial_upload="true"): what it leaves out was to stay as it was in PRS, so the imported record lacks those fields.',
      },
    ]);
  });
});

describe('reading XML safely', () => {
  function refusal(text: string): string {
    try {
      importText(text, 'input.xml');
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as Error).message;
    }
    throw new Error('the import did not refuse the file');
  }

  it('refuses malformed XML with the line', () => {
    expect(refusal('<?xml version="1.0"?>\n<study_collection>\n  <clinical_study>\n</study_collection>\n')).toBe(
      'input.xml: could not read it as prs-xml: line 4: </study_collection> where </clinical_study> was expected.',
    );
  });

  it('refuses an XML file with a different root element', () => {
    expect(refusal('<?xml version="1.0"?>\n<catalog><book/></catalog>\n')).toBe(
      'input.xml: an XML file whose root element is <catalog>; PRS XML has <study_collection>, classic XML <clinical_study>.',
    );
  });

  it('refuses an entity-expansion bomb without expanding anything', () => {
    const bomb = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE study_collection [',
      '  <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, level) => `  <!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`,
      ),
      ']>',
      '<study_collection><clinical_study><brief_title>&lol9;</brief_title></clinical_study></study_collection>',
    ].join('\n');
    const started = Date.now();
    expect(refusal(bomb)).toBe(
      'input.xml: could not read it as prs-xml: line 2: the file has a DOCTYPE declaration; PRS and classic XML have none, and its entities are never expanded, so the file is not read.',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses an external entity, so no other file is read', () => {
    const external =
      '<?xml version="1.0"?>\n<!DOCTYPE study_collection [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>\n<study_collection><clinical_study><brief_title>&secret;</brief_title></clinical_study></study_collection>';
    expect(refusal(external)).toMatch(/line 2: the file has a DOCTYPE declaration/);
    expect(refusal(external)).not.toMatch(/root:/);
  });

  it('detects the format in linear time, even behind thousands of comments', () => {
    const started = Date.now();
    expect(() => importText(`${'<!---->'.repeat(9000)}x`, 'comments.xml')).toThrow(ImportError);
    expect(() =>
      importText(`<?xml version="1.0"?>${'<!---->'.repeat(9000)}<study_collection/>`, 'comments.xml'),
    ).toThrow(/holds no <clinical_study>/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('answers every damaged copy of a PRS file with a record or an ImportError, never a crash', () => {
    const original = prsFile('shug0131__eudract_pkg__inst_extdata_1234.xml');
    let seed = 22;
    const random = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    const markup = '<>&;"\'/!?-[]=x ';
    for (let round = 0; round < 300; round++) {
      let text = original;
      for (let edit = 0; edit < 1 + random(4); edit++) {
        const at = random(text.length);
        text =
          random(2) === 0
            ? text.slice(0, at) + markup[random(markup.length)] + text.slice(at)
            : text.slice(0, at) + text.slice(at + 1 + random(20));
      }
      try {
        importText(text, 'damaged.xml');
      } catch (error) {
        expect(error, text).toBeInstanceOf(ImportError);
      }
    }
  });

  it('refuses a reference to an entity nobody declared', () => {
    expect(
      refusal(
        '<?xml version="1.0"?>\n<study_collection>\n<clinical_study><brief_title>&secret;</brief_title></clinical_study></study_collection>',
      ),
    ).toBe(
      'input.xml: could not read it as prs-xml: line 3: the entity &secret; is not one XML predefines; entities are not expanded.',
    );
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = `<?xml version="1.0"?><study_collection><clinical_study><brief_summary><textblock>${'x'.repeat(MAX_XML_BYTES)}</textblock></brief_summary></clinical_study></study_collection>`;
    expect(refusal(huge)).toBe(
      'input.xml: could not read it as prs-xml: the file is larger than 50 MB; it is not read.',
    );
  });

  it('reads character references, CDATA and predefined entities', () => {
    const root = readXml('<a x="&quot;1&quot;"><b>&lt;&#65;&#x42;&amp;</b><c><![CDATA[<raw> & ]]></c></a>');
    expect(root.attributes.x).toBe('"1"');
    expect(root.children.map((child) => child.text)).toEqual(['<AB&', '<raw> & ']);
  });

  it('refuses text after the root and a second root', () => {
    expect(() => readXml('<a/>\n<b/>')).toThrow(new XmlReadError('line 2: a second root element; XML has one.'));
    expect(() => readXml('<a/>trailing')).toThrow(XmlReadError);
  });
});
