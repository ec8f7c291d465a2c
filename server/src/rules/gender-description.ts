import { defineRule } from '../service/types';
import { asString } from './study';
import { ELIGIBILITY_POINTER, eligibility } from './support/required-outcomes-eligibility';

export default defineRule({
  meta: {
    id: 'gender-description',
    severity: 'hint',
    category: 'eligibility',
    description: 'A gender description is given only for gender-based eligibility',
    source: 'ELI-03',
    docs:
      'The gender description explains eligibility that depends on gender identity, and it belongs with ' +
      '`genderBased: true`. Without that flag readers are not told eligibility is gender-based, so either set the flag or ' +
      'drop the description. Example: { "sex": "FEMALE", "genderBased": true, "genderDescription": "Participants who ' +
      'identify as women" }.',
    fixable: false,
  },
  check(context) {
    const criteria = eligibility(context.record);
    const description = asString(criteria?.genderDescription)?.trim();
    if (!description || criteria?.genderBased === true) return;
    const pointer = `${ELIGIBILITY_POINTER}/genderDescription`;
    const flag = criteria?.genderBased === undefined ? 'is not set' : `is ${JSON.stringify(criteria.genderBased)}`;
    context.report({
      pointer,
      message: `A gender description is given but gender-based eligibility (genderBased) ${flag}; the description only applies when eligibility is based on gender.`,
      related: criteria?.genderBased === undefined ? undefined : [{ pointer: `${ELIGIBILITY_POINTER}/genderBased`, message: 'Gender-based eligibility is set here.' }],
      suggestions: [
        { title: 'Set gender-based eligibility to true', changes: [{ op: 'set', pointer: `${ELIGIBILITY_POINTER}/genderBased`, value: true }] },
        { title: 'Remove the gender description', changes: [{ op: 'remove', pointer }] },
      ],
    });
  },
});
