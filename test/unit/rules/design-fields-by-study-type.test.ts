import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/design-fields-by-study-type';
import { corpusRecord, planted } from './fixtures';

const interventional = corpusRecord('NCT03418623');
const observational = corpusRecord('NCT03475563');
const design = '/protocolSection/designModule';
const designInfo = `${design}/designInfo`;
const studyType = `${design}/studyType`;
const expandedAccess = planted(interventional, {
  [studyType]: 'EXPANDED_ACCESS',
  [`${design}/phases`]: undefined,
  [designInfo]: undefined,
  [`${design}/expandedAccessTypes`]: { individual: true },
});

new RuleTester().run(rule, {
  valid: [
    { name: 'a real interventional record', record: interventional },
    { name: 'a real observational patient registry (patientRegistry, targetDuration)', record: observational },
    { name: 'a real observational cohort', record: corpusRecord('NCT06171568') },
    { name: 'an expanded access record with its access types', record: expandedAccess },
    {
      name: 'no study type: nothing to compare with',
      record: planted(observational, { [studyType]: undefined, [`${designInfo}/allocation`]: 'RANDOMIZED' }),
    },
    { name: 'a design info of the wrong type', record: planted(observational, { [designInfo]: ['COHORT'] }) },
    { name: 'a partial record without design info', record: corpusRecord('NCT06604689', 'ctgov-v2-partial') },
  ],
  invalid: [
    {
      name: 'an observational study with a primary purpose',
      record: planted(observational, { [`${designInfo}/primaryPurpose`]: 'TREATMENT' }),
      errors: [
        {
          pointer: `${designInfo}/primaryPurpose`,
          severity: 'warning',
          message: /"primaryPurpose" is recorded only for INTERVENTIONAL studies, and this study is OBSERVATIONAL/,
          related: [studyType],
        },
      ],
    },
    {
      name: 'an observational study with masking',
      record: planted(observational, { [`${designInfo}/maskingInfo`]: { masking: 'NONE' } }),
      errors: [{ pointer: `${designInfo}/maskingInfo` }],
    },
    {
      name: 'an interventional study marked as a patient registry',
      record: planted(interventional, { [`${design}/patientRegistry`]: false }),
      errors: [
        {
          pointer: `${design}/patientRegistry`,
          message: /only for OBSERVATIONAL studies, and this study is INTERVENTIONAL/,
        },
      ],
    },
    {
      name: 'an interventional study with biospecimens and a time perspective',
      record: planted(interventional, {
        [`${design}/bioSpec`]: { retention: 'SAMPLES_WITH_DNA' },
        [`${designInfo}/timePerspective`]: 'PROSPECTIVE',
      }),
      errors: [{ pointer: `${design}/bioSpec` }, { pointer: `${designInfo}/timePerspective` }],
    },
    {
      name: 'an observational study with expanded access types',
      record: planted(observational, { [`${design}/expandedAccessTypes`]: { treatment: true } }),
      errors: [{ pointer: `${design}/expandedAccessTypes`, message: /only for EXPANDED_ACCESS/ }],
    },
    {
      name: 'an expanded access record with an allocation and an observational model',
      record: planted(expandedAccess, { [designInfo]: { allocation: 'NA', observationalModel: 'COHORT' } }),
      errors: [
        { pointer: `${designInfo}/allocation`, message: /this study is EXPANDED_ACCESS/ },
        { pointer: `${designInfo}/observationalModel`, message: /this study is EXPANDED_ACCESS/ },
      ],
    },
    {
      name: 'a misplaced field of the wrong type is still misplaced',
      record: planted(observational, { [`${designInfo}/allocation`]: null }),
      errors: [{ pointer: `${designInfo}/allocation` }],
    },
  ],
});
