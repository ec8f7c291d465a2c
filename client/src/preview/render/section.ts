// What every section of the preview shares: the render context, the section frame with its JSON
// Pointer, and small building blocks (facts lists, chips, badges, placeholders).
import type { FindingIndex } from './findings';
import { html, join, type Fragment, type Markup } from './html';
import { isWithin, type JsonObject } from './values';

export interface PreviewProblem {
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  ruleId: string;
  /** JSON Pointer of the node the problem is about ('' for the whole record). */
  pointer: string;
  /** The missing fields a problem reports together at their object: it belongs to each field's place too. */
  fields?: string[];
  /** 1-based line in the record file. */
  line: number;
}

export interface RenderContext {
  /** The record's root object ({} when the file holds something else). */
  record: JsonObject;
  protocol: JsonObject;
  today: string;
  problems: PreviewProblem[];
  /** The same problems, for the cells and rows that show them in place (results tables). */
  findings: FindingIndex;
}

export interface SectionSpec {
  id: string;
  title: string;
  pointer: string;
  body: Fragment;
  /** A short note next to the title, e.g. a count. */
  note?: Fragment;
}

export function problemsWithin(context: RenderContext, pointer: string): PreviewProblem[] {
  return context.problems.filter((problem) => placesOf(problem).some((place) => isWithin(place, pointer)));
}

/** Where a problem belongs: its node, and the missing fields it names. */
export function placesOf(problem: PreviewProblem): string[] {
  return problem.fields ? [problem.pointer, ...problem.fields] : [problem.pointer];
}

export function section(context: RenderContext, spec: SectionSpec): Markup {
  const problems = problemsWithin(context, spec.pointer);
  const worst =
    problems.find((p) => p.severity === 'error') ?? problems.find((p) => p.severity === 'warning') ?? problems[0];
  const flag = worst
    ? html`<span class="section-problems ${worst.severity}" title="${problems.length === 1 ? '1 problem' : `${problems.length} problems`} in this section">${problems.length}</span>`
    : '';
  return html`<section id="${spec.id}" class="card${worst ? ` has-${worst.severity}` : ''}" data-pointer="${spec.pointer}">
<h2>${spec.title}${spec.note !== undefined ? html` <span class="note">${spec.note}</span>` : ''}${flag}</h2>
${spec.body}
</section>
`;
}

export interface Fact {
  term: string;
  value: Fragment;
  pointer?: string;
}

/** A definition list of the facts that have a value. */
export function facts(items: readonly Fact[]): Markup {
  const present = items.filter((item) => item.value !== undefined && item.value !== '' && item.value !== null);
  if (present.length === 0) return html``;
  return html`<dl class="facts">${present.map(
    (item) =>
      html`<div${item.pointer !== undefined ? html` data-pointer="${item.pointer}"` : ''}><dt>${item.term}</dt><dd>${item.value}</dd></div>`,
  )}</dl>`;
}

export function chips(items: readonly { text: string; pointer: string }[], className = 'chip'): Markup {
  return html`<ul class="chips">${items.map((item) => html`<li class="${className}" data-pointer="${item.pointer}">${item.text}</li>`)}</ul>`;
}

export function missing(what: string): Markup {
  return html`<p class="missing">${what}</p>`;
}

export function list(items: readonly Fragment[], separator = ', '): Markup {
  return join(items, separator);
}
