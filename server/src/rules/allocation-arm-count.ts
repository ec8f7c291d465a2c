import { defineRule } from '../service/types';
import { POINTERS, studyType } from './study';
import { armCount, DESIGN_INFO, designInfo, pluralArms } from './support/design-arms';

const ALLOCATION = `${DESIGN_INFO}/allocation`;
const ARM_GROUPS = `${POINTERS.arms}/armGroups`;

export default defineRule({
  meta: {
    id: 'allocation-arm-count',
    severity: 'warning',
    category: 'design',
    description: 'Allocation NA goes with a single arm, RANDOMIZED and NON_RANDOMIZED with two or more',
    source: 'DES-06',
    docs:
      'Allocation says how participants are divided between arms, so it only applies when there is more than one arm: ' +
      'a single-arm study has allocation NA, and a study with NA has one arm. Example: a study with arms "Drug A" and ' +
      '"Placebo" is RANDOMIZED or NON_RANDOMIZED, not NA; an open-label study with one arm "Drug A" is NA.',
    fixable: false,
  },
  check(context) {
    if (studyType(context.record) !== 'INTERVENTIONAL') return;
    const allocation = designInfo(context.record)?.allocation;
    const arms = armCount(context.record);
    if (arms === undefined || typeof allocation !== 'string') return;
    const related = [{ pointer: ARM_GROUPS, message: `The study has ${pluralArms(arms)}.`, target: 'key' as const }];
    if (allocation === 'NA' && arms > 1) {
      context.report({
        pointer: ALLOCATION,
        message: `Allocation is NA, which means a single arm, but the study has ${pluralArms(arms)}; say how participants are allocated: RANDOMIZED or NON_RANDOMIZED.`,
        related,
        suggestions: ['RANDOMIZED', 'NON_RANDOMIZED'].map((value) => ({
          title: `Set the allocation to ${value}`,
          changes: [{ op: 'set' as const, pointer: ALLOCATION, value }],
        })),
      });
    } else if ((allocation === 'RANDOMIZED' || allocation === 'NON_RANDOMIZED') && arms === 1) {
      context.report({
        pointer: ALLOCATION,
        message: `Allocation is ${allocation}, but the study has a single arm, so there is nothing to allocate between; a single-arm study has allocation NA.`,
        related,
        suggestions: [
          { title: 'Set the allocation to NA', changes: [{ op: 'set', pointer: ALLOCATION, value: 'NA' }] },
        ],
      });
    }
  },
});
