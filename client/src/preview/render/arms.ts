// Arms × interventions: which arm receives which intervention, as both sides of the record state it.
// An arm names its interventions ("Drug: Aspirin") and an intervention names its arms (by label);
// a reference that matches nothing gets its own row or column marked `.broken`.
import { interventionReference, POINTERS } from '../../../../server/src/rules/study';
import { html, type Markup } from './html';
import { renderMarkdown } from './markdown';
import { list, missing, section, type RenderContext } from './section';
import { asArray, asObject, label, objects, text, texts, type JsonObject } from './values';

interface Arm {
  index: number;
  label?: string;
  type?: string;
  pointer: string;
  value: JsonObject;
}

interface Intervention {
  index: number;
  name?: string;
  reference?: string;
  type?: string;
  pointer: string;
  value: JsonObject;
}

/** A reference that names nothing in the record, with where each mention sits. */
interface DanglingReference {
  text: string;
  mentions: { from: number; pointer: string }[];
}

export interface ArmMatrix {
  arms: Arm[];
  interventions: Intervention[];
  /** "arm:intervention" → pointer of the arm's mention of the intervention. */
  armSide: Map<string, string>;
  /** "arm:intervention" → pointer of the intervention's mention of the arm. */
  interventionSide: Map<string, string>;
  /** Intervention names given by arms that match no intervention (extra columns). */
  unknownInterventions: DanglingReference[];
  /** Arm labels given by interventions that match no arm (extra rows). */
  unknownArms: DanglingReference[];
}

const ARMS = `${POINTERS.arms}/armGroups`;
const INTERVENTIONS = `${POINTERS.arms}/interventions`;

export function armMatrix(context: RenderContext): ArmMatrix {
  const module = asObject(context.protocol.armsInterventionsModule) ?? {};
  const arms: Arm[] = objects(module.armGroups).map((value, index) => ({
    index,
    label: text(value.label),
    type: label(`${ARMS}/${index}/type`, value.type),
    pointer: `${ARMS}/${index}`,
    value,
  }));
  const interventions: Intervention[] = objects(module.interventions).map((value, index) => ({
    index,
    name: text(value.name),
    reference: interventionReference(value),
    type: label(`${INTERVENTIONS}/${index}/type`, value.type),
    pointer: `${INTERVENTIONS}/${index}`,
    value,
  }));
  const matrix: ArmMatrix = {
    arms,
    interventions,
    armSide: new Map(),
    interventionSide: new Map(),
    unknownInterventions: [],
    unknownArms: [],
  };
  for (const arm of arms) {
    asArray(arm.value.interventionNames).forEach((mention, position) => {
      const pointer = `${arm.pointer}/interventionNames/${position}`;
      const matches = interventions.filter(
        (intervention) => intervention.reference !== undefined && intervention.reference === mention,
      );
      if (matches.length === 0) return addDangling(matrix.unknownInterventions, mention, arm.index, pointer);
      for (const intervention of matches) matrix.armSide.set(`${arm.index}:${intervention.index}`, pointer);
    });
  }
  for (const intervention of interventions) {
    asArray(intervention.value.armGroupLabels).forEach((mention, position) => {
      const pointer = `${intervention.pointer}/armGroupLabels/${position}`;
      const matches = arms.filter((arm) => arm.label !== undefined && arm.label === mention);
      if (matches.length === 0) return addDangling(matrix.unknownArms, mention, intervention.index, pointer);
      for (const arm of matches) matrix.interventionSide.set(`${arm.index}:${intervention.index}`, pointer);
    });
  }
  return matrix;
}

function addDangling(references: DanglingReference[], mention: unknown, from: number, pointer: string): void {
  const written = typeof mention === 'string' ? mention : (JSON.stringify(mention) ?? String(mention));
  let reference = references.find((candidate) => candidate.text === written);
  if (!reference) references.push((reference = { text: written, mentions: [] }));
  reference.mentions.push({ from, pointer });
}

export function renderArms(context: RenderContext): Markup {
  const pointer = POINTERS.arms;
  const matrix = armMatrix(context);
  if (matrix.arms.length === 0 && matrix.interventions.length === 0) {
    return section(context, {
      id: 'arms',
      title: 'Arms and interventions',
      pointer,
      body: missing('No arms or interventions in the record.'),
    });
  }
  const broken =
    matrix.unknownArms.reduce((n, r) => n + r.mentions.length, 0) +
    matrix.unknownInterventions.reduce((n, r) => n + r.mentions.length, 0);
  const body = html`${renderMatrix(matrix)}
<div class="columns">
<div><h3>Arms <span class="note">${matrix.arms.length}</span></h3>${matrix.arms.length ? html`<ul class="items">${matrix.arms.map(renderArm)}</ul>` : missing('No arms or groups.')}</div>
<div><h3>Interventions <span class="note">${matrix.interventions.length}</span></h3>${
    matrix.interventions.length
      ? html`<ul class="items">${matrix.interventions.map(renderIntervention)}</ul>`
      : missing('No interventions.')
  }</div>
</div>`;
  const note = broken
    ? html`<span class="broken-count">${broken === 1 ? '1 broken reference' : `${broken} broken references`}</span>`
    : undefined;
  return section(context, { id: 'arms', title: 'Arms and interventions', pointer, body, note });
}

function renderMatrix(matrix: ArmMatrix): Markup {
  const columns = matrix.interventions.length + matrix.unknownInterventions.length;
  return html`<div class="matrix-frame"><table class="matrix">
<thead><tr><th class="corner" scope="col"><span class="rows-name">Arm</span> \\ <span class="columns-name">Intervention</span></th>${matrix.interventions.map(
    (intervention) =>
      html`<th scope="col" data-pointer="${intervention.pointer}"><span class="type">${intervention.type ?? 'no type'}</span>${intervention.name ?? html`<span class="missing">no name</span>`}</th>`,
  )}${matrix.unknownInterventions.map(
    (reference) =>
      html`<th scope="col" class="broken" data-pointer="${reference.mentions[0].pointer}" title="No intervention is &quot;${reference.text}&quot;"><span class="type">no such intervention</span>${reference.text}</th>`,
  )}</tr></thead>
<tbody>${matrix.arms.map((arm) => renderArmRow(matrix, arm))}${matrix.unknownArms.map((reference) => renderUnknownArmRow(matrix, reference))}${
    matrix.arms.length === 0 && matrix.unknownArms.length === 0
      ? html`<tr><th scope="row" class="missing">No arms</th>${Array.from({ length: columns }, () => html`<td></td>`)}</tr>`
      : ''
  }</tbody>
</table></div>
<p class="legend"><span class="cell-key linked">✓</span> both sides name each other <span class="cell-key one-sided">!</span> only one side names the other <span class="cell-key broken">✗</span> names something that does not exist</p>`;
}

function renderArmRow(matrix: ArmMatrix, arm: Arm): Markup {
  const armName = arm.label ?? `arm ${arm.index + 1}`;
  return html`<tr><th scope="row" data-pointer="${arm.pointer}"><span class="type">${arm.type ?? 'no type'}</span>${arm.label ?? html`<span class="missing">no label</span>`}</th>${matrix.interventions.map(
    (intervention) => {
      const key = `${arm.index}:${intervention.index}`;
      const fromArm = matrix.armSide.get(key);
      const fromIntervention = matrix.interventionSide.get(key);
      const interventionName = intervention.reference ?? intervention.name ?? `intervention ${intervention.index + 1}`;
      if (fromArm && fromIntervention)
        return html`<td class="linked" data-pointer="${fromArm}" title="${armName} receives ${interventionName}">✓</td>`;
      if (fromArm)
        return html`<td class="one-sided" data-pointer="${fromArm}" title="The arm names ${interventionName}, but the intervention does not list the arm &quot;${armName}&quot;">!</td>`;
      if (fromIntervention)
        return html`<td class="one-sided" data-pointer="${fromIntervention}" title="The intervention lists the arm &quot;${armName}&quot;, but the arm does not name ${interventionName}">!</td>`;
      return html`<td></td>`;
    },
  )}${matrix.unknownInterventions.map((reference) => {
    const mention = reference.mentions.find((m) => m.from === arm.index);
    return mention
      ? html`<td class="broken" data-pointer="${mention.pointer}" title="No intervention is &quot;${reference.text}&quot;">✗</td>`
      : html`<td></td>`;
  })}</tr>`;
}

function renderUnknownArmRow(matrix: ArmMatrix, reference: DanglingReference): Markup {
  return html`<tr><th scope="row" class="broken" data-pointer="${reference.mentions[0].pointer}" title="No arm is labelled &quot;${reference.text}&quot;"><span class="type">no such arm</span>${reference.text}</th>${matrix.interventions.map(
    (intervention) => {
      const mention = reference.mentions.find((m) => m.from === intervention.index);
      return mention
        ? html`<td class="broken" data-pointer="${mention.pointer}" title="No arm is labelled &quot;${reference.text}&quot;">✗</td>`
        : html`<td></td>`;
    },
  )}${matrix.unknownInterventions.map(() => html`<td></td>`)}</tr>`;
}

function renderArm(arm: Arm): Markup {
  const description = text(arm.value.description);
  const names = texts(arm.value.interventionNames);
  return html`<li data-pointer="${arm.pointer}"><div class="item-title">${arm.label ?? html`<span class="missing">no label</span>`}${
    arm.type ? html` <span class="tag">${arm.type}</span>` : ''
  }</div>${description ? html`<div class="markdown">${renderMarkdown(description)}</div>` : ''}${names.length ? html`<p class="detail">Receives: ${list(names, '; ')}</p>` : ''}</li>`;
}

function renderIntervention(intervention: Intervention): Markup {
  const description = text(intervention.value.description);
  const otherNames = texts(intervention.value.otherNames);
  return html`<li data-pointer="${intervention.pointer}"><div class="item-title">${intervention.name ?? html`<span class="missing">no name</span>`}${
    intervention.type ? html` <span class="tag">${intervention.type}</span>` : ''
  }</div>${description ? html`<div class="markdown">${renderMarkdown(description)}</div>` : ''}${
    otherNames.length ? html`<p class="detail">Other names: ${list(otherNames, '; ')}</p>` : ''
  }</li>`;
}
