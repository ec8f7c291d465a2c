import { defineRule } from '../service/types';
import { referenceRepair } from './support/design-arms';
import { armGroups, asArray, interventionReference, interventions, POINTERS } from './study';

export default defineRule({
  meta: {
    id: 'intervention-name-reference',
    severity: 'error',
    category: 'arms',
    description: 'Each arm\'s intervention names are "<type label>: <name>" of an existing intervention',
    source: 'ARM-02',
    docs:
      "An arm refers to its interventions by the intervention type's display label, a colon and the intervention name, " +
      'exactly as the intervention is declared. Example: an intervention of type DIETARY_SUPPLEMENT named "Vitamin D" is ' +
      'referred to as "Dietary Supplement: Vitamin D". The fix replaces a name when exactly one intervention is close to it: ' +
      'the one whose reference differs only in letter case or surrounding spaces ("drug: aspirin" for "Drug: Aspirin"), or ' +
      "else the one within a typo's distance; when several are that close they are offered as suggestions.",
    fixable: true,
  },
  check(context) {
    const references = interventions(context.record)
      .map(interventionReference)
      .filter((reference): reference is string => reference !== undefined);
    armGroups(context.record).forEach((arm, index) => {
      asArray(arm.interventionNames).forEach((name, position) => {
        if (typeof name !== 'string' || references.includes(name)) return;
        const pointer = `${POINTERS.arms}/armGroups/${index}/interventionNames/${position}`;
        const { suggestion, fix, suggestions } = referenceRepair(name, references, pointer);
        const hint = name.includes(':') ? '' : ' It should read "<type label>: <name>", e.g. "Drug: Aspirin".';
        context.report({
          pointer,
          message: suggestion
            ? `No intervention is "${name}"; did you mean "${suggestion}"?`
            : `No intervention is "${name}".${hint} Interventions: ${references.map((r) => `"${r}"`).join(', ') || 'none'}.`,
          fix,
          suggestions,
        });
      });
    });
  },
});
