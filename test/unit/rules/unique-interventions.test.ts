import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/unique-interventions';
import { corpusRecord, planted } from './fixtures';

const twoInterventions = corpusRecord('NCT03418623'); // DRUG "GET73", OTHER "Placebo"
const interventions = '/protocolSection/armsInterventionsModule/interventions';

new RuleTester().run(rule, {
  valid: [
    { name: 'real distinct interventions', record: twoInterventions },
    { name: 'real twelve distinct interventions (NCT04267848)', record: corpusRecord('NCT04267848') },
    { name: 'one name under two types', record: planted(twoInterventions, { [`${interventions}/1/name`]: 'GET73' }) },
    {
      name: 'names without a type are not compared',
      record: planted(twoInterventions, {
        [`${interventions}/0/type`]: undefined,
        [`${interventions}/1/type`]: undefined,
        [`${interventions}/1/name`]: 'GET73',
      }),
    },
    {
      name: 'interventions of the wrong type',
      record: planted(twoInterventions, { [interventions]: [null, 'GET73', 'GET73'] }),
    },
  ],
  invalid: [
    {
      name: 'real NCT02299791 declares OTHER "ALL" twice (accepted by the registry, so a warning)',
      record: corpusRecord('NCT02299791'),
      errors: [
        {
          pointer: `${interventions}/1/name`,
          severity: 'warning',
          message:
            'OTHER intervention "ALL" is already declared as intervention 1; declare it once and list every arm that receives it in its armGroupLabels.',
          related: [`${interventions}/0/name`],
        },
      ],
    },
    {
      name: 'the same drug twice',
      record: planted(twoInterventions, { [`${interventions}/1/type`]: 'DRUG', [`${interventions}/1/name`]: 'GET73' }),
      errors: [{ pointer: `${interventions}/1/name`, severity: 'warning', related: [`${interventions}/0/name`] }],
    },
    {
      name: 'names that differ only in case',
      record: planted(twoInterventions, { [`${interventions}/1/type`]: 'DRUG', [`${interventions}/1/name`]: 'get73' }),
      errors: [
        {
          pointer: `${interventions}/1/name`,
          severity: 'hint',
          message: /^DRUG "get73" differs from intervention 1, "GET73", only in upper and lower case/,
          related: [`${interventions}/0/name`],
        },
      ],
    },
  ],
});
