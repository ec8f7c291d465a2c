// Adverse events as the registry lists them: how they were collected, then all-cause mortality,
// serious and other events by organ system, each cell the participants affected / at risk.
import { html, type Markup } from './html';
import { list, section, type RenderContext } from './section';
import {
  factsWithFindings,
  framedTable,
  groupCells,
  groupColumns,
  groupHeads,
  leftoverFindings,
  prose,
  rowHead,
  spanLabel,
  valueCell,
  type GroupColumn,
} from './tables';
import { asObject, count, label, objects, text, type JsonObject } from './values';

const EVENTS = '/resultsSection/adverseEventsModule';
/** Above this many terms an event table starts folded (its summary still gives the count). */
const OPEN_LIMIT = 150;
const SYSTEMATIC = 'SYSTEMATIC_ASSESSMENT';

type EventKind = 'serious' | 'other';

export function renderAdverseEvents(context: RenderContext): Markup | undefined {
  const module = asObject(asObject(context.record.resultsSection)?.adverseEventsModule);
  if (!module) return undefined;
  const columns = groupColumns(module.eventGroups, `${EVENTS}/eventGroups`);
  const groups = objects(module.eventGroups);
  const serious = objects(module.seriousEvents);
  const other = objects(module.otherEvents);
  const vocabulary = mostCommon([...serious, ...other].map((event) => text(event.sourceVocabulary)));
  // The cells first: the group heads then show only the findings about a group that no cell showed.
  const mortality = mortalityRows(context, groups, columns);
  const seriousRows = eventRows(context, 'serious', serious, groups, columns, vocabulary);
  const otherRows = eventRows(context, 'other', other, groups, columns, vocabulary);
  const heads = groupHeads(context, columns);
  const tables = html`${mortality ? framedTable({ className: 'adverse-events mortality', pointer: `${EVENTS}/eventGroups`, caption: 'All-cause mortality', head: headRow('Deaths', heads), body: mortality }) : ''}${
    seriousRows ? eventTable('serious', serious.length, seriousRows, heads) : ''
  }${otherRows ? eventTable('other', other.length, otherRows, heads) : ''}`;
  const threshold = text(module.frequencyThreshold);
  const details = factsWithFindings(context, [
    { term: 'Time frame', value: prose(text(module.timeFrame)), pointer: `${EVENTS}/timeFrame` },
    { term: 'Description', value: prose(text(module.description)), pointer: `${EVENTS}/description` },
    { term: 'Source vocabulary', value: vocabulary },
    { term: 'Assessment', value: assessmentSummary([...serious, ...other]) },
    {
      term: 'Frequency threshold for other events',
      value: threshold ? `${threshold}%` : undefined,
      pointer: `${EVENTS}/frequencyThreshold`,
    },
    {
      term: 'All-cause mortality',
      value: prose(text(module.allCauseMortalityComment)),
      pointer: `${EVENTS}/allCauseMortalityComment`,
    },
  ]);
  return section(context, {
    id: 'adverse-events',
    title: 'Adverse events',
    pointer: EVENTS,
    body: html`${leftoverFindings(context, EVENTS)}${details}${tables}`,
  });
}

function headRow(corner: string, heads: Markup[]): Markup {
  return html`<tr><th scope="col" class="corner">${corner}</th>${heads}</tr>`;
}

function mortalityRows(context: RenderContext, groups: JsonObject[], columns: GroupColumn[]): Markup | undefined {
  if (!groups.some((group) => group.deathsNumAffected !== undefined || group.deathsNumAtRisk !== undefined))
    return undefined;
  const cells = columns.map((column, index) => totalCell(context, groups[index], column.pointer, 'deaths'));
  return html`<tr class="total"><th scope="row">Total</th>${cells}</tr>`;
}

/** The group's total of one kind, pointing at the number affected (findings about the number at risk show there too). */
function totalCell(
  context: RenderContext,
  group: JsonObject,
  groupPointer: string,
  prefix: 'deaths' | EventKind,
): Markup {
  return valueCell(
    context,
    `${groupPointer}/${prefix}NumAffected`,
    affectedText(group[`${prefix}NumAffected`], group[`${prefix}NumAtRisk`]),
    {
      alsoAbout: [`${groupPointer}/${prefix}NumAtRisk`],
    },
  );
}

/** "3/100 (3.00%)": participants affected of those at risk. */
export function affectedText(affected: unknown, atRisk: unknown): string {
  const a = count(affected);
  const r = count(atRisk);
  if (a === undefined) return r === undefined ? '–' : `?/${r}`;
  if (r === undefined) return String(a);
  return r === 0 ? `${a}/0` : `${a}/${r} (${((a / r) * 100).toFixed(2)}%)`;
}

/** The total row and a block of term rows per organ system; undefined when the record has neither. */
function eventRows(
  context: RenderContext,
  kind: EventKind,
  events: JsonObject[],
  groups: JsonObject[],
  columns: GroupColumn[],
  vocabulary: string | undefined,
): Markup | undefined {
  if (events.length === 0 && !groups.some((group) => group[`${kind}NumAffected`] !== undefined)) return undefined;
  const eventsPointer = `${EVENTS}/${kind}Events`;
  const totals = columns.map((column, index) => totalCell(context, groups[index], column.pointer, kind));
  const blocks = byOrganSystem(events).map(({ organSystem, indexes }) => {
    const termRows = indexes.map((index) =>
      eventRow(context, events[index], `${eventsPointer}/${index}`, columns, vocabulary),
    );
    // The system's row points at the first of its terms (the record gives the system per term).
    return html`<tr class="organ-system"><th scope="rowgroup" colspan="${columns.length + 1}" data-pointer="${eventsPointer}/${indexes[0]}/organSystem">${spanLabel(organSystem)}</th></tr>${termRows}`;
  });
  return html`<tr class="total"><th scope="row">Total</th>${totals}</tr>${blocks}`;
}

function eventTable(kind: EventKind, terms: number, rows: Markup, heads: Markup[]): Markup {
  const eventsPointer = `${EVENTS}/${kind}Events`;
  const caption = kind === 'serious' ? 'Serious adverse events' : 'Other (not including serious) adverse events';
  const table = framedTable({
    className: `adverse-events ${kind}-events`,
    pointer: eventsPointer,
    head: headRow('Affected / at risk (%)', heads),
    body: rows,
  });
  return html`<details class="event-table" data-pointer="${eventsPointer}"${terms <= OPEN_LIMIT ? html` open` : ''}><summary>${caption} <span class="note">${terms === 1 ? '1 term' : `${terms} terms`}</span></summary>${table}</details>`;
}

/** The events' positions grouped by organ system, the systems in alphabetical order as the registry lists them. */
function byOrganSystem(events: JsonObject[]): { organSystem: string; indexes: number[] }[] {
  const systems = new Map<string, number[]>();
  events.forEach((event, index) => {
    const organSystem = text(event.organSystem) ?? 'Organ system not given';
    const indexes = systems.get(organSystem);
    if (indexes) indexes.push(index);
    else systems.set(organSystem, [index]);
  });
  return [...systems]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([organSystem, indexes]) => ({ organSystem, indexes }));
}

function eventRow(
  context: RenderContext,
  event: JsonObject,
  pointer: string,
  columns: GroupColumn[],
  vocabulary: string | undefined,
): Markup {
  const cells = groupCells(context, columns, objects(event.stats), `${pointer}/stats`, pointer, (entry) => {
    const events = count(entry.numEvents);
    return {
      content: html`${affectedText(entry.numAffected, entry.numAtRisk)}${events !== undefined ? html` <span class="detail">${events === 1 ? '1 event' : `${events} events`}</span>` : ''}`,
    };
  });
  const ownVocabulary = text(event.sourceVocabulary);
  const notes = text(event.notes);
  const systematic = text(event.assessmentType) === SYSTEMATIC;
  const head = html`<span class="term">${text(event.term) ?? 'Term not given'}</span>${systematic ? html`<sup class="systematic" title="Collected by systematic assessment">*</sup>` : ''}${
    ownVocabulary && ownVocabulary !== vocabulary ? html` <span class="tag">${ownVocabulary}</span>` : ''
  }${notes ? html`<span class="row-note">${notes}</span>` : ''}`;
  return html`<tr>${rowHead(context, pointer, head)}${cells}</tr>`;
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > counts.get(best)!) best = value;
  return best;
}

/** How the events were collected, e.g. "Systematic Assessment (marked *) for 120 terms, Non-systematic Assessment for 3". */
function assessmentSummary(events: JsonObject[]): Markup | undefined {
  const counts = new Map<string, number>();
  for (const event of events) {
    const code = text(event.assessmentType);
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  return list(
    [...counts].map(([code, n]) => {
      const name = label(`${EVENTS}/seriousEvents/0/assessmentType`, code) ?? code;
      return `${name}${code === SYSTEMATIC ? ' (marked *)' : ''}: ${n === 1 ? '1 term' : `${n} terms`}`;
    }),
    '; ',
  );
}
