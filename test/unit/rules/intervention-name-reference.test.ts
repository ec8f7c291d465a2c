import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/intervention-name-reference';
import { planted, sampleRecord } from './fixtures';

// Interventions "Drug: Tamsulosin and avanafil" and "Drug: Doxazosin and avanafil", one per arm.
const twoDrugs = sampleRecord('NCT01100021');
const name = '/protocolSection/armsInterventionsModule/armGroups/0/interventionNames/0';
const withName = (value: string) => planted(twoDrugs, { [name]: value });

new RuleTester().run(rule, {
  valid: [{ name: 'names as the interventions are declared', record: twoDrugs }],
  invalid: [
    {
      name: 'a name differing in case only: fixed although the other drug is within a typo of it',
      record: withName('drug: tamsulosin and avanafil'),
      errors: [
        {
          pointer: name,
          severity: 'error',
          message: 'No intervention is "drug: tamsulosin and avanafil"; did you mean "Drug: Tamsulosin and avanafil"?',
        },
      ],
      output: twoDrugs,
    },
    {
      name: 'surrounding spaces',
      record: withName('  Drug: Doxazosin and avanafil'),
      errors: [{ pointer: name, message: /did you mean "Drug: Doxazosin and avanafil"\?$/ }],
      output: withName('Drug: Doxazosin and avanafil'),
    },
    {
      name: 'a misspelling close to both: no fix',
      record: withName('Drug: Tamsulosin and avanafi'),
      errors: [{ pointer: name, message: /^No intervention is "Drug: Tamsulosin and avanafi"\. Interventions: / }],
      output: withName('Drug: Tamsulosin and avanafi'),
    },
  ],
});
