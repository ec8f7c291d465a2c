import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/outcome-time-frame';
import { corpusRecord, planted } from './fixtures';

const outcomes = '/protocolSection/outcomesModule';
const record = corpusRecord('NCT03418623');
const withResults = corpusRecord('NCT00763412');
const pointer = `${outcomes}/primaryOutcomes/0/timeFrame`;

new RuleTester().run(rule, {
  valid: [
    { name: 'time frames with units', record },
    { name: 'time frames in posted results', record: withResults },
    { name: 'a number with its unit', record: planted(record, { [pointer]: '12 weeks' }) },
    { name: 'a calendar date is not a bare count', record: planted(record, { [pointer]: '2025-12' }) },
    { name: "a time frame of the wrong type is the schema's finding", record: planted(record, { [pointer]: 12 }) },
  ],
  invalid: [
    {
      name: 'a bare number, with a choice of units',
      record: planted(record, { [pointer]: '12' }),
      errors: [
        {
          pointer,
          severity: 'warning',
          message: 'Time frame of primary outcome 1, "12", is only a number; add the unit, e.g. "12 weeks".',
        },
      ],
    },
    {
      name: 'a list of numbers',
      record: planted(record, { [`${outcomes}/secondaryOutcomes/0/timeFrame`]: '0, 4, 8' }),
      errors: [
        {
          pointer: `${outcomes}/secondaryOutcomes/0/timeFrame`,
          message: /secondary outcome 1, "0, 4, 8", is only a number/,
        },
      ],
    },
    {
      name: 'a range without a unit in posted results',
      record: planted(withResults, { '/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/timeFrame': '0-24' }),
      errors: [
        {
          pointer: '/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/timeFrame',
          message: /results outcome measure 1, "0-24"/,
        },
      ],
    },
  ],
});
