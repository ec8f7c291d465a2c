import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/phases-interventional-only';
import { corpusRecord, planted } from './fixtures';

const interventional = corpusRecord('NCT03418623');
const observational = corpusRecord('NCT03475563');
const design = '/protocolSection/designModule';

new RuleTester().run(rule, {
  valid: [
    { name: 'a real interventional record with a phase', record: interventional },
    { name: 'a real observational record without phases', record: observational },
    { name: 'an empty phase list says nothing', record: planted(observational, { [`${design}/phases`]: [] }) },
    {
      name: 'no study type: nothing to compare with',
      record: planted(interventional, { [`${design}/studyType`]: undefined }),
    },
    { name: 'a design module of the wrong type', record: planted(interventional, { [design]: 'INTERVENTIONAL' }) },
    { name: 'a study type of the wrong type', record: planted(interventional, { [`${design}/studyType`]: 7 }) },
  ],
  invalid: [
    {
      name: 'an observational study with phase NA',
      record: planted(observational, { [`${design}/phases`]: ['NA'] }),
      errors: [
        {
          pointer: `${design}/phases`,
          severity: 'warning',
          message: /OBSERVATIONAL.*only for INTERVENTIONAL/,
          related: [`${design}/studyType`],
        },
      ],
    },
    {
      name: 'an expanded access record with a phase',
      record: planted(interventional, { [`${design}/studyType`]: 'EXPANDED_ACCESS' }),
      errors: [{ pointer: `${design}/phases`, message: /^Phases given, but the study is EXPANDED_ACCESS/ }],
    },
    {
      name: 'phases of the wrong type on an observational study are still out of place',
      record: planted(observational, { [`${design}/phases`]: 'PHASE2' }),
      errors: [{ pointer: `${design}/phases` }],
    },
  ],
});
