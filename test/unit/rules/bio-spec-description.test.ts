import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/bio-spec-description';
import { corpusRecord, planted } from './fixtures';

const observational = corpusRecord('NCT03475563');
const bioSpec = '/protocolSection/designModule/bioSpec';

new RuleTester().run(rule, {
  valid: [
    { name: 'a real observational record without biospecimens', record: observational },
    {
      name: 'retained samples with a description',
      record: planted(observational, {
        [bioSpec]: { retention: 'SAMPLES_WITH_DNA', description: 'Whole blood and serum' },
      }),
    },
    {
      name: 'nothing retained and nothing described',
      record: planted(observational, { [bioSpec]: { retention: 'NONE_RETAINED' } }),
    },
    {
      name: 'nothing retained and an empty description',
      record: planted(observational, { [bioSpec]: { retention: 'NONE_RETAINED', description: '' } }),
    },
    {
      name: 'a description without a retention',
      record: planted(observational, { [bioSpec]: { description: 'Serum' } }),
    },
    { name: 'a biospecimen block of the wrong type', record: planted(observational, { [bioSpec]: 'NONE_RETAINED' }) },
  ],
  invalid: [
    {
      name: 'nothing retained but specimens described',
      record: planted(observational, {
        [bioSpec]: { retention: 'NONE_RETAINED', description: 'Serum samples stored at -80 °C' },
      }),
      errors: [
        {
          pointer: `${bioSpec}/description`,
          severity: 'warning',
          message: /NONE_RETAINED.*remove the description, or set the retention/,
          related: [`${bioSpec}/retention`],
        },
      ],
      output: planted(observational, {
        [bioSpec]: { retention: 'NONE_RETAINED', description: 'Serum samples stored at -80 °C' },
      }),
    },
  ],
});
