import { defineRule, type RuleContext } from '../service/types';
import { asString, type JsonObject } from './study';
import { ELIGIBILITY_POINTER, eligibility } from './support/required-outcomes-eligibility';

const DESCRIPTION_POINTER = `${ELIGIBILITY_POINTER}/genderDescription`;
const FLAG_POINTER = `${ELIGIBILITY_POINTER}/genderBased`;

/** A description without `genderBased: true`: readers are not told that eligibility depends on gender. */
function reportDescriptionWithoutFlag(context: RuleContext, criteria: JsonObject | undefined): void {
  const flag = criteria?.genderBased === undefined ? 'is not set' : `is ${JSON.stringify(criteria.genderBased)}`;
  context.report({
    pointer: DESCRIPTION_POINTER,
    severity: 'hint',
    message: `A gender description is given but gender-based eligibility (genderBased) ${flag}; the description only applies when eligibility is based on gender.`,
    related:
      criteria?.genderBased === undefined
        ? undefined
        : [{ pointer: FLAG_POINTER, message: 'Gender-based eligibility is set here.' }],
    suggestions: [
      { title: 'Set gender-based eligibility to true', changes: [{ op: 'set', pointer: FLAG_POINTER, value: true }] },
      { title: 'Remove the gender description', changes: [{ op: 'remove', pointer: DESCRIPTION_POINTER }] },
    ],
  });
}

/** `genderBased: true` without a description: readers are not told how gender decides eligibility. */
function reportFlagWithoutDescription(context: RuleContext): void {
  context.report({
    pointer: FLAG_POINTER,
    message:
      'No gender description (genderDescription), though eligibility is marked as based on gender (genderBased is true): it should say how; describe who is eligible by gender identity, e.g. "Participants who identify as women".',
    suggestions: [
      {
        title: 'Insert an empty gender description',
        changes: [{ op: 'set', pointer: DESCRIPTION_POINTER, value: '' }],
      },
    ],
  });
}

export default defineRule({
  meta: {
    id: 'gender-description',
    severity: 'warning',
    category: 'eligibility',
    description: 'Gender-based eligibility and its description come together',
    source: 'ELI-03',
    docs:
      'Eligibility can depend on gender identity as well as on sex. Then `genderBased` is true and the gender description ' +
      'says how, for example "Participants who identify as women". Both directions are checked. `genderBased: true` ' +
      'without a description is a warning: the definitions ask for the description, but the registry accepts records ' +
      'without it (22 of the 65 records of the 820-record registry sample that set the flag give no description, some ' +
      'updated in 2025). A description without `genderBased: true` is a hint: set the flag or drop the description. ' +
      'Hits on the sample: 22 warnings, 0 hints. Example: { "sex": "FEMALE", "genderBased": true, "genderDescription": ' +
      '"Participants who identify as women" }. ' +
      '[Official definition: Gender Based](https://clinicaltrials.gov/policy/protocol-definitions#EligibilityGender), ' +
      '[Gender Eligibility Description](https://clinicaltrials.gov/policy/protocol-definitions#GenderDescription)',
    fixable: false,
  },
  check(context) {
    const criteria = eligibility(context.record);
    const description = asString(criteria?.genderDescription)?.trim();
    if (description && criteria?.genderBased !== true) reportDescriptionWithoutFlag(context, criteria);
    // A description of the wrong type is the schema's finding, not a missing one.
    if (
      !description &&
      criteria?.genderBased === true &&
      (criteria.genderDescription === undefined || typeof criteria.genderDescription === 'string')
    ) {
      reportFlagWithoutDescription(context);
    }
  },
});
