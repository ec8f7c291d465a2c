import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/gender-description';
import { corpusRecord, planted } from './fixtures';

const eligibility = '/protocolSection/eligibilityModule';
const record = corpusRecord('NCT03418623');
const description = 'Participants who identify as men';

new RuleTester().run(rule, {
  valid: [
    { name: 'no gender description', record },
    { name: 'a description with gender-based eligibility', record: planted(record, { [`${eligibility}/genderBased`]: true, [`${eligibility}/genderDescription`]: description }) },
    { name: 'a blank description says nothing', record: planted(record, { [`${eligibility}/genderDescription`]: ' ' }) },
  ],
  invalid: [
    {
      name: 'a description without the flag',
      record: planted(record, { [`${eligibility}/genderDescription`]: description }),
      errors: [{ pointer: `${eligibility}/genderDescription`, severity: 'hint', message: 'A gender description is given but gender-based eligibility (genderBased) is not set; the description only applies when eligibility is based on gender.' }],
    },
    {
      name: 'a description with the flag false',
      record: planted(record, { [`${eligibility}/genderBased`]: false, [`${eligibility}/genderDescription`]: description }),
      errors: [{ pointer: `${eligibility}/genderDescription`, message: /\(genderBased\) is false/, related: [`${eligibility}/genderBased`] }],
    },
  ],
});
