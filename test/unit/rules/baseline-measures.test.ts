import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/baseline-measures';
import { planted, sampleRecord } from './fixtures';

const baseline = '/resultsSection/baselineCharacteristicsModule';
const sex = `${baseline}/measures/1`;
// Groups BG000 "s-IMRT" (54), BG001 "ETS-IMRT" (62), BG002 "Total" (116); Sex: Female 0/0/0, Male 54/62/116.
const record = sampleRecord('NCT00084552');
// Group BG001 "Sham TPMS" analyzed 0 participants; the population description is given.
const nobodyAnalyzed = sampleRecord('NCT04488068');

new RuleTester().run(rule, {
  valid: [
    { name: 'age, sex, numbers analyzed and totals that add up (NCT00084552)', record },
    { name: 'one group, no Total column (NCT00867815)', record: sampleRecord('NCT00867815') },
    { name: 'a single-category class is a subset, not added up (NCT00179517)', record: sampleRecord('NCT00179517') },
    {
      name: '"Sex/Gender, Customized" counts as sex',
      record: planted(record, { [`${sex}/title`]: 'Sex/Gender, Customized' }),
    },
    { name: 'a record without results (NCT00000410)', record: sampleRecord('NCT00000410') },
    { name: 'a group with 0 analyzed and a population description (NCT04488068)', record: nobodyAnalyzed },
  ],
  invalid: [
    {
      name: 'a group with 0 analyzed and no population description',
      record: planted(nobodyAnalyzed, { [`${baseline}/populationDescription`]: undefined }),
      errors: [
        {
          pointer: `${baseline}/populationDescription`,
          severity: 'warning',
          message:
            'Baseline characteristics analyzed 0 participants in group BG001 ("Sham TPMS") without saying why; explain it in the baseline population description (populationDescription).',
        },
      ],
    },
    {
      name: 'no sex or gender measure',
      record: planted(record, { [`${sex}/title`]: 'Participants by arm' }),
      errors: [
        {
          pointer: `${baseline}/measures`,
          severity: 'warning',
          message:
            'Baseline characteristics have no measure of sex or gender ("Sex: Female, Male" or "Sex/Gender, Customized"); every results record reports them.',
        },
      ],
    },
    {
      name: 'neither age nor sex',
      record: planted(record, {
        [`${baseline}/measures/0/title`]: 'Years since diagnosis',
        [`${sex}/title`]: 'Smoking',
      }),
      errors: [
        {
          pointer: `${baseline}/measures`,
          message:
            /no measure of age \("Age, Continuous", "Age, Categorical" or "Age, Customized"\) and no measure of sex or gender/,
        },
      ],
    },
    {
      name: 'the Total column no longer the sum of the groups, and the categories no longer add up to it',
      record: planted(record, { [`${sex}/classes/0/categories/1/measurements/2/value`]: '115' }),
      errors: [
        {
          pointer: `${sex}/classes/0/categories`,
          message:
            'Baseline measure "Sex: Female, Male", group BG002 ("Total"): the 2 categories add up to 115, but 116 participants were analyzed; each participant is counted in exactly one category.',
        },
        {
          pointer: `${sex}/classes/0/categories/1/measurements`,
          message:
            'Baseline measure "Sex: Female, Male", "Male": the Total column says 115, but the groups add up to 116; the total of a count is the sum of the groups.',
        },
      ],
    },
    {
      name: 'the registry\'s "Age, Continuous" spelled without its comma: a hint, fixed',
      record: planted(record, { [`${baseline}/measures/0/title`]: 'Age Continuous' }),
      errors: [
        {
          pointer: `${baseline}/measures/0/title`,
          severity: 'hint',
          message:
            '"Age Continuous" is the registry\'s baseline measure "Age, Continuous"; write its title exactly so.',
        },
      ],
      output: record,
    },
    {
      name: 'a group without its number analyzed',
      record: planted(record, { [`${baseline}/denoms/0/counts/1`]: undefined }),
      errors: [
        {
          pointer: `${baseline}/denoms`,
          message:
            'Baseline characteristics do not give the number of participants analyzed for BG001 ("ETS-IMRT"); state it for every group and for the total.',
        },
      ],
    },
  ],
});
