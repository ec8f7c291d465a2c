import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/arm-type-required';
import { corpusRecord, planted } from './fixtures';

const interventional = corpusRecord('NCT03418623');
const observational = corpusRecord('NCT03475563');
const armGroups = '/protocolSection/armsInterventionsModule/armGroups';

new RuleTester().run(rule, {
  valid: [
    { name: 'real interventional arms with types', record: interventional },
    { name: 'a real observational group without a type', record: observational },
    { name: 'a real NO_INTERVENTION arm (NCT00973089)', record: corpusRecord('NCT00973089') },
    {
      name: "a type of the wrong kind is the schema's finding",
      record: planted(interventional, { [`${armGroups}/0/type`]: 3 }),
    },
    {
      name: 'no study type',
      record: planted(interventional, {
        '/protocolSection/designModule/studyType': undefined,
        [`${armGroups}/0/type`]: undefined,
      }),
    },
    {
      name: "an arm that is not an object is the schema's finding",
      record: planted(interventional, { [`${armGroups}/1`]: null }),
    },
    { name: 'arms of the wrong type', record: planted(interventional, { [armGroups]: { label: 'GET73' } }) },
  ],
  invalid: [
    {
      name: 'an interventional arm without a type',
      record: planted(interventional, { [`${armGroups}/0/type`]: undefined }),
      errors: [
        {
          pointer: `${armGroups}/0/type`,
          severity: 'warning',
          message: /Arm "GET73" has no type; an interventional arm is one of EXPERIMENTAL/,
        },
      ],
      output: planted(interventional, { [`${armGroups}/0/type`]: undefined }),
    },
    {
      name: 'an unlabelled arm without a type',
      record: planted(interventional, { [`${armGroups}/1/type`]: undefined, [`${armGroups}/1/label`]: undefined }),
      errors: [{ pointer: `${armGroups}/1/type`, message: /Arm 2 has no type/ }],
    },
    {
      name: 'an observational group with an arm type',
      record: planted(observational, { [`${armGroups}/0/type`]: 'EXPERIMENTAL' }),
      errors: [
        {
          pointer: `${armGroups}/0/type`,
          severity: 'hint',
          message: /Group "Patients with coronary artery disease" has the type EXPERIMENTAL/,
        },
      ],
    },
  ],
});
