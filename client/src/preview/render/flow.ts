// The participant flow as the registry lays it out: a table per period with a column per group,
// a row per milestone (started, completed, not completed…), then the reasons for not completing.
import { html, type Markup } from './html';
import { section, type RenderContext } from './section';
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
  type GroupColumn,
} from './tables';
import { asObject, objects, text, type JsonObject } from './values';

const FLOW = '/resultsSection/participantFlowModule';
const MILESTONE_NAMES: Record<string, string> = {
  STARTED: 'Started',
  COMPLETED: 'Completed',
  'NOT COMPLETED': 'Not completed',
};

export function renderParticipantFlow(context: RenderContext): Markup | undefined {
  const flow = asObject(asObject(context.record.resultsSection)?.participantFlowModule);
  if (!flow) return undefined;
  const columns = groupColumns(flow.groups, `${FLOW}/groups`);
  const periods = objects(flow.periods).map((period, index) =>
    renderPeriod(context, period, `${FLOW}/periods/${index}`, columns, index),
  );
  const details = factsWithFindings(context, [
    { term: 'Recruitment details', value: prose(text(flow.recruitmentDetails)), pointer: `${FLOW}/recruitmentDetails` },
    {
      term: 'Pre-assignment details',
      value: prose(text(flow.preAssignmentDetails)),
      pointer: `${FLOW}/preAssignmentDetails`,
    },
    { term: 'Units analyzed', value: text(flow.typeUnitsAnalyzed), pointer: `${FLOW}/typeUnitsAnalyzed` },
  ]);
  const body = html`${details}${periods.length ? periods : html`<p class="missing">No periods in the participant flow.</p>`}`;
  return section(context, {
    id: 'participant-flow',
    title: 'Participant flow',
    pointer: FLOW,
    body: html`${leftoverFindings(context, FLOW)}${body}`,
  });
}

function renderPeriod(
  context: RenderContext,
  period: JsonObject,
  pointer: string,
  columns: GroupColumn[],
  index: number,
): Markup {
  const milestones = objects(period.milestones).map((milestone, m) => {
    const milestonePointer = `${pointer}/milestones/${m}`;
    const type = text(milestone.type) ?? 'Milestone';
    const cells = countCells(
      context,
      objects(milestone.achievements),
      `${milestonePointer}/achievements`,
      milestonePointer,
      columns,
    );
    const name = Object.hasOwn(MILESTONE_NAMES, type) ? MILESTONE_NAMES[type] : type;
    const comment = text(milestone.comment);
    return html`<tr>${rowHead(context, milestonePointer, html`${name}${comment ? html`<span class="row-note">${comment}</span>` : ''}`)}${cells}</tr>`;
  });
  const reasons = objects(period.dropWithdraws).map((dropWithdraw, d) => {
    const reasonPointer = `${pointer}/dropWithdraws/${d}`;
    const cells = countCells(
      context,
      objects(dropWithdraw.reasons),
      `${reasonPointer}/reasons`,
      reasonPointer,
      columns,
    );
    const comment = text(dropWithdraw.comment);
    return html`<tr class="reason">${rowHead(context, reasonPointer, html`${text(dropWithdraw.type) ?? 'Reason not given'}${comment ? html`<span class="row-note">${comment}</span>` : ''}`)}${cells}</tr>`;
  });
  const reasonsHead = reasons.length
    ? html`<tr class="subhead"><th scope="rowgroup" colspan="${columns.length + 1}" data-pointer="${pointer}/dropWithdraws">${spanLabel('Reasons for not completing')}</th></tr>`
    : '';
  const title = text(period.title) ?? `Period ${index + 1}`;
  return framedTable({
    className: 'flow',
    pointer,
    caption: html`<span data-pointer="${pointer}/title">${title}</span>`,
    head: html`<tr><th scope="col" class="corner">Milestone</th>${groupHeads(context, columns)}</tr>`,
    body: html`${milestones}${reasonsHead}${reasons}`,
  });
}

/** Numbers of participants per group (and of units, when counted), each cell pointing at its entry. */
function countCells(
  context: RenderContext,
  counts: JsonObject[],
  countsPointer: string,
  rowPointer: string,
  columns: GroupColumn[],
): Markup[] {
  return groupCells(context, columns, counts, countsPointer, rowPointer, (entry) => {
    const units = text(entry.numUnits);
    const comment = text(entry.comment);
    return {
      content: html`${text(entry.numSubjects) ?? '–'}${units ? html` <span class="detail">(${units} units)</span>` : ''}${comment ? html`<sup class="comment-mark">*</sup>` : ''}`,
      title: comment,
    };
  });
}
