import { defineRule } from '../service/types';
import { schemaAt } from '../service/studySchema';
import { armGroups, POINTERS, studyType } from './study';
import { armName, armPointer, armViews } from './support/design-arms';

/** The arm types, in the schema's order. */
const ARM_TYPES: readonly string[] = schemaAt(`${POINTERS.arms}/armGroups/0/type`)?.enum ?? [];

export default defineRule({
  meta: {
    id: 'arm-type-required',
    severity: 'warning',
    category: 'arms',
    description: 'Interventional arms have a type; observational groups have none',
    source: 'ARM-07',
    docs:
      'An interventional arm says what role it plays in the comparison: EXPERIMENTAL, ACTIVE_COMPARATOR, ' +
      'PLACEBO_COMPARATOR, SHAM_COMPARATOR, NO_INTERVENTION or OTHER. Observational groups (cohorts) are not assigned ' +
      'by the study and carry no type; a type there is only hinted at. Example: in a placebo-controlled trial the arm ' +
      '"Placebo" has type PLACEBO_COMPARATOR.',
    fixable: false,
  },
  check(context) {
    const type = studyType(context.record);
    if (type === 'INTERVENTIONAL') {
      const rawArms = armGroups(context.record);
      for (const arm of armViews(context.record)) {
        // A type of the wrong kind is the schema's finding, not a missing type (armViews leaves out arms that are not objects).
        const rawType = rawArms[arm.index].type;
        if (rawType !== undefined && rawType !== null) continue;
        const pointer = `${armPointer(arm.index)}/type`;
        context.report({
          pointer,
          message: `${armName(arm)} has no type; an interventional arm is one of ${ARM_TYPES.join(', ')}.`,
          suggestions: ARM_TYPES.map((value) => ({
            title: `Set the arm type to ${value}`,
            changes: [{ op: 'set' as const, pointer, value }],
          })),
        });
      }
    } else if (type === 'OBSERVATIONAL') {
      for (const arm of armViews(context.record)) {
        if (arm.type === undefined) continue;
        const pointer = `${armPointer(arm.index)}/type`;
        context.report({
          pointer,
          target: 'key',
          severity: 'hint',
          message: `${arm.label === undefined ? `Group ${arm.index + 1}` : `Group "${arm.label}"`} has the type ${arm.type}, but observational groups are not assigned by the study and carry no type; remove it.`,
          suggestions: [{ title: 'Remove the group type', changes: [{ op: 'remove', pointer }] }],
        });
      }
    }
  },
});
