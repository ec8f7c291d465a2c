import { defineRule, type Fix } from '../service/types';
import { asObject } from './study';
import { DESIGN_INFO, designInfo } from './support/design-arms';
import { isSubmitted } from './support/registry-periods';
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
      '"INVESTIGATOR"] is DOUBLE, not TRIPLE. A level without any roles listed is common in older records: 13 sample ' +
      'records say SINGLE or DOUBLE without a role list, all first submitted 2005–2008 and two of them updated in 2021, ' +
      'so the registry keeps such records and published ones are not checked. A record not submitted yet (no ' +
      '`studyFirstSubmitDate`) that sets a level without listing its roles gets a warning, since the registry ' +
      'derives the level from the roles.',
    fixable: true,
  },
  check(context) {
    const maskingInfo = asObject(designInfo(context.record)?.maskingInfo);
    const masking = maskingInfo?.masking;
    const whoMasked = maskingInfo?.whoMasked;
    const rolesForLevel = (LEVELS as readonly string[]).indexOf(masking as string);
    if (rolesForLevel < 0) return;
    if (whoMasked === undefined && rolesForLevel > 0 && !isSubmitted(context.record)) {
      context.report({
        pointer: MASKING,
        severity: 'warning',
        message: `Masking is ${masking}, but the masked roles are not listed (whoMasked); list ${rolesForLevel} of PARTICIPANT, CARE_PROVIDER, INVESTIGATOR and OUTCOMES_ASSESSOR, or set the masking to NONE.`,
      });
      return;
    }
    if (!Array.isArray(whoMasked)) return;
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
