import { defineRule } from '../service/types';
import { asString, interventions, POINTERS } from './study';
import { isIndividualPatientExpandedAccess, isMissing } from './support/required-outcomes-eligibility';

/** A placebo has no brand or code names to give. */
const PLACEBO = /\b(?:placebo|sham)\b/i;

/** No list, or one of blank names only: the empty name a suggestion inserts does not count until it is filled in. */
function listsNoName(otherNames: unknown): boolean {
  return (
    isMissing(otherNames) ||
    (Array.isArray(otherNames) && otherNames.every((other) => typeof other === 'string' && other.trim() === ''))
  );
}

export default defineRule({
  meta: {
    id: 'drug-other-names',
    severity: 'hint',
    category: 'required',
    description: 'Drug interventions list their other names (brand, generic, code names)',
    source: 'REQ-13',
    docs:
      'People search the registry by any name a drug goes by. The registry asks for the other names of a drug intervention ' +
      '(brand names, the generic name, sponsor code names or serial numbers) when it has any; many real drugs in accepted ' +
      'records have none listed, so this is only a hint; placebos are left out. Example: an intervention named "Palbociclib" lists ' +
      '["PD-0332991", "Ibrance"].',
    fixable: false,
  },
  check(context) {
    if (isIndividualPatientExpandedAccess(context.record)) return;
    interventions(context.record).forEach((intervention, index) => {
      const name = asString(intervention.name)?.trim();
      if (intervention.type !== 'DRUG' || !listsNoName(intervention.otherNames) || (name && PLACEBO.test(name))) return;
      const pointer = `${POINTERS.arms}/interventions/${index}/otherNames`;
      context.report({
        pointer,
        message: `Drug ${name ? `"${name}"` : `intervention ${index + 1}`} lists no other names (otherNames); add the brand, generic or code names it is also known by, if it has any.`,
        suggestions: [{ title: 'Insert an empty list of other names', changes: [{ op: 'set', pointer, value: [''] }] }],
      });
    });
  },
});
