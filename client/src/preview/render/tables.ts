// Building blocks of the results tables: a column per group (title, description on hover), cells
// and row heads that carry their JSON Pointer and the findings about them, values found by group
// id through one map per list, and a frame that scrolls the table rather than the page.
import { findingMark, worstSeverity } from './findings';
import { html, type Fragment, type Markup } from './html';
import { facts, type Fact, type RenderContext } from './section';
import { objects, text, type JsonObject } from './values';

export interface GroupColumn {
  id: string;
  title: string;
  description?: string;
  pointer: string;
}

/** The groups of a results module or measure (`pointer` is that of the groups list). */
export function groupColumns(groups: unknown, pointer: string): GroupColumn[] {
  return objects(groups).map((group, index) => ({
    id: text(group.id) ?? `#${index}`,
    title: text(group.title) ?? text(group.id) ?? `Group ${index + 1}`,
    description: text(group.description),
    pointer: `${pointer}/${index}`,
  }));
}

/** Where each group's value sits in a list of values by group id (the first one wins). */
function positionsByGroup(values: readonly JsonObject[]): Map<string, number> {
  const positions = new Map<string, number>();
  values.forEach((value, index) => {
    const id = text(value.groupId);
    if (id !== undefined && !positions.has(id)) positions.set(id, index);
  });
  return positions;
}

export interface CellOptions {
  className?: string;
  /** Shown on hover (a comment, a group's description). */
  title?: string;
  colspan?: number;
  /** More pointers whose findings show in this cell (a count and the total it is of). */
  alsoAbout?: readonly string[];
}

function cellAttributes(
  context: RenderContext,
  pointer: string,
  options: CellOptions,
): { attributes: Markup; mark: Markup } {
  const problems = [pointer, ...(options.alsoAbout ?? [])].flatMap((about) => context.findings.claim(about));
  const worst = worstSeverity(problems);
  const classes = [options.className, worst ? `has-${worst}` : undefined].filter(Boolean).join(' ');
  const attributes = html`${classes ? html` class="${classes}"` : ''}${options.colspan ? html` colspan="${options.colspan}"` : ''}${options.title ? html` title="${options.title}"` : ''} data-pointer="${pointer}"`;
  return { attributes, mark: findingMark(problems) };
}

/** A value cell. Call it for every cell of a row before `rowHead`, so the cells claim their findings first. */
export function valueCell(
  context: RenderContext,
  pointer: string,
  content: Fragment,
  options: CellOptions = {},
): Markup {
  const { attributes, mark } = cellAttributes(context, pointer, options);
  return html`<td${attributes}>${content}${mark}</td>`;
}

/**
 * A cell per group column: the value of the group's entry in `entries` (found with positionsByGroup,
 * pointing at `${entriesPointer}/${position}`), or an empty cell pointing at the row.
 */
export function groupCells(
  context: RenderContext,
  columns: readonly GroupColumn[],
  entries: readonly JsonObject[],
  entriesPointer: string,
  rowPointer: string,
  cell: (entry: JsonObject, column: GroupColumn) => { content: Fragment; title?: string },
): Markup[] {
  const positions = positionsByGroup(entries);
  return columns.map((column) => {
    const position = positions.get(column.id);
    if (position === undefined) return emptyCell(rowPointer);
    const { content, title } = cell(entries[position], column);
    return valueCell(context, `${entriesPointer}/${position}`, content, { title });
  });
}

/** A group with no value: it points at the row's entry but leaves the row's findings to its head. */
function emptyCell(pointer: string): Markup {
  return html`<td class="empty" data-pointer="${pointer}">–</td>`;
}

export function rowHead(context: RenderContext, pointer: string, content: Fragment, options: CellOptions = {}): Markup {
  const { attributes, mark } = cellAttributes(context, pointer, options);
  return html`<th scope="row"${attributes}>${options.colspan ? spanLabel(html`${content}${mark}`) : html`${content}${mark}`}</th>`;
}

/** The text of a row that spans the table: it stays in view while a wide table scrolls sideways. */
export function spanLabel(content: Fragment): Markup {
  return html`<div class="span-label">${content}</div>`;
}

/** The header cells of the group columns; the description shows on hover. */
export function groupHeads(context: RenderContext, columns: readonly GroupColumn[]): Markup[] {
  return columns.map((column) => {
    const { attributes, mark } = cellAttributes(context, column.pointer, {
      className: 'group',
      title: column.description,
    });
    return html`<th scope="col"${attributes}>${column.title}${mark}</th>`;
  });
}

/** A table in its own scrolling frame: wide tables scroll sideways inside it, long ones under a sticky header. */
export function framedTable(options: {
  className: string;
  pointer: string;
  caption?: Fragment;
  head: Fragment;
  body: Fragment;
}): Markup {
  return html`<div class="table-frame"><table class="numbers ${options.className}" data-pointer="${options.pointer}">${
    options.caption ? html`<caption>${options.caption}</caption>` : ''
  }<thead>${options.head}</thead><tbody>${options.body}</tbody></table></div>`;
}

/** Facts that each show the findings about them. */
export function factsWithFindings(context: RenderContext, items: readonly Fact[]): Markup {
  return facts(
    items
      .filter((item) => item.value !== undefined && item.value !== '' && item.value !== null)
      .map((item) =>
        item.pointer === undefined
          ? item
          : { ...item, value: html`${item.value}${findingMark(context.findings.claim(item.pointer))}` },
      ),
  );
}

/** Findings about a whole part that no cell or row of it showed, listed at its top. */
export function leftoverFindings(context: RenderContext, pointer: string): Markup {
  const problems = context.findings.claim(pointer);
  if (problems.length === 0) return html``;
  return html`<ul class="part-findings">${problems.map(
    (problem) =>
      html`<li class="${problem.severity}" data-pointer="${problem.pointer}">${problem.message}${problem.ruleId ? html` <code class="rule">${problem.ruleId}</code>` : ''}</li>`,
  )}</ul>`;
}

const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/**
 * Free text of the results (descriptions, comments) as the registry's page shows it: line breaks
 * kept, the backslashes that escape Markdown punctuation in the record ("\[Tdap\]") dropped, and
 * never any markup.
 */
export function prose(value: string | undefined, className = 'prose'): Markup | undefined {
  return value === undefined
    ? undefined
    : html`<span class="${className}">${value.replace(MARKDOWN_ESCAPE, '$1')}</span>`;
}
