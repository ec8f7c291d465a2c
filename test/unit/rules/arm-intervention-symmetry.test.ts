import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/arm-intervention-symmetry';
import { corpusRecord, planted } from './fixtures';

const sharedDrug = corpusRecord('NCT02513394'); // Arm A: Palbociclib + endocrine therapy; Arm B: endocrine therapy
const twoArms = corpusRecord('NCT03418623');
const staggered = corpusRecord('NCT02299791'); // two OTHER "ALL" interventions, one per arm
const noInterventionArm = corpusRecord('NCT00973089');
const arms = '/protocolSection/armsInterventionsModule/armGroups';
const interventions = '/protocolSection/armsInterventionsModule/interventions';
const tester = new RuleTester();

tester.run(rule, {
  valid: [
    { name: 'a real record whose arms share an intervention', record: sharedDrug },
    {
      name: 'a real record with twelve interventions in three arms (NCT04267848)',
      record: corpusRecord('NCT04267848'),
    },
    { name: 'a real record with one name for two interventions', record: staggered },
    { name: 'a real observational group with its exposure (NCT03475563)', record: corpusRecord('NCT03475563') },
    { name: 'a real NO_INTERVENTION arm', record: noInterventionArm },
    {
      name: 'the same interventions in another order',
      record: planted(sharedDrug, {
        [`${arms}/0/interventionNames`]: ['Drug: Standard Adjuvant Endocrine Therapy', 'Drug: Palbociclib'],
      }),
    },
    {
      name: "a name that matches no intervention is intervention-name-reference's finding",
      record: planted(sharedDrug, { [`${arms}/1/interventionNames/0`]: 'Drug: Standard Endocrine Therapy' }),
    },
    {
      name: "a label that matches no arm is arm-label-reference's finding",
      record: planted(sharedDrug, { [`${interventions}/1/armGroupLabels/1`]: 'Arm b' }),
    },
    {
      name: "two arms with one label are unique-arm-labels' finding",
      record: planted(twoArms, { [`${arms}/1/label`]: 'GET73', [`${interventions}/1/armGroupLabels`]: ['GET73'] }),
    },
    {
      name: "a NO_INTERVENTION arm linked to an intervention is arm-intervention-coverage's finding",
      record: planted(noInterventionArm, { [`${interventions}/0/armGroupLabels/1`]: 'Complete caries removal' }),
    },
    {
      name: 'an intervention without a type cannot be named by arms',
      record: planted(twoArms, { [`${interventions}/0/type`]: undefined, [`${arms}/0/interventionNames`]: undefined }),
    },
    { name: 'names of the wrong type', record: planted(twoArms, { [`${arms}/0/interventionNames`]: 'Drug: GET73' }) },
    {
      name: 'arms and interventions of the wrong type',
      record: planted(twoArms, { [arms]: [null, 3], [interventions]: 'GET73' }),
    },
  ],
  invalid: [
    {
      name: 'an intervention lists an arm that does not list it',
      record: planted(sharedDrug, { [`${arms}/0/interventionNames/0`]: undefined }),
      errors: [
        {
          pointer: `${arms}/0/interventionNames`,
          severity: 'warning',
          message:
            'Arm "Arm A" and its interventions disagree: "Drug: Palbociclib" lists "Arm A", but the arm does not list it in interventionNames.',
          related: [`${interventions}/0/armGroupLabels/0`],
        },
      ],
      output: sharedDrug,
    },
    {
      name: 'an arm without any names while interventions list it',
      record: planted(twoArms, { [`${arms}/0/interventionNames`]: undefined }),
      errors: [{ pointer: `${arms}/0/interventionNames`, message: /"Drug: GET73" lists "GET73"/ }],
      output: twoArms,
    },
    {
      name: 'the rebuilt list follows the order of the interventions',
      record: planted(sharedDrug, { [`${arms}/0/interventionNames`]: ['Drug: Standard Adjuvant Endocrine Therapy'] }),
      errors: [{ pointer: `${arms}/0/interventionNames` }],
      output: sharedDrug,
    },
    {
      name: 'an arm lists an intervention that does not list it: no automatic fix',
      record: planted(sharedDrug, { [`${interventions}/1/armGroupLabels/1`]: undefined }),
      errors: [
        {
          pointer: `${arms}/1/interventionNames`,
          message:
            'Arm "Arm B" and its interventions disagree: it lists "Drug: Standard Adjuvant Endocrine Therapy", but that intervention does not list "Arm B" in armGroupLabels.',
          related: [`${interventions}/1/armGroupLabels`],
        },
      ],
      output: planted(sharedDrug, { [`${interventions}/1/armGroupLabels/1`]: undefined }),
    },
    {
      name: 'both directions in one arm',
      record: planted(twoArms, { [`${arms}/1/interventionNames`]: ['Drug: GET73'] }),
      errors: [
        {
          pointer: `${arms}/1/interventionNames`,
          message:
            /it lists "Drug: GET73", but that intervention does not list "Placebo".*"Other: Placebo" lists "Placebo", but the arm does not list it/,
          related: [`${interventions}/0/armGroupLabels`, `${interventions}/1/armGroupLabels/0`],
        },
      ],
      output: twoArms,
    },
    {
      name: 'one name for two interventions, neither of which lists the arm',
      record: planted(staggered, { [`${interventions}/0/armGroupLabels`]: undefined }),
      errors: [
        {
          pointer: `${arms}/0/interventionNames`,
          message: /"Other: ALL", but that intervention does not list "Early Intervention"/,
          related: [`${interventions}/0/armGroupLabels`, `${interventions}/1/armGroupLabels`],
        },
      ],
    },
  ],
});

describe('arm-intervention-symmetry offers the other direction', () => {
  it('suggests adding the arm to the intervention it lists', () => {
    const [finding] = tester.findings(rule, {
      record: planted(sharedDrug, { [`${interventions}/1/armGroupLabels/1`]: undefined }),
    });
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions?.map((suggestion) => suggestion.changes)).toEqual([
      [{ op: 'set', pointer: `${arms}/1/interventionNames`, value: [] }],
      [{ op: 'set', pointer: `${interventions}/1/armGroupLabels`, value: ['Arm A', 'Arm B'] }],
    ]);
  });
});
