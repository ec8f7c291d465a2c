import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/phase-na-suggested';
import { corpusRecord, planted } from './fixtures';

const behavioral = corpusRecord('NCT03630471');
const device = corpusRecord('NCT04207047');
const design = '/protocolSection/designModule';
const arms = '/protocolSection/armsInterventionsModule';
const tester = new RuleTester();

tester.run(rule, {
  valid: [
    { name: 'a real phase 2 drug study', record: corpusRecord('NCT03418623') },
    { name: 'NA with drugs is fine too (real NCT00763412)', record: corpusRecord('NCT00763412') },
    { name: 'a real behavioural study with NA', record: behavioral },
    { name: 'a real device study with NA', record: device },
    {
      name: 'a phase with a biological and an OTHER intervention (real NCT02552212)',
      record: corpusRecord('NCT02552212'),
    },
    {
      name: 'a genetic intervention is a product',
      record: planted(behavioral, { [`${design}/phases`]: ['PHASE1'], [`${arms}/interventions/0/type`]: 'GENETIC' }),
    },
    {
      name: 'a combination product is a product',
      record: planted(device, {
        [`${design}/phases`]: ['PHASE3'],
        [`${arms}/interventions/2/type`]: 'COMBINATION_PRODUCT',
      }),
    },
    {
      name: 'intervention types not given (real projection NCT01525901)',
      record: corpusRecord('NCT01525901', 'ctgov-v2-partial'),
    },
    {
      name: 'an unknown intervention type: the schema reports it',
      record: planted(behavioral, { [`${design}/phases`]: ['PHASE2'], [`${arms}/interventions/1/type`]: 'PILL' }),
    },
    {
      name: 'no interventions at all: nothing to judge by',
      record: planted(behavioral, { [`${design}/phases`]: ['PHASE2'], [`${arms}/interventions`]: undefined }),
    },
    {
      name: "observational studies are phases-interventional-only's",
      record: planted(corpusRecord('NCT03475563'), { [`${design}/phases`]: ['PHASE2'] }),
    },
    { name: 'phases of the wrong type', record: planted(behavioral, { [`${design}/phases`]: 'PHASE2' }) },
    {
      name: 'interventions of the wrong type',
      record: planted(behavioral, { [`${design}/phases`]: ['PHASE2'], [`${arms}/interventions`]: [null, 'Drug: X'] }),
    },
  ],
  invalid: [
    {
      name: 'a behavioural trial registered as phase 2',
      record: planted(behavioral, { [`${design}/phases`]: ['PHASE2'] }),
      errors: [
        {
          pointer: `${design}/phases`,
          severity: 'hint',
          message: /PHASE2: a phase .* BEHAVIORAL only; phase NA/,
          related: [`${arms}/interventions`],
        },
      ],
      output: planted(behavioral, { [`${design}/phases`]: ['PHASE2'] }),
    },
    {
      name: 'the earliest numbered phase counts too',
      record: planted(behavioral, { [`${design}/phases`]: ['EARLY_PHASE1'] }),
      errors: [{ pointer: `${design}/phases`, message: /EARLY_PHASE1/ }],
    },
    {
      name: 'a device trial with combined phases',
      record: planted(device, { [`${design}/phases`]: ['PHASE1', 'PHASE2'] }),
      errors: [{ pointer: `${design}/phases`, message: /PHASE1 \+ PHASE2: .* DEVICE only/ }],
    },
  ],
});

describe('phase-na-suggested offers NA as a suggestion only', () => {
  it('has a suggestion that sets ["NA"] and no automatic fix', () => {
    const [finding] = tester.findings(rule, { record: planted(behavioral, { [`${design}/phases`]: ['PHASE3'] }) });
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions).toEqual([
      { title: 'Set the phase to NA', changes: [{ op: 'set', pointer: `${design}/phases`, value: ['NA'] }] },
    ]);
  });
});
