import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/outcome-results-coverage';
import { planted, sampleRecord } from './fixtures';

const measures = '/resultsSection/outcomeMeasuresModule/outcomeMeasures';
const primary = '/protocolSection/outcomesModule/primaryOutcomes/0';
// One primary and three secondary outcomes, each reported with the same title and time frame.
const record = sampleRecord('NCT00084552');

new RuleTester().run(rule, {
  valid: [
    { name: 'every protocol outcome reported (NCT00084552)', record },
    {
      name: 'one title measured at several time points, reported as several measures (NCT00711529)',
      record: sampleRecord('NCT00711529'),
    },
    {
      name: 'titles compared ignoring case and spacing',
      record: planted(record, { [`${measures}/0/title`]: '  erectile dysfunction   RATES' }),
    },
    {
      name: 'an outcome reported as NOT_POSTED counts as reported',
      record: planted(record, { [`${measures}/0/reportingStatus`]: 'NOT_POSTED' }),
    },
    { name: 'a record without results (NCT00000410)', record: sampleRecord('NCT00000410') },
  ],
  invalid: [
    {
      name: 'the primary outcome renamed in the results',
      record: planted(record, { [`${measures}/0/title`]: 'Erectile Dysfunction' }),
      errors: [
        {
          pointer: `${primary}/measure`,
          severity: 'warning',
          message:
            'Primary outcome "Erectile Dysfunction Rates" has no primary outcome measure of that title in the results; report it (or mark it NOT_POSTED if its results are not due yet), with the same title.',
          related: [measures],
        },
      ],
    },
    {
      name: 'the primary outcome reported as secondary',
      record: planted(record, { [`${measures}/0/type`]: 'SECONDARY' }),
      errors: [
        {
          pointer: `${primary}/measure`,
          message: /^Primary outcome "Erectile Dysfunction Rates" has no primary outcome measure of that title/,
        },
      ],
    },
    {
      name: 'another time frame in the results',
      record: planted(record, { [`${measures}/0/timeFrame`]: '3 year duration after completion of radiotherapy' }),
      errors: [
        {
          pointer: `${primary}/timeFrame`,
          severity: 'warning',
          message:
            'Time frame "5 year duration after completion of radiotherapy" here, but the results report this outcome over "3 year duration after completion of radiotherapy"; use the same time frame in both.',
          related: [`${measures}/0/timeFrame`],
        },
      ],
    },
  ],
});
