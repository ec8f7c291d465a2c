import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/allocation-arm-count';
import { corpusRecord, planted } from './fixtures';

const singleArm = corpusRecord('NCT05147467');
const twoArms = corpusRecord('NCT03418623');
const allocation = '/protocolSection/designModule/designInfo/allocation';
const armGroups = '/protocolSection/armsInterventionsModule/armGroups';

new RuleTester().run(rule, {
  valid: [
    { name: 'real single-arm study with allocation NA', record: singleArm },
    { name: 'real single-arm study with allocation NA (NCT03934567)', record: corpusRecord('NCT03934567') },
    { name: 'real randomized two-arm study', record: twoArms },
    { name: 'real non-randomized four-arm study (NCT04207047)', record: corpusRecord('NCT04207047') },
    {
      name: 'no arms listed: nothing to count',
      record: planted(singleArm, { [armGroups]: undefined, [allocation]: 'RANDOMIZED' }),
    },
    { name: 'an empty arm list: nothing to count', record: planted(twoArms, { [armGroups]: [], [allocation]: 'NA' }) },
    { name: 'arms of the wrong type', record: planted(twoArms, { [armGroups]: 'two', [allocation]: 'NA' }) },
    {
      name: 'only interventional studies are allocated',
      record: planted(corpusRecord('NCT03475563'), {
        '/protocolSection/designModule/designInfo/allocation': 'RANDOMIZED',
      }),
    },
    { name: 'an allocation of the wrong type', record: planted(twoArms, { [allocation]: ['NA'] }) },
  ],
  invalid: [
    {
      name: 'a single arm randomized',
      record: planted(singleArm, { [allocation]: 'RANDOMIZED' }),
      errors: [
        {
          pointer: allocation,
          severity: 'warning',
          message: /RANDOMIZED, but the study has a single arm.*allocation NA/,
          related: [armGroups],
        },
      ],
      output: planted(singleArm, { [allocation]: 'RANDOMIZED' }),
    },
    {
      name: 'a single arm non-randomized',
      record: planted(singleArm, { [allocation]: 'NON_RANDOMIZED' }),
      errors: [{ pointer: allocation, message: /NON_RANDOMIZED, but the study has a single arm/ }],
    },
    {
      name: 'NA with two arms',
      record: planted(twoArms, { [allocation]: 'NA' }),
      errors: [
        {
          pointer: allocation,
          message: /Allocation is NA, which means a single arm, but the study has 2 arms/,
          related: [armGroups],
        },
      ],
    },
    {
      name: 'a second arm added to a single-arm NA study',
      record: planted(singleArm, { [`${armGroups}/1`]: { label: 'Control', type: 'NO_INTERVENTION' } }),
      errors: [{ pointer: allocation, message: /2 arms/ }],
    },
  ],
});
