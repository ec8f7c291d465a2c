import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/outcome-unit-title';
import { corpusRecord, planted, sampleRecord } from './fixtures';

const measures = '/resultsSection/outcomeMeasuresModule/outcomeMeasures';
const baseline = '/resultsSection/baselineCharacteristicsModule/measures';
// Primary completion 2018-05 (start 2015-09): the registry's results checks are errors here.
const finalRule = corpusRecord('NCT02552212');
// Primary completion 2013-01: warnings.
const earlier = corpusRecord('NCT00763412');

new RuleTester().run(rule, {
  valid: [
    { name: 'percentages of subjects, and a count of subjects in participants (NCT02552212)', record: finalRule },
    { name: 'measures with units such as "Kg/m^2" and "% body mass" (NCT00763412)', record: earlier },
    {
      name: '"Percentage of Participants" titles with "Percentage of participants" units (NCT02210780)',
      record: corpusRecord('NCT02210780'),
    },
    { name: '"Number of Chewing Cycles" counts no participants (NCT05594173)', record: corpusRecord('NCT05594173') },
    {
      name: 'a percentage written as "%"',
      record: planted(finalRule, { [`${measures}/0/unitOfMeasure`]: '% of participants' }),
    },
    {
      name: 'a count of patients in patients',
      record: planted(earlier, {
        [`${measures}/0/title`]: 'Number of Patients With BMI Above 25',
        [`${measures}/0/unitOfMeasure`]: 'patients',
      }),
    },
    {
      name: 'a measure without unit is not judged',
      record: planted(finalRule, { [`${measures}/0/unitOfMeasure`]: undefined }),
    },
    {
      name: 'a unit of the wrong type is left to the schema',
      record: planted(finalRule, { [`${measures}/0/unitOfMeasure`]: 5 }),
    },
    { name: 'outcome measures that are not a list', record: planted(finalRule, { [measures]: {} }) },
  ],
  invalid: [
    {
      name: 'a percentage of participants counted in participants, under the Final Rule by primary completion date',
      record: planted(finalRule, {
        [`${measures}/0/title`]: 'Percentage of Participants With a Response',
        [`${measures}/0/unitOfMeasure`]: 'Participants',
      }),
      errors: [
        {
          pointer: `${measures}/0/unitOfMeasure`,
          severity: 'error',
          message:
            /^Unit "Participants" for a title that reports a percentage \("Percentage of participants …"\); the unit should say percent/,
          related: [`${measures}/0/title`],
        },
      ],
    },
    {
      name: 'a percentage of subjects counted in participants is only a warning under the Final Rule: the registry accepts it',
      record: planted(finalRule, { [`${measures}/0/unitOfMeasure`]: 'Participants' }),
      errors: [
        {
          pointer: `${measures}/0/unitOfMeasure`,
          severity: 'warning',
          message: /^Unit "Participants" for a title that reports a percentage \("Percentage of subjects …"\)/,
        },
      ],
    },
    {
      // Primary completion 2021-04, results submitted 2022-04: published with these units, so warnings.
      name: 'NCT04066023 (registry sample): 11 "Percentage of Subjects …" measures in "Participants", accepted under the Final Rule',
      record: sampleRecord('NCT04066023'),
      errors: Array.from({ length: 11 }, (_, m) => ({
        pointer: `${measures}/${m}/unitOfMeasure`,
        severity: 'warning' as const,
        message: /"Percentage of subjects …"/,
      })),
    },
    {
      name: 'a count title with a percent unit, before the Final Rule',
      record: planted(earlier, {
        [`${measures}/0/title`]: 'Number of Participants With BMI Above 25',
        [`${measures}/0/unitOfMeasure`]: 'Percent',
      }),
      errors: [
        {
          pointer: `${measures}/0/unitOfMeasure`,
          severity: 'warning',
          message:
            /^Unit "Percent" for a title that counts participants \("Number of participants …"\); the unit should be participants/,
          related: [`${measures}/0/title`],
        },
      ],
    },
    {
      name: 'the strict preset makes it an error on an older record',
      options: { finalRule: 'always' },
      record: planted(earlier, {
        [`${measures}/0/title`]: 'Number of Participants With BMI Above 25',
        [`${measures}/0/unitOfMeasure`]: 'Percent',
      }),
      errors: [{ pointer: `${measures}/0/unitOfMeasure`, severity: 'error' }],
    },
    {
      name: 'a placeholder unit "NA"',
      record: planted(earlier, { [`${measures}/2/unitOfMeasure`]: 'NA' }),
      errors: [
        {
          pointer: `${measures}/2/unitOfMeasure`,
          severity: 'warning',
          message: /^Unit of measure "NA" is a placeholder; name what the values count or measure/,
        },
      ],
    },
    {
      name: 'a unit that is only a number',
      record: planted(finalRule, { [`${measures}/3/unitOfMeasure`]: '100' }),
      errors: [{ pointer: `${measures}/3/unitOfMeasure`, severity: 'error', message: /"100" is a placeholder/ }],
    },
    {
      name: 'a baseline measure with "N/A" as its unit',
      record: planted(finalRule, { [`${baseline}/1/unitOfMeasure`]: 'N/A' }),
      errors: [{ pointer: `${baseline}/1/unitOfMeasure`, message: /"N\/A" is a placeholder/ }],
    },
    {
      name: 'without a primary completion date the registry would warn',
      record: planted(finalRule, {
        '/protocolSection/statusModule/primaryCompletionDateStruct': undefined,
        [`${measures}/17/unitOfMeasure`]: 'percentage of subjects',
      }),
      errors: [
        { pointer: `${measures}/17/unitOfMeasure`, severity: 'warning', message: /for a title that counts subjects/ },
      ],
    },
  ],
});
