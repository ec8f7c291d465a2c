import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/expanded-access-status';
import { corpusRecord, planted } from './fixtures';

const overall = '/protocolSection/statusModule/overallStatus';
const studyType = '/protocolSection/designModule/studyType';
const interventional = corpusRecord('NCT03418623');
const observational = corpusRecord('NCT05594173');
// No expanded access record is in the corpus: an interventional record turned into one.
const expandedAccess = planted(interventional, { [studyType]: 'EXPANDED_ACCESS', [overall]: 'AVAILABLE' });

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real interventional record', record: interventional },
    { name: 'a real observational record', record: observational },
    { name: 'an expanded access record that is AVAILABLE', record: expandedAccess },
    {
      name: 'an expanded access record APPROVED_FOR_MARKETING',
      record: planted(expandedAccess, { [overall]: 'APPROVED_FOR_MARKETING' }),
    },
    {
      name: "a status outside both lists is the schema's finding",
      record: planted(interventional, { [overall]: 'FINISHED' }),
    },
    {
      name: 'no study type: nothing to compare with',
      record: planted(interventional, { [studyType]: undefined, [overall]: 'AVAILABLE' }),
    },
    { name: 'a status of the wrong type', record: planted(interventional, { [overall]: ['AVAILABLE'] }) },
  ],
  invalid: [
    {
      name: 'an interventional study that is AVAILABLE',
      record: planted(interventional, { [overall]: 'AVAILABLE' }),
      errors: [
        {
          pointer: overall,
          severity: 'error',
          message:
            /^AVAILABLE is an expanded access status, but this is an interventional study; its status is one of NOT_YET_RECRUITING, .*WITHDRAWN\.$/,
          related: [studyType],
        },
      ],
    },
    {
      name: 'an observational study that is NO_LONGER_AVAILABLE',
      record: planted(observational, { [overall]: 'NO_LONGER_AVAILABLE' }),
      errors: [{ pointer: overall, severity: 'error', message: /but this is an observational study/ }],
    },
    {
      name: 'an expanded access record that is RECRUITING',
      record: planted(expandedAccess, { [overall]: 'RECRUITING' }),
      errors: [
        {
          pointer: overall,
          severity: 'error',
          message:
            'RECRUITING is a recruitment status, but this is an expanded access record; its status is one of AVAILABLE, NO_LONGER_AVAILABLE, TEMPORARILY_NOT_AVAILABLE, APPROVED_FOR_MARKETING.',
          related: [studyType],
        },
      ],
    },
    {
      name: 'a real UNKNOWN record: a hint only, the registry set that status',
      record: corpusRecord('NCT03475563'),
      errors: [
        {
          pointer: overall,
          severity: 'hint',
          message: /^UNKNOWN is set by the registry, not chosen when writing a record/,
        },
      ],
    },
    {
      name: 'WITHHELD: a hint',
      record: planted(interventional, { [overall]: 'WITHHELD' }),
      errors: [{ pointer: overall, severity: 'hint', message: /WITHHELD is set by the registry.*device/ }],
    },
  ],
});
