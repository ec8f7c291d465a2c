// The issue-18 protocol checks on the 820 published records of the registry sample: no errors, and
// exactly the warnings and infos listed here; the counts their docs quote as evidence are pinned too.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { SAMPLE_DIR, sampleRecordNames } from './fixtures';
import { groupFindings, rulesWithIds } from './corpus-findings';

const RULES = rulesWithIds([
  'phase-required',
  'recruiting-contact',
  'protocol-text-limits',
  'org-study-id-placeholder',
  'expanded-access-nct',
  'us-export-answered',
  'gender-description',
]);

const GENDER_BASED_WITHOUT_DESCRIPTION = [
  'NCT02730338',
  'NCT03323645',
  'NCT03518983',
  'NCT03641846',
  'NCT03671044',
  'NCT03733860',
  'NCT03784144',
  'NCT04114240',
  'NCT04172558',
  'NCT04179747',
  'NCT04374994',
  'NCT04434352',
  'NCT04762082',
  'NCT04861194',
  'NCT05363644',
  'NCT05366504',
  'NCT05446493',
  'NCT05574868',
  'NCT05877144',
  'NCT06056843',
  'NCT06079671',
  'NCT06397625',
];
// Not yet recruiting, with neither a central contact nor any site (last updated 2023-11, 2024-12, 2025-08).
const NO_ONE_TO_ASK = ['NCT06132438', 'NCT06672068', 'NCT07134413'];
// FDA-regulated drug, no U.S. site, isUsExport not answered: accepted, as under an IND.
const US_EXPORT_UNANSWERED = ['NCT01341548', 'NCT04282811', 'NCT04762082', 'NCT05605119', 'NCT07040059'];

const EXPECTED = [
  ...GENDER_BASED_WITHOUT_DESCRIPTION.map(
    (nct) => `${nct} warning gender-description /protocolSection/eligibilityModule/genderBased`,
  ),
  ...NO_ONE_TO_ASK.map(
    (nct) => `${nct} warning recruiting-contact /protocolSection/contactsLocationsModule/centralContacts`,
  ),
  ...US_EXPORT_UNANSWERED.map((nct) => `${nct} info us-export-answered /protocolSection/oversightModule/isUsExport`),
].sort();

const names = sampleRecordNames();
const records = names.map((name) => JSON.parse(readFileSync(join(SAMPLE_DIR, name), 'utf8')) as Record<string, any>);

describe('issue-18 protocol checks on the registry sample', () => {
  it('find no error and exactly the listed warnings and infos', () => {
    const findings = names.flatMap((name) =>
      groupFindings(RULES, join(SAMPLE_DIR, name)).map(
        (finding) => `${name.replace('.json', '')} ${finding.severity} ${finding.ruleId} ${finding.pointer}`,
      ),
    );
    expect(findings.sort()).toEqual(EXPECTED);
  });

  it('phase: every interventional record gives one, all 356 with a drug or biological among them', () => {
    const interventional = records.filter(
      (record) => record.protocolSection.designModule?.studyType === 'INTERVENTIONAL',
    );
    const products = interventional.filter((record) =>
      (record.protocolSection.armsInterventionsModule?.interventions ?? []).some(
        (item: { type?: string }) => item.type === 'DRUG' || item.type === 'BIOLOGICAL',
      ),
    );
    expect([interventional.length, products.length]).toEqual([651, 356]);
    expect(interventional.filter((record) => !(record.protocolSection.designModule.phases?.length > 0))).toEqual([]);
  });

  it('recruiting contact: 287 recruiting or not-yet-recruiting records, 271 with a central contact', () => {
    const open = records.filter((record) =>
      ['RECRUITING', 'NOT_YET_RECRUITING'].includes(record.protocolSection.statusModule.overallStatus),
    );
    const withCentral = open.filter(
      (record) => (record.protocolSection.contactsLocationsModule?.centralContacts ?? []).length > 0,
    );
    expect([open.length, withCentral.length]).toEqual([287, 271]);
  });

  it('expanded access: 4 records offer it, all 4 with the NCT number', () => {
    const offered = records
      .map((record) => record.protocolSection.statusModule.expandedAccessInfo)
      .filter((info) => info?.hasExpandedAccess === true);
    expect([offered.length, offered.filter((info) => info.nctId).length]).toEqual([4, 4]);
  });

  it('gender: 65 records set genderBased, 22 of them without a description', () => {
    const flagged = records
      .map((record) => record.protocolSection.eligibilityModule)
      .filter((criteria) => criteria?.genderBased === true);
    expect([flagged.length, flagged.filter((criteria) => !criteria.genderDescription?.trim()).length]).toEqual([
      65, 22,
    ]);
  });
});
