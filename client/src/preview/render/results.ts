// The results part of the page: a heading over its cards (participant flow, baseline, outcome
// measures, adverse events, each in its own module) and the card of more information.
import { html, type Markup } from './html';
import { list, section, type RenderContext } from './section';
import { factsWithFindings, leftoverFindings, prose } from './tables';
import { asObject, text, texts, yesNo } from './values';

const RESULTS = '/resultsSection';
const PARTS = [
  'participantFlowModule',
  'baselineCharacteristicsModule',
  'outcomeMeasuresModule',
  'adverseEventsModule',
  'moreInfoModule',
];

/** The heading that opens the results; an empty or odd results section says so here. */
export function renderResultsHeading(context: RenderContext): Markup | undefined {
  const results = context.record.resultsSection;
  if (results === undefined) return undefined;
  const object = asObject(results);
  const empty = !object || !PARTS.some((part) => asObject(object[part]));
  return html`<div class="part-heading" id="results" data-pointer="${RESULTS}"><h2>Results</h2>${
    empty
      ? html`<p class="missing">${object ? 'The results section is empty.' : 'The results section is not an object, so no results can be shown.'}</p>`
      : ''
  }</div>
`;
}

/** The registry's restriction codes have no display label of their own. */
const RESTRICTIONS: Record<string, string> = {
  LTE60: 'the sponsor may hold a publication back for review for up to 60 days',
  GT60: 'the sponsor may hold a publication back for review for 61 to 180 days',
  OTHER: 'another kind of restriction',
};

/** Limitations, agreements on publishing, and whom to ask about the results. */
export function renderMoreInformation(context: RenderContext): Markup | undefined {
  const module = asObject(asObject(context.record.resultsSection)?.moreInfoModule);
  if (!module) return undefined;
  const pointer = `${RESULTS}/moreInfoModule`;
  const agreement = asObject(module.certainAgreement) ?? {};
  const contact = asObject(module.pointOfContact) ?? {};
  const restrictionCode = text(agreement.restrictionType);
  const restriction =
    restrictionCode && Object.hasOwn(RESTRICTIONS, restrictionCode) ? RESTRICTIONS[restrictionCode] : restrictionCode;
  const phone = text(contact.phone)
    ? `${text(contact.phone)}${text(contact.phoneExt) ? ` ext. ${text(contact.phoneExt)}` : ''}`
    : undefined;
  const reachedAt = texts([contact.email, phone]);
  const who = texts([contact.title, contact.organization]);
  const body = factsWithFindings(context, [
    {
      term: 'Limitations and caveats',
      value: prose(text(asObject(module.limitationsAndCaveats)?.description)),
      pointer: `${pointer}/limitationsAndCaveats`,
    },
    {
      term: 'Investigators employed by the sponsor',
      value: yesNo(agreement.piSponsorEmployee),
      pointer: `${pointer}/certainAgreement/piSponsorEmployee`,
    },
    {
      term: 'Agreement restricting what investigators publish',
      value:
        agreement.restrictiveAgreement === undefined
          ? undefined
          : html`${yesNo(agreement.restrictiveAgreement)}${restriction ? html` — ${restriction}` : ''}${text(agreement.otherDetails) ? html`<br>${text(agreement.otherDetails)}` : ''}`,
      pointer: `${pointer}/certainAgreement`,
    },
    {
      term: 'Contact for the results',
      value:
        who.length || reachedAt.length
          ? html`${list(who)}${reachedAt.length ? html` · ${list(reachedAt, ' · ')}` : ''}`
          : undefined,
      pointer: `${pointer}/pointOfContact`,
    },
  ]);
  return section(context, {
    id: 'results-more-info',
    title: 'More information',
    pointer,
    body: body.value
      ? html`${leftoverFindings(context, pointer)}${body}`
      : html`<p class="missing">No more information given.</p>`,
  });
}
