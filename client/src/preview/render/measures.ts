// The baseline table and the outcome measures as the registry shows them: a column per group, the
// number analyzed, then the values of each class and category with their dispersion or interval;
// each outcome measure with its description, time frame, population and statistical analyses.
import { DISPERSION_TYPE } from '../../../../server/src/prs/picklists';
import { findingMark } from './findings';
import { html, type Fragment, type Markup } from './html';
import { list, missing, section, type RenderContext } from './section';
import {
  factsWithFindings,
  framedTable,
  groupCells,
  groupColumns,
  groupHeads,
  leftoverFindings,
  prose,
  rowHead,
  type GroupColumn,
} from './tables';
import { asObject, count, label, objects, text, texts, yesNo, type JsonObject } from './values';

const BASELINE = '/resultsSection/baselineCharacteristicsModule';
const OUTCOMES = '/resultsSection/outcomeMeasuresModule';
/** Above this many outcome measures only the primary ones start open, so that a long results section stays navigable. */
const OPEN_LIMIT = 20;

/** The dispersion codes' labels, which the schema does not carry: the registry's, as the PRS export writes them. */
const DISPERSIONS = new Map(DISPERSION_TYPE.map(([code, shown]) => [code, shown]));

/** A table's columns and what its rows are compared with (the overall number analyzed). */
interface TableFrame {
  columns: GroupColumn[];
  overall: Map<string, string> | undefined;
}

export function renderBaseline(context: RenderContext): Markup | undefined {
  const module = asObject(asObject(context.record.resultsSection)?.baselineCharacteristicsModule);
  if (!module) return undefined;
  const columns = groupColumns(module.groups, `${BASELINE}/groups`);
  const denoms = objects(module.denoms);
  const frame: TableFrame = { columns, overall: denomValues(denoms[0]) };
  const overallRows = denomRows(
    context,
    denoms,
    `${BASELINE}/denoms`,
    columns,
    (units) => `Overall number of baseline ${units.toLowerCase()}`,
  );
  const measureRows = objects(module.measures).map((measure, index) =>
    baselineMeasureRows(context, measure, `${BASELINE}/measures/${index}`, frame),
  );
  const details = factsWithFindings(context, [
    {
      term: 'Analysis population',
      value: prose(text(module.populationDescription)),
      pointer: `${BASELINE}/populationDescription`,
    },
    { term: 'Units analyzed', value: text(module.typeUnitsAnalyzed), pointer: `${BASELINE}/typeUnitsAnalyzed` },
  ]);
  const table = framedTable({
    className: 'baseline',
    pointer: `${BASELINE}/measures`,
    head: html`<tr><th scope="col" class="corner">Characteristic</th>${groupHeads(context, columns)}</tr>`,
    body: html`${overallRows}${measureRows}`,
  });
  return section(context, {
    id: 'baseline',
    title: 'Baseline characteristics',
    pointer: BASELINE,
    body: html`${leftoverFindings(context, BASELINE)}${details}${table}`,
  });
}

/** A block per measure; a measure with a single untitled value row shows its values on its heading row. */
function baselineMeasureRows(context: RenderContext, measure: JsonObject, pointer: string, frame: TableFrame): Markup {
  const classes = objects(measure.classes);
  const single = singleValueRow(classes);
  const measureDenoms = differingDenomRows(context, objects(measure.denoms), `${pointer}/denoms`, frame);
  if (single) {
    const cells = measurementCells(
      context,
      objects(single.measurements),
      `${pointer}/classes/0/categories/0`,
      frame.columns,
      percentBase(measure, classes[0], frame),
    );
    const classDenoms = differingDenomRows(context, objects(classes[0].denoms), `${pointer}/classes/0/denoms`, frame);
    const head = rowHead(context, pointer, measureHeading(measure, pointer), { className: 'measure-head' });
    return html`<tr class="measure">${head}${cells}</tr>${measureDenoms}${classDenoms}`;
  }
  const rows = classRows(context, measure, pointer, frame, text(measure.title) ?? '–');
  const head = rowHead(context, pointer, measureHeading(measure, pointer), {
    className: 'measure-head',
    colspan: frame.columns.length + 1,
  });
  return html`<tr class="measure">${head}</tr>${measureDenoms}${rows}`;
}

/** The one category of a measure that has one untitled class with one untitled category. */
function singleValueRow(classes: JsonObject[]): JsonObject | undefined {
  if (classes.length !== 1 || text(classes[0].title)) return undefined;
  const categories = objects(classes[0].categories);
  return categories.length === 1 && !text(categories[0].title) ? categories[0] : undefined;
}

function measureHeading(measure: JsonObject, pointer: string): Markup {
  const description = text(measure.description);
  const population = text(measure.populationDescription);
  return html`<span class="measure-title">${text(measure.title) ?? 'Untitled measure'}</span>${howMeasured(measure, pointer)}${prose(description, 'row-note')}${
    population ? prose(`Population: ${population}`, 'row-note') : ''
  }`;
}

/** "Mean (Standard Deviation) · years": the statistic, its dispersion and the unit. */
export function howMeasured(measure: JsonObject, pointer: string): Markup | string {
  const parameter = label(`${pointer}/paramType`, measure.paramType);
  const dispersion = dispersionLabel(`${pointer}/dispersionType`, measure.dispersionType);
  const statistic =
    parameter && dispersion && dispersion !== 'Not Applicable'
      ? `${parameter} (${dispersion})`
      : (parameter ?? dispersion);
  const how = texts([statistic, measure.unitOfMeasure]);
  return how.length ? html` <span class="detail how-measured">${list(how, ' · ')}</span>` : '';
}

function dispersionLabel(pointer: string, value: unknown): string | undefined {
  const code = text(value);
  if (code === undefined) return undefined;
  const shown = label(pointer, code);
  return (shown === code && DISPERSIONS.get(code)) || shown;
}

/** The rows of each class: a title row when it holds titled categories, then a row per category. */
function classRows(
  context: RenderContext,
  measure: JsonObject,
  pointer: string,
  frame: TableFrame,
  untitled: string,
): Markup[] {
  return objects(measure.classes).map((measureClass, c) => {
    const classPointer = `${pointer}/classes/${c}`;
    const classTitle = text(measureClass.title);
    const categories = objects(measureClass.categories);
    const base = percentBase(measure, measureClass, frame);
    const denoms = differingDenomRows(context, objects(measureClass.denoms), `${classPointer}/denoms`, frame);
    const nested =
      classTitle !== undefined && (categories.length > 1 || categories.some((category) => text(category.title)));
    const rows = categories.map((category, g) => {
      const categoryPointer = `${classPointer}/categories/${g}`;
      const cells = measurementCells(context, objects(category.measurements), categoryPointer, frame.columns, base);
      const title = text(category.title) ?? classTitle ?? untitled;
      return html`<tr${nested ? html` class="nested"` : ''}>${rowHead(context, categoryPointer, title)}${cells}</tr>`;
    });
    if (!nested) return html`${rows}${denoms}`;
    const head = rowHead(context, classPointer, classTitle, {
      className: 'class-head',
      colspan: frame.columns.length + 1,
    });
    return html`<tr class="class">${head}</tr>${denoms}${rows}`;
  });
}

/**
 * For counts shown with a percentage (asked for by `calculatePct`, and the default of a count of
 * participants, as on the registry's page): the number analyzed per group that it is a share of.
 */
function percentBase(
  measure: JsonObject,
  measureClass: JsonObject,
  frame: TableFrame,
): Map<string, string> | undefined {
  const wanted =
    measure.calculatePct === true ||
    (measure.calculatePct !== false && text(measure.paramType) === 'COUNT_OF_PARTICIPANTS');
  if (!wanted) return undefined;
  return denomValues(objects(measureClass.denoms)[0]) ?? denomValues(objects(measure.denoms)[0]) ?? frame.overall;
}

function measurementCells(
  context: RenderContext,
  measurements: JsonObject[],
  categoryPointer: string,
  columns: GroupColumn[],
  percentOf: Map<string, string> | undefined,
): Markup[] {
  return groupCells(
    context,
    columns,
    measurements,
    `${categoryPointer}/measurements`,
    categoryPointer,
    (measurement, column) => {
      const comment = text(measurement.comment);
      const percent = percentText(measurement.value, percentOf?.get(column.id));
      return {
        content: html`${measurementText(measurement)}${percent ? html` <span class="detail">${percent}</span>` : ''}${comment ? html`<sup class="comment-mark">*</sup>` : ''}`,
        title: comment,
      };
    },
  );
}

/** A value with its spread ("45.2 (12.1)") or its interval ("3.1 (2.0 to 4.4)"). */
export function measurementText(measurement: JsonObject): string {
  const value = text(measurement.value) ?? '–';
  const spread = text(measurement.spread);
  const lower = text(measurement.lowerLimit);
  const upper = text(measurement.upperLimit);
  if (spread) return `${value} (${spread})`;
  if (lower || upper) return `${value} (${lower ?? '?'} to ${upper ?? '?'})`;
  return value;
}

function percentText(value: unknown, of: string | undefined): string | undefined {
  const part = count(value);
  const whole = count(of);
  return part !== undefined && whole ? `${((part / whole) * 100).toFixed(1)}%` : undefined;
}

function denomValues(denom: JsonObject | undefined): Map<string, string> | undefined {
  if (!denom) return undefined;
  const values = new Map<string, string>();
  for (const entry of objects(denom.counts)) {
    const id = text(entry.groupId);
    const value = text(entry.value);
    if (id !== undefined && value !== undefined && !values.has(id)) values.set(id, value);
  }
  return values;
}

/** Rows of the number analyzed, one per unit counted ("Overall number of baseline participants"). */
function denomRows(
  context: RenderContext,
  denoms: JsonObject[],
  pointer: string,
  columns: GroupColumn[],
  name: (units: string) => string,
  rowClass = 'analyzed',
): Markup[] {
  return denoms.map((denom, d) => {
    const denomPointer = `${pointer}/${d}`;
    const cells = groupCells(
      context,
      columns,
      objects(denom.counts),
      `${denomPointer}/counts`,
      denomPointer,
      (entry) => ({
        content: text(entry.value) ?? '–',
      }),
    );
    return html`<tr class="${rowClass}">${rowHead(context, denomPointer, name(text(denom.units) ?? 'Participants'))}${cells}</tr>`;
  });
}

/** The number analyzed for a measure or class, shown only where it differs from the overall number. */
function differingDenomRows(
  context: RenderContext,
  denoms: JsonObject[],
  pointer: string,
  frame: TableFrame,
): Markup[] {
  const differs = denoms.some((denom) => !sameCounts(denomValues(denom), frame.overall));
  return differs
    ? denomRows(
        context,
        denoms,
        pointer,
        frame.columns,
        (units) => `Number analyzed (${units.toLowerCase()})`,
        'analyzed nested',
      )
    : [];
}

function sameCounts(a: Map<string, string> | undefined, b: Map<string, string> | undefined): boolean {
  if (!a || !b || a.size !== b.size) return false;
  for (const [id, value] of a) if (b.get(id) !== value) return false;
  return true;
}

export function renderOutcomeResults(context: RenderContext): Markup | undefined {
  const module = asObject(asObject(context.record.resultsSection)?.outcomeMeasuresModule);
  if (!module) return undefined;
  const measures = objects(module.outcomeMeasures);
  const open = measures.length <= OPEN_LIMIT;
  const rendered = measures.map((measure, index) =>
    renderOutcomeMeasure(
      context,
      measure,
      `${OUTCOMES}/outcomeMeasures/${index}`,
      open || text(measure.type) === 'PRIMARY',
    ),
  );
  const byType = new Map<string, number>();
  measures.forEach((measure, index) => {
    const type = label(`${OUTCOMES}/outcomeMeasures/${index}/type`, measure.type) ?? 'Type not given';
    byType.set(type, (byType.get(type) ?? 0) + 1);
  });
  const summary = html`<p class="outcome-count" data-pointer="${OUTCOMES}/outcomeMeasures"><strong>${measures.length}</strong> ${measures.length === 1 ? 'outcome measure' : 'outcome measures'} reported${
    byType.size ? html`: ${list([...byType].map(([type, n]) => `${n} ${type.toLowerCase()}`))}` : ''
  }${open ? '' : ' (the primary ones open; open any other to see its table)'}</p>`;
  const body = html`${leftoverFindings(context, OUTCOMES)}${summary}${rendered}`;
  return section(context, {
    id: 'outcome-results',
    title: 'Outcome measure results',
    pointer: OUTCOMES,
    body,
    note: measures.length,
  });
}

function renderOutcomeMeasure(context: RenderContext, measure: JsonObject, pointer: string, open: boolean): Markup {
  const columns = groupColumns(measure.groups, `${pointer}/groups`);
  const frame: TableFrame = { columns, overall: denomValues(objects(measure.denoms)[0]) };
  const hasValues = objects(measure.classes).length > 0 || objects(measure.denoms).length > 0;
  const status = label(`${pointer}/reportingStatus`, measure.reportingStatus);
  const table = hasValues
    ? outcomeTable(context, measure, pointer, frame)
    : missing(`No values posted${status ? ` (${status})` : ''}.`);
  const analyses = objects(measure.analyses).map((analysis, index) =>
    renderAnalysis(context, analysis, `${pointer}/analyses/${index}`, index, columns),
  );
  const details = factsWithFindings(context, [
    { term: 'Description', value: prose(text(measure.description)), pointer: `${pointer}/description` },
    { term: 'Time frame', value: prose(text(measure.timeFrame)), pointer: `${pointer}/timeFrame` },
    {
      term: 'Analysis population',
      value: prose(text(measure.populationDescription)),
      pointer: `${pointer}/populationDescription`,
    },
    { term: 'Units analyzed', value: text(measure.typeUnitsAnalyzed), pointer: `${pointer}/typeUnitsAnalyzed` },
    {
      term: 'Reporting status',
      value: hasValues && text(measure.reportingStatus) === 'POSTED' ? undefined : status,
      pointer: `${pointer}/reportingStatus`,
    },
    {
      term: 'Anticipated posting',
      value: text(measure.anticipatedPostingDate),
      pointer: `${pointer}/anticipatedPostingDate`,
    },
  ]);
  const type = label(`${pointer}/type`, measure.type);
  const timeFrame = text(measure.timeFrame);
  const mark = findingMark(context.findings.claim(pointer));
  return html`<details class="outcome-result" data-pointer="${pointer}"${open ? html` open` : ''}><summary>${type ? html`<span class="tag">${type}</span> ` : ''}<span class="measure-title">${
    text(measure.title) ?? 'Untitled outcome measure'
  }</span>${mark}${timeFrame ? html` <span class="detail summary-time-frame">${timeFrame}</span>` : ''}</summary>${details}${table}${analyses}</details>`;
}

/** The number analyzed, the statistic and unit, then the values of each class and category. */
function outcomeTable(context: RenderContext, measure: JsonObject, pointer: string, frame: TableFrame): Markup {
  const analyzed = denomRows(
    context,
    objects(measure.denoms),
    `${pointer}/denoms`,
    frame.columns,
    (units) => `Overall number of ${units.toLowerCase()} analyzed`,
  );
  const how = howMeasured(measure, pointer);
  const untitled = text(measure.unitOfMeasure) ?? text(measure.title) ?? '–';
  const rows = classRows(context, measure, pointer, frame, untitled);
  const howRow = how
    ? html`<tr class="measure">${rowHead(context, `${pointer}/unitOfMeasure`, how, { colspan: frame.columns.length + 1, alsoAbout: [`${pointer}/paramType`, `${pointer}/dispersionType`] })}</tr>`
    : '';
  return framedTable({
    className: 'outcome-values',
    pointer: `${pointer}/classes`,
    head: html`<tr><th scope="col" class="corner">Group</th>${groupHeads(context, frame.columns)}</tr>`,
    body: html`${analyzed}${howRow}${rows}`,
  });
}

/** One statistical analysis: the groups compared, the test and its p-value, the estimate with its interval. */
function renderAnalysis(
  context: RenderContext,
  analysis: JsonObject,
  pointer: string,
  index: number,
  columns: GroupColumn[],
): Markup {
  const titles = new Map(columns.map((column) => [column.id, column.title]));
  const groups = texts(analysis.groupIds).map((id) => titles.get(id) ?? `${id} (no such group)`);
  const facts = factsWithFindings(context, [
    { term: 'Groups compared', value: groups.length ? list(groups, '; ') : undefined, pointer: `${pointer}/groupIds` },
    {
      term: 'Comments on the groups',
      value: prose(text(analysis.groupDescription)),
      pointer: `${pointer}/groupDescription`,
    },
    { term: 'Type of test', value: testType(analysis, pointer), pointer: `${pointer}/nonInferiorityType` },
    {
      term: 'Comments on the test',
      value: prose(text(analysis.nonInferiorityComment)),
      pointer: `${pointer}/nonInferiorityComment`,
    },
    { term: 'P-value', value: text(analysis.pValue), pointer: `${pointer}/pValue` },
    {
      term: 'Comments on the p-value',
      value: prose(text(analysis.pValueComment)),
      pointer: `${pointer}/pValueComment`,
    },
    { term: 'Method', value: text(analysis.statisticalMethod), pointer: `${pointer}/statisticalMethod` },
    {
      term: 'Comments on the method',
      value: prose(text(analysis.statisticalComment)),
      pointer: `${pointer}/statisticalComment`,
    },
    { term: 'Estimation parameter', value: text(analysis.paramType), pointer: `${pointer}/paramType` },
    { term: 'Estimated value', value: text(analysis.paramValue), pointer: `${pointer}/paramValue` },
    { term: 'Confidence interval', value: confidenceInterval(analysis, pointer), pointer: `${pointer}/ciPctValue` },
    { term: 'Dispersion', value: analysisDispersion(analysis, pointer), pointer: `${pointer}/dispersionValue` },
    {
      term: 'Comments on the estimate',
      value: prose(text(analysis.estimateComment)),
      pointer: `${pointer}/estimateComment`,
    },
    {
      term: 'Other analysis',
      value: prose(text(analysis.otherAnalysisDescription)),
      pointer: `${pointer}/otherAnalysisDescription`,
    },
  ]);
  const mark = findingMark(context.findings.claim(pointer));
  return html`<div class="analysis" data-pointer="${pointer}"><h4>Statistical analysis ${index + 1}${mark}</h4>${facts}</div>`;
}

function testType(analysis: JsonObject, pointer: string): Fragment {
  const type = label(`${pointer}/nonInferiorityType`, analysis.nonInferiorityType);
  const tested = analysis.testedNonInferiority === undefined ? undefined : yesNo(analysis.testedNonInferiority);
  if (!type && !tested) return undefined;
  return html`${type ?? ''}${tested ? html` <span class="detail">(tested for non-inferiority: ${tested})</span>` : ''}`;
}

/** "95% (2-Sided) 0.81 to 1.14", with the comments on its limits. */
function confidenceInterval(analysis: JsonObject, pointer: string): Fragment {
  const level = text(analysis.ciPctValue);
  const sides = label(`${pointer}/ciNumSides`, analysis.ciNumSides);
  const lower = text(analysis.ciLowerLimit);
  const upper = text(analysis.ciUpperLimit);
  if (!level && !lower && !upper) return undefined;
  const notes = texts([analysis.ciLowerLimitComment, analysis.ciUpperLimitComment]);
  return html`${level ? `${level}%` : ''}${sides ? ` (${sides})` : ''}${lower || upper ? ` ${lower ?? '?'} to ${upper ?? '?'}` : ''}${
    notes.length ? html`<span class="row-note">${list(notes, ' ')}</span>` : ''
  }`;
}

function analysisDispersion(analysis: JsonObject, pointer: string): string | undefined {
  const value = text(analysis.dispersionValue);
  if (!value) return undefined;
  const type = dispersionLabel(`${pointer}/dispersionType`, analysis.dispersionType);
  return type ? `${type}: ${value}` : value;
}
