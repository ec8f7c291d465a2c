// The plan for sharing individual participant data (IPD): whether, what, when and how.
import { POINTERS } from '../../../../server/src/rules/study';
import { html, type Markup } from './html';
import { webLink } from './references';
import { chips, facts, section, type RenderContext } from './section';
import { asObject, label, text, texts } from './values';

export function renderIpdSharing(context: RenderContext): Markup | undefined {
  const module = asObject(context.protocol.ipdSharingStatementModule);
  if (!module) return undefined;
  const pointer = POINTERS.ipd;
  const documents = texts(module.infoTypes).map((code, index) => ({
    text: label(`${pointer}/infoTypes/${index}`, code) ?? code,
    pointer: `${pointer}/infoTypes/${index}`,
  }));
  const address = text(module.url);
  const href = webLink(address);
  const body = facts([
    {
      term: 'Plan to share',
      value: label(`${pointer}/ipdSharing`, module.ipdSharing) ?? html`<span class="missing">not stated</span>`,
      pointer: `${pointer}/ipdSharing`,
    },
    { term: 'What is shared', value: text(module.description), pointer: `${pointer}/description` },
    { term: 'Documents', value: documents.length ? chips(documents) : undefined, pointer: `${pointer}/infoTypes` },
    { term: 'When', value: text(module.timeFrame), pointer: `${pointer}/timeFrame` },
    { term: 'Access', value: text(module.accessCriteria), pointer: `${pointer}/accessCriteria` },
    { term: 'Where', value: href ? html`<a href="${href}">${address}</a>` : address, pointer: `${pointer}/url` },
  ]);
  return section(context, { id: 'ipd-sharing', title: 'Sharing participant data', pointer, body });
}
