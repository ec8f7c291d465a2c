import { defineRule, type RuleContext } from '../service/types';
import { closest } from '../service/similarity';
import { asArray, asObject, asString, POINTERS, protocolModule } from './study';
import { COUNTRY_ALIASES, placeKey, REGISTRY_COUNTRIES } from './support/places';
import { replaceWith } from './support/fixes';

const KNOWN: ReadonlySet<string> = new Set(REGISTRY_COUNTRIES);
/** A name written another way (case, accents, an alias such as "USA") -> the registry's name. */
const BY_KEY: ReadonlyMap<string, string> = new Map([
  ...Object.entries(COUNTRY_ALIASES).map(([alias, name]): [string, string] => [placeKey(alias), name]),
  ...REGISTRY_COUNTRIES.map((name): [string, string] => [placeKey(name), name]),
]);

export default defineRule({
  meta: {
    id: 'location-country',
    severity: 'warning',
    category: 'locations',
    description: "Each location's country is a name from the registry's country list",
    source: 'REQ-14',
    docs:
      'The registry files every site under a country picked from its own list of names, which are not always the everyday ' +
      'ones: "Korea, Republic of", "Iran, Islamic Republic of", "Russian Federation", "Czechia", "Taiwan". A country written ' +
      'another way does not match the list, so the site is missing from searches by country and from the map. ' +
      "See the [definition of a facility's country](https://clinicaltrials.gov/policy/protocol-definitions#Facility). " +
      "The fix writes the registry's name where the intended country is beyond doubt: a difference of letter case, accents " +
      'or spacing ("germany", "Cote d\'Ivoire"), or a common alias ("USA" and "US" for "United States", "UK" for "United ' +
      'Kingdom", "Viet Nam" for "Vietnam"; the upload format itself accepts USA, UK and CAN). Any other unknown name gets ' +
      'the closest country of the list as a suggestion. ' +
      'The list is the set of country names of the records the registry publishes (see `support/places.ts` for its source). ' +
      'Evidence: all 15,458 locations of the 751 records with locations in the 820-record registry sample, in 88 countries, ' +
      'use a name of the list, ' +
      'and the rule reports none of them. Since the list may lag behind a country the registry adds, an unknown name is a ' +
      'warning, not an error.',
    fixable: true,
  },
  check(context) {
    asArray(protocolModule(context.record, 'contactsLocationsModule')?.locations).forEach((location, index) => {
      const country = asString(asObject(location)?.country);
      if (country === undefined || country.trim() === '' || KNOWN.has(country)) return;
      reportCountry(context, `${POINTERS.contacts}/locations/${index}/country`, country);
    });
  },
});

function reportCountry(context: RuleContext, pointer: string, country: string): void {
  const meant = BY_KEY.get(placeKey(country));
  if (meant) {
    context.report({
      pointer,
      message: `Country "${country}" is written "${meant}" by the registry.`,
      fix: replaceWith(pointer, meant),
    });
    return;
  }
  const suggestion = closest(country, REGISTRY_COUNTRIES);
  context.report({
    pointer,
    message: suggestion
      ? `"${country}" is not a country of the registry's list; did you mean "${suggestion}"?`
      : `"${country}" is not a country of the registry's list; write the country's English name as the registry lists it (e.g. "Korea, Republic of").`,
    suggestions: suggestion ? [replaceWith(pointer, suggestion)] : undefined,
  });
}
