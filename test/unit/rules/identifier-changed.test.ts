import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/identifier-changed';
import { corpusRecord, planted } from './fixtures';

const identification = '/protocolSection/identificationModule';
const record = corpusRecord('NCT03418623');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'no earlier version', record: planted(record, { [`${identification}/nctId`]: 'NCT09999999' }) },
    { name: 'unchanged', record, previous: record },
    {
      name: 'a draft gets its NCT number',
      record,
      previous: planted(record, { [`${identification}/nctId`]: undefined }),
    },
  ],
  invalid: [
    {
      name: 'the NCT number changed',
      record: planted(record, { [`${identification}/nctId`]: 'NCT03418624' }),
      previous: record,
      errors: [
        {
          pointer: `${identification}/nctId`,
          severity: 'warning',
          message:
            "NCT number changed from NCT03418623 to NCT03418624: the registry never changes a study's NCT number, so this file now describes another study or was overwritten; restore NCT03418623 or keep the other study in its own file.",
        },
      ],
    },
    {
      name: 'the NCT number removed',
      record: planted(record, { [`${identification}/nctId`]: undefined }),
      previous: record,
      errors: [{ pointer: `${identification}/nctId`, message: /changed from NCT03418623 to none/ }],
    },
    {
      name: "the organization's study ID changed",
      record: planted(record, { [`${identification}/orgStudyIdInfo/id`]: 'GET73-2' }),
      previous: record,
      errors: [
        {
          pointer: `${identification}/orgStudyIdInfo/id`,
          message:
            'Organization\'s study ID changed from "GET73 ¹H-MRS" to "GET73-2": it is how the sponsor and the registry find the record; make sure the change is intended.',
        },
      ],
    },
  ],
});
