// Publications and links the record cites.
import { POINTERS } from '../../../../server/src/rules/study';
import { html, type Markup } from './html';
import { section, type RenderContext } from './section';
import { asObject, label, objects, text, type JsonObject } from './values';

const PMID = /^\d{1,9}$/;

/** A web address from the record, only when it is plainly http(s); anything else stays text. */
export function webLink(address: string | undefined): string | undefined {
  if (!address || !/^https?:\/\//i.test(address.trim())) return undefined;
  try {
    const url = new URL(address.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function renderReferences(context: RenderContext): Markup | undefined {
  const pointer = POINTERS.references;
  const module = asObject(context.protocol.referencesModule);
  const references = objects(module?.references);
  const links = objects(module?.seeAlsoLinks);
  const available = objects(module?.availIpds);
  if (references.length === 0 && links.length === 0 && available.length === 0) return undefined;
  const body = html`${
    references.length
      ? html`<ol class="references">${references.map((reference, index) => {
          const itemPointer = `${pointer}/references/${index}`;
          const pmid = text(reference.pmid);
          const type = label(`${itemPointer}/type`, reference.type);
          return html`<li data-pointer="${itemPointer}">${text(reference.citation) ?? html`<span class="missing">no citation</span>`}${
            type ? html` <span class="tag">${type.charAt(0).toUpperCase() + type.slice(1)}</span>` : ''
          }${
            pmid
              ? PMID.test(pmid)
                ? html` <a class="pmid" href="https://pubmed.ncbi.nlm.nih.gov/${pmid}/">PMID ${pmid}</a>`
                : html` <span class="pmid">PMID ${pmid}</span>`
              : ''
          }</li>`;
        })}</ol>`
      : ''
  }${
    links.length
      ? html`<h3>Links</h3><ul class="links">${links.map((link, index) => {
          const address = text(link.url);
          const href = webLink(address);
          const caption = text(link.label) ?? address ?? 'no address';
          return html`<li data-pointer="${pointer}/seeAlsoLinks/${index}">${href ? html`<a href="${href}">${caption}</a>` : caption}${
            address && caption !== address ? html` <span class="detail">${address}</span>` : ''
          }</li>`;
        })}</ul>`
      : ''
  }${available.length ? renderAvailableData(available, `${pointer}/availIpds`) : ''}`;
  return section(context, {
    id: 'references',
    title: 'References',
    pointer,
    body,
    note: references.length || undefined,
  });
}

/** Participant data and documents the study makes available, each with where to get it. */
function renderAvailableData(available: JsonObject[], pointer: string): Markup {
  return html`<h3>Available participant data and documents</h3><ul class="links">${available.map((item, index) => {
    const address = text(item.url);
    const href = webLink(address);
    const type = text(item.type) ?? 'Document';
    const id = text(item.id);
    const comment = text(item.comment);
    return html`<li data-pointer="${pointer}/${index}">${href ? html`<a href="${href}">${type}</a>` : type}${id ? html` <span class="detail">ID ${id}</span>` : ''}${
      address && !href ? html` <span class="detail">${address}</span>` : ''
    }${comment ? html`<div class="detail">${comment}</div>` : ''}</li>`;
  })}</ul>`;
}
