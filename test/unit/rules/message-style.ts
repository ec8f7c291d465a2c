// How a finding's message opens. The Problems panel shows one line, cut off, so the first words say
// what is wrong and where: no preamble ("The field …, which …", "According to …"), and a first
// clause short enough to be read there. Quoted values (names, titles) count as one character: they
// are the record's words, and the engine shortens long ones already.

/** Openings that put words before what is wrong. */
const PREAMBLE = /^(The|This|These|Those|According|Note|Please|It|There|If|When|Since|Because)\b/;

/** Characters of the first clause, quoted values aside: what the Problems panel can show of it. */
export const FIRST_CLAUSE_LIMIT = 120;

/** The message up to its first "; ", ": ", " — " or full stop before a new sentence. */
export function firstClause(message: string): string {
  const collapsed = message.replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
  const end = collapsed.search(/; |: | — |\.(?= [A-Z][a-z]|$)/);
  return end === -1 ? collapsed : collapsed.slice(0, end);
}

/** Why a message does not lead with what matters; undefined when it does. */
export function messageStyleProblem(message: string): string | undefined {
  const opening = PREAMBLE.exec(message);
  if (opening) return `it opens with "${opening[0]}" instead of what is wrong`;
  const clause = firstClause(message);
  if (clause.length > FIRST_CLAUSE_LIMIT)
    return `its first clause runs ${clause.length} characters (at most ${FIRST_CLAUSE_LIMIT}): "${clause}"`;
  return undefined;
}
