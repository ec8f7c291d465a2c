import { defineRule } from '../service/types';
import { asString } from './study';
import { ELIGIBILITY_POINTER, eligibility } from './support/required-outcomes-eligibility';

/**
 * A heading line: optional Markdown header marks, list marker or emphasis, an optional qualifier
 * ("Key", "Main"…), then "Inclusion"/"Exclusion", optionally "Criteria", and either the end of the
 * line or a colon (text may follow the colon: "Inclusion criteria: adults aged 18 to 65").
 */
const HEADING =
  /^(?:#{1,6}\s*)?(?:[-*+]\s+)?(?:[*_]{1,3}\s*)?(?:(?:key|main|major|principal|general|specific|additional|other|study|patient|participant)\s+){0,2}(inclusion|exclusion)(?:\s+criteri(?:a|on))?\b(?:\s*[*_]{1,3})?(?:\s*:|\s*[*_]{0,3}\s*$|\s+(?:for|of|in)\b[^:]{0,60}:)/i;

/** What every heading contains. */
const CLUSION = /clusion/i;

/** "Inclusion criteria:" in running text, for criteria written as one paragraph. */
const INLINE_HEADING = /\b(inclusion|exclusion)\s+criteria\s*:/gi;

/** A criterion that excludes by negation ("No prior chemotherapy", "Not pregnant"). */
const NEGATED_CRITERION =
  /^(?:[-*+]|\d+[.)])\s+(?:no|not|none|without|absence of|must not|patients must not|participants must not|subjects must not)\b/i;

interface Sections {
  inclusionAt?: number;
  exclusionAt?: number;
}

/** Where the inclusion and exclusion headings start (first of each), by character offset. */
function findSections(text: string): Sections {
  const sections: Sections = {};
  let offset = 0;
  for (const line of text.split('\n')) {
    // A heading names "inclusion" or "exclusion"; removing escapes cannot create those letters, so other lines are skipped.
    const match = CLUSION.test(line) ? HEADING.exec(line.replace(/\\(?=[^\w\s])/g, '').trim()) : null;
    if (match) {
      const kind = match[1].toLowerCase() === 'inclusion' ? 'inclusionAt' : 'exclusionAt';
      sections[kind] ??= offset;
    }
    offset += line.length + 1;
  }
  for (const match of text.matchAll(INLINE_HEADING)) {
    const kind = match[1].toLowerCase() === 'inclusion' ? 'inclusionAt' : 'exclusionAt';
    sections[kind] = Math.min(sections[kind] ?? Number.POSITIVE_INFINITY, match.index ?? 0);
  }
  return sections;
}

/** Text before the exclusion heading with at least a few words counts as the inclusion part ("Eligibility criteria: …"). */
function hasTextBefore(text: string, offset: number): boolean {
  return (
    text
      .slice(0, offset)
      .trim()
      .split(/\s+/)
      .filter((word) => /\p{L}/u.test(word)).length >= 3
  );
}

/** Inclusion lists that state exclusions as negated criteria need no separate exclusion part. */
function foldsExclusionsIn(text: string): boolean {
  return text.split('\n').some((line) => NEGATED_CRITERION.test(line.trim()));
}

export default defineRule({
  meta: {
    id: 'eligibility-sections',
    severity: 'warning',
    category: 'eligibility',
    description: 'Eligibility criteria have an inclusion part and an exclusion part',
    source: 'DED (eligibility criteria)',
    docs:
      'The registry asks for eligibility criteria as two lists: who may take part (inclusion) and who may not (exclusion), ' +
      'each under its own heading. Headings are recognised in their common forms: "Inclusion Criteria:", "Key Inclusion ' +
      'Criteria", "Inclusion:", "**Exclusion Criteria:**", "## Exclusion criteria", in any letter case. Text before an ' +
      'exclusion heading counts as the inclusion part even under another heading ("Eligibility criteria:"), and an ' +
      'inclusion list that states its exclusions as negated criteria ("No prior chemotherapy") needs no exclusion part. ' +
      'Example: "Inclusion Criteria:\\n\\n* Age 18 or over\\n\\nExclusion Criteria:\\n\\n* Pregnancy".',
    fixable: false,
  },
  check(context) {
    const text = asString(eligibility(context.record)?.eligibilityCriteria);
    if (!text?.trim()) return;
    const { inclusionAt, exclusionAt } = findSections(text);
    const pointer = `${ELIGIBILITY_POINTER}/eligibilityCriteria`;
    const hasInclusion = inclusionAt !== undefined || (exclusionAt !== undefined && hasTextBefore(text, exclusionAt));
    if (!hasInclusion && exclusionAt === undefined) {
      context.report({
        pointer,
        message:
          'Eligibility criteria have no "Inclusion Criteria:" or "Exclusion Criteria:" heading; list who may take part and who may not under those two headings.',
      });
    } else if (!hasInclusion) {
      context.report({
        pointer,
        message:
          'Eligibility criteria have exclusion criteria but no inclusion criteria; add an "Inclusion Criteria:" list of who may take part.',
      });
    } else if (exclusionAt === undefined && !foldsExclusionsIn(text)) {
      context.report({
        pointer,
        message:
          'Eligibility criteria have inclusion criteria but no exclusion criteria; add an "Exclusion Criteria:" list, or state exclusions as inclusion criteria ("No prior chemotherapy").',
      });
    }
  },
});
