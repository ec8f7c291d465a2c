import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/device-feasibility-device';
import { corpusRecord, planted } from './fixtures';

const primaryPurpose = '/protocolSection/designModule/designInfo/primaryPurpose';
const interventions = '/protocolSection/armsInterventionsModule/interventions';
const behavioral = corpusRecord('NCT03630471');

new RuleTester().run(rule, {
  valid: [
    { name: 'a real treatment study', record: corpusRecord('NCT03418623') },
    {
      name: 'device feasibility with the real devices of NCT04207047',
      record: planted(corpusRecord('NCT04207047'), { [primaryPurpose]: 'DEVICE_FEASIBILITY' }),
    },
    {
      name: 'a combination product has a device part',
      record: planted(behavioral, {
        [primaryPurpose]: 'DEVICE_FEASIBILITY',
        [`${interventions}/0/type`]: 'COMBINATION_PRODUCT',
      }),
    },
    {
      name: 'intervention types missing',
      record: planted(behavioral, { [primaryPurpose]: 'DEVICE_FEASIBILITY', [`${interventions}/0/type`]: undefined }),
    },
    {
      name: 'no interventions',
      record: planted(behavioral, { [primaryPurpose]: 'DEVICE_FEASIBILITY', [interventions]: undefined }),
    },
    {
      name: 'not an interventional study',
      record: planted(behavioral, {
        [primaryPurpose]: 'DEVICE_FEASIBILITY',
        '/protocolSection/designModule/studyType': 'OBSERVATIONAL',
      }),
    },
  ],
  invalid: [
    {
      name: 'device feasibility of behavioural interventions',
      record: planted(behavioral, { [primaryPurpose]: 'DEVICE_FEASIBILITY' }),
      errors: [
        {
          pointer: primaryPurpose,
          severity: 'hint',
          message:
            /^No DEVICE or COMBINATION_PRODUCT intervention, though the primary purpose is DEVICE_FEASIBILITY: the interventions are BEHAVIORAL;/,
          related: [interventions],
        },
      ],
    },
  ],
});
