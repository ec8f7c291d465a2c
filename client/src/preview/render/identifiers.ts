// The study's other identifiers: the sponsor's own, grant numbers, other registries' numbers.
import { POINTERS } from '../../../../server/src/rules/study';
import { html, type Markup } from './html';
import { webLink } from './references';
import { section, type RenderContext } from './section';
import { factsWithFindings } from './tables';
import { asObject, label, objects, text } from './values';

export function renderIdentifiers(context: RenderContext): Markup | undefined {
  const identification = asObject(context.protocol.identificationModule);
  const secondaryIds = objects(identification?.secondaryIdInfos);
  if (secondaryIds.length === 0) return undefined;
  const pointer = POINTERS.identification;
  const organization = asObject(identification?.organization);
  const body = factsWithFindings(context, [
    {
      term: 'Organization study ID',
      value: text(asObject(identification?.orgStudyIdInfo)?.id),
      pointer: `${pointer}/orgStudyIdInfo`,
    },
    { term: 'Organization', value: text(organization?.fullName), pointer: `${pointer}/organization` },
    ...secondaryIds.map((secondaryId, index) => {
      const itemPointer = `${pointer}/secondaryIdInfos/${index}`;
      const type = label(`${itemPointer}/type`, secondaryId.type);
      const domain = text(secondaryId.domain);
      const address = text(secondaryId.link);
      const href = webLink(address);
      const id = text(secondaryId.id) ?? 'no ID';
      return {
        term: type ?? 'Other ID',
        value: html`${href ? html`<a href="${href}">${id}</a>` : id}${domain ? html` <span class="detail">${domain}</span>` : ''}${address && !href ? html` <span class="detail">${address}</span>` : ''}`,
        pointer: itemPointer,
      };
    }),
  ]);
  return section(context, {
    id: 'identifiers',
    title: 'Other study IDs',
    pointer: `${pointer}/secondaryIdInfos`,
    body,
    note: secondaryIds.length,
  });
}
