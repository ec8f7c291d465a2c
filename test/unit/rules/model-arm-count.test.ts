import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/model-arm-count';
import { corpusRecord, planted } from './fixtures';

const singleArm = corpusRecord('NCT05147467');
const crossover = corpusRecord('NCT03418623');
const model = '/protocolSection/designModule/designInfo/interventionModel';
const armGroups = '/protocolSection/armsInterventionsModule/armGroups';

new RuleTester().run(rule, {
  valid: [
    { name: 'real single-group study with one arm', record: singleArm },
    { name: 'real crossover with two arms', record: crossover },
    { name: 'real parallel study with three arms (NCT04267848)', record: corpusRecord('NCT04267848') },
    { name: 'SEQUENTIAL is not tied to a number of arms', record: planted(singleArm, { [model]: 'SEQUENTIAL' }) },
    { name: 'no arms listed', record: planted(singleArm, { [armGroups]: undefined, [model]: 'PARALLEL' }) },
    { name: 'a model of the wrong type', record: planted(crossover, { [model]: 2 }) },
    {
      name: 'only interventional studies have a model',
      record: planted(crossover, {
        '/protocolSection/designModule/studyType': 'OBSERVATIONAL',
        [model]: 'SINGLE_GROUP',
      }),
    },
  ],
  invalid: [
    {
      name: 'real NCT04207047: SINGLE_GROUP with four device groups, so only a hint',
      record: corpusRecord('NCT04207047'),
      errors: [
        { pointer: model, severity: 'hint', message: /SINGLE_GROUP, but the study has 4 arms/, related: [armGroups] },
      ],
    },
    {
      name: 'a single arm in a parallel design',
      record: planted(singleArm, { [model]: 'PARALLEL' }),
      errors: [
        { pointer: model, message: /PARALLEL, which compares two or more arms, but the study has a single arm/ },
      ],
      output: planted(singleArm, { [model]: 'PARALLEL' }),
    },
    {
      name: 'a crossover left with one arm',
      record: planted(crossover, { [`${armGroups}/1`]: undefined }),
      errors: [{ pointer: model, message: /CROSSOVER/ }],
    },
    {
      name: 'a second arm added to a single-group study',
      record: planted(singleArm, { [`${armGroups}/1`]: { label: 'Control', type: 'NO_INTERVENTION' } }),
      errors: [{ pointer: model, message: /SINGLE_GROUP, but the study has 2 arms/ }],
    },
  ],
});
