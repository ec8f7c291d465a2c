import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/outcome-specificity';
import { corpusRecord, planted } from './fixtures';

const outcomes = '/protocolSection/outcomesModule';
const record = corpusRecord('NCT03418623');
// Has posted results: outcome titles there are checked too.
const withResults = corpusRecord('NCT00763412');

new RuleTester().run(rule, {
  valid: [
    { name: 'specific titles', record },
    { name: 'specific titles in the protocol and in posted results', record: withResults },
    {
      name: 'a vague word followed by what is measured',
      record: planted(record, {
        [`${outcomes}/primaryOutcomes/0/measure`]:
          'Safety: number of participants with grade 3 or higher adverse events',
      }),
    },
    {
      name: "a title of the wrong type is the schema's finding",
      record: planted(record, { [`${outcomes}/primaryOutcomes/0/measure`]: 7 }),
    },
  ],
  invalid: [
    {
      name: 'a title that is only "Safety"',
      record: planted(record, { [`${outcomes}/primaryOutcomes/0/measure`]: 'Safety' }),
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes/0/measure`,
          severity: 'warning',
          message:
            'Title of primary outcome 1, "Safety", does not say what is measured; name the measure itself, e.g. "Number of participants with treatment-related adverse events (CTCAE v5.0)".',
        },
      ],
    },
    {
      name: 'vague words joined, any case, trivial punctuation',
      record: planted(record, { [`${outcomes}/secondaryOutcomes/1/measure`]: ' EFFICACY and tolerability. ' }),
      errors: [
        {
          pointer: `${outcomes}/secondaryOutcomes/1/measure`,
          message:
            /^Title of secondary outcome 2, "EFFICACY and tolerability\.", does not say what is measured; .*HbA1c/,
        },
      ],
    },
    {
      name: 'a results outcome titled "Feasibility:"',
      record: planted(withResults, { '/resultsSection/outcomeMeasuresModule/outcomeMeasures/2/title': 'Feasibility:' }),
      errors: [
        {
          pointer: '/resultsSection/outcomeMeasuresModule/outcomeMeasures/2/title',
          message: /results outcome measure 3, "Feasibility:"/,
        },
      ],
    },
    {
      name: 'a real accepted record whose outcomes are titled "Primary Outcome" and "Secondary Outcome"',
      record: corpusRecord('NCT04207047'),
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes/0/measure`,
          severity: 'warning',
          message: /"Primary Outcome", is a placeholder/,
        },
        { pointer: `${outcomes}/secondaryOutcomes/0/measure`, severity: 'warning' },
      ],
    },
  ],
});
