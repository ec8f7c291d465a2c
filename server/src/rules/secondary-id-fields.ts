import { defineRule, type RuleContext } from '../service/types';
import {
  asArray,
  asObject,
  asString,
  FINAL_RULE_DATE,
  isOneOf,
  POINTERS,
  protocolModule,
  type JsonObject,
} from './study';
import { isMissing } from './support/required-outcomes-eligibility';
import { predates, predatesNote, type Cutover } from './support/registry-periods';

const SECONDARY_IDS = `${POINTERS.identification}/secondaryIdInfos`;

/**
 * Records first registered before the Final Rule's effective date kept secondary IDs without a type:
 * 32 of the 820 sample records, first submitted 1999–2012, 7 of them updated since 2017-01-18;
 * none of the 83 first submitted since lacks one.
 */
const TYPED_IDS_SINCE: Cutover = { since: FINAL_RULE_DATE, by: 'first-submission' };

/** Types whose ID means nothing without saying who issued it, and how to ask for that. */
const ISSUER_NEEDED: Record<string, string> = {
  OTHER_GRANT: 'the organization that funds the grant',
  REGISTRY: 'the registry that assigned it',
  OTHER: 'the organization that issued it',
};

/** Types that carry a U.S. federal grant or contract number. */
const FEDERAL_GRANT_TYPES = ['NIH', 'FDA', 'VA', 'CDC', 'AHRQ', 'SAMHSA', 'OTHER_GRANT'];
/** Agency classes of U.S. federal funders. */
const FEDERAL_CLASSES = ['NIH', 'FED'];

function describeId(entry: JsonObject, index: number): string {
  const id = asString(entry.id)?.trim();
  return id ? `Secondary ID "${id}"` : `Secondary ID ${index + 1}`;
}

function checkEntry(context: RuleContext, entry: JsonObject, index: number): void {
  const pointer = `${SECONDARY_IDS}/${index}`;
  const type = asString(entry.type);
  if (isMissing(entry.id)) {
    context.report({
      pointer: `${pointer}/id`,
      message: `Secondary ID ${index + 1} has ${type ? `type ${type} but ` : ''}no ID; give the identifier itself or remove the entry.`,
    });
  } else if (isMissing(entry.type)) {
    const legacy = predates(context.record, TYPED_IDS_SINCE);
    context.report({
      pointer: `${pointer}/type`,
      severity: legacy ? 'warning' : 'error',
      message: `${describeId(entry, index)} has no type; say what kind of identifier it is (a U.S. federal grant such as NIH, OTHER_GRANT, EUDRACT_NUMBER, CTIS, REGISTRY or OTHER).${legacy ? predatesNote(context.record, TYPED_IDS_SINCE) : ''}`,
    });
  }
  if (type && ISSUER_NEEDED[type] && isMissing(entry.domain)) {
    context.report({
      pointer: `${pointer}/domain`,
      message: `${describeId(entry, index)} of type ${type} needs a description (domain) naming ${ISSUER_NEEDED[type]}.`,
      related: [{ pointer: `${pointer}/type`, message: `The type is ${type}.` }],
      suggestions: [
        { title: 'Insert an empty description', changes: [{ op: 'set', pointer: `${pointer}/domain`, value: '' }] },
      ],
    });
  }
}

/** The first sponsor or collaborator that is a U.S. federal agency, with where it is. */
function federalFunder(record: unknown): { name: string; pointer: string } | undefined {
  const sponsors = protocolModule(record, 'sponsorCollaboratorsModule');
  const lead = asObject(sponsors?.leadSponsor);
  if (lead && isOneOf(FEDERAL_CLASSES, lead.class))
    return { name: asString(lead.name) ?? lead.class, pointer: `${POINTERS.sponsor}/leadSponsor/class` };
  const collaborators = asArray(sponsors?.collaborators);
  for (let index = 0; index < collaborators.length; index++) {
    const collaborator = asObject(collaborators[index]);
    if (collaborator && isOneOf(FEDERAL_CLASSES, collaborator.class)) {
      return {
        name: asString(collaborator.name) ?? collaborator.class,
        pointer: `${POINTERS.sponsor}/collaborators/${index}/class`,
      };
    }
  }
  return undefined;
}

function hasGrantNumber(record: unknown, entries: JsonObject[]): boolean {
  const orgStudyIdType = asObject(protocolModule(record, 'identificationModule')?.orgStudyIdInfo)?.type;
  // An ID without a type may well be the grant number: its own finding asks for the type.
  return (
    typeof orgStudyIdType === 'string' ||
    entries.some((entry) => isMissing(entry.type) || isOneOf(FEDERAL_GRANT_TYPES, entry.type))
  );
}

export default defineRule({
  meta: {
    id: 'secondary-id-fields',
    severity: 'error',
    category: 'required',
    description: 'Secondary IDs have a type, and a description of who issued them where the type needs one',
    source: 'REQ-11',
    docs:
      "A secondary ID is an identifier other than the NCT number and the sponsor's own protocol ID. Each one says what " +
      'kind of identifier it is; for "other grant", "registry" and "other" identifiers the description (`domain`) names who ' +
      'issued it, since the number alone means nothing to a reader. A study funded by a U.S. federal agency gives the grant ' +
      'or contract number as a secondary ID; when a sponsor or collaborator is a federal agency and none is listed, a hint ' +
      'says so. Example: { "id": "ISRCTN12345678", "type": "REGISTRY", "domain": "ISRCTN registry" }. ' +
      'The registry refuses a new secondary ID without a type, but it kept the untyped IDs of records first registered before ' +
      '2017-01-18, even when they are updated: 32 of the 820 published records of the sample have one (first submitted ' +
      '1999–2012, 7 of them updated since 2017-01-18), and none of the 83 first submitted since 2017-01-18 does. So a missing ' +
      'type is an error for records first submitted on or after 2017-01-18 and for records not submitted yet, and a warning ' +
      'for older ones, which a curator may still want to complete. Definition: https://clinicaltrials.gov/policy/protocol-definitions',
    fixable: false,
  },
  check(context) {
    const list = protocolModule(context.record, 'identificationModule')?.secondaryIdInfos;
    const entries: JsonObject[] = [];
    asArray(list).forEach((value, index) => {
      const entry = asObject(value);
      if (!entry) return;
      entries.push(entry);
      checkEntry(context, entry, index);
    });
    const funder = federalFunder(context.record);
    const listIsReadable = list === undefined || list === null || Array.isArray(list);
    if (!funder || !listIsReadable || hasGrantNumber(context.record, entries)) return;
    context.report({
      pointer: SECONDARY_IDS,
      target: Array.isArray(list) ? 'key' : 'value',
      severity: 'hint',
      message: `No grant or contract number listed for a U.S. federal agency among the sponsors: ${funder.name}; if the study is federally funded, add that number as a secondary ID (e.g. type NIH).`,
      related: [{ pointer: funder.pointer, message: `${funder.name} is listed as a federal agency here.` }],
    });
  },
});
