import { defineRule } from '../service/types';
import { armPointer, armViews } from './support/design-arms';

export default defineRule({
  meta: {
    id: 'unique-arm-labels',
    severity: 'error',
    category: 'arms',
    description: 'Each arm has its own label',
    source: 'ARM-06',
    docs:
      'Interventions name the arms they are given in by label, so two arms with the same label cannot be told apart. ' +
      'Labels that differ only in upper and lower case are distinct to the registry but easy to confuse, and are ' +
      'reported as a warning. Example: two arms both labelled "Cohort A" should become "Cohort A (20 mg)" and ' +
      '"Cohort A (40 mg)".',
    fixable: false,
  },
  check(context) {
    const firstByLabel = new Map<string, number>();
    const firstByFoldedLabel = new Map<string, number>();
    const arms = armViews(context.record);
    for (const arm of arms) {
      if (arm.label === undefined) continue;
      const folded = arm.label.toLowerCase();
      const exact = firstByLabel.get(arm.label);
      const similar = firstByFoldedLabel.get(folded);
      const pointer = `${armPointer(arm.index)}/label`;
      if (exact !== undefined) {
        context.report({
          pointer,
          message: `Arm ${exact + 1} is already labelled "${arm.label}"; give each arm its own label so interventions can say which arm they belong to.`,
          related: [{ pointer: `${armPointer(exact)}/label`, message: `"${arm.label}" is first used here.` }],
        });
      } else if (similar !== undefined) {
        const other = arms[similar].label;
        context.report({
          pointer,
          severity: 'warning',
          message: `Label "${arm.label}" differs from arm ${similar + 1}'s "${other}" only in upper and lower case; make the labels clearly different.`,
          related: [{ pointer: `${armPointer(similar)}/label`, message: `Arm ${similar + 1} is labelled "${other}".` }],
        });
      }
      if (exact === undefined) firstByLabel.set(arm.label, arm.index);
      if (similar === undefined) firstByFoldedLabel.set(folded, arm.index);
    }
  },
});
