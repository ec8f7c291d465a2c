// The top of the page (identifiers, titles, status, phases, study type), the sponsor and the
// description, as the registry page opens.
import { POINTERS } from '../../../../server/src/rules/study';
import { html, type Markup } from './html';
import { renderMarkdown } from './markdown';
import { facts, list, missing, section, type RenderContext } from './section';
import { asObject, label, objects, text, texts, yesNo } from './values';

const NCT_ID = /^NCT\d{8}$/;

/** Status words grouped by how the badge is coloured. */
const STATUS_TONES: Record<string, string> = {
  RECRUITING: 'open',
  ENROLLING_BY_INVITATION: 'open',
  AVAILABLE: 'open',
  NOT_YET_RECRUITING: 'soon',
  ACTIVE_NOT_RECRUITING: 'running',
  TEMPORARILY_NOT_AVAILABLE: 'paused',
  SUSPENDED: 'paused',
  COMPLETED: 'done',
  APPROVED_FOR_MARKETING: 'done',
  TERMINATED: 'stopped',
  WITHDRAWN: 'stopped',
  NO_LONGER_AVAILABLE: 'stopped',
  WITHHELD: 'stopped',
  UNKNOWN: 'unknown',
};

export function renderHeader(context: RenderContext): Markup {
  const identification = asObject(context.protocol.identificationModule) ?? {};
  const nctId = text(identification.nctId);
  const briefTitle = text(identification.briefTitle);
  const officialTitle = text(identification.officialTitle);
  const acronym = text(identification.acronym);
  const orgStudyId = text(asObject(identification.orgStudyIdInfo)?.id);
  const idPointer = POINTERS.identification;
  return html`<header class="masthead" data-pointer="${idPointer}">
<div class="identifiers">${nctId ? renderNctId(nctId, idPointer) : html`<span class="nct-id missing" data-pointer="${idPointer}/nctId">No NCT number yet</span>`}${
    acronym ? html`<span class="acronym" data-pointer="${idPointer}/acronym">${acronym}</span>` : ''
  }${orgStudyId ? html`<span class="org-study-id" data-pointer="${idPointer}/orgStudyIdInfo/id">Org study ID ${orgStudyId}</span>` : ''}</div>
<h1 id="brief-title" data-pointer="${idPointer}/briefTitle"${briefTitle ? '' : html` class="missing"`}>${briefTitle ?? 'No brief title'}</h1>
${officialTitle && officialTitle !== briefTitle ? html`<p class="official-title" data-pointer="${idPointer}/officialTitle">${officialTitle}</p>` : ''}
<div class="badges">${renderStatusBadge(context)}${renderPhaseBadge(context)}${renderStudyTypeBadge(context)}${renderResultsBadge(context)}</div>
</header>
`;
}

function renderNctId(nctId: string, idPointer: string): Markup {
  // Only a well-formed NCT number becomes a link, so record text never chooses where it leads.
  const registryLink = NCT_ID.test(nctId)
    ? html`<a class="registry-link" href="https://clinicaltrials.gov/study/${nctId}" title="Open the registry page">${nctId}</a>`
    : nctId;
  return html`<span class="nct-id" data-pointer="${idPointer}/nctId">${registryLink}</span>`;
}

function renderStatusBadge(context: RenderContext): Markup {
  const status = asObject(context.protocol.statusModule) ?? {};
  const pointer = `${POINTERS.status}/overallStatus`;
  const code = text(status.overallStatus);
  if (!code) return html`<span class="badge status tone-missing" data-pointer="${pointer}">No overall status</span>`;
  const lastKnown =
    code === 'UNKNOWN' ? label(`${POINTERS.status}/lastKnownStatus`, status.lastKnownStatus) : undefined;
  return html`<span class="badge status tone-${Object.hasOwn(STATUS_TONES, code) ? STATUS_TONES[code] : 'other'}" data-pointer="${pointer}">${label(pointer, code)}${
    lastKnown ? html` <span class="detail">(last known: ${lastKnown})</span>` : ''
  }</span>`;
}

function renderPhaseBadge(context: RenderContext): Markup {
  const pointer = `${POINTERS.design}/phases`;
  const phases = texts(asObject(context.protocol.designModule)?.phases).map((phase, index) =>
    label(`${pointer}/${index}`, phase),
  );
  if (phases.length === 0) return html``;
  return html`<span class="badge phase" data-pointer="${pointer}">${list(phases, ' / ')}</span>`;
}

function renderStudyTypeBadge(context: RenderContext): Markup {
  const pointer = `${POINTERS.design}/studyType`;
  const studyType = label(pointer, asObject(context.protocol.designModule)?.studyType);
  return studyType ? html`<span class="badge study-type" data-pointer="${pointer}">${studyType}</span>` : html``;
}

function renderResultsBadge(context: RenderContext): Markup {
  const hasResults = asObject(context.record.resultsSection) !== undefined || context.record.hasResults === true;
  return hasResults ? html`<span class="badge results" data-pointer="/resultsSection">Has results</span>` : html``;
}

export function renderSponsor(context: RenderContext): Markup {
  const module = asObject(context.protocol.sponsorCollaboratorsModule);
  const pointer = POINTERS.sponsor;
  const oversight = asObject(context.protocol.oversightModule);
  if (!module && !oversight)
    return section(context, { id: 'sponsor', title: 'Sponsor', pointer, body: missing('No sponsor in the record.') });
  const lead = text(asObject(module?.leadSponsor)?.name);
  const collaborators = objects(module?.collaborators).map((collaborator, index) => ({
    name: text(collaborator.name),
    index,
  }));
  const responsible = asObject(module?.responsibleParty);
  const responsibleType = label(`${pointer}/responsibleParty/type`, responsible?.type);
  const investigator = [
    text(responsible?.investigatorFullName),
    text(responsible?.investigatorTitle),
    text(responsible?.investigatorAffiliation),
  ].filter(Boolean);
  const oversightPointer = POINTERS.oversight;
  const body = html`${facts([
    {
      term: 'Lead sponsor',
      value: lead ?? html`<span class="missing">not given</span>`,
      pointer: `${pointer}/leadSponsor`,
    },
    {
      term: collaborators.length === 1 ? 'Collaborator' : 'Collaborators',
      value: collaborators.length
        ? html`<ul class="plain">${collaborators.map((c) => html`<li data-pointer="${pointer}/collaborators/${c.index}">${c.name ?? '(no name)'}</li>`)}</ul>`
        : undefined,
      pointer: `${pointer}/collaborators`,
    },
    {
      term: 'Responsible party',
      value: responsibleType
        ? html`${responsibleType}${investigator.length ? html` — ${list(investigator)}` : ''}`
        : undefined,
      pointer: `${pointer}/responsibleParty`,
    },
    {
      term: 'Data monitoring committee',
      value: yesNo(oversight?.oversightHasDmc),
      pointer: `${oversightPointer}/oversightHasDmc`,
    },
    {
      term: 'FDA-regulated drug',
      value: yesNo(oversight?.isFdaRegulatedDrug),
      pointer: `${oversightPointer}/isFdaRegulatedDrug`,
    },
    {
      term: 'FDA-regulated device',
      value: yesNo(oversight?.isFdaRegulatedDevice),
      pointer: `${oversightPointer}/isFdaRegulatedDevice`,
    },
  ])}`;
  return section(context, { id: 'sponsor', title: 'Sponsor and oversight', pointer, body });
}

export function renderDescription(context: RenderContext): Markup | undefined {
  const module = asObject(context.protocol.descriptionModule);
  const pointer = POINTERS.description;
  const summary = text(module?.briefSummary);
  const detailed = text(module?.detailedDescription);
  if (!module) return undefined;
  const body = html`${summary ? html`<div class="markdown" data-pointer="${pointer}/briefSummary">${renderMarkdown(summary)}</div>` : missing('No brief summary.')}${
    detailed
      ? html`<details class="detailed" data-pointer="${pointer}/detailedDescription"><summary>Detailed description</summary><div class="markdown">${renderMarkdown(detailed)}</div></details>`
      : ''
  }`;
  return section(context, { id: 'description', title: 'Summary', pointer, body });
}
