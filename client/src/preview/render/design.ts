// Study design in the registry's words: allocation, model, masking and who is masked, purpose,
// enrollment (and the observational counterparts).
import { POINTERS } from '../../../../server/src/rules/study';
import { html, type Markup } from './html';
import { renderMarkdown } from './markdown';
import { facts, list, missing, section, type RenderContext } from './section';
import { asObject, label, text, texts, yesNo } from './values';

export function renderDesign(context: RenderContext): Markup {
  const pointer = POINTERS.design;
  const design = asObject(context.protocol.designModule);
  if (!design)
    return section(context, {
      id: 'design',
      title: 'Study design',
      pointer,
      body: missing('No design module in the record.'),
    });
  const info = asObject(design.designInfo) ?? {};
  const infoPointer = `${pointer}/designInfo`;
  const masking = asObject(info.maskingInfo) ?? {};
  const maskingPointer = `${infoPointer}/maskingInfo`;
  const whoMasked = texts(masking.whoMasked).map((who, index) => label(`${maskingPointer}/whoMasked/${index}`, who));
  const maskingLabel = label(`${maskingPointer}/masking`, masking.masking);
  const enrollment = asObject(design.enrollmentInfo) ?? {};
  const enrollmentCount = text(enrollment.count);
  const enrollmentType = label(`${pointer}/enrollmentInfo/type`, enrollment.type);
  const bioSpec = asObject(design.bioSpec);
  const body = facts([
    { term: 'Study type', value: label(`${pointer}/studyType`, design.studyType), pointer: `${pointer}/studyType` },
    {
      term: 'Allocation',
      value: label(`${infoPointer}/allocation`, info.allocation),
      pointer: `${infoPointer}/allocation`,
    },
    {
      term: 'Intervention model',
      value: withDescription(
        label(`${infoPointer}/interventionModel`, info.interventionModel),
        text(info.interventionModelDescription),
      ),
      pointer: `${infoPointer}/interventionModel`,
    },
    {
      term: 'Observational model',
      value: label(`${infoPointer}/observationalModel`, info.observationalModel),
      pointer: `${infoPointer}/observationalModel`,
    },
    {
      term: 'Time perspective',
      value: label(`${infoPointer}/timePerspective`, info.timePerspective),
      pointer: `${infoPointer}/timePerspective`,
    },
    {
      term: 'Masking',
      value: maskingLabel
        ? withDescription(
            html`${maskingLabel}${whoMasked.length ? html` <span class="detail">(${list(whoMasked)})</span>` : ''}`,
            text(masking.maskingDescription),
          )
        : undefined,
      pointer: maskingPointer,
    },
    {
      term: 'Primary purpose',
      value: label(`${infoPointer}/primaryPurpose`, info.primaryPurpose),
      pointer: `${infoPointer}/primaryPurpose`,
    },
    {
      term: 'Enrollment',
      value: enrollmentCount
        ? html`${enrollmentCount}${enrollmentType ? html` <span class="detail">(${enrollmentType})</span>` : ''}`
        : undefined,
      pointer: `${pointer}/enrollmentInfo`,
    },
    { term: 'Patient registry', value: yesNo(design.patientRegistry), pointer: `${pointer}/patientRegistry` },
    { term: 'Target follow-up', value: text(design.targetDuration), pointer: `${pointer}/targetDuration` },
    {
      term: 'Biospecimens',
      value: bioSpec
        ? withDescription(label(`${pointer}/bioSpec/retention`, bioSpec.retention), text(bioSpec.description))
        : undefined,
      pointer: `${pointer}/bioSpec`,
    },
  ]);
  return section(context, {
    id: 'design',
    title: 'Study design',
    pointer,
    body: body.value ? body : missing('The design module is empty.'),
  });
}

function withDescription(
  value: Markup | string | undefined,
  description: string | undefined,
): Markup | string | undefined {
  const prose = description
    ? html`<div class="markdown field-description">${renderMarkdown(description)}</div>`
    : undefined;
  if (value === undefined) return prose;
  return prose ? html`${value}${prose}` : value;
}
