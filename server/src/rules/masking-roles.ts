import { defineRule, type Fix } from '../service/types';
import { asObject } from './study';
import { DESIGN_INFO, designInfo } from './support/design-arms';
import { quoteAll } from '../service/words';

/** The masking level for each number of masked roles. */
const LEVELS = ['NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE'] as const;
const ROLES = new Set(['PARTICIPANT', 'CARE_PROVIDER', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR']);
const MASKING = `${DESIGN_INFO}/maskingInfo/masking`;
const WHO_MASKED = `${DESIGN_INFO}/maskingInfo/whoMasked`;

export default defineRule({
  meta: {
    id: 'masking-roles',
    severity: 'error',
    category: 'design',
    description: 'The masking level matches the number of masked roles (NONE 0 … QUADRUPLE 4)',
    source: 'DES-05',
    docs:
      'The masking level is a count of who is kept unaware of the assignments: participant, care provider, ' +
      'investigator and outcomes assessor. No role is NONE (open label), one is SINGLE, two DOUBLE, three TRIPLE and ' +
      'all four QUADRUPLE; the registry derives the level from the roles ticked. Example: whoMasked ["PARTICIPANT", ' +
      '"INVESTIGATOR"] is DOUBLE, not TRIPLE. A level without any roles listed (common in older records) is not checked.',
    fixable: true,
  },
  check(context) {
    const maskingInfo = asObject(designInfo(context.record)?.maskingInfo);
    const masking = maskingInfo?.masking;
    const whoMasked = maskingInfo?.whoMasked;
    if (typeof masking !== 'string' || !(LEVELS as readonly string[]).includes(masking) || !Array.isArray(whoMasked))
      return;
    if (whoMasked.some((role) => typeof role !== 'string' || !ROLES.has(role))) return;
    const roles = [...new Set(whoMasked as string[])];
    const level = LEVELS[roles.length];
    if (masking === level) return;
    const fix: Fix = { title: `Set the masking to ${level}`, changes: [{ op: 'set', pointer: MASKING, value: level }] };
    context.report({
      pointer: MASKING,
      message:
        roles.length === 0
          ? `Masking is ${masking}, but no role is listed as masked; list the masked roles in whoMasked, or set the masking to NONE.`
          : `Masking is ${masking}, but ${roles.length === 1 ? 'one role is' : `${roles.length} roles are`} masked (${roles.join(', ')}); that is ${level}.`,
      related: [
        {
          pointer: WHO_MASKED,
          message: roles.length === 0 ? 'No masked roles are listed here.' : `Masked roles: ${quoteAll(roles)}.`,
        },
      ],
      // With no roles listed the roles may simply be missing, so lowering the level is only offered.
      fix: roles.length > 0 ? fix : undefined,
      suggestions: roles.length === 0 ? [fix] : undefined,
    });
  },
});
