import { defineRule } from '../service/types';
import { asObject, asString, POINTERS, protocolModule } from './study';

const ORG_STUDY_ID = `${POINTERS.identification}/orgStudyIdInfo/id`;

/** Words that stand in for an identifier not yet known, compared in lower case with spaces collapsed. */
const PLACEHOLDERS = new Set([
  'tbd',
  'tba',
  'to be determined',
  'to be assigned',
  'to be confirmed',
  'unknown',
  'n/a',
  'na',
  'n.a.',
  'none',
  'nil',
  'null',
  'not applicable',
  'not available',
  'pending',
  'x',
  'xxx',
]);

/** A placeholder: one of the words above, only zeros, or no letter or digit at all ("-", "?", "..."). */
function isPlaceholder(id: string): boolean {
  const words = id.trim().toLowerCase().replace(/\s+/g, ' ');
  return PLACEHOLDERS.has(words) || /^0+$/.test(words) || !/[\p{L}\p{N}]/u.test(words);
}

export default defineRule({
  meta: {
    id: 'org-study-id-placeholder',
    severity: 'warning',
    category: 'required',
    description: "The organization's study ID identifies the study, not a placeholder such as TBD or N/A",
    source: 'REQ-01',
    docs:
      "The organization's unique protocol ID (`orgStudyIdInfo.id`) is the sponsor's own number for the study, such as a " +
      'protocol or grant number, and each of the sponsor\'s studies needs a different one. A stand-in such as "TBD", ' +
      '"Unknown", "N/A", "none", "-" or "0" identifies nothing. The field dictionary says the registry takes "Unknown" and ' +
      '"TBD" and then strips them, leaving the required field empty on the public record; so this is a warning, not an ' +
      "error. Blank or missing IDs are the required-fields rule's concern. Evidence: none of the 820 records of the " +
      'registry sample has such an ID (the shortest are real numbers such as "1", "03" or "#03"). Hits on the sample: 0. ' +
      '[Official definition: Unique Protocol Identification Number](https://clinicaltrials.gov/policy/protocol-definitions#PrimaryId)',
    fixable: false,
  },
  check(context) {
    const id = asString(asObject(protocolModule(context.record, 'identificationModule')?.orgStudyIdInfo)?.id);
    if (id === undefined || id.trim() === '' || !isPlaceholder(id)) return;
    context.report({
      pointer: ORG_STUDY_ID,
      message: `Organization's study ID "${id.trim()}" is a placeholder, not an identifier; give the sponsor's own protocol or study number (at most 30 characters).`,
    });
  },
});
