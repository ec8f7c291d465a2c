import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/masking-roles';
import { corpusRecord, planted } from './fixtures';

const quadruple = corpusRecord('NCT03418623');
const openLabel = corpusRecord('NCT00184067');
const double = corpusRecord('NCT03630471');
const maskingInfo = '/protocolSection/designModule/designInfo/maskingInfo';
const masking = `${maskingInfo}/masking`;
const whoMasked = `${maskingInfo}/whoMasked`;
const firstSubmitted = '/protocolSection/statusModule/studyFirstSubmitDate';

new RuleTester().run(rule, {
  valid: [
    { name: 'real QUADRUPLE with four roles', record: quadruple },
    { name: 'real SINGLE with the investigator masked (NCT00973089)', record: corpusRecord('NCT00973089') },
    { name: 'real DOUBLE with two roles', record: double },
    { name: 'real TRIPLE with three roles (NCT02210780)', record: corpusRecord('NCT02210780') },
    { name: 'real open label without roles', record: openLabel },
    { name: 'NONE with an empty role list', record: planted(openLabel, { [whoMasked]: [] }) },
    {
      name: 'a published level without any role list (older records) is not checked',
      record: planted(double, { [whoMasked]: undefined }),
    },
    {
      name: 'a record being written with masking NONE needs no roles',
      record: planted(openLabel, { [whoMasked]: undefined, [firstSubmitted]: undefined }),
    },
    {
      name: 'a role named twice counts once',
      record: planted(double, { [whoMasked]: ['INVESTIGATOR', 'OUTCOMES_ASSESSOR', 'INVESTIGATOR'] }),
    },
    {
      name: 'an unknown role: the schema reports it',
      record: planted(double, { [whoMasked]: ['INVESTIGATOR', 'NURSE', 'OUTCOMES_ASSESSOR'] }),
    },
    { name: 'roles of the wrong type', record: planted(double, { [whoMasked]: 'INVESTIGATOR, OUTCOMES_ASSESSOR' }) },
    { name: 'an unknown masking level', record: planted(double, { [masking]: 'BLIND' }) },
    { name: 'masking info of the wrong type', record: planted(double, { [maskingInfo]: 'DOUBLE' }) },
  ],
  invalid: [
    {
      name: 'a record being written sets a level without listing the roles',
      record: planted(double, { [whoMasked]: undefined, [firstSubmitted]: undefined }),
      errors: [
        {
          pointer: masking,
          severity: 'warning',
          message:
            'Masking is DOUBLE, but the masked roles are not listed (whoMasked); list 2 of PARTICIPANT, CARE_PROVIDER, INVESTIGATOR and OUTCOMES_ASSESSOR, or set the masking to NONE.',
        },
      ],
    },
    {
      name: 'TRIPLE with four roles',
      record: planted(quadruple, { [masking]: 'TRIPLE' }),
      errors: [
        {
          pointer: masking,
          severity: 'error',
          message:
            /Masking is TRIPLE, but 4 roles are masked \(PARTICIPANT, CARE_PROVIDER, INVESTIGATOR, OUTCOMES_ASSESSOR\); that is QUADRUPLE/,
          related: [whoMasked],
        },
      ],
      output: quadruple,
    },
    {
      name: 'open label with a masked participant',
      record: planted(openLabel, { [whoMasked]: ['PARTICIPANT'] }),
      errors: [
        { pointer: masking, message: /Masking is NONE, but one role is masked \(PARTICIPANT\); that is SINGLE/ },
      ],
      output: planted(openLabel, { [whoMasked]: ['PARTICIPANT'], [masking]: 'SINGLE' }),
    },
    {
      name: 'one role removed from a DOUBLE study',
      record: planted(double, { [`${whoMasked}/0`]: undefined }),
      errors: [{ pointer: masking, message: /that is SINGLE/ }],
      output: planted(double, { [`${whoMasked}/0`]: undefined, [masking]: 'SINGLE' }),
    },
    {
      name: 'DOUBLE with an empty role list: lowering it is only suggested',
      record: planted(double, { [whoMasked]: [] }),
      errors: [{ pointer: masking, message: /no role is listed as masked/ }],
      output: planted(double, { [whoMasked]: [] }),
    },
  ],
});
