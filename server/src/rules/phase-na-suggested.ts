import { defineRule } from '../service/types';
import { asArray, POINTERS, protocolModule, studyType } from './study';
import { knownInterventionTypes } from './support/design-arms';

/** Intervention types that are drug or biological products, for which a development phase means something. */
const PRODUCT_TYPES = new Set(['DRUG', 'BIOLOGICAL', 'COMBINATION_PRODUCT', 'GENETIC']);
const NUMBERED_PHASES = new Set(['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4']);

export default defineRule({
  meta: {
    id: 'phase-na-suggested',
    severity: 'hint',
    category: 'design',
    description: 'A numbered phase with no drug, biological, combination product or genetic intervention: consider NA',
    source: 'DES-03',
    docs:
      'Phases 1 to 4 count the steps of developing a drug or biological product. When none of the interventions is a ' +
      'drug, biological, combination product or genetic intervention, the registry recommends the phase NA ("Not ' +
      'Applicable"). Only this direction is checked: NA is also a valid choice for a study that gives a drug. Example: ' +
      'a trial of a walking programme (BEHAVIORAL) registered as PHASE2 would normally say NA.',
    fixable: false,
  },
  check(context) {
    if (studyType(context.record) !== 'INTERVENTIONAL') return;
    const phases = asArray(protocolModule(context.record, 'designModule')?.phases);
    const numbered = phases.filter((phase): phase is string => typeof phase === 'string' && NUMBERED_PHASES.has(phase));
    if (numbered.length === 0) return;
    const types = knownInterventionTypes(context.record);
    if (!types || types.some((type) => PRODUCT_TYPES.has(type))) return;
    const pointer = `${POINTERS.design}/phases`;
    context.report({
      pointer,
      message:
        `${numbered.join(' + ')}: a phase of drug or biological product development, but the interventions are ` +
        `${[...new Set(types)].join(', ')} only; phase NA ("Not Applicable") is recommended for such studies.`,
      related: [
        {
          pointer: `${POINTERS.arms}/interventions`,
          message: 'None of these interventions is a drug, biological, combination product or genetic intervention.',
          target: 'key',
        },
      ],
      suggestions: [{ title: 'Set the phase to NA', changes: [{ op: 'set', pointer, value: ['NA'] }] }],
    });
  },
});
