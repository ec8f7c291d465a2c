import { defineRule, type Fix } from '../service/types';
import { asArray, asObject, asString, POINTERS, protocolModule, type JsonObject } from './study';
import { isMissing } from './support/required-outcomes-eligibility';

const PARTY = `${POINTERS.sponsor}/responsibleParty`;

const PARTY_TYPE_WORDS: Record<string, string> = {
  PRINCIPAL_INVESTIGATOR: 'a principal investigator',
  SPONSOR_INVESTIGATOR: 'a sponsor-investigator',
};

/** The three fields, and the older combined field that held the same information before them. */
const INVESTIGATOR_FIELDS = [
  {
    key: 'investigatorFullName',
    name: 'Investigator name',
    legacyKey: 'oldNameTitle',
    asks: "the investigator's full name",
  },
  {
    key: 'investigatorTitle',
    name: 'Investigator title',
    legacyKey: 'oldNameTitle',
    asks: "the investigator's official title",
  },
  {
    key: 'investigatorAffiliation',
    name: 'Investigator affiliation',
    legacyKey: 'oldOrganization',
    asks: 'the organization the investigator belongs to',
  },
] as const;

/** "Xinping Tian, MD" → "Xinping Tian": officials often carry degrees after a comma. */
function personName(name: string): string {
  return name.split(',')[0].trim();
}

/** The overall official who is the same person as the responsible investigator, if the record lists one. */
function matchingOfficial(record: unknown, fullName: string | undefined): JsonObject | undefined {
  const officials = asArray(protocolModule(record, 'contactsLocationsModule')?.overallOfficials)
    .map((official) => asObject(official))
    .filter((official): official is JsonObject => official !== undefined);
  if (fullName)
    return officials.find(
      (official) => personName(asString(official.name) ?? '').toLowerCase() === personName(fullName).toLowerCase(),
    );
  const investigators = officials.filter((official) => official.role === 'PRINCIPAL_INVESTIGATOR');
  return investigators.length === 1 ? investigators[0] : undefined;
}

/** What the matching overall official says about a field, if anything. */
function officialValue(key: string, official: JsonObject | undefined): string | undefined {
  if (key === 'investigatorFullName') {
    const name = asString(official?.name);
    return name ? personName(name) : undefined;
  }
  return key === 'investigatorAffiliation' ? asString(official?.affiliation) : undefined;
}

/** A value taken from the overall officials, offered as a suggestion (never applied by --fix). */
function fromOfficial(key: string, official: JsonObject | undefined): Fix[] | undefined {
  const value = officialValue(key, official)?.trim();
  if (!value) return undefined;
  return [
    { title: `Use "${value}" from the overall officials`, changes: [{ op: 'set', pointer: `${PARTY}/${key}`, value }] },
  ];
}

export default defineRule({
  meta: {
    id: 'responsible-party-investigator',
    severity: 'error',
    category: 'required',
    description: 'An investigator named as responsible party has a name, title and affiliation',
    source: 'REQ-10',
    docs:
      'When the responsible party is a principal investigator or a sponsor-investigator, the registry shows who that person ' +
      'is: their full name, their official title and the organization they belong to. Records written before these three ' +
      'fields existed hold the same facts in the combined `oldNameTitle` and `oldOrganization`; those are accepted with a ' +
      'warning. Example: type PRINCIPAL_INVESTIGATOR with investigatorFullName "Ana Silva", investigatorTitle "Professor of ' +
      'Pediatrics" and investigatorAffiliation "University of Lisbon".',
    fixable: false,
  },
  check(context) {
    const party = asObject(protocolModule(context.record, 'sponsorCollaboratorsModule')?.responsibleParty);
    const type = asString(party?.type);
    if (!party || !type || !PARTY_TYPE_WORDS[type]) return;
    const official = matchingOfficial(context.record, asString(party.investigatorFullName));
    for (const field of INVESTIGATOR_FIELDS) {
      if (!isMissing(party[field.key])) continue;
      const legacy = asString(party[field.legacyKey]);
      const required = `"${field.name}" (${field.key}) is required when the responsible party is ${PARTY_TYPE_WORDS[type]}: give ${field.asks}.`;
      context.report({
        pointer: `${PARTY}/${field.key}`,
        severity: legacy?.trim() ? 'warning' : 'error',
        message: legacy?.trim()
          ? `${required} The record has it only in the older combined form (${field.legacyKey}: "${legacy}").`
          : required,
        related: [{ pointer: `${PARTY}/type`, message: `The responsible party is ${type}.` }],
        suggestions: fromOfficial(field.key, official),
      });
    }
  },
});
