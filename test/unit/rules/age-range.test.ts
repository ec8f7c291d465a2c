import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/age-range';
import { corpusRecord, planted } from './fixtures';

const eligibility = '/protocolSection/eligibilityModule';
// 12 Years to 24 Years.
const record = corpusRecord('NCT00763412');

new RuleTester().run(rule, {
  valid: [
    { name: 'a real age range', record },
    {
      name: 'the same age in different units',
      record: planted(record, { [`${eligibility}/minimumAge`]: '12 Months', [`${eligibility}/maximumAge`]: '1 Year' }),
    },
    {
      name: 'months below years',
      record: planted(record, { [`${eligibility}/minimumAge`]: '23 Months', [`${eligibility}/maximumAge`]: '2 Years' }),
    },
    { name: 'no maximum age', record: corpusRecord('NCT02513394') },
    {
      name: "an age not in the registry's form is the schema's finding",
      record: planted(record, { [`${eligibility}/minimumAge`]: 'eighteen' }),
    },
  ],
  invalid: [
    {
      name: '30 months is above 2 years',
      record: planted(record, { [`${eligibility}/minimumAge`]: '30 Months', [`${eligibility}/maximumAge`]: '2 Years' }),
      errors: [
        {
          pointer: `${eligibility}/minimumAge`,
          severity: 'error',
          message: 'Minimum age 30 Months is above the maximum age 2 Years; the minimum must be at most the maximum.',
          related: [`${eligibility}/maximumAge`],
        },
      ],
    },
    {
      name: 'one year apart in the same unit',
      record: planted(record, { [`${eligibility}/minimumAge`]: '25 Years' }),
      errors: [{ pointer: `${eligibility}/minimumAge`, related: [`${eligibility}/maximumAge`] }],
    },
    {
      name: 'a day is above 23 hours',
      record: planted(record, { [`${eligibility}/minimumAge`]: '1 Day', [`${eligibility}/maximumAge`]: '23 Hours' }),
      errors: [{ pointer: `${eligibility}/minimumAge`, message: /1 Day is above the maximum age 23 Hours/ }],
    },
  ],
});
