import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/std-ages';
import { corpusRecord, planted } from './fixtures';

const eligibility = '/protocolSection/eligibilityModule';
// 21 Years to 40 Years: ADULT.
const adults = corpusRecord('NCT03418623');
// 13 Years to 20 Years: CHILD and ADULT.
const teenagers = corpusRecord('NCT03630471');

new RuleTester().run(rule, {
  valid: [
    { name: 'adults only', record: adults },
    { name: 'across the 18-year boundary', record: teenagers },
    { name: 'children only (5 to 8 years)', record: corpusRecord('NCT00973089') },
    { name: 'no maximum age reaches older adults', record: corpusRecord('NCT02513394') },
    {
      name: 'a maximum of 17 years stays with children',
      record: planted(teenagers, { [`${eligibility}/maximumAge`]: '17 Years', [`${eligibility}/stdAges`]: ['CHILD'] }),
    },
    { name: '216 months is 18 years: adult', record: planted(adults, { [`${eligibility}/minimumAge`]: '216 Months' }) },
    {
      name: 'the order of the groups does not matter',
      record: planted(teenagers, { [`${eligibility}/stdAges`]: ['ADULT', 'CHILD'] }),
    },
    {
      name: 'no age groups given: the registry computes them',
      record: corpusRecord('NCT02576665', 'ctgov-v2-partial'),
    },
    {
      name: "an unreadable age is the schema's finding",
      record: planted(adults, { [`${eligibility}/minimumAge`]: 'adults' }),
    },
  ],
  invalid: [
    {
      name: 'an older-adult group beyond a maximum of 40 years',
      record: planted(adults, { [`${eligibility}/stdAges`]: ['ADULT', 'OLDER_ADULT'] }),
      errors: [
        {
          pointer: `${eligibility}/stdAges`,
          severity: 'warning',
          message:
            'Age groups [ADULT, OLDER_ADULT] do not match the ages 21 Years to 40 Years: they span ADULT (child under 18, adult 18 to 64, older adult 65 and over).',
          related: [`${eligibility}/minimumAge`, `${eligibility}/maximumAge`],
        },
      ],
      output: planted(adults, { [`${eligibility}/stdAges`]: ['ADULT'] }),
    },
    {
      name: 'a maximum of 65 years reaches older adults',
      record: planted(adults, { [`${eligibility}/maximumAge`]: '65 Years' }),
      errors: [{ pointer: `${eligibility}/stdAges`, message: /they span ADULT, OLDER_ADULT/ }],
      output: planted(adults, {
        [`${eligibility}/maximumAge`]: '65 Years',
        [`${eligibility}/stdAges`]: ['ADULT', 'OLDER_ADULT'],
      }),
    },
    {
      name: 'no minimum age means from birth',
      record: planted(adults, { [`${eligibility}/minimumAge`]: undefined }),
      errors: [
        {
          pointer: `${eligibility}/stdAges`,
          message: /ages birth to 40 Years: they span CHILD, ADULT/,
          related: [`${eligibility}/maximumAge`],
        },
      ],
      output: planted(adults, {
        [`${eligibility}/minimumAge`]: undefined,
        [`${eligibility}/stdAges`]: ['CHILD', 'ADULT'],
      }),
    },
    {
      name: 'an empty list',
      record: planted(teenagers, { [`${eligibility}/stdAges`]: [] }),
      errors: [{ pointer: `${eligibility}/stdAges` }],
      output: teenagers,
    },
  ],
});
