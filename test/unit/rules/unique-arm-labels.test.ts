import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/unique-arm-labels';
import { corpusRecord, planted } from './fixtures';

const twoArms = corpusRecord('NCT03418623'); // arms "GET73" and "Placebo"
const fourGroups = corpusRecord('NCT04207047'); // Group A … Group D
const arms = '/protocolSection/armsInterventionsModule/armGroups';

new RuleTester().run(rule, {
  valid: [
    { name: 'real distinct labels', record: twoArms },
    { name: 'real labels that differ by one letter', record: fourGroups },
    {
      name: "arms without labels are required-fields' finding",
      record: planted(twoArms, { [`${arms}/0/label`]: undefined, [`${arms}/1/label`]: undefined }),
    },
    { name: 'labels of the wrong type', record: planted(twoArms, { [`${arms}/0/label`]: 1, [`${arms}/1/label`]: 1 }) },
    { name: 'arms of the wrong type', record: planted(twoArms, { [arms]: 'GET73' }) },
  ],
  invalid: [
    {
      name: 'two arms labelled alike',
      record: planted(twoArms, { [`${arms}/1/label`]: 'GET73' }),
      errors: [
        {
          pointer: `${arms}/1/label`,
          severity: 'error',
          message: /Arm 1 is already labelled "GET73"/,
          related: [`${arms}/0/label`],
        },
      ],
    },
    {
      name: 'labels that differ only in case',
      record: planted(twoArms, { [`${arms}/1/label`]: 'get73' }),
      errors: [
        {
          pointer: `${arms}/1/label`,
          severity: 'warning',
          message: /"get73" differs from arm 1's "GET73" only in upper and lower case/,
          related: [`${arms}/0/label`],
        },
      ],
    },
    {
      name: 'three arms with one label point at the first',
      record: planted(fourGroups, { [`${arms}/2/label`]: 'Group A', [`${arms}/3/label`]: 'Group A' }),
      errors: [
        { pointer: `${arms}/2/label`, related: [`${arms}/0/label`] },
        { pointer: `${arms}/3/label`, related: [`${arms}/0/label`] },
      ],
    },
    {
      name: 'an exact copy of a case variant is an error against the variant',
      record: planted(fourGroups, { [`${arms}/1/label`]: 'GROUP A', [`${arms}/2/label`]: 'GROUP A' }),
      errors: [
        { pointer: `${arms}/1/label`, severity: 'warning', related: [`${arms}/0/label`] },
        { pointer: `${arms}/2/label`, severity: 'error', related: [`${arms}/1/label`] },
      ],
    },
  ],
});
