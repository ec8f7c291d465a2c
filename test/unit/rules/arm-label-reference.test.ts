import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/arm-label-reference';
import { planted, sampleRecord } from './fixtures';

// Arms "Arm I" and "Arm II"; the one intervention lists both.
const twoArms = sampleRecord('NCT00084552');
const label = '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0';
const withLabel = (value: string) => planted(twoArms, { [label]: value });
// The second arm renamed "ARM I" (and listed so): "arm i" equals both ignoring case.
const ambiguous = planted(twoArms, {
  [label]: 'arm i',
  '/protocolSection/armsInterventionsModule/armGroups/1/label': 'ARM I',
  '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/1': 'ARM I',
});

new RuleTester().run(rule, {
  valid: [{ name: 'labels as the arms have them', record: twoArms }],
  invalid: [
    {
      name: 'a label differing in case only: fixed although "Arm II" is as close',
      record: withLabel('arm i'),
      errors: [{ pointer: label, severity: 'error', message: 'No arm is labelled "arm i"; did you mean "Arm I"?' }],
      output: twoArms,
    },
    {
      name: 'a label with surrounding spaces and another case',
      record: withLabel(' ARM II '),
      errors: [{ pointer: label, message: 'No arm is labelled " ARM II "; did you mean "Arm II"?' }],
      output: withLabel('Arm II'),
    },
    {
      name: 'two arms equal to it ignoring case: no fix',
      record: ambiguous,
      errors: [{ pointer: label, message: 'No arm is labelled "arm i". Arms: "Arm I", "ARM I".' }],
      output: ambiguous,
    },
  ],
});
