// The key dates of a study on one axis: actual dates filled, estimated ones hollow and dashed,
// today marked. Drawn as SVG attributes (no inline styles, which the webview's CSP refuses),
// with the same dates as a list underneath for reading and for narrow panels.
import { POINTERS } from '../../../../server/src/rules/study';
import { isRealPartialDate } from '../../../../server/src/service/dates';
import { html, type Markup } from './html';
import { missing, section, type RenderContext } from './section';
import { asObject, label, text } from './values';

const KEY_DATES = [
  { key: 'startDateStruct', name: 'Study start' },
  { key: 'primaryCompletionDateStruct', name: 'Primary completion' },
  { key: 'completionDateStruct', name: 'Study completion' },
  { key: 'studyFirstPostDateStruct', name: 'First posted' },
  { key: 'resultsFirstPostDateStruct', name: 'Results first posted' },
  { key: 'lastUpdatePostDateStruct', name: 'Last update posted' },
] as const;

export interface TimelineDate {
  key: (typeof KEY_DATES)[number]['key'];
  name: string;
  pointer: string;
  written: string;
  /** 'actual', 'estimated' or 'untyped' (no type given). */
  kind: 'actual' | 'estimated' | 'untyped';
  typeLabel?: string;
  /** Days since 1970-01-01 (the first day of a month or year for partial dates); undefined when not a date. */
  day?: number;
}

const DAY = 86_400_000;

/** Days since the epoch for yyyy, yyyy-MM or yyyy-MM-dd; undefined for anything else. */
export function dayOf(written: string): number | undefined {
  if (!isRealPartialDate(written)) return undefined;
  const [year, month = 1, day = 1] = written.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY;
}

export function timelineDates(context: RenderContext): TimelineDate[] {
  const status = asObject(context.protocol.statusModule) ?? {};
  const dates: TimelineDate[] = [];
  for (const { key, name } of KEY_DATES) {
    const struct = asObject(status[key]);
    const written = text(struct?.date);
    if (!written) continue;
    const type = text(struct?.type);
    const pointer = `${POINTERS.status}/${key}`;
    dates.push({
      key,
      name,
      pointer,
      written,
      kind: type === 'ACTUAL' ? 'actual' : type === 'ESTIMATED' ? 'estimated' : 'untyped',
      typeLabel: type ? label(`${pointer}/type`, type) : undefined,
      day: dayOf(written),
    });
  }
  return dates;
}

export function renderTimeline(context: RenderContext): Markup {
  const dates = timelineDates(context);
  const pointer = POINTERS.status;
  if (dates.length === 0)
    return section(context, { id: 'timeline', title: 'Key dates', pointer, body: missing('No dates in the record.') });
  const body = html`${renderCharts(dates, dayOf(context.today))}
<ol class="dates">${dates.map(
    (date) =>
      html`<li class="date ${date.kind}${date.day === undefined ? ' not-a-date' : ''}" data-pointer="${date.pointer}"><span class="marker" aria-hidden="true"></span><span class="name">${date.name}</span> <time>${date.written}</time> <span class="type">${
        date.day === undefined ? 'not a date' : (date.typeLabel ?? 'type not given')
      }</span></li>`,
  )}</ol>
<p class="legend"><span class="key actual"></span> actual <span class="key estimated"></span> estimated <span class="key untyped"></span> type not given <span class="key today"></span> today (${context.today})</p>`;
  return section(context, { id: 'timeline', title: 'Key dates', pointer, body });
}

/** The wide chart labels every date; the compact one (narrow panels) only marks them, the list names them. */
const LAYOUTS = {
  wide: { width: 960, labelled: true },
  compact: { width: 480, labelled: false },
} as const;
type Layout = (typeof LAYOUTS)[keyof typeof LAYOUTS];

const MARGIN = 24;
const AXIS_Y = 44;
const LANE_TOP = 66;
const LANE_HEIGHT = 34;
const CHAR_WIDTH = 6.6;

interface Placed {
  date: TimelineDate;
  x: number;
  lane: number;
  left: number;
  width: number;
}

function renderCharts(allDates: TimelineDate[], today: number | undefined): Markup {
  const dates = allDates.filter((date): date is TimelineDate & { day: number } => date.day !== undefined);
  if (dates.length === 0) return html``;
  return html`${renderChart(dates, today, 'wide')}${renderChart(dates, today, 'compact')}`;
}

function renderChart(
  dates: (TimelineDate & { day: number })[],
  today: number | undefined,
  name: keyof typeof LAYOUTS,
): Markup {
  const layout: Layout = LAYOUTS[name];
  const days = dates.map((date) => date.day).concat(today !== undefined ? [today] : []);
  const padding = Math.max(30, (Math.max(...days) - Math.min(...days)) * 0.04);
  const first = Math.min(...days) - padding;
  const last = Math.max(...days) + padding;
  const xOf = (day: number): number => MARGIN + ((day - first) / (last - first)) * (layout.width - 2 * MARGIN);
  const placed = placeLabels(
    dates.map((date) => ({ date, x: xOf(date.day) })),
    layout.width,
  );
  const lanes = layout.labelled ? Math.max(1, ...placed.map((p) => p.lane + 1)) : 0;
  const height = layout.labelled ? LANE_TOP + lanes * LANE_HEIGHT : AXIS_Y + 16;
  const start = dates.find((date) => date.key === 'startDateStruct');
  const end =
    dates.find((date) => date.key === 'completionDateStruct') ??
    dates.find((date) => date.key === 'primaryCompletionDateStruct');
  return html`<svg class="timeline-chart ${name}" viewBox="0 0 ${layout.width} ${height}" width="100%" role="img" aria-label="Timeline of the key dates" xmlns="http://www.w3.org/2000/svg">
<line class="axis" x1="${MARGIN}" y1="${AXIS_Y}" x2="${layout.width - MARGIN}" y2="${AXIS_Y}"/>
${yearTicks(first, last, layout.width / 80).map((year) => {
  const x = xOf(Date.UTC(year, 0, 1) / DAY);
  return html`<line class="tick" x1="${x.toFixed(1)}" y1="${AXIS_Y - 4}" x2="${x.toFixed(1)}" y2="${AXIS_Y + 4}"/><text class="year" x="${x.toFixed(1)}" y="${AXIS_Y - 10}" text-anchor="middle">${year}</text>`;
})}
${start && end && end.day > start.day ? html`<rect class="span" x="${xOf(start.day).toFixed(1)}" y="${AXIS_Y - 3}" width="${(xOf(end.day) - xOf(start.day)).toFixed(1)}" height="6" rx="3"/>` : ''}
${today !== undefined ? renderToday(xOf(today), height, layout.width) : ''}
${[...placed].sort((a, b) => b.lane - a.lane).map((p) => renderEvent(p, layout.labelled))}
</svg>`;
}

function renderToday(x: number, height: number, width: number): Markup {
  const anchor = x < MARGIN + 30 ? 'start' : x > width - MARGIN - 30 ? 'end' : 'middle';
  return html`<g class="today"><line x1="${x.toFixed(1)}" y1="16" x2="${x.toFixed(1)}" y2="${height - 4}"/><text x="${x.toFixed(1)}" y="12" text-anchor="${anchor}">Today</text></g>`;
}

function renderEvent({ date, x, lane, left, width }: Placed, labelled: boolean): Markup {
  const labelTop = LANE_TOP + lane * LANE_HEIGHT;
  const centre = left + width / 2;
  const title = html`<title>${date.name}: ${date.written} (${date.typeLabel ?? 'type not given'})</title>`;
  const marker = html`<circle cx="${x.toFixed(1)}" cy="${AXIS_Y}" r="6"/>`;
  if (!labelled) return html`<g class="event ${date.kind}" data-pointer="${date.pointer}">${title}${marker}</g>`;
  return html`<g class="event ${date.kind}" data-pointer="${date.pointer}">${title}<line class="leader" x1="${x.toFixed(1)}" y1="${AXIS_Y + 7}" x2="${centre.toFixed(1)}" y2="${labelTop - 2}"/>${marker}<text class="event-name" x="${centre.toFixed(1)}" y="${labelTop + 10}" text-anchor="middle">${date.name}</text><text class="event-date" x="${centre.toFixed(1)}" y="${labelTop + 24}" text-anchor="middle">${date.written}</text></g>`;
}

/**
 * Labels go in the first lane where they do not overlap the one before, nearest the axis first.
 * Deeper lanes are drawn first so that the leaders crossing a nearer lane pass under its labels.
 */
function placeLabels(events: { date: TimelineDate; x: number }[], chartWidth: number): Placed[] {
  const laneEnds: number[] = [];
  return [...events]
    .sort((a, b) => a.x - b.x)
    .map(({ date, x }) => {
      const width = Math.max(date.name.length, date.written.length) * CHAR_WIDTH + 8;
      const left = Math.min(Math.max(x - width / 2, 4), chartWidth - 4 - width);
      let lane = laneEnds.findIndex((end) => end + 10 <= left);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = left + width;
      return { date, x, lane, left, width };
    });
}

function yearTicks(first: number, last: number, most: number): number[] {
  const firstYear = new Date(first * DAY).getUTCFullYear() + 1;
  const lastYear = new Date(last * DAY).getUTCFullYear();
  const span = lastYear - firstYear + 1;
  let step = 1;
  for (let scale = 1; span / step > most; scale *= 10)
    step = [1, 2, 5].map((factor) => factor * scale).find((candidate) => span / candidate <= most) ?? 10 * scale;
  const years: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) if (year % step === 0) years.push(year);
  return years;
}
