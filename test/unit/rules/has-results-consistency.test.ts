import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/has-results-consistency';
import { corpusRecord, planted } from './fixtures';

const submitted = '/protocolSection/statusModule/resultsFirstSubmitDate';
// Results first submitted 2016-07-11 and posted.
const withResults = corpusRecord('NCT00763412');
const withoutResults = corpusRecord('NCT03418623');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real record with results', record: withResults },
    { name: 'a real record without results', record: withoutResults },
    {
      name: 'a partial extract with hasResults but no status module',
      record: corpusRecord('NCT00465816', 'ctgov-v2-partial'),
    },
    { name: 'no hasResults (left to other rules)', record: planted(withResults, { '/hasResults': undefined }) },
    {
      name: 'hasResults of the wrong type (the schema reports it)',
      record: planted(withoutResults, { '/hasResults': 'yes' }),
    },
  ],
  invalid: [
    {
      name: 'hasResults false on a record with results',
      record: planted(withResults, { '/hasResults': false }),
      errors: [
        {
          pointer: '/hasResults',
          severity: 'warning',
          message:
            'hasResults is false but the record has results (first submitted 2016-07-11, and a resultsSection); set it to true.',
          related: [submitted],
        },
      ],
      output: withResults,
    },
    {
      name: 'hasResults true on a record without results',
      record: planted(withoutResults, { '/hasResults': true }),
      errors: [
        {
          pointer: '/hasResults',
          message:
            /hasResults is true but the record has neither a results first submitted date nor a resultsSection; set it to false/,
          related: [submitted],
        },
      ],
      output: withoutResults,
    },
    {
      name: 'results without their first submitted date',
      record: planted(withResults, { [submitted]: undefined }),
      errors: [
        {
          pointer: '/hasResults',
          message:
            /^No results first submitted date \(statusModule\.resultsFirstSubmitDate\): hasResults is true and there is a resultsSection/,
          related: [submitted],
        },
      ],
    },
    {
      name: 'a results first submitted date on a record without results',
      record: planted(withoutResults, { [submitted]: '2021-01-15' }),
      errors: [
        {
          pointer: '/hasResults',
          message:
            /hasResults is false and there is no resultsSection, but statusModule.resultsFirstSubmitDate is 2021-01-15/,
          related: [submitted],
        },
      ],
    },
    {
      name: 'the results section missing from the file',
      record: planted(withResults, { '/resultsSection': undefined }),
      errors: [
        {
          pointer: '/hasResults',
          message: /hasResults is true \(results first submitted 2016-07-11\) but the record has no resultsSection/,
          related: [submitted],
        },
      ],
    },
    {
      name: 'a results section on a record flagged without results',
      record: planted(withResults, { '/hasResults': false, [submitted]: undefined }),
      errors: [
        {
          pointer: '/resultsSection',
          message: /^resultsSection present, but hasResults is false/,
          related: ['/hasResults'],
        },
      ],
    },
  ],
});
