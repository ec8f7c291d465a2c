// The required-field, outcome and eligibility rules on every real record and every seed: no error
// on records the registry accepted, and exactly the warnings and hints listed here, each explained.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CORPUS_DIR } from './fixtures';
import { groupFindings, recordNames, rulesWithIds, SEEDS_DIR } from './corpus-findings';

const RULES = rulesWithIds([
  'required-fields',
  'responsible-party-investigator',
  'secondary-id-fields',
  'drug-other-names',
  'central-contact',
  'primary-outcome-required',
  'outcome-specificity',
  'outcome-time-frame',
  'age-range',
  'std-ages',
  'gender-description',
  'eligibility-sections',
]);

const PS = '/protocolSection';
const OLDER_STUDY = [
  // Studies that started before 2017-01-18 were accepted without the Final Rule fields.
  `warning required-fields ${PS}/statusModule/startDateStruct/type`,
  // Both FDA questions of the oversight module, reported together at its key.
  `warning required-fields ${PS}/oversightModule`,
];

/** Every finding expected on the accepted records: none is an error. */
const ACCEPTED: Record<string, string[]> = {
  // 2004: no oversight module, no outcomes at all, no start date type, an intervention without description.
  NCT00184067: [
    `warning required-fields ${PS}/oversightModule`,
    `warning required-fields ${PS}/statusModule/startDateStruct/type`,
    `warning required-fields ${PS}/armsInterventionsModule/interventions/0/description`,
    `warning primary-outcome-required ${PS}/outcomesModule/primaryOutcomes`,
  ],
  NCT00711542: OLDER_STUDY,
  // 2006: answers the FDA questions already; only the start date type is missing.
  NCT00763412: [`warning required-fields ${PS}/statusModule/startDateStruct/type`],
  NCT00973089: OLDER_STUDY,
  // 2014: its 42 U.S. sites have neither facility names nor ZIP codes (one warning each for the list).
  NCT02210780: [
    `warning required-fields ${PS}/oversightModule`,
    `warning required-fields ${PS}/contactsLocationsModule/locations`,
    `warning required-fields ${PS}/contactsLocationsModule/locations`,
  ],
  NCT02299791: OLDER_STUDY,
  // 2015: both drugs lack descriptions and other names ("Palbociclib" has a brand name it does not list).
  NCT02513394: [
    ...OLDER_STUDY,
    `warning required-fields ${PS}/armsInterventionsModule/interventions`,
    `hint drug-other-names ${PS}/armsInterventionsModule/interventions/0/otherNames`,
    `hint drug-other-names ${PS}/armsInterventionsModule/interventions/1/otherNames`,
  ],
  // 2015: 36 U.S. sites without ZIP codes.
  NCT02552212: [
    `warning required-fields ${PS}/oversightModule`,
    `warning required-fields ${PS}/contactsLocationsModule/locations`,
  ],
  // The source fixture cut the eligibility text after "1. Male participants...": no exclusion part is left.
  NCT03418623: [
    `hint drug-other-names ${PS}/armsInterventionsModule/interventions/0/otherNames`,
    `warning eligibility-sections ${PS}/eligibilityModule/eligibilityCriteria`,
  ],
  // The backup central contact is a name without phone or email.
  NCT03475563: [`warning central-contact ${PS}/contactsLocationsModule/centralContacts/1`],
  NCT03630471: [],
  // The investigational drug Abexinostat lists no other names.
  NCT03934567: [`hint drug-other-names ${PS}/armsInterventionsModule/interventions/0/otherNames`],
  // Outcomes titled "Primary Outcome" and "Secondary Outcome".
  NCT04207047: [
    `warning outcome-specificity ${PS}/outcomesModule/primaryOutcomes/0/measure`,
    `warning outcome-specificity ${PS}/outcomesModule/secondaryOutcomes/0/measure`,
  ],
  // Exclusions are written as negated inclusion criteria ("No prior ..."), so no exclusion heading is expected.
  NCT04267848: [],
  // The code-named drug APG2575 lists no other names.
  NCT05147467: [`hint drug-other-names ${PS}/armsInterventionsModule/interventions/0/otherNames`],
  NCT05594173: [],
  // The source fixture cut the eligibility text after "* Patient over 18 years...".
  NCT06171568: [`warning eligibility-sections ${PS}/eligibilityModule/eligibilityCriteria`],
};

/** Every finding expected on the seeds; each names a field the record really lacks or a real gap. */
const SEEDS: Record<string, string[]> = {
  // Built from a page without title, conditions, design details or date types.
  'NCT05765006.trial.json': [
    // Brief and official title, reported together at the module's key.
    `error required-fields ${PS}/identificationModule`,
    `error required-fields ${PS}/statusModule/startDateStruct/type`,
    `error required-fields ${PS}/sponsorCollaboratorsModule/responsibleParty/type`,
    `error required-fields ${PS}/conditionsModule/conditions`,
    `error required-fields ${PS}/designModule/designInfo`,
    `error required-fields ${PS}/designModule/enrollmentInfo/type`,
    // Interventional with an intervention but no arms.
    `warning required-fields ${PS}/armsInterventionsModule/armGroups`,
  ],
  // Built from a page without outcomes, FDA answers, dates' types or a contact email.
  'NCT06375005.trial.json': [
    `error required-fields ${PS}/identificationModule/officialTitle`,
    // The verification date and the primary completion date, missing from the status module together.
    `error required-fields ${PS}/statusModule`,
    `error required-fields ${PS}/statusModule/startDateStruct/type`,
    `error required-fields ${PS}/statusModule/completionDateStruct/type`,
    `error required-fields ${PS}/oversightModule`,
    `error required-fields ${PS}/designModule/enrollmentInfo/type`,
    `error primary-outcome-required ${PS}/outcomesModule/primaryOutcomes`,
    `hint drug-other-names ${PS}/armsInterventionsModule/interventions/0/otherNames`,
    `hint drug-other-names ${PS}/armsInterventionsModule/interventions/1/otherNames`,
    `warning central-contact ${PS}/contactsLocationsModule/centralContacts/0/email`,
  ],
  // As above; its page names the responsible investigator and title but no affiliation.
  'NCT07008196.trial.json': [
    `error required-fields ${PS}/identificationModule/officialTitle`,
    // The verification date and the primary completion date, missing from the status module together.
    `error required-fields ${PS}/statusModule`,
    `error required-fields ${PS}/statusModule/startDateStruct/type`,
    `error required-fields ${PS}/statusModule/completionDateStruct/type`,
    `error required-fields ${PS}/oversightModule`,
    `error required-fields ${PS}/designModule/enrollmentInfo/type`,
    `error responsible-party-investigator ${PS}/sponsorCollaboratorsModule/responsibleParty/investigatorAffiliation`,
    `error primary-outcome-required ${PS}/outcomesModule/primaryOutcomes`,
    `hint drug-other-names ${PS}/armsInterventionsModule/interventions/0/otherNames`,
    `warning central-contact ${PS}/contactsLocationsModule/centralContacts/0/email`,
  ],
  // A complete registry record; four drug arms list no other names (the placebo is left out).
  'NCT07423533.trial.json': [0, 1, 2, 3].map(
    (index) => `hint drug-other-names ${PS}/armsInterventionsModule/interventions/${index}/otherNames`,
  ),
  // A recruitment page: no study type, IDs, verification date or responsible party; six sites without status; a name-only contact.
  'a-randomized-double-blind-placebo-controlled-phase-ii.trial.json': [
    `error required-fields ${PS}/identificationModule/orgStudyIdInfo/id`,
    `error required-fields ${PS}/statusModule/statusVerifiedDate`,
    `error required-fields ${PS}/sponsorCollaboratorsModule/responsibleParty/type`,
    `error required-fields ${PS}/designModule/studyType`,
    `warning required-fields ${PS}/contactsLocationsModule/locations`,
    `warning central-contact ${PS}/contactsLocationsModule/centralContacts/0/phone`,
    `warning central-contact ${PS}/contactsLocationsModule/centralContacts/0/email`,
  ],
};

function findingsOf(path: string): string[] {
  return groupFindings(RULES, path)
    .map((finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`)
    .sort();
}

describe('required, outcome and eligibility rules on records the registry accepted', () => {
  it('covers every record of the corpus', () => {
    expect(
      recordNames(join(CORPUS_DIR, 'ctgov-v2'), '.json')
        .map((name) => name.replace('.json', ''))
        .sort(),
    ).toEqual(Object.keys(ACCEPTED).sort());
  });
  for (const [nctId, expected] of Object.entries(ACCEPTED)) {
    it(`${nctId}: no error, and only the listed warnings and hints`, () => {
      const findings = findingsOf(join(CORPUS_DIR, 'ctgov-v2', `${nctId}.json`));
      expect(findings.filter((finding) => finding.startsWith('error'))).toEqual([]);
      expect(findings).toEqual([...expected].sort());
    });
  }
});

describe('required, outcome and eligibility rules on field projections', () => {
  for (const name of recordNames(join(CORPUS_DIR, 'ctgov-v2-partial'), '.json')) {
    it(`${name}: errors only for missing required fields`, () => {
      const errors = findingsOf(join(CORPUS_DIR, 'ctgov-v2-partial', name)).filter((finding) =>
        finding.startsWith('error'),
      );
      expect(errors.filter((finding) => !/^error (required-fields|primary-outcome-required) /.test(finding))).toEqual(
        [],
      );
    });
  }
});

describe('required, outcome and eligibility rules on the seeds', () => {
  it('covers every seed', () => {
    expect(recordNames(SEEDS_DIR, '.trial.json').sort()).toEqual(Object.keys(SEEDS).sort());
  });
  for (const [name, expected] of Object.entries(SEEDS)) {
    it(`${name}: exactly the listed findings`, () => {
      expect(findingsOf(join(SEEDS_DIR, name))).toEqual([...expected].sort());
    });
  }
});
