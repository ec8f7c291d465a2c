// Findings next to what they are about: a cell, row or fact claims the problems whose pointer lies
// within its own, unless a deeper element claimed them first (so renderers ask for the cells of a
// row before the row itself). Problems are indexed by every ancestor of their pointer, so each
// claim is a map lookup, not a scan of all the problems.
import { html, type Markup } from './html';
import { placesOf, type PreviewProblem } from './section';

const RANK: Record<PreviewProblem['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

export class FindingIndex {
  private readonly byAncestor = new Map<string, PreviewProblem[]>();
  private readonly claimed = new Set<PreviewProblem>();

  constructor(problems: readonly PreviewProblem[]) {
    for (const problem of problems) {
      for (const ancestor of new Set(placesOf(problem).flatMap(ancestorsOf))) {
        const within = this.byAncestor.get(ancestor);
        if (within) within.push(problem);
        else this.byAncestor.set(ancestor, [problem]);
      }
    }
  }

  /** The problems within `pointer` that no deeper element has claimed; they are now claimed. */
  claim(pointer: string): PreviewProblem[] {
    const within = this.byAncestor.get(pointer);
    if (!within) return [];
    const unclaimed = within.filter((problem) => !this.claimed.has(problem));
    for (const problem of unclaimed) this.claimed.add(problem);
    return unclaimed;
  }
}

/** '/a/b/c' → '/a/b/c', '/a/b', '/a' (the whole record, '', is the problems strip's business). */
function ancestorsOf(pointer: string): string[] {
  const ancestors: string[] = [];
  for (let end = pointer.length; end > 0; end = pointer.lastIndexOf('/', end - 1))
    ancestors.push(pointer.slice(0, end));
  return ancestors;
}

export function worstSeverity(problems: readonly PreviewProblem[]): PreviewProblem['severity'] | undefined {
  let worst: PreviewProblem['severity'] | undefined;
  for (const problem of problems)
    if (worst === undefined || RANK[problem.severity] < RANK[worst]) worst = problem.severity;
  return worst;
}

/** A small mark with the messages on hover; nothing when there are no problems. */
export function findingMark(problems: readonly PreviewProblem[]): Markup {
  const worst = worstSeverity(problems);
  if (!worst) return html``;
  const messages = problems
    .map((problem) => (problem.ruleId ? `${problem.message} [${problem.ruleId}]` : problem.message))
    .join('\n');
  return html`<span class="finding ${worst}" title="${messages}">${problems.length === 1 ? '!' : String(problems.length)}</span>`;
}
