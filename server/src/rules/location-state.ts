import { defineRule, type RuleContext } from '../service/types';
import { closest } from '../service/similarity';
import { asArray, asObject, asString, POINTERS, protocolModule } from './study';
import { placeKey, US_STATES } from './support/places';
import { replaceWith } from './support/fixes';

const STATE_NAMES: readonly string[] = US_STATES.map(([name]) => name);
const KNOWN: ReadonlySet<string> = new Set(STATE_NAMES);
const BY_KEY: ReadonlyMap<string, string> = new Map(
  STATE_NAMES.map((name): [string, string] => [placeKey(name), name]),
);
const BY_CODE: ReadonlyMap<string, string> = new Map(US_STATES.map(([name, code]): [string, string] => [code, name]));

export default defineRule({
  meta: {
    id: 'location-state',
    severity: 'warning',
    category: 'locations',
    description: "A U.S. location's state is the full name of a U.S. state",
    source: 'REQ-14',
    docs:
      'For a site in the "United States" the registry keeps the state by its full name ("California", "District of ' +
      'Columbia"), and finds sites by it. Its upload format accepts the two-letter postal code as well and turns it into ' +
      'the name, so a code is only reported as information, with the name as the fix; so is a name in other letter case ' +
      '("new york"). Anything else is not a U.S. state: a warning, with the closest state as a suggestion. ' +
      "See the [definition of a facility's state](https://clinicaltrials.gov/policy/protocol-definitions#Facility). " +
      "A missing state is the required-fields rule's concern; other countries' provinces are not checked. " +
      'Evidence: all 3,785 U.S. locations of the 820 records of the registry sample write the state by its full name; ' +
      'the rule reports none of them.',
    fixable: true,
  },
  check(context) {
    asArray(protocolModule(context.record, 'contactsLocationsModule')?.locations).forEach((location, index) => {
      const site = asObject(location);
      const state = asString(site?.state);
      if (site?.country !== 'United States' || state === undefined || state.trim() === '' || KNOWN.has(state)) return;
      reportState(context, `${POINTERS.contacts}/locations/${index}/state`, state);
    });
  },
});

function reportState(context: RuleContext, pointer: string, state: string): void {
  const byCode = BY_CODE.get(state.replace(/\./g, '').trim().toUpperCase());
  const meant = byCode ?? BY_KEY.get(placeKey(state));
  if (meant) {
    const why = byCode
      ? `"${state}" is the postal code of ${meant}; the registry keeps the state's full name.`
      : `State "${state}" is written "${meant}" by the registry.`;
    context.report({
      pointer,
      severity: 'info',
      message: why,
      fix: replaceWith(pointer, meant),
    });
    return;
  }
  const suggestion = closest(state, STATE_NAMES);
  context.report({
    pointer,
    message: suggestion
      ? `"${state}" is not a U.S. state; did you mean "${suggestion}"?`
      : `"${state}" is not a U.S. state; write the state's full name, e.g. "North Carolina".`,
    suggestions: suggestion ? [replaceWith(pointer, suggestion)] : undefined,
  });
}
