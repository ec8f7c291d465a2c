import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/arm-intervention-coverage';
import { corpusRecord, planted } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const twoArms = corpusRecord('NCT03418623');
const noInterventionArm = corpusRecord('NCT00973089'); // arm 0 "Complete caries removal" is NO_INTERVENTION
const arms = '/protocolSection/armsInterventionsModule/armGroups';
const interventions = '/protocolSection/armsInterventionsModule/interventions';
const relmaCelSeed = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'seeds', 'NCT05765006.trial.json'), 'utf8'),
);
const unusedPlacebo = planted(twoArms, {
  [`${arms}/1/interventionNames`]: undefined,
  [`${interventions}/1/armGroupLabels`]: undefined,
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a real record: every arm has an intervention and every intervention an arm', record: twoArms },
    { name: 'a real NO_INTERVENTION arm without interventions', record: noInterventionArm },
    { name: 'real twelve interventions in three arms (NCT04267848)', record: corpusRecord('NCT04267848') },
    { name: 'a seed with interventions but no arms listed yet', record: relmaCelSeed },
    { name: 'observational groups are not checked (NCT05594173)', record: corpusRecord('NCT05594173') },
    {
      name: 'observational: an unused exposure is not checked',
      record: planted(unusedPlacebo, { '/protocolSection/designModule/studyType': 'OBSERVATIONAL' }),
    },
    {
      name: "an arm listed only by its intervention is covered (the link is arm-intervention-symmetry's)",
      record: planted(twoArms, { [`${arms}/1/interventionNames`]: undefined }),
    },
    {
      name: 'an intervention named only by its arm is used',
      record: planted(twoArms, { [`${interventions}/1/armGroupLabels`]: undefined }),
    },
    {
      name: "an arm without a type is arm-type-required's finding",
      record: planted(unusedPlacebo, { [`${arms}/1/type`]: undefined, [`${interventions}/1`]: undefined }),
    },
    {
      name: 'arms and interventions of the wrong type',
      record: planted(twoArms, { [arms]: [null, 'Placebo'], [interventions]: [7, null] }),
    },
  ],
  invalid: [
    {
      name: 'a placebo arm and a placebo intervention left unlinked',
      record: unusedPlacebo,
      errors: [
        {
          pointer: `${arms}/1/interventionNames`,
          severity: 'warning',
          message:
            'Arm "Placebo" (PLACEBO_COMPARATOR) has no intervention; list what its participants receive in interventionNames, or make it a NO_INTERVENTION arm if they receive nothing.',
        },
        {
          pointer: `${interventions}/1/armGroupLabels`,
          message:
            'Intervention "Other: Placebo" is given in no arm; list the arms that receive it in armGroupLabels, or remove it.',
        },
      ],
    },
    {
      name: 'an empty name list is no intervention either',
      record: planted(unusedPlacebo, { [`${arms}/1/interventionNames`]: [], [`${interventions}/1`]: undefined }),
      errors: [{ pointer: `${arms}/1/interventionNames`, message: /Arm "Placebo"/ }],
    },
    {
      name: 'a NO_INTERVENTION arm that names an intervention both ways',
      record: planted(noInterventionArm, {
        [`${arms}/0/interventionNames`]: ['Other: Incomplete caries removal in primary teeth'],
        [`${interventions}/0/armGroupLabels/1`]: 'Complete caries removal',
      }),
      errors: [
        {
          pointer: `${arms}/0/interventionNames`,
          message:
            'Arm "Complete caries removal" is NO_INTERVENTION, but it is linked to "Other: Incomplete caries removal in primary teeth"; unlink them, or change the arm type.',
          related: [`${interventions}/0/armGroupLabels/1`],
        },
      ],
    },
    {
      name: 'a NO_INTERVENTION arm listed by an intervention only',
      record: planted(noInterventionArm, { [`${interventions}/0/armGroupLabels/1`]: 'Complete caries removal' }),
      errors: [
        {
          pointer: `${arms}/0/type`,
          message: /is NO_INTERVENTION, but it is linked to/,
          related: [`${interventions}/0/armGroupLabels/1`],
        },
      ],
    },
    {
      name: 'an unnamed intervention with no arm',
      record: planted(twoArms, { [`${interventions}/2`]: { description: 'A new intervention' } }),
      errors: [{ pointer: `${interventions}/2/armGroupLabels`, message: /Intervention 3 is given in no arm/ }],
    },
  ],
});
