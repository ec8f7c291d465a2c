import { defineRule } from '../service/types';
import { asArray, POINTERS, protocolModule } from './study';

const ALLOWED_PAIRS = [
  ['PHASE1', 'PHASE2'],
  ['PHASE2', 'PHASE3'],
];

export default defineRule({
  meta: {
    id: 'phase-combination',
    severity: 'error',
    category: 'design',
    description: 'One phase, or exactly PHASE1+PHASE2 or PHASE2+PHASE3',
    source: 'DES-02',
    docs:
      'The registry accepts a single phase, or one of two combined phases: Phase 1/Phase 2 and Phase 2/Phase 3. ' +
      'NA, EARLY_PHASE1 and PHASE4 always stand alone. Example: ["PHASE1", "PHASE2"] is right; ["PHASE1", "PHASE3"] is not.',
    fixable: false,
  },
  check(context) {
    const phases = asArray(protocolModule(context.record, 'designModule')?.phases).filter(
      (p): p is string => typeof p === 'string',
    );
    const distinct = [...new Set(phases)].sort();
    if (distinct.length <= 1) return;
    if (distinct.length === 2 && ALLOWED_PAIRS.some((pair) => pair[0] === distinct[0] && pair[1] === distinct[1]))
      return;
    context.report({
      pointer: `${POINTERS.design}/phases`,
      message: `${distinct.join(' + ')} is not a phase combination the registry accepts; use one phase, or PHASE1 + PHASE2, or PHASE2 + PHASE3.`,
    });
  },
});
