// A summary of posted results: participants per group through each period, the baseline table,
// each outcome measure with its values (folded), adverse events per group, and more information.
import { html, type Markup } from './html';
import { facts, list, section, type RenderContext } from './section';
import { asObject, count, label, objects, text, texts, yesNo, type JsonObject } from './values';

const RESULTS = '/resultsSection';
const STANDARD_MILESTONES: Record<string, string> = { STARTED: 'Started', COMPLETED: 'Completed', 'NOT COMPLETED': 'Not completed' };

export function renderResults(context: RenderContext): Markup | undefined {
  const results = asObject(context.record.resultsSection);
  if (!results) return undefined;
  const body = html`${renderParticipantFlow(asObject(results.participantFlowModule))}${renderBaseline(asObject(results.baselineCharacteristicsModule))}${renderOutcomeMeasures(asObject(results.outcomeMeasuresModule))}${renderAdverseEvents(
    asObject(results.adverseEventsModule),
  )}${renderMoreInformation(asObject(results.moreInfoModule))}`;
  return section(context, { id: 'results', title: 'Results summary', pointer: RESULTS, body: body.value ? body : html`<p class="missing">The results section is empty.</p>` });
}

function groupTitles(groups: JsonObject[]): Map<string, string> {
  return new Map(groups.map((group, index) => [text(group.id) ?? `#${index}`, text(group.title) ?? text(group.id) ?? `group ${index + 1}`]));
}

function renderParticipantFlow(flow: JsonObject | undefined): Markup {
  if (!flow) return html``;
  const pointer = `${RESULTS}/participantFlowModule`;
  const groups = groupTitles(objects(flow.groups));
  const periods = objects(flow.periods);
  return html`<h3>Participant flow</h3>${periods.map((period, periodIndex) => {
    const milestones = objects(period.milestones);
    return html`<table class="numbers flow" data-pointer="${pointer}/periods/${periodIndex}"><caption>${text(period.title) ?? `Period ${periodIndex + 1}`}</caption>
<thead><tr><th scope="col">Group</th>${milestones.map((milestone) => {
      const type = text(milestone.type) ?? 'milestone';
      return html`<th scope="col">${Object.hasOwn(STANDARD_MILESTONES, type) ? STANDARD_MILESTONES[type] : type}</th>`;
    })}</tr></thead>
<tbody>${[...groups].map(
      ([id, title]) =>
        html`<tr><th scope="row">${title}</th>${milestones.map((milestone, milestoneIndex) => {
          const achievement = objects(milestone.achievements).find((candidate) => text(candidate.groupId) === id);
          return html`<td data-pointer="${pointer}/periods/${periodIndex}/milestones/${milestoneIndex}">${text(achievement?.numSubjects) ?? '–'}</td>`;
        })}</tr>`,
    )}</tbody></table>`;
  })}`;
}

/** The baseline table as the registry lays it out: a column per group, a block of rows per measure. */
function renderBaseline(module: JsonObject | undefined): Markup {
  if (!module) return html``;
  const pointer = `${RESULTS}/baselineCharacteristicsModule`;
  const measures = objects(module.measures).map((measure, m) => ({ measure, pointer: `${pointer}/measures/${m}` }));
  return html`<h3>Baseline characteristics</h3>${measureTable({ className: 'baseline', pointer, groups: objects(module.groups), denoms: objects(module.denoms), measures, headed: true })}`;
}

interface MeasureTable {
  className: string;
  pointer: string;
  groups: JsonObject[];
  denoms: JsonObject[];
  measures: Array<{ measure: JsonObject; pointer: string }>;
  /** A heading row per measure (the baseline table holds many; an outcome measure is one). */
  headed: boolean;
}

/** Results values per group: the number analysed (denominators), then a row per category. */
function measureTable(table: MeasureTable): Markup {
  const ids = table.groups.map((group, index) => text(group.id) ?? `#${index}`);
  const cells = (values: JsonObject[], show: (value: JsonObject) => string) =>
    ids.map((id) => {
      const value = values.find((candidate) => text(candidate.groupId) === id);
      return html`<td>${value ? show(value) : '–'}</td>`;
    });
  const denomRows = table.denoms.map(
    (denom, index) =>
      html`<tr data-pointer="${table.pointer}/denoms/${index}"><th scope="row">${text(denom.units) ?? 'Participants'}</th>${cells(objects(denom.counts), (count) => text(count.value) ?? '–')}</tr>`,
  );
  const measureRows = table.measures.map(({ measure, pointer }, m) => {
    const heading = table.headed
      ? html`<tr class="measure" data-pointer="${pointer}"><th scope="rowgroup" colspan="${ids.length + 1}"><span class="measure-title">${text(measure.title) ?? `Measure ${m + 1}`}</span>${howMeasured(measure, pointer)}</th></tr>`
      : '';
    const rows = objects(measure.classes).flatMap((measureClass, c) =>
      objects(measureClass.categories).map(
        (category, g) =>
          html`<tr data-pointer="${pointer}/classes/${c}/categories/${g}"><th scope="row">${text(category.title) ?? text(measureClass.title) ?? text(measure.title) ?? '–'}</th>${cells(objects(category.measurements), measurementText)}</tr>`,
      ),
    );
    return html`${heading}${rows}`;
  });
  return html`<table class="numbers ${table.className}" data-pointer="${table.pointer}"><thead><tr><th scope="col">${table.headed ? 'Characteristic' : 'Group'}</th>${table.groups.map(
    (group, index) => html`<th scope="col">${text(group.title) ?? ids[index]}</th>`,
  )}</tr></thead>
<tbody>${denomRows}${measureRows}</tbody></table>`;
}

/** "Mean, Standard Deviation, years": the statistic, its dispersion and the unit. */
function howMeasured(measure: JsonObject, pointer: string): Markup | string {
  const how = texts([label(`${pointer}/paramType`, measure.paramType), label(`${pointer}/dispersionType`, measure.dispersionType), measure.unitOfMeasure]);
  return how.length ? html` <span class="detail">${list(how)}</span>` : '';
}

/** A value with its spread ("45.2 (12.1)") or its interval ("3.1 (2.0 to 4.4)"). */
function measurementText(measurement: JsonObject): string {
  const value = text(measurement.value) ?? '–';
  const spread = text(measurement.spread);
  const lower = text(measurement.lowerLimit);
  const upper = text(measurement.upperLimit);
  if (spread) return `${value} (${spread})`;
  if (lower || upper) return `${value} (${lower ?? '?'} to ${upper ?? '?'})`;
  return value;
}

function renderOutcomeMeasures(module: JsonObject | undefined): Markup {
  if (!module) return html``;
  const pointer = `${RESULTS}/outcomeMeasuresModule/outcomeMeasures`;
  const measures = objects(module.outcomeMeasures);
  const byType = new Map<string, number>();
  measures.forEach((measure, index) => {
    const type = label(`${pointer}/${index}/type`, measure.type) ?? 'Type not given';
    byType.set(type, (byType.get(type) ?? 0) + 1);
  });
  return html`<h3>Outcome measures</h3><p class="outcome-count" data-pointer="${pointer}"><strong>${measures.length}</strong> ${
    measures.length === 1 ? 'outcome measure' : 'outcome measures'
  } reported${byType.size ? html`: ${list([...byType].map(([type, n]) => `${n} ${type.toLowerCase()}`))}` : ''}</p>${measures.map((measure, index) =>
    renderOutcomeValues(measure, `${pointer}/${index}`),
  )}`;
}

/** One outcome measure's values, folded: the title, kind and time frame show; the table opens on a click. */
function renderOutcomeValues(measure: JsonObject, pointer: string): Markup {
  const type = label(`${pointer}/type`, measure.type);
  const timeFrame = text(measure.timeFrame);
  const hasValues = objects(measure.classes).length > 0 || objects(measure.denoms).length > 0;
  const status = label(`${pointer}/reportingStatus`, measure.reportingStatus);
  const values = hasValues
    ? html`${howMeasured(measure, pointer)}${measureTable({ className: 'outcome-values', pointer, groups: objects(measure.groups), denoms: objects(measure.denoms), measures: [{ measure, pointer }], headed: false })}`
    : html`<p class="missing">No values posted${status ? ` (${status})` : ''}.</p>`;
  return html`<details class="outcome-values" data-pointer="${pointer}"><summary>${type ? html`<span class="tag">${type}</span> ` : ''}<span class="measure-title">${
    text(measure.title) ?? 'Untitled outcome measure'
  }</span>${timeFrame ? html` <span class="detail">${timeFrame}</span>` : ''}</summary>${values}</details>`;
}

function renderAdverseEvents(module: JsonObject | undefined): Markup {
  if (!module) return html``;
  const pointer = `${RESULTS}/adverseEventsModule`;
  const groups = objects(module.eventGroups);
  const seriousTerms = objects(module.seriousEvents).length;
  const otherTerms = objects(module.otherEvents).length;
  const ratio = (affected: unknown, atRisk: unknown): string => {
    const a = count(affected);
    const r = count(atRisk);
    if (a === undefined) return '–';
    return r ? `${a} / ${r} (${((a / r) * 100).toFixed(1)}%)` : String(a);
  };
  return html`<h3>Adverse events</h3>${facts([
    { term: 'Serious adverse event terms', value: String(seriousTerms), pointer: `${pointer}/seriousEvents` },
    { term: 'Other adverse event terms', value: String(otherTerms), pointer: `${pointer}/otherEvents` },
    { term: 'Frequency threshold for other events', value: text(module.frequencyThreshold) ? `${text(module.frequencyThreshold)}%` : undefined, pointer: `${pointer}/frequencyThreshold` },
  ])}${
    groups.length
      ? html`<table class="numbers adverse-events" data-pointer="${pointer}/eventGroups"><thead><tr><th scope="col">Group</th><th scope="col">Deaths</th><th scope="col">Serious</th><th scope="col">Other</th></tr></thead>
<tbody>${groups.map(
          (group, index) =>
            html`<tr data-pointer="${pointer}/eventGroups/${index}"><th scope="row">${text(group.title) ?? text(group.id) ?? `group ${index + 1}`}</th><td>${ratio(
              group.deathsNumAffected,
              group.deathsNumAtRisk,
            )}</td><td>${ratio(group.seriousNumAffected, group.seriousNumAtRisk)}</td><td>${ratio(group.otherNumAffected, group.otherNumAtRisk)}</td></tr>`,
        )}</tbody></table>`
      : ''
  }`;
}

/** The registry's restriction codes have no display label of their own. */
const RESTRICTIONS: Record<string, string> = {
  LTE60: 'the sponsor may hold a publication back for review for up to 60 days',
  GT60: 'the sponsor may hold a publication back for review for 61 to 180 days',
  OTHER: 'another kind of restriction',
};

/** Limitations, agreements on publishing, and whom to ask about the results. */
function renderMoreInformation(module: JsonObject | undefined): Markup {
  if (!module) return html``;
  const pointer = `${RESULTS}/moreInfoModule`;
  const agreement = asObject(module.certainAgreement) ?? {};
  const contact = asObject(module.pointOfContact) ?? {};
  const restrictionCode = text(agreement.restrictionType);
  const restriction = restrictionCode && Object.hasOwn(RESTRICTIONS, restrictionCode) ? RESTRICTIONS[restrictionCode] : restrictionCode;
  const phone = text(contact.phone) ? `${text(contact.phone)}${text(contact.phoneExt) ? ` ext. ${text(contact.phoneExt)}` : ''}` : undefined;
  const reachedAt = texts([contact.email, phone]);
  const who = texts([contact.title, contact.organization]);
  const body = facts([
    { term: 'Limitations and caveats', value: text(asObject(module.limitationsAndCaveats)?.description), pointer: `${pointer}/limitationsAndCaveats` },
    { term: 'Investigators employed by the sponsor', value: yesNo(agreement.piSponsorEmployee), pointer: `${pointer}/certainAgreement/piSponsorEmployee` },
    {
      term: 'Agreement restricting what investigators publish',
      value: agreement.restrictiveAgreement === undefined ? undefined : html`${yesNo(agreement.restrictiveAgreement)}${restriction ? html` — ${restriction}` : ''}${text(agreement.otherDetails) ? html`<br>${text(agreement.otherDetails)}` : ''}`,
      pointer: `${pointer}/certainAgreement`,
    },
    { term: 'Contact for the results', value: who.length || reachedAt.length ? html`${list(who)}${reachedAt.length ? html` · ${list(reachedAt, ' · ')}` : ''}` : undefined, pointer: `${pointer}/pointOfContact` },
  ]);
  return body.value ? html`<h3>More information</h3>${body}` : html``;
}
