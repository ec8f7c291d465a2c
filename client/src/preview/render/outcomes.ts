// Outcome measures (primary, secondary, other), eligibility, and conditions with keywords.
import { POINTERS } from '../../../../server/src/rules/study';
import { html, type Markup } from './html';
import { renderMarkdown } from './markdown';
import { chips, facts, list, missing, section, type RenderContext } from './section';
import { asArray, asObject, label, objects, text, texts, yesNo } from './values';

const OUTCOME_KINDS = [
  { key: 'primaryOutcomes', title: 'Primary outcomes' },
  { key: 'secondaryOutcomes', title: 'Secondary outcomes' },
  { key: 'otherOutcomes', title: 'Other outcomes' },
] as const;

export function renderOutcomes(context: RenderContext): Markup {
  const pointer = POINTERS.outcomes;
  const module = asObject(context.protocol.outcomesModule);
  const groups = OUTCOME_KINDS.map(({ key, title }) => ({ key, title, outcomes: objects(module?.[key]) })).filter(
    (group) => group.outcomes.length > 0,
  );
  if (groups.length === 0)
    return section(context, {
      id: 'outcomes',
      title: 'Outcome measures',
      pointer,
      body: missing('No outcome measures in the record.'),
    });
  const body = groups.map(
    ({ key, title, outcomes }) => html`<h3>${title} <span class="note">${outcomes.length}</span></h3>
<ol class="outcomes" data-pointer="${pointer}/${key}">${outcomes.map((outcome, index) => {
      const description = text(outcome.description);
      const timeFrame = text(outcome.timeFrame);
      return html`<li data-pointer="${pointer}/${key}/${index}"><div class="item-title">${text(outcome.measure) ?? html`<span class="missing">no measure title</span>`}</div>${
        timeFrame ? html`<p class="detail">Time frame: ${timeFrame}</p>` : ''
      }${description ? html`<div class="markdown">${renderMarkdown(description)}</div>` : ''}</li>`;
    })}</ol>`,
  );
  const total = groups.reduce((sum, group) => sum + group.outcomes.length, 0);
  return section(context, { id: 'outcomes', title: 'Outcome measures', pointer, body, note: total });
}

export function renderEligibility(context: RenderContext): Markup {
  const pointer = POINTERS.eligibility;
  const module = asObject(context.protocol.eligibilityModule);
  if (!module)
    return section(context, {
      id: 'eligibility',
      title: 'Eligibility',
      pointer,
      body: missing('No eligibility module in the record.'),
    });
  const minimumAge = text(module.minimumAge);
  const maximumAge = text(module.maximumAge);
  const ages = minimumAge || maximumAge ? `${minimumAge ?? 'any age'} to ${maximumAge ?? 'no upper limit'}` : undefined;
  const standardAges = texts(module.stdAges).map((age, index) => label(`${pointer}/stdAges/${index}`, age));
  const criteria = text(module.eligibilityCriteria);
  const body = html`${facts([
    {
      term: 'Ages',
      value: ages
        ? html`${ages}${standardAges.length ? html` <span class="detail">(${list(standardAges)})</span>` : ''}`
        : undefined,
      pointer: `${pointer}/minimumAge`,
    },
    { term: 'Sex', value: label(`${pointer}/sex`, module.sex), pointer: `${pointer}/sex` },
    { term: 'Gender based', value: module.genderBased === true ? 'Yes' : undefined, pointer: `${pointer}/genderBased` },
    {
      term: 'Accepts healthy volunteers',
      value: yesNo(module.healthyVolunteers),
      pointer: `${pointer}/healthyVolunteers`,
    },
    {
      term: 'Sampling method',
      value: label(`${pointer}/samplingMethod`, module.samplingMethod),
      pointer: `${pointer}/samplingMethod`,
    },
  ])}${text(module.studyPopulation) ? html`<h3>Study population</h3><div class="markdown" data-pointer="${pointer}/studyPopulation">${renderMarkdown(String(module.studyPopulation))}</div>` : ''}
<h3>Criteria</h3>${criteria ? html`<div class="markdown criteria" data-pointer="${pointer}/eligibilityCriteria">${renderMarkdown(criteria)}</div>` : missing('No eligibility criteria.')}`;
  return section(context, { id: 'eligibility', title: 'Eligibility', pointer, body });
}

export function renderConditions(context: RenderContext): Markup {
  const pointer = POINTERS.conditions;
  const module = asObject(context.protocol.conditionsModule);
  const conditions = asArray(module?.conditions)
    .map((condition, index) => ({ text: text(condition) ?? '', pointer: `${pointer}/conditions/${index}` }))
    .filter((item) => item.text !== '');
  const keywords = asArray(module?.keywords)
    .map((keyword, index) => ({ text: text(keyword) ?? '', pointer: `${pointer}/keywords/${index}` }))
    .filter((item) => item.text !== '');
  const body = html`<h3>Conditions</h3>${conditions.length ? chips(conditions, 'chip condition') : missing('No conditions.')}${
    keywords.length ? html`<h3>Keywords</h3>${chips(keywords, 'chip keyword')}` : ''
  }`;
  return section(context, { id: 'conditions', title: 'Conditions and keywords', pointer, body });
}
