import { defineRule } from '../service/types';
import { asString } from './study';
import { outcomeEntries } from './support/required-outcomes-eligibility';

/** Words that name a kind of result, not a measure; a title made only of them says nothing measurable. */
const VAGUE_WORDS: Record<string, string> = {
  safety: '"Number of participants with treatment-related adverse events (CTCAE v5.0)"',
  tolerability: '"Number of participants who stop treatment because of adverse events"',
  feasibility: '"Proportion of eligible patients who enrol and complete the 12-week programme"',
  efficacy: '"Change from baseline in HbA1c at week 24"',
  satisfaction: '"Score on the Client Satisfaction Questionnaire (CSQ-8)"',
};
const JOINING_WORDS = ['and', 'or', '&'];

/** Titles left as placeholders ("Primary Outcome", "Secondary endpoint 2"). */
const PLACEHOLDER = /^(?:(?:primary|secondary|other)\s+)?(?:outcome|endpoint|end point)(?:\s+measure)?(?:\s+\d+)?$/;

/** The words a placeholder can start with. */
const PLACEHOLDER_FIRST_WORDS = ['primary', 'secondary', 'other', 'outcome', 'endpoint', 'end'];
const FIRST_WORD = /[\p{L}\p{N}&]+/u;

/**
 * Whether the title starts with a word a vague title or a placeholder can start with (the same tests
 * as below, on the first word): other titles, most of them, are not split into words at all.
 */
function mayBeVagueOrPlaceholder(title: string): boolean {
  const first = FIRST_WORD.exec(title.toLowerCase())?.[0];
  return (
    first !== undefined &&
    (Object.hasOwn(VAGUE_WORDS, first) || JOINING_WORDS.includes(first) || PLACEHOLDER_FIRST_WORDS.includes(first))
  );
}

function words(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** The vague words a title consists of (given as its words), or undefined when it names something more specific. */
function vagueWordsOnly(all: readonly string[]): string[] | undefined {
  const vague = all.filter((word) => Object.hasOwn(VAGUE_WORDS, word));
  return vague.length > 0 && all.every((word) => Object.hasOwn(VAGUE_WORDS, word) || JOINING_WORDS.includes(word))
    ? vague
    : undefined;
}

export default defineRule({
  meta: {
    id: 'outcome-specificity',
    severity: 'warning',
    category: 'outcomes',
    description: 'Outcome titles name what is measured, not just "Safety" or "Efficacy"',
    source: 'OUT-02',
    docs:
      "An outcome title says what is measured, so that readers can tell how the study will be judged. The registry's " +
      'reviewers return titles that are only "Safety", "Tolerability", "Feasibility", "Efficacy" or "Satisfaction" (alone ' +
      'or joined with "and"), and placeholders such as "Primary Outcome". Applies to the protocol\'s outcomes and to posted ' +
      'results. Example: instead of "Safety", "Number of participants with treatment-related adverse events (CTCAE v5.0)".',
    fixable: false,
  },
  check(context) {
    for (const entry of outcomeEntries(context.record)) {
      const title = asString(entry.outcome[entry.titleKey])?.trim();
      if (!title || !mayBeVagueOrPlaceholder(title)) continue;
      const pointer = `${entry.pointer}/${entry.titleKey}`;
      const titleWords = words(title);
      const vague = vagueWordsOnly(titleWords);
      if (vague) {
        context.report({
          pointer,
          message: `Title of ${entry.description}, "${title}", does not say what is measured; name the measure itself, e.g. ${VAGUE_WORDS[vague[0]]}.`,
        });
      } else if (PLACEHOLDER.test(titleWords.join(' '))) {
        context.report({
          pointer,
          message: `Title of ${entry.description}, "${title}", is a placeholder; name what is measured, e.g. "Time to complete wound healing".`,
        });
      }
    }
  },
});
