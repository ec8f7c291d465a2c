import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/outcome-measure-values';
import { planted, sampleRecord } from './fixtures';

const measures = '/resultsSection/outcomeMeasuresModule/outcomeMeasures';
const count = `${measures}/0`;
const percentage = `${measures}/1`;
// Measure 0 counts participants (27 of 37, 36 of 48); measure 1 is a percentage of participants (90.7, 91.8).
const record = sampleRecord('NCT00084552');
// Measure 1 is a mean with its standard deviation.
const means = sampleRecord('NCT02593396');

new RuleTester().run(rule, {
  valid: [
    { name: 'counts and percentages within bounds (NCT00084552)', record },
    { name: 'means with standard deviations (NCT02593396)', record: means },
    { name: 'groups with 0 analyzed, explained (NCT04488068)', record: sampleRecord('NCT04488068') },
    { name: 'measures without data need no unit (NCT01298921)', record: sampleRecord('NCT01298921') },
    {
      name: 'a count equal to the number analyzed',
      record: planted(record, { [`${count}/classes/0/categories/0/measurements/0/value`]: '37' }),
    },
    {
      name: 'a measure not posted is not checked',
      record: planted(record, { [`${count}/reportingStatus`]: 'NOT_POSTED', [`${count}/timeFrame`]: undefined }),
    },
  ],
  invalid: [
    {
      name: 'more participants counted than analyzed',
      record: planted(record, { [`${count}/classes/0/categories/0/measurements/1/value`]: '50' }),
      errors: [
        {
          pointer: `${count}/classes/0/categories/0/measurements/1/value`,
          severity: 'warning',
          message:
            'Outcome measure "Erectile Dysfunction Rates", group OG001 ("ETS-IMRT"): 50 participants counted, but only 48 were analyzed; a count of participants can\'t exceed the number analyzed.',
        },
      ],
    },
    {
      name: 'a percentage of participants above 100',
      record: planted(record, { [`${percentage}/classes/0/categories/0/measurements/0/value`]: '907' }),
      errors: [
        {
          pointer: `${percentage}/classes/0/categories/0/measurements/0/value`,
          message:
            'Outcome measure "Percentage of Patients With Freedom From Biochemical Failure", group OG000 ("s-IMRT"): 907 is not a percentage of participants, which lies between 0 and 100.',
        },
      ],
    },
    {
      name: 'a count of participants in percent: fixed to "Participants"',
      record: planted(record, { [`${count}/unitOfMeasure`]: 'percentage of participants' }),
      errors: [
        {
          pointer: `${count}/unitOfMeasure`,
          message:
            'Outcome measure "Erectile Dysfunction Rates" is a Count of Participants, but its unit is "percentage of participants"; the unit of a count of participants is "Participants" (the registry adds the percentages).',
        },
      ],
      output: record,
    },
    {
      name: 'a mean without a dispersion',
      record: planted(means, { [`${measures}/1/dispersionType`]: undefined }),
      errors: [
        {
          pointer: `${measures}/1/dispersionType`,
          message:
            /^Outcome measure "Mean Difference of Malay Version .*" reports a mean without a measure of dispersion; add its standard deviation/,
        },
      ],
    },
    {
      name: 'no time frame, no unit, no number analyzed',
      record: planted(record, {
        [`${count}/timeFrame`]: undefined,
        [`${count}/unitOfMeasure`]: undefined,
        [`${count}/denoms`]: undefined,
      }),
      errors: [
        {
          pointer: `${count}/timeFrame`,
          message:
            'Outcome measure "Erectile Dysfunction Rates" does not give its time frame; every posted outcome measure states it.',
        },
        { pointer: `${count}/unitOfMeasure`, message: /does not give its unit of measure;/ },
        {
          pointer: `${count}/denoms`,
          message: /does not give the number of participants analyzed per group \(denoms\);/,
        },
      ],
    },
    {
      name: 'a group without its number analyzed',
      record: planted(record, { [`${count}/denoms/0/counts/1`]: undefined }),
      errors: [
        {
          pointer: `${count}/denoms`,
          message:
            'Outcome measure "Erectile Dysfunction Rates" does not give the number of participants analyzed for OG001 ("ETS-IMRT"); state it for every group.',
        },
      ],
    },
    {
      name: 'a group with 0 analyzed, unexplained',
      record: planted(record, { [`${percentage}/denoms/0/counts/1/value`]: '0' }),
      errors: [
        {
          pointer: `${percentage}/populationDescription`,
          message:
            'Outcome measure "Percentage of Patients With Freedom From Biochemical Failure" analyzed 0 participants in group OG001 ("ETS-IMRT") without saying why; explain it in the analysis population description (populationDescription).',
        },
      ],
    },
  ],
});
