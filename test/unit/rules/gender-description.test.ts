import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/gender-description';
import { corpusRecord, planted, sampleRecord } from './fixtures';

const eligibility = '/protocolSection/eligibilityModule';
const record = corpusRecord('NCT03418623');
const description = 'Participants who identify as men';
// genderBased true with the description "male".
const described = sampleRecord('NCT03651024');
// genderBased true and no description (accepted, last updated 2023-03-13).
const undescribed = sampleRecord('NCT02730338');

new RuleTester().run(rule, {
  valid: [
    { name: 'no gender description', record },
    {
      name: 'a description with gender-based eligibility',
      record: planted(record, {
        [`${eligibility}/genderBased`]: true,
        [`${eligibility}/genderDescription`]: description,
      }),
    },
    { name: 'a real record with both', record: described },
    {
      name: 'a blank description says nothing',
      record: planted(record, { [`${eligibility}/genderDescription`]: ' ' }),
    },
    {
      name: 'genderBased false needs no description',
      record: planted(undescribed, { [`${eligibility}/genderBased`]: false }),
    },
    {
      name: "a description of the wrong type is the schema's finding",
      record: planted(described, { [`${eligibility}/genderDescription`]: 7 }),
    },
  ],
  invalid: [
    {
      name: 'a description without the flag',
      record: planted(record, { [`${eligibility}/genderDescription`]: description }),
      errors: [
        {
          pointer: `${eligibility}/genderDescription`,
          severity: 'hint',
          message:
            'A gender description is given but gender-based eligibility (genderBased) is not set; the description only applies when eligibility is based on gender.',
        },
      ],
    },
    {
      name: 'a description with the flag false',
      record: planted(record, {
        [`${eligibility}/genderBased`]: false,
        [`${eligibility}/genderDescription`]: description,
      }),
      errors: [
        {
          pointer: `${eligibility}/genderDescription`,
          severity: 'hint',
          message: /\(genderBased\) is false/,
          related: [`${eligibility}/genderBased`],
        },
      ],
    },
    {
      name: 'a real record with the flag and no description: warning',
      record: undescribed,
      errors: [
        {
          pointer: `${eligibility}/genderBased`,
          severity: 'warning',
          message:
            'No gender description (genderDescription), though eligibility is marked as based on gender (genderBased is true): it should say how; describe who is eligible by gender identity, e.g. "Participants who identify as women".',
        },
      ],
    },
    {
      name: 'the description removed from a real record',
      record: planted(described, { [`${eligibility}/genderDescription`]: undefined }),
      errors: [
        {
          pointer: `${eligibility}/genderBased`,
          severity: 'warning',
          message:
            /^No gender description \(genderDescription\), though eligibility is marked as based on gender \(genderBased is true\)/,
        },
      ],
    },
    {
      name: 'a blank description counts as none',
      record: planted(described, { [`${eligibility}/genderDescription`]: '  ' }),
      errors: [{ pointer: `${eligibility}/genderBased`, severity: 'warning' }],
    },
  ],
});
