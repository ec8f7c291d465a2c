import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/date-order';
import { corpusRecord, planted } from './fixtures';

const record = corpusRecord('NCT03418623');
const status = '/protocolSection/statusModule';

new RuleTester().run(rule, {
  valid: [
    { name: 'a real completed record', record },
    {
      name: 'dates equal at their common precision',
      record: planted(record, {
        [`${status}/primaryCompletionDateStruct/date`]: '2018-05',
        [`${status}/completionDateStruct/date`]: '2018-05',
        [`${status}/startDateStruct/date`]: '2018-05-30',
      }),
    },
    {
      name: 'missing dates are not compared',
      record: planted(record, { [`${status}/primaryCompletionDateStruct`]: undefined }),
    },
  ],
  invalid: [
    {
      name: 'completion before primary completion',
      record: planted(record, {
        [`${status}/primaryCompletionDateStruct/date`]: '2019-06-01',
        [`${status}/completionDateStruct/date`]: '2019-03-01',
      }),
      errors: [
        {
          pointer: `${status}/completionDateStruct/date`,
          message: /^Completion date 2019-03-01 is before the primary completion date 2019-06-01/,
          related: [`${status}/primaryCompletionDateStruct/date`],
        },
      ],
    },
    {
      name: 'primary completion before start',
      record: planted(record, { [`${status}/startDateStruct/date`]: '2030-01' }),
      errors: [
        { pointer: `${status}/primaryCompletionDateStruct/date`, related: [`${status}/startDateStruct/date`] },
        { pointer: `${status}/completionDateStruct/date`, related: [`${status}/startDateStruct/date`] },
      ],
    },
  ],
});
