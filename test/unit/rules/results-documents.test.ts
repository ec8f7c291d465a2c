import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/results-documents';
import { planted, sampleRecord } from './fixtures';

const documents = '/documentSection/largeDocumentModule';
// Primary completion 2017-12-29; a protocol (largeDocs/0) and a statistical analysis plan (largeDocs/1).
const record = sampleRecord('NCT00867815');

new RuleTester().run(rule, {
  valid: [
    { name: 'protocol and plan uploaded (NCT00867815)', record },
    { name: 'a protocol and noSap (NCT04326231)', record: sampleRecord('NCT04326231') },
    { name: 'results completed before 2017-01-18 (NCT00084552)', record: sampleRecord('NCT00084552') },
    { name: 'no results (NCT00000410)', record: sampleRecord('NCT00000410') },
  ],
  invalid: [
    {
      name: 'the plan removed',
      record: planted(record, { [`${documents}/largeDocs/1`]: undefined }),
      errors: [
        {
          pointer: `${documents}/largeDocs`,
          severity: 'warning',
          message:
            'Results lack the statistical analysis plan; a study whose primary completion is on or after 2017-01-18 uploads them with its results (largeDocs with hasProtocol and hasSap, or noSap when there is no separate plan).',
        },
      ],
    },
    {
      name: 'no document section at all',
      record: planted(record, { '/documentSection': undefined }),
      errors: [
        {
          pointer: '/documentSection',
          message: /^Results lack the study protocol and the statistical analysis plan;/,
        },
      ],
    },
    {
      name: 'finalRule "always" asks it of an older record',
      record: sampleRecord('NCT00084552'),
      options: { finalRule: 'always' },
      errors: [
        {
          pointer: '/documentSection',
          message: /^Results lack the study protocol and the statistical analysis plan;/,
        },
      ],
    },
  ],
});
