import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/phase-required';
import { planted, sampleRecord } from './fixtures';

const design = '/protocolSection/designModule';
const phases = `${design}/phases`;
const interventions = '/protocolSection/armsInterventionsModule/interventions';
// PHASE3, one DRUG intervention "Levitra (Vardenafil, BAY38-9456)".
const drugTrial = sampleRecord('NCT00668018');
// PHASE3, BIOLOGICAL "Platelet rich plasma" first, then OTHER.
const biologicalTrial = sampleRecord('NCT04357353');
// NA, one DEVICE intervention "ED surgery".
const deviceTrial = sampleRecord('NCT03651024');
// An observational study: no phase expected.
const observational = sampleRecord('NCT00007696');

new RuleTester().run(rule, {
  valid: [
    { name: 'a drug trial with its phase', record: drugTrial },
    { name: 'a device trial with NA', record: deviceTrial },
    { name: 'NA is a phase for a drug trial too', record: planted(drugTrial, { [phases]: ['NA'] }) },
    { name: 'an observational study without phases', record: observational },
    { name: 'no design module', record: { protocolSection: { identificationModule: {} } } },
  ],
  invalid: [
    {
      name: 'a drug trial without phases: error',
      record: planted(drugTrial, { [phases]: undefined }),
      errors: [
        {
          pointer: phases,
          severity: 'error',
          message:
            'No phase (phases), though this interventional study gives Drug "Levitra (Vardenafil, BAY38-9456)"; the registry requires the phase of a drug or biological study, e.g. ["PHASE2"], or ["NA"] when the trial has no phases.',
          related: [`${interventions}/0/type`],
        },
      ],
    },
    {
      name: 'a biological trial with an empty phase list: error',
      record: planted(biologicalTrial, { [phases]: [] }),
      errors: [
        {
          pointer: phases,
          severity: 'error',
          message: /^No phase \(phases\), though this interventional study gives Biological "Platelet rich plasma"/,
          related: [`${interventions}/0/type`],
        },
      ],
    },
    {
      name: 'the drug need not come first',
      record: planted(biologicalTrial, {
        [phases]: undefined,
        [`${interventions}/0/type`]: 'PROCEDURE',
        [`${interventions}/1/type`]: 'DRUG',
      }),
      errors: [
        {
          pointer: phases,
          severity: 'error',
          message: /gives Drug "Placebo Sham Injection"/,
          related: [`${interventions}/1/type`],
        },
      ],
    },
    {
      name: 'a device trial without phases: warning, fixed with NA',
      record: planted(deviceTrial, { [phases]: undefined }),
      errors: [
        {
          pointer: phases,
          severity: 'warning',
          message:
            'No phase (phases) given for this interventional study; with no drug or biological intervention, the registry recommends ["NA"] (Not Applicable).',
        },
      ],
      // The fix adds the key at the end of the design module.
      output: planted(planted(deviceTrial, { [phases]: undefined }), { [phases]: ['NA'] }),
    },
    {
      name: 'an intervention without a type: warning without a fix',
      record: planted(deviceTrial, { [phases]: undefined, [`${interventions}/0/type`]: undefined }),
      errors: [
        { pointer: phases, severity: 'warning', message: /give the phase of a drug or biological study, or \["NA"\]/ },
      ],
      output: planted(deviceTrial, { [phases]: undefined, [`${interventions}/0/type`]: undefined }),
    },
  ],
});
