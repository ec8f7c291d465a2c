// The strip of the document's diagnostics at the top of the preview; each item reveals its place.
import { html, type Markup } from './html';
import type { PreviewProblem, RenderContext } from './section';

const ORDER: Record<PreviewProblem['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };
const NAMES: Record<PreviewProblem['severity'], [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
  hint: ['hint', 'hints'],
};

export function renderProblems(context: RenderContext): Markup {
  const problems = [...context.problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.line - b.line);
  if (problems.length === 0)
    return html`<aside class="problems none" aria-label="Problems"><p>No problems found in this record.</p></aside>`;
  const counts = (Object.keys(ORDER) as PreviewProblem['severity'][])
    .map((severity) => ({ severity, n: problems.filter((p) => p.severity === severity).length }))
    .filter(({ n }) => n > 0)
    .map(({ severity, n }) => html`<span class="count ${severity}">${n} ${NAMES[severity][n === 1 ? 0 : 1]}</span>`);
  return html`<aside class="problems" aria-label="Problems"><h2>Problems ${counts}</h2>
<ul>${problems.map(
    (problem) =>
      html`<li class="problem ${problem.severity}" data-pointer="${problem.pointer}" title="Show in the record (line ${problem.line})"><span class="severity">${NAMES[problem.severity][0]}</span><span class="text"><span class="message">${problem.message}</span>${
        problem.ruleId ? html` <code class="rule">${problem.ruleId}</code>` : ''
      } <span class="line">line ${problem.line}</span></span></li>`,
  )}</ul></aside>`;
}
