import { defineRule } from '../service/types';
import { referenceRepair } from './support/design-arms';
import { armGroups, asArray, asString, interventions, POINTERS } from './study';

export default defineRule({
  meta: {
    id: 'arm-label-reference',
    severity: 'error',
    category: 'arms',
    description: "Each intervention's arm group labels name an existing arm",
    source: 'ARM-01',
    docs:
      'An intervention lists the arms that receive it by their exact labels. A label that matches no arm breaks the link ' +
      'between arms and interventions on the registry page. Example: with an arm labelled "Placebo", an intervention must ' +
      'list "Placebo", not "placebo arm". The fix replaces a label when exactly one arm is close to it: the one arm whose label ' +
      'differs only in letter case or surrounding spaces ("placebo" for "Placebo"), or else the one arm within a typo\'s ' +
      'distance; when several are that close they are offered as suggestions.',
    fixable: true,
  },
  check(context) {
    const labels = armGroups(context.record)
      .map((arm) => asString(arm.label))
      .filter((label): label is string => label !== undefined);
    interventions(context.record).forEach((intervention, index) => {
      asArray(intervention.armGroupLabels).forEach((label, position) => {
        if (typeof label !== 'string' || labels.includes(label)) return;
        const pointer = `${POINTERS.arms}/interventions/${index}/armGroupLabels/${position}`;
        const { suggestion, fix, suggestions } = referenceRepair(label, labels, pointer);
        context.report({
          pointer,
          message: suggestion
            ? `No arm is labelled "${label}"; did you mean "${suggestion}"?`
            : `No arm is labelled "${label}". Arms: ${labels.map((l) => `"${l}"`).join(', ') || 'none'}.`,
          fix,
          suggestions,
        });
      });
    });
  },
});
