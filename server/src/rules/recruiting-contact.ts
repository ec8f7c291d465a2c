import { defineRule } from '../service/types';
import { plural } from '../service/words';
import { asArray, asObject, asString, overallStatus, POINTERS, protocolModule, type JsonObject } from './study';
import { OVERALL_STATUS_POINTER } from './support/dates-status';
import { describeItem, isMissing } from './support/required-outcomes-eligibility';

const OPEN_STATUSES = new Set(['RECRUITING', 'NOT_YET_RECRUITING']);
const CENTRAL_CONTACTS = `${POINTERS.contacts}/centralContacts`;
/** How many sites a finding names; the rest are counted. */
const SITES_NAMED = 3;

interface Site {
  index: number;
  location: JsonObject;
}

/** Sites that are or will be recruiting: their own status is open, or they have none (the study's status holds). */
function openSites(locations: unknown[]): Site[] {
  return locations.flatMap((value, index) => {
    const location = asObject(value);
    if (!location) return [];
    const status = asString(location.status);
    return status === undefined || OPEN_STATUSES.has(status) ? [{ index, location }] : [];
  });
}

function sitesInWords(sites: readonly Site[]): string {
  const named = sites.slice(0, SITES_NAMED).map((site) => describeItem('location', site.index, site.location));
  const rest = sites.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${plural(rest, 'more site')}` : named.join(', ');
}

function sitesWithoutContact(missing: number, total: number): string {
  if (missing < total)
    return `${missing} of its ${plural(total, 'recruiting site')} ${missing === 1 ? 'names' : 'name'} no contact`;
  return total === 1 ? 'its recruiting site names no contact' : `none of its ${total} recruiting sites names a contact`;
}

export default defineRule({
  meta: {
    id: 'recruiting-contact',
    severity: 'error',
    category: 'required',
    description:
      'A recruiting or not-yet-recruiting study names a central contact, or a contact at every recruiting site',
    source: 'REQ-15',
    docs:
      'While a study is RECRUITING or NOT_YET_RECRUITING, people who want to take part need someone to ask. The registry ' +
      'asks for a central contact for the whole study, unless every site that recruits names its own facility contact. ' +
      'A site counts as recruiting when its status is RECRUITING or NOT_YET_RECRUITING, or when it has no status of its own. ' +
      'Without a central contact, each such site without `contacts` is an error (one finding names them). A study with no ' +
      'central contact and no recruiting site at all is a warning: the registry accepts it, but nobody can be asked. ' +
      "What a contact must hold (name, phone, email) is the `central-contact` rule's concern. " +
      'Evidence: of the 287 recruiting or not-yet-recruiting records of the 820-record registry sample, 271 name a central ' +
      'contact and the other 13 recruiting ones give a contact at their one site; 3 not-yet-recruiting records (last updated ' +
      '2023-11, 2024-12 and 2025-08) have neither a central contact nor any site. Hits on the sample: 0 errors, 3 warnings. ' +
      '[Official definition: Central Contact Person](https://clinicaltrials.gov/policy/protocol-definitions#OverallStudyContact), ' +
      '[Facility Contact](https://clinicaltrials.gov/policy/protocol-definitions#FacilityContact)',
    fixable: false,
  },
  check(context) {
    const status = overallStatus(context.record);
    if (status === undefined || !OPEN_STATUSES.has(status)) return;
    const module = protocolModule(context.record, 'contactsLocationsModule');
    if (asArray(module?.centralContacts).some((contact) => asObject(contact) !== undefined)) return;
    const sites = openSites(asArray(module?.locations));
    const related = { pointer: OVERALL_STATUS_POINTER, message: `The study is ${status}.` };
    if (sites.length === 0) {
      context.report({
        pointer: CENTRAL_CONTACTS,
        severity: 'warning',
        message: `No central contact (centralContacts) and no recruiting site with a contact, though the study is ${status}; add a central contact so that people can ask to take part.`,
        related: [related],
      });
      return;
    }
    const withoutContact = sites.filter((site) => isMissing(site.location.contacts));
    if (withoutContact.length === 0) return;
    context.report({
      pointer: CENTRAL_CONTACTS,
      message:
        `No central contact (centralContacts) while the study is ${status}, and ${sitesWithoutContact(withoutContact.length, sites.length)}: ` +
        `${sitesInWords(withoutContact)}; add a central contact, or a contact at every recruiting site.`,
      related: [
        related,
        ...withoutContact.slice(0, SITES_NAMED).map((site) => ({
          pointer: `${POINTERS.contacts}/locations/${site.index}`,
          message: 'A recruiting site without a contact.',
        })),
      ],
    });
  },
});
