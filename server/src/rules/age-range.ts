import { defineRule } from '../service/types';
import { asString } from './study';
import { ageInMinutes, ELIGIBILITY_POINTER, eligibility } from './support/required-outcomes-eligibility';

export default defineRule({
  meta: {
    id: 'age-range',
    severity: 'error',
    category: 'eligibility',
    description: 'The minimum age is not above the maximum age',
    source: 'ELI-01',
    docs:
      'The minimum and maximum age bound who may take part, so the minimum cannot be above the maximum. Ages in different ' +
      'units are compared as durations: "30 Months" is above "2 Years", while "12 Months" and "1 Year" are the same age. ' +
      'Leave a bound out when there is no limit. Example: minimumAge "6 Months" with maximumAge "17 Years" is right; ' +
      'minimumAge "30 Months" with maximumAge "2 Years" is not.',
    fixable: false,
  },
  check(context) {
    const criteria = eligibility(context.record);
    const minimum = asString(criteria?.minimumAge);
    const maximum = asString(criteria?.maximumAge);
    const minimumMinutes = ageInMinutes(minimum);
    const maximumMinutes = ageInMinutes(maximum);
    if (minimumMinutes === undefined || maximumMinutes === undefined || minimumMinutes <= maximumMinutes) return;
    context.report({
      pointer: `${ELIGIBILITY_POINTER}/minimumAge`,
      message: `Minimum age ${minimum} is above the maximum age ${maximum}; the minimum must be at most the maximum.`,
      related: [{ pointer: `${ELIGIBILITY_POINTER}/maximumAge`, message: `The maximum age is ${maximum}.` }],
      suggestions: [
        {
          title: `Swap them: ${maximum} to ${minimum}`,
          changes: [
            { op: 'set', pointer: `${ELIGIBILITY_POINTER}/minimumAge`, value: maximum },
            { op: 'set', pointer: `${ELIGIBILITY_POINTER}/maximumAge`, value: minimum },
          ],
        },
      ],
    });
  },
});
