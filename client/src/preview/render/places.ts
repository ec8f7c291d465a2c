// Locations grouped by country, and the people to contact.
import { POINTERS } from '../../../../server/src/rules/study';
import { classWord, html, type Markup } from './html';
import { list, missing, section, type RenderContext } from './section';
import { asObject, label, objects, text, type JsonObject } from './values';

const LOCATIONS = `${POINTERS.contacts}/locations`;
/** Above this many sites the country groups start folded, so a large study stays readable. */
const OPEN_LIMIT = 60;

export interface CountryGroup {
  country: string;
  locations: { index: number; value: JsonObject }[];
}

export function locationsByCountry(context: RenderContext): CountryGroup[] {
  const groups = new Map<string, CountryGroup>();
  objects(asObject(context.protocol.contactsLocationsModule)?.locations).forEach((value, index) => {
    const country = text(value.country) ?? 'Country not given';
    if (!groups.has(country)) groups.set(country, { country, locations: [] });
    groups.get(country)!.locations.push({ index, value });
  });
  return [...groups.values()].sort((a, b) => a.country.localeCompare(b.country));
}

export function renderLocations(context: RenderContext): Markup {
  const pointer = LOCATIONS;
  const groups = locationsByCountry(context);
  const total = groups.reduce((sum, group) => sum + group.locations.length, 0);
  if (total === 0)
    return section(context, {
      id: 'locations',
      title: 'Locations',
      pointer,
      body: missing('No locations in the record.'),
    });
  const open = total <= OPEN_LIMIT;
  const body = groups.map(
    (
      group,
    ) => html`<details class="country"${open ? ' open' : ''}><summary><span class="country-name">${group.country}</span> <span class="count">${group.locations.length}</span></summary>
<ul class="sites">${group.locations.map(({ index, value }) => renderLocation(index, value))}</ul></details>`,
  );
  const note = `${total} ${total === 1 ? 'site' : 'sites'} in ${groups.length} ${groups.length === 1 ? 'country' : 'countries'}`;
  return section(context, { id: 'locations', title: 'Locations', pointer, body, note });
}

function renderLocation(index: number, location: JsonObject): Markup {
  const pointer = `${LOCATIONS}/${index}`;
  const place = [text(location.city), text(location.state), text(location.zip)].filter(
    (part): part is string => part !== undefined,
  );
  const status = text(location.status);
  const contacts = objects(location.contacts)
    .map((contact) => text(contact.name))
    .filter((name): name is string => name !== undefined);
  const facility = text(location.facility);
  // Many registry records name only the city of a site; then the place is the site's name.
  const name = facility
    ? html`<span class="facility">${facility}</span>${place.length ? html` <span class="place">${list(place)}</span>` : ''}`
    : place.length
      ? html`<span class="place-only">${list(place)}</span>`
      : html`<span class="missing">no facility or place</span>`;
  return html`<li data-pointer="${pointer}">${name}${status ? html` <span class="tag site-status status-${classWord(status)}">${label(`${pointer}/status`, status)}</span>` : ''}${
    contacts.length ? html`<span class="detail site-contacts">Contact: ${list(contacts, '; ')}</span>` : ''
  }</li>`;
}

export function renderContacts(context: RenderContext): Markup | undefined {
  const pointer = POINTERS.contacts;
  const module = asObject(context.protocol.contactsLocationsModule);
  const central = objects(module?.centralContacts);
  const officials = objects(module?.overallOfficials);
  if (central.length === 0 && officials.length === 0) return undefined;
  const body = html`${
    central.length
      ? html`<h3>Central contacts</h3><ul class="people">${central.map((person, index) => renderPerson(person, `${pointer}/centralContacts/${index}`))}</ul>`
      : ''
  }${
    officials.length
      ? html`<h3>Study officials</h3><ul class="people">${officials.map((person, index) => renderPerson(person, `${pointer}/overallOfficials/${index}`))}</ul>`
      : ''
  }`;
  return section(context, { id: 'contacts', title: 'Contacts', pointer, body });
}

function renderPerson(person: JsonObject, pointer: string): Markup {
  const role = label(`${pointer}/role`, person.role);
  const phone = text(person.phone);
  const extension = text(person.phoneExt);
  const email = text(person.email);
  const reach = [phone ? (extension ? `${phone} ext. ${extension}` : phone) : undefined, email].filter(
    (part): part is string => part !== undefined,
  );
  return html`<li data-pointer="${pointer}"><span class="person-name">${text(person.name) ?? html`<span class="missing">no name</span>`}</span>${
    role ? html` <span class="tag">${role}</span>` : ''
  }${text(person.affiliation) ? html`<span class="detail">${text(person.affiliation)}</span>` : ''}${reach.length ? html`<span class="detail reach">${list(reach, ' · ')}</span>` : ''}</li>`;
}
