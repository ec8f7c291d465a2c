// The fields the registry requires, as data: which study types, from which start date, under
// which condition. The rule reports what a record lacks; requirementFor() explains a field in hovers.
import { defineRule, type Fix, type RuleContext, type Severity } from '../service/types';
import { emptyValue as emptySchemaValue } from '../service/skeleton';
import { schemaAt } from '../service/studySchema';
import { lastSegment, parentPointer, valueAt } from '../service/pointer';
import {
  asArray,
  asObject,
  dateStruct,
  FINAL_RULE_DATE,
  isOneOf,
  overallStatus,
  protocolModule,
  studyType,
  type JsonObject,
  type StudyType,
  FINAL_RULE_OPTIONS,
} from './study';
import { listOf } from '../service/words';
import { describeItem, isIndividualPatientExpandedAccess, isMissing } from './support/required-outcomes-eligibility';
import {
  FDAAA_DATE,
  predates,
  predatesNote,
  isSubmitted,
  surelyOnOrAfter,
  type Cutover,
} from './support/registry-periods';

/**
 * How strongly a field is required:
 * - `always`: an error whenever the requirement applies;
 * - `from-final-rule`: required for studies that started on or after the Final Rule date (an
 *   error then, a warning for older studies, which legitimately lack FDAAA-era fields);
 * - `older-records-may-lack`: required, but records of studies started before the Final Rule
 *   date were accepted without it (error from that date, warning before);
 * - `expected`: the registry asks for it but accepts it missing (a warning).
 */
export type Strength = 'always' | 'from-final-rule' | 'older-records-may-lack' | 'expected';

export interface Requirement {
  /** Dotted path from the record's root; a "[]" suffix marks a list whose every entry needs the field. */
  path: string;
  /** The field's name as a curator knows it. */
  name: string;
  /** Catalogue id (shared/reference/ctgov-rules.md). */
  source: string;
  /** Study types the requirement applies to; absent means every type. */
  studyTypes?: readonly StudyType[];
  strength: Strength;
  /** A further condition on the whole record, as a clause that follows "studies that …". */
  onlyIf?: { text: string; holds: (record: unknown) => boolean };
  /** A condition on each list entry, as words that follow the entry noun ("locations in the United States"). */
  onlyForEntries?: { text: string; holds: (entry: JsonObject) => boolean };
  /** When a present value can still fall short (e.g. no flag set), how to tell, and what is lacking. */
  isComplete?: (value: unknown) => boolean;
  lacking?: string;
  /** A remark added to the hover text. */
  note?: string;
  /** Set when another rule reports this field: the entry is here to explain it in hovers only. */
  reportedBy?: string;
  /** Records in which a missing value cannot be told from an answer (published records leave some answers out): not reported in them. */
  notReportedIn?: (record: unknown) => boolean;
  /**
   * Records the registry kept without the field: those submitted (first, or last) before the day it
   * began to ask for it. They get a warning. Final Rule requirements are asked of records updated
   * since its effective date.
   */
  cutover?: Cutover;
}

/** Published records the registry accepted before the Final Rule took effect keep its fields unasked until they are updated. */
const FINAL_RULE_CUTOVER: Cutover = { since: FINAL_RULE_DATE, by: 'last-update' };
/** Old records first submitted before FDAAA kept fields the registry only asked of later registrations (outcome time frames, observational population). */
const FDAAA_REGISTRATIONS: Cutover = { since: FDAAA_DATE, by: 'first-submission' };

const INT: readonly StudyType[] = ['INTERVENTIONAL'];
const OBS: readonly StudyType[] = ['OBSERVATIONAL'];
const EA: readonly StudyType[] = ['EXPANDED_ACCESS'];
const INT_OBS: readonly StudyType[] = ['INTERVENTIONAL', 'OBSERVATIONAL'];

const PS = 'protocolSection';
const OPEN_STATUSES = ['NOT_YET_RECRUITING', 'RECRUITING', 'ENROLLING_BY_INVITATION'];
const TYPES_NAMING_THEIR_ISSUER = ['OTHER_GRANT', 'REGISTRY', 'OTHER'];

const isUnitedStates = (location: JsonObject): boolean => location.country === 'United States';

function outcomeRequirements(list: string, noun: string): Requirement[] {
  return [
    { path: `${PS}.outcomesModule.${list}[].measure`, name: `${noun} title`, source: 'REQ-12', strength: 'always' },
    // 19 sample records first submitted 2005–2007 lack time frames (6 of them updated since 2017); none registered later does.
    {
      path: `${PS}.outcomesModule.${list}[].timeFrame`,
      name: `${noun} time frame`,
      source: 'REQ-12',
      strength: 'always',
      cutover: FDAAA_REGISTRATIONS,
    },
  ];
}

/** Every requirement, in the order of the record's modules. */
export const REQUIREMENTS: readonly Requirement[] = [
  {
    path: `${PS}.identificationModule.orgStudyIdInfo.id`,
    name: "Organization's unique protocol ID",
    source: 'REQ-01',
    strength: 'always',
  },
  { path: `${PS}.identificationModule.briefTitle`, name: 'Brief title', source: 'REQ-01', strength: 'always' },
  {
    path: `${PS}.identificationModule.officialTitle`,
    name: 'Official title',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.identificationModule.secondaryIdInfos[].type`,
    name: 'Secondary ID type',
    source: 'REQ-11',
    strength: 'always',
    reportedBy: 'secondary-id-fields',
  },
  {
    path: `${PS}.identificationModule.secondaryIdInfos[].domain`,
    name: 'Secondary ID description',
    source: 'REQ-11',
    strength: 'always',
    onlyForEntries: {
      text: 'of type other grant, registry or other identifier',
      holds: (entry) => isOneOf(TYPES_NAMING_THEIR_ISSUER, entry.type),
    },
    reportedBy: 'secondary-id-fields',
  },

  {
    path: `${PS}.statusModule.statusVerifiedDate`,
    name: 'Record verification date',
    source: 'REQ-01',
    strength: 'always',
  },
  { path: `${PS}.statusModule.overallStatus`, name: 'Overall status', source: 'REQ-01', strength: 'always' },
  // The start date also decides which Final Rule requirements apply, so it is never optional.
  {
    path: `${PS}.statusModule.startDateStruct.date`,
    name: 'Study start date',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'always',
  },
  {
    path: `${PS}.statusModule.startDateStruct.type`,
    name: 'Study start date type',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.statusModule.primaryCompletionDateStruct.date`,
    name: 'Primary completion date',
    source: 'REQ-02',
    studyTypes: INT_OBS,
    strength: 'older-records-may-lack',
  },
  {
    path: `${PS}.statusModule.primaryCompletionDateStruct.type`,
    name: 'Primary completion date type',
    source: 'REQ-02',
    studyTypes: INT_OBS,
    strength: 'older-records-may-lack',
  },
  {
    path: `${PS}.statusModule.completionDateStruct.date`,
    name: 'Study completion date',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.statusModule.completionDateStruct.type`,
    name: 'Study completion date type',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.statusModule.whyStopped`,
    name: 'Why the study stopped',
    source: 'REQ-16',
    strength: 'from-final-rule',
    onlyIf: {
      text: 'are suspended, terminated or withdrawn',
      holds: (record) => ['SUSPENDED', 'TERMINATED', 'WITHDRAWN'].includes(overallStatus(record) ?? ''),
    },
    reportedBy: 'why-stopped-required',
  },

  {
    path: `${PS}.sponsorCollaboratorsModule.leadSponsor.name`,
    name: 'Lead sponsor',
    source: 'REQ-01',
    strength: 'always',
  },
  {
    path: `${PS}.sponsorCollaboratorsModule.responsibleParty.type`,
    name: 'Responsible party',
    source: 'REQ-03',
    strength: 'from-final-rule',
  },
  ...(['investigatorFullName', 'investigatorTitle', 'investigatorAffiliation'] as const).map((key): Requirement => ({
    path: `${PS}.sponsorCollaboratorsModule.responsibleParty.${key}`,
    name: {
      investigatorFullName: 'Investigator name',
      investigatorTitle: 'Investigator title',
      investigatorAffiliation: 'Investigator affiliation',
    }[key],
    source: 'REQ-10',
    strength: 'always',
    onlyIf: {
      text: 'name a principal investigator or sponsor-investigator as responsible party',
      holds: (record) => isInvestigatorResponsible(record),
    },
    reportedBy: 'responsible-party-investigator',
  })),

  {
    path: `${PS}.oversightModule.isFdaRegulatedDrug`,
    name: 'FDA-regulated drug',
    source: 'REQ-04',
    studyTypes: INT,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.oversightModule.isFdaRegulatedDevice`,
    name: 'FDA-regulated device',
    source: 'REQ-04',
    studyTypes: INT,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.oversightModule.isUnapprovedDevice`,
    name: 'Unapproved device',
    source: 'REQ-04',
    studyTypes: INT,
    strength: 'from-final-rule',
    onlyIf: {
      text: 'study a U.S. FDA-regulated device',
      holds: (record) => protocolModule(record, 'oversightModule')?.isFdaRegulatedDevice === true,
    },
    // 37 sample records answer Yes; the 38 other FDA-regulated device studies show no answer, never No.
    notReportedIn: isSubmitted,
    note: 'Published records show it only when the answer is Yes, so a published record without it may have answered No; it is reported in records not submitted yet.',
  },

  { path: `${PS}.descriptionModule.briefSummary`, name: 'Brief summary', source: 'REQ-01', strength: 'always' },
  {
    path: `${PS}.conditionsModule.conditions`,
    name: 'Conditions',
    source: 'REQ-02',
    studyTypes: INT_OBS,
    strength: 'always',
  },

  { path: `${PS}.designModule.studyType`, name: 'Study type', source: 'REQ-01', strength: 'always' },
  {
    path: `${PS}.designModule.expandedAccessTypes`,
    name: 'Expanded access type',
    source: 'REQ-09',
    studyTypes: EA,
    strength: 'always',
    isComplete: (value) => ['individual', 'intermediate', 'treatment'].some((flag) => asObject(value)?.[flag] === true),
    lacking: 'Set at least one of individual, intermediate and treatment to true.',
  },
  {
    path: `${PS}.designModule.targetDuration`,
    name: 'Target follow-up duration',
    source: 'REQ-08',
    studyTypes: OBS,
    strength: 'always',
    onlyIf: {
      text: 'are patient registries',
      holds: (record) => protocolModule(record, 'designModule')?.patientRegistry === true,
    },
  },
  {
    path: `${PS}.designModule.phases`,
    name: 'Study phase',
    source: 'REQ-06',
    studyTypes: INT,
    strength: 'expected',
    note: 'Use NA when no drug or biologic is studied.',
    reportedBy: 'phase-required',
  },
  {
    path: `${PS}.designModule.designInfo.allocation`,
    name: 'Allocation',
    source: 'REQ-04',
    studyTypes: INT,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.designModule.designInfo.interventionModel`,
    name: 'Interventional study model',
    source: 'REQ-04',
    studyTypes: INT,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.designModule.designInfo.primaryPurpose`,
    name: 'Primary purpose',
    source: 'REQ-04',
    studyTypes: INT,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.designModule.designInfo.maskingInfo.masking`,
    name: 'Masking',
    source: 'REQ-04',
    studyTypes: INT,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.designModule.designInfo.observationalModel`,
    name: 'Observational study model',
    source: 'REQ-07',
    studyTypes: OBS,
    strength: 'expected',
  },
  {
    path: `${PS}.designModule.designInfo.timePerspective`,
    name: 'Time perspective',
    source: 'REQ-07',
    studyTypes: OBS,
    strength: 'expected',
  },
  // 3 sample records last updated 2005–2013 lack it; none of the 641 updated since 2017-01-18 does.
  {
    path: `${PS}.designModule.enrollmentInfo.count`,
    name: 'Enrollment',
    source: 'REQ-02',
    studyTypes: INT_OBS,
    strength: 'always',
    cutover: FINAL_RULE_CUTOVER,
  },
  {
    path: `${PS}.designModule.enrollmentInfo.type`,
    name: 'Enrollment type',
    source: 'REQ-02',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },

  // Published without: 27 interventional sample records, 22 first submitted 2005–2007 and 5 since
  // (NCT04179266, NCT04767152 and NCT04767165 in 2019–2021, still updated in 2021–2023), so the
  // registry does not refuse a record without arms: a warning.
  {
    path: `${PS}.armsInterventionsModule.armGroups`,
    name: 'Arms',
    source: 'REQ-05',
    studyTypes: INT,
    strength: 'expected',
  },
  {
    path: `${PS}.armsInterventionsModule.armGroups[].label`,
    name: 'Arm label',
    source: 'REQ-05',
    studyTypes: INT_OBS,
    strength: 'always',
    // An observational study with a single group may leave it unlabelled.
    onlyIf: {
      text: 'are interventional or have more than one group',
      holds: (record) => studyType(record) === 'INTERVENTIONAL' || armGroupCount(record) > 1,
    },
  },
  {
    path: `${PS}.armsInterventionsModule.armGroups[].type`,
    name: 'Arm type',
    source: 'REQ-05',
    studyTypes: INT,
    strength: 'always',
    reportedBy: 'arm-type-required',
  },
  // Accepted missing: 44 of 480 sample studies started since 2017-01-18 lack it, 43 of them first submitted since.
  {
    path: `${PS}.armsInterventionsModule.armGroups[].description`,
    name: 'Arm description',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'expected',
  },
  {
    path: `${PS}.armsInterventionsModule.interventions`,
    name: 'Interventions',
    source: 'REQ-05',
    studyTypes: INT,
    strength: 'always',
  },
  {
    path: `${PS}.armsInterventionsModule.interventions[].name`,
    name: 'Intervention name',
    source: 'REQ-01',
    strength: 'always',
  },
  {
    path: `${PS}.armsInterventionsModule.interventions[].type`,
    name: 'Intervention type',
    source: 'REQ-05',
    studyTypes: INT,
    strength: 'always',
  },
  {
    path: `${PS}.armsInterventionsModule.interventions[].description`,
    name: 'Intervention description',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.armsInterventionsModule.interventions[].otherNames`,
    name: 'Other intervention names',
    source: 'REQ-13',
    strength: 'expected',
    onlyForEntries: { text: 'of type drug', holds: (entry) => entry.type === 'DRUG' },
    reportedBy: 'drug-other-names',
  },

  {
    path: `${PS}.outcomesModule.primaryOutcomes`,
    name: 'Primary outcomes',
    source: 'OUT-01',
    studyTypes: INT_OBS,
    strength: 'always',
    reportedBy: 'primary-outcome-required',
  },
  ...outcomeRequirements('primaryOutcomes', 'Primary outcome'),
  ...outcomeRequirements('secondaryOutcomes', 'Secondary outcome'),
  ...outcomeRequirements('otherOutcomes', 'Other outcome'),

  {
    path: `${PS}.eligibilityModule.eligibilityCriteria`,
    name: 'Eligibility criteria',
    source: 'REQ-01',
    strength: 'always',
    onlyIf: {
      text: 'are not expanded access for individual patients',
      holds: (record) => !isIndividualPatientExpandedAccess(record),
    },
  },
  {
    path: `${PS}.eligibilityModule.healthyVolunteers`,
    name: 'Accepts healthy volunteers',
    source: 'REQ-03',
    studyTypes: INT,
    strength: 'from-final-rule',
  },
  // Accepted missing for observational studies: 19 of 107 in the sample started since 2017-01-18 lack it (0 of 408 interventional).
  {
    path: `${PS}.eligibilityModule.healthyVolunteers`,
    name: 'Accepts healthy volunteers',
    source: 'REQ-03',
    studyTypes: OBS,
    strength: 'expected',
  },
  {
    path: `${PS}.eligibilityModule.sex`,
    name: 'Sex',
    source: 'REQ-03',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },
  // 4 sample records first submitted before 2007-09-27 lack both; none of the 161 registered since does.
  {
    path: `${PS}.eligibilityModule.studyPopulation`,
    name: 'Study population',
    source: 'REQ-07',
    studyTypes: OBS,
    strength: 'always',
    cutover: FDAAA_REGISTRATIONS,
  },
  {
    path: `${PS}.eligibilityModule.samplingMethod`,
    name: 'Sampling method',
    source: 'REQ-07',
    studyTypes: OBS,
    strength: 'always',
    cutover: FDAAA_REGISTRATIONS,
  },

  ...(['name', 'phone', 'email'] as const).map((key): Requirement => ({
    path: `${PS}.contactsLocationsModule.centralContacts[].${key}`,
    name: { name: 'Contact name', phone: 'Contact phone', email: 'Contact email' }[key],
    source: 'REQ-15',
    strength: 'expected',
    reportedBy: 'central-contact',
  })),
  {
    path: `${PS}.contactsLocationsModule.locations[].facility`,
    name: 'Facility name',
    source: 'REQ-14',
    studyTypes: INT_OBS,
    strength: 'from-final-rule',
  },
  {
    path: `${PS}.contactsLocationsModule.locations[].status`,
    name: 'Site recruitment status',
    source: 'REQ-14',
    // The public record drops site statuses once a study closes, and a single site follows the overall status.
    strength: 'expected',
    onlyIf: {
      text: 'are recruiting or about to, at more than one site',
      holds: (record) => OPEN_STATUSES.includes(overallStatus(record) ?? '') && locationCount(record) > 1,
    },
  },
  { path: `${PS}.contactsLocationsModule.locations[].city`, name: 'City', source: 'REQ-14', strength: 'always' },
  { path: `${PS}.contactsLocationsModule.locations[].country`, name: 'Country', source: 'REQ-14', strength: 'always' },
  {
    path: `${PS}.contactsLocationsModule.locations[].state`,
    name: 'State',
    source: 'REQ-14',
    strength: 'always',
    onlyForEntries: { text: 'in the United States', holds: isUnitedStates },
  },
  // Sites of older studies were accepted without a ZIP code (two records of the corpus).
  {
    path: `${PS}.contactsLocationsModule.locations[].zip`,
    name: 'ZIP code',
    source: 'REQ-14',
    strength: 'from-final-rule',
    onlyForEntries: { text: 'in the United States', holds: isUnitedStates },
  },
];

function isInvestigatorResponsible(record: unknown): boolean {
  const type = asObject(protocolModule(record, 'sponsorCollaboratorsModule')?.responsibleParty)?.type;
  return type === 'PRINCIPAL_INVESTIGATOR' || type === 'SPONSOR_INVESTIGATOR';
}

function armGroupCount(record: unknown): number {
  return asArray(protocolModule(record, 'armsInterventionsModule')?.armGroups).length;
}

function locationCount(record: unknown): number {
  return asArray(protocolModule(record, 'contactsLocationsModule')?.locations).length;
}

// --- Words ----------------------------------------------------------------------------------

const LIST_NOUNS: Record<string, [singular: string, plural: string]> = {
  secondaryIdInfos: ['secondary ID', 'secondary IDs'],
  armGroups: ['arm', 'arms'],
  interventions: ['intervention', 'interventions'],
  primaryOutcomes: ['primary outcome', 'primary outcomes'],
  secondaryOutcomes: ['secondary outcome', 'secondary outcomes'],
  otherOutcomes: ['other outcome', 'other outcomes'],
  centralContacts: ['central contact', 'central contacts'],
  locations: ['location', 'locations'],
};

const CONTAINER_NAMES: Record<string, string> = {
  protocolSection: 'Protocol section',
  identificationModule: 'Identification module',
  statusModule: 'Status module',
  sponsorCollaboratorsModule: 'Sponsor and collaborators module',
  oversightModule: 'Oversight module',
  descriptionModule: 'Description module',
  conditionsModule: 'Conditions module',
  designModule: 'Design module',
  armsInterventionsModule: 'Arms and interventions module',
  outcomesModule: 'Outcomes module',
  eligibilityModule: 'Eligibility module',
  contactsLocationsModule: 'Contacts and locations module',
  orgStudyIdInfo: "Organization's study ID",
  startDateStruct: 'Study start date',
  primaryCompletionDateStruct: 'Primary completion date',
  completionDateStruct: 'Study completion date',
  leadSponsor: 'Lead sponsor',
  responsibleParty: 'Responsible party',
  designInfo: 'Design information',
  maskingInfo: 'Masking information',
  enrollmentInfo: 'Enrollment',
};

const STUDY_TYPE_WORDS: Record<StudyType, string> = {
  INTERVENTIONAL: 'interventional',
  OBSERVATIONAL: 'observational',
  EXPANDED_ACCESS: 'expanded access',
};

/** A requirement's path, parsed once: the rule walks every requirement on every validation. */
interface ParsedPath {
  segments: readonly string[];
  steps: readonly Step[];
  /** The plain path as a pointer without list indexes (skeletons look it up for every field). */
  fieldPointer: string;
}

const PARSED_PATHS = new Map<Requirement, ParsedPath>();

function parsedPath(requirement: Requirement): ParsedPath {
  let parsed = PARSED_PATHS.get(requirement);
  if (!parsed) {
    const segments = requirement.path.split('.');
    parsed = {
      segments,
      steps: segments.map((segment) =>
        segment.endsWith('[]') ? { key: segment.slice(0, -2), isList: true } : { key: segment, isList: false },
      ),
      fieldPointer: `/${plainPath(requirement).split('.').join('/')}`,
    };
    PARSED_PATHS.set(requirement, parsed);
  }
  return parsed;
}

function segmentsOf(requirement: Requirement): readonly string[] {
  return parsedPath(requirement).segments;
}

/** The dotted path with list levels transparent, as the field dictionary and hovers name fields. */
function plainPath(requirement: Requirement): string {
  return requirement.path.replace(/\[\]/g, '');
}

/** The list the requirement walks, if any: its key without the "[]" marker. */
function listKey(requirement: Requirement): string | undefined {
  return segmentsOf(requirement)
    .find((segment) => segment.endsWith('[]'))
    ?.slice(0, -2);
}

/** The field's key as shown in messages: from the module down, or from the list entry down. */
function displayKey(requirement: Requirement): string {
  const segments = segmentsOf(requirement);
  const lastList = segments.map((segment) => segment.endsWith('[]')).lastIndexOf(true);
  return segments.slice(lastList >= 0 ? lastList + 1 : 2).join('.');
}

function studyTypesPhrase(types: readonly StudyType[] | undefined, plural: boolean): string {
  if (!types) return plural ? 'studies' : 'all studies';
  const words = types.map((type) => STUDY_TYPE_WORDS[type]);
  return `${words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words[0]} studies`;
}

/** Whom the requirement applies to, after "required for": "interventional studies that started on or after 2017-01-18". */
function requiredFor(requirement: Requirement): string {
  const clauses = [
    requirement.strength === 'from-final-rule' ? `started on or after ${FINAL_RULE_DATE}` : undefined,
    requirement.onlyIf?.text,
  ].filter((clause): clause is string => clause !== undefined);
  const list = listKey(requirement);
  const studies = studyTypesPhrase(requirement.studyTypes, list !== undefined);
  const qualified = clauses.length > 0 ? `${studies} that ${clauses.join(' and ')}` : studies;
  if (!list) return qualified;
  const [singular, plural] = LIST_NOUNS[list] ?? [list, list];
  const entries = requirement.onlyForEntries ? `${plural} ${requirement.onlyForEntries.text}` : `every ${singular}`;
  return requirement.studyTypes || clauses.length > 0 ? `${entries} of ${qualified}` : entries;
}

function fieldWords(requirement: Requirement): string {
  return `"${requirement.name}" (${displayKey(requirement)})`;
}

function startDateOf(record: unknown): string | undefined {
  return dateStruct(record, 'startDateStruct')?.date;
}

/**
 * Whether the study surely started on or after the Final Rule's effective date ("2017-01" may be before it).
 * Stricter than startsOnOrAfterFinalRule of ./study, which counts "2017-01" in.
 */
function surelyStartedUnderFinalRule(record: unknown): boolean {
  return surelyOnOrAfter(startDateOf(record), FINAL_RULE_DATE);
}

/** Why a gated requirement is only a warning for this record. */
function olderStudyNote(requirement: Requirement, record: unknown): string {
  const start = startDateOf(record);
  const before =
    start !== undefined && FINAL_RULE_DATE.startsWith(start) ? 'which may be before that date' : 'before that date';
  if (requirement.strength === 'older-records-may-lack') {
    return ` Records of studies that started before ${FINAL_RULE_DATE}${start ? `, as this one did (${start}),` : ''} may lack it.`;
  }
  return start
    ? ` This study started ${start}, ${before}, so it is a warning here.`
    : ' This record has no start date, so whether it applies is not known yet.';
}

// --- Applicability and severity ---------------------------------------------------------------

/** The requirements this rule reports (not those another rule does) that apply to a study type, worked out once per type. */
const REPORTED_BY_TYPE = new Map<StudyType | undefined, readonly Requirement[]>();

function reportedHere(type: StudyType | undefined): readonly Requirement[] {
  let requirements = REPORTED_BY_TYPE.get(type);
  if (!requirements) {
    requirements = REQUIREMENTS.filter(
      (requirement) =>
        !requirement.reportedBy &&
        (!requirement.studyTypes || (type !== undefined && requirement.studyTypes.includes(type))),
    );
    REPORTED_BY_TYPE.set(type, requirements);
  }
  return requirements;
}

function appliesToStudy(requirement: Requirement, record: unknown): boolean {
  if (requirement.studyTypes) {
    const type = studyType(record);
    if (!type || !requirement.studyTypes.includes(type)) return false;
  }
  return requirement.onlyIf?.holds(record) ?? true;
}

function isGated(requirement: Requirement): boolean {
  return requirement.strength === 'from-final-rule' || requirement.strength === 'older-records-may-lack';
}

/** What decides the severity of a gap in this record. */
interface Stage {
  record: unknown;
  /** The Final Rule fields apply: the study surely started on or after its effective date, or the config says always. */
  finalRule: boolean;
  /** The config treats every record as a new submission (`finalRule: "always"`): nothing is kept as it was. */
  asNew: boolean;
}

function stageOf(context: RuleContext): Stage {
  const asNew = context.options.finalRule === 'always';
  return { record: context.record, asNew, finalRule: asNew || surelyStartedUnderFinalRule(context.record) };
}

/** The cutover this published record predates: the registry kept it without the field. */
function keptWithout(requirement: Requirement, stage: Stage): Cutover | undefined {
  if (stage.asNew) return undefined;
  const cutover = requirement.cutover ?? (isGated(requirement) ? FINAL_RULE_CUTOVER : undefined);
  return cutover && predates(stage.record, cutover) ? cutover : undefined;
}

function severityOf(requirement: Requirement, stage: Stage): Severity {
  if (requirement.strength === 'expected') return 'warning';
  if (isGated(requirement) && !stage.finalRule) return 'warning';
  return keptWithout(requirement, stage) ? 'warning' : 'error';
}

/** Why a required field is only a warning for this record; empty when it is an error or merely expected. */
function warningNote(requirement: Requirement, stage: Stage): string {
  if (isGated(requirement) && !stage.finalRule) return olderStudyNote(requirement, stage.record);
  const cutover = keptWithout(requirement, stage);
  return cutover ? predatesNote(stage.record, cutover) : '';
}

// --- Hover text -------------------------------------------------------------------------------

/**
 * Whether and when a field is required for this record, in one or two short sentences, for the
 * editor's hover. `fieldPath` is dotted with list levels transparent, e.g.
 * "protocolSection.contactsLocationsModule.locations.zip". Undefined for fields nothing requires.
 */
export function requirementFor(fieldPath: string, record: unknown): string | undefined {
  const matches = REQUIREMENTS.filter((requirement) => plainPath(requirement) === fieldPath);
  if (matches.length === 0) return containerRequirement(fieldPath, record);
  const forThisType = matches.filter(
    (requirement) => requirement.studyTypes?.includes(studyType(record) as StudyType) ?? true,
  );
  return (forThisType.length > 0 ? forThisType : matches)
    .map((requirement) => describeRequirement(requirement, record))
    .join(' ');
}

function describeRequirement(requirement: Requirement, record: unknown): string {
  const text = applicabilityFor(requirement, record);
  return requirement.note ? `${text} ${requirement.note}` : text;
}

function applicabilityFor(requirement: Requirement, record: unknown): string {
  const verb = requirement.strength === 'expected' ? 'Expected' : 'Required';
  const general = `${verb} for ${requiredFor(requirement)}.`;
  const type = studyType(record);
  if (requirement.studyTypes && type && !requirement.studyTypes.includes(type)) {
    return `Not needed for ${studyTypesPhrase([type], true)}; ${general.charAt(0).toLowerCase()}${general.slice(1)}`;
  }
  if (requirement.onlyIf && !requirement.onlyIf.holds(record)) return `${general} This study is not one of them.`;
  if (isGated(requirement) && !surelyStartedUnderFinalRule(record))
    return general + olderStudyNote(requirement, record);
  const cutover = keptWithout(requirement, { record, finalRule: true, asNew: false });
  return cutover ? general + predatesNote(record, cutover) : general;
}

/** How many missing fields a container's hover names before it only counts the rest. */
const MISSING_NAMED = 3;

/** For an object that holds required fields (a module, a date): in one line, how many this study needs and which are missing. */
function containerRequirement(fieldPath: string, record: unknown): string | undefined {
  const inside = REQUIREMENTS.filter(
    (requirement) => plainPath(requirement).startsWith(`${fieldPath}.`) && appliesToStudy(requirement, record),
  );
  if (inside.length === 0) return undefined;
  const study = asObject(record);
  const missing = study
    ? inside
        .filter((requirement) => findGaps(requirement, study).length > 0)
        .map((requirement) => `"${requirement.name}"`)
    : [];
  const needs = `Holds ${inside.length === 1 ? '1 field' : `${inside.length} fields`} this study needs`;
  if (missing.length === 0) return `${needs}; none is missing.`;
  const named =
    missing.length > MISSING_NAMED
      ? `${missing.slice(0, MISSING_NAMED).join(', ')} and ${missing.length - MISSING_NAMED} more`
      : listOf(missing);
  return `${needs}; missing: ${named}.`;
}

// --- Finding gaps -----------------------------------------------------------------------------

interface ListEntry {
  listPointer: string;
  index: number;
  item: JsonObject;
}

interface Gap {
  requirement: Requirement;
  /** Where the field should be. */
  pointer: string;
  /** The highest absent object on the way to the field, when the field is missing with it. */
  absentContainer?: string;
  entry?: ListEntry;
  /** The field is there but falls short (e.g. no expanded access type set). */
  incomplete?: boolean;
  /** The key is not in its object at all (not merely blank): the finding is shown where it would go. */
  absent?: boolean;
}

/** A step of a requirement's path: a key, and whether it names a list whose every entry is checked. */
interface Step {
  key: string;
  isList: boolean;
}

/**
 * The places a requirement is not met, reaching only the parts of the record on its path. The path
 * walked so far is kept as segments and joined into pointers only for gaps: most fields are present.
 */
function findGaps(requirement: Requirement, record: JsonObject): Gap[] {
  return findAllGaps([requirement], record);
}

/** The gaps of several requirements, in their order: one search (one path, one list) walks them all. */
function findAllGaps(requirements: readonly Requirement[], record: JsonObject): Gap[] {
  const search: GapSearch = { requirement: requirements[0], steps: [], path: [], gaps: [] };
  for (const requirement of requirements) {
    search.requirement = requirement;
    search.steps = parsedPath(requirement).steps;
    collectGaps(search, record, 0, undefined);
  }
  return search.gaps;
}

interface GapSearch {
  requirement: Requirement;
  steps: readonly Step[];
  /** Keys and indexes from the root to the value being looked at. */
  path: Array<string | number>;
  gaps: Gap[];
}

/** The list entry a value is in: how long the path to its list is, its index and the entry itself. */
interface EntryPlace {
  listDepth: number;
  index: number;
  item: JsonObject;
}

function collectGaps(search: GapSearch, parent: JsonObject, depth: number, entry: EntryPlace | undefined): void {
  const { requirement, steps, path, gaps } = search;
  const { key, isList } = steps[depth];
  const value = parent[key];
  path.push(key);
  if (isList) {
    // An absent list has no entries to check; whether the list itself is needed is a requirement of its own.
    if (Array.isArray(value)) collectGapsInEntries(search, value, depth + 1);
  } else if (depth === steps.length - 1) {
    if (isMissing(value))
      gaps.push({
        requirement,
        pointer: pointerOfPath(path, path.length),
        entry: listEntry(path, entry),
        absent: value === undefined,
      });
    else if (requirement.isComplete && !requirement.isComplete(value))
      gaps.push({
        requirement,
        pointer: pointerOfPath(path, path.length),
        entry: listEntry(path, entry),
        incomplete: true,
      });
  } else if (value === undefined || value === null) {
    const rest = steps.slice(depth + 1);
    const here = pointerOfPath(path, path.length);
    if (!rest.some((later) => later.isList))
      gaps.push({
        requirement,
        pointer: `${here}/${rest.map((later) => later.key).join('/')}`,
        absentContainer: here,
        entry: listEntry(path, entry),
      });
  } else {
    const object = asObject(value);
    if (object) collectGaps(search, object, depth + 1, entry);
  }
  path.pop();
}

/**
 * The entries of a list (the path ends at the list). Sites and outcomes run to thousands of
 * entries, and most requirements end at a field of the entry: that case is checked in a plain
 * loop, the entry's path built only for a gap.
 */
function collectGapsInEntries(search: GapSearch, list: unknown[], depth: number): void {
  const { requirement, steps, path } = search;
  const listDepth = path.length;
  const onlyFor = requirement.onlyForEntries;
  const fieldOfEntry =
    depth === steps.length - 1 && !steps[depth].isList && !requirement.isComplete ? steps[depth].key : undefined;
  for (let index = 0; index < list.length; index++) {
    const item = list[index];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const object = item as JsonObject;
    if (onlyFor && !onlyFor.holds(object)) continue;
    if (fieldOfEntry !== undefined && !isMissing(object[fieldOfEntry])) continue;
    path.push(index);
    collectGaps(search, object, depth, { listDepth, index, item: object });
    path.pop();
  }
}

function pointerOfPath(path: ReadonlyArray<string | number>, length: number): string {
  let pointer = '';
  for (let i = 0; i < length; i++) pointer += `/${path[i]}`;
  return pointer;
}

function listEntry(path: ReadonlyArray<string | number>, entry: EntryPlace | undefined): ListEntry | undefined {
  return entry && { listPointer: pointerOfPath(path, entry.listDepth), index: entry.index, item: entry.item };
}

// --- Skeletons for suggestions ------------------------------------------------------------------

/** An empty value of the field's type for the curator to fill in; undefined where none is neutral (yes/no, numbers). */
function emptyValue(pointer: string, applicable: readonly Requirement[]): unknown {
  const node = schemaAt(pointer);
  if (node?.type === 'string') return '';
  if (node?.type === 'array') {
    const itemPointer = `${pointer}/0`;
    const item = emptyValue(itemPointer, applicable);
    return item === undefined ? [] : [item];
  }
  if (node?.type === 'object') return emptyObject(pointer, applicable);
  return undefined;
}

const SLASH = 47;

/** An object holding an empty value for each field this study requires inside it. */
function emptyObject(pointer: string, applicable: readonly Requirement[]): JsonObject {
  const generic = pointer.replace(/\/\d+(?=\/|$)/g, '');
  const object: JsonObject = {};
  for (const requirement of applicable) {
    const { fieldPointer } = parsedPath(requirement);
    if (!fieldPointer.startsWith(generic) || fieldPointer.charCodeAt(generic.length) !== SLASH) continue;
    const keyEnd = fieldPointer.indexOf('/', generic.length + 1);
    const key = fieldPointer.slice(generic.length + 1, keyEnd === -1 ? undefined : keyEnd);
    if (key in object) continue;
    const value = emptyValue(`${pointer}/${key}`, applicable);
    if (value !== undefined) object[key] = value;
  }
  return object;
}

function insertSuggestion(pointer: string, what: string, applicable: readonly Requirement[]): Fix[] | undefined {
  const value = emptyValue(pointer, applicable);
  if (value === undefined || (asObject(value) && Object.keys(value as JsonObject).length === 0)) return undefined;
  return [{ title: `Insert an empty ${what}`, changes: [{ op: 'set', pointer, value }] }];
}

// --- Reporting --------------------------------------------------------------------------------

/** "Missing "City" (city) in location 2 ("Mayo Clinic"): required for every location.": what and where first. */
function gapMessage(gap: Gap): string {
  const { requirement } = gap;
  const asked = `${requirement.strength === 'expected' ? 'expected' : 'required'} for ${requiredFor(requirement)}`;
  if (gap.incomplete) return `Incomplete ${fieldWords(requirement)}: ${asked}. ${requirement.lacking ?? ''}`.trim();
  if (!gap.entry) return `Missing ${fieldWords(requirement)}: ${asked}.`;
  const noun = LIST_NOUNS[listKey(requirement) ?? '']?.[0] ?? 'entry';
  return `Missing ${fieldWords(requirement)} in ${describeItem(noun, gap.entry.index, gap.entry.item)}: ${asked}.`;
}

function reportGap(context: RuleContext, gap: Gap, stage: Stage, applicable: readonly Requirement[]): void {
  const severity = severityOf(gap.requirement, stage);
  const note = severity === 'warning' ? warningNote(gap.requirement, stage) : '';
  context.report({
    pointer: gap.pointer,
    message: gapMessage(gap) + note,
    severity,
    suggestions: gap.incomplete ? undefined : insertSuggestion(insertPointer(gap), insertedWhat(gap), applicable),
  });
}

/** Where a gap's value goes: the absent object that holds the field, or the field itself. */
function insertPointer(gap: Gap): string {
  return gap.absentContainer ?? gap.pointer;
}

function insertedWhat(gap: Gap): string {
  if (!gap.absentContainer) return `"${gap.requirement.name}"`;
  const key = lastSegment(gap.absentContainer);
  return `"${CONTAINER_NAMES[key] ?? key}"`;
}

/**
 * The existing object a missing field is shown at (the engine places a pointer that does not exist
 * at its closest existing ancestor): the parent of the absent object or field. Undefined for a
 * field that is there but blank or falls short: it has a place of its own.
 */
function shownAt(gap: Gap): string | undefined {
  if (gap.absentContainer) return parentPointer(gap.absentContainer);
  return gap.absent ? parentPointer(gap.pointer) : undefined;
}

/** A whole object is missing with several required fields in it: one finding for the object. */
function reportAbsentContainer(
  context: RuleContext,
  container: string,
  gaps: Gap[],
  severity: Severity,
  stage: Stage,
  applicable: readonly Requirement[],
): void {
  const key = lastSegment(container);
  const names = listOf(
    gaps.map((gap) => fieldWords(gap.requirement)),
    5,
  );
  const verb = severity === 'error' ? 'requires' : 'should have';
  const message = `"${CONTAINER_NAMES[key] ?? key}" (${key}) is missing; this study ${verb} ${names} in it.`;
  context.report({
    pointer: container,
    message: message + sharedScope(gaps) + sharedNote(gaps, severity, stage),
    severity,
    fields: gaps.map((gap) => gap.pointer),
    suggestions: insertSuggestion(container, `"${CONTAINER_NAMES[key] ?? key}"`, applicable),
  });
}

/** How many missing fields a grouped finding names before it only counts the rest. */
const FIELDS_NAMED = 5;

/**
 * Several fields missing from one object, of one severity: one finding on the object's key (where
 * they would go), naming them (every field's pointer in `fields`), and a fix that inserts them all.
 */
function reportMissingTogether(
  context: RuleContext,
  object: string,
  gaps: Gap[],
  severity: Severity,
  stage: Stage,
  applicable: readonly Requirement[],
): void {
  const allExpected = gaps.every((gap) => gap.requirement.strength === 'expected');
  const names = listOf(
    gaps.map((gap) => `"${gap.requirement.name}"`),
    FIELDS_NAMED,
  );
  const message = `Missing ${gaps.length} ${allExpected ? 'expected' : 'required'} fields in ${placeName(context.record, object)}: ${names}.`;
  // Fields of one absent object are inserted with it, once.
  const firstAtEachPlace = gaps.filter(
    (gap, index) => gaps.findIndex((other) => insertPointer(other) === insertPointer(gap)) === index,
  );
  const oneByOne = firstAtEachPlace
    .map((gap) => fieldInsertion(gap, applicable))
    .filter((fix): fix is Fix => fix !== undefined);
  const all: Fix | undefined =
    oneByOne.length > 1
      ? { title: `Insert the ${gaps.length} missing fields`, changes: oneByOne.flatMap((fix) => fix.changes) }
      : undefined;
  context.report({
    pointer: object,
    target: 'key',
    message: message + sharedScope(gaps) + sharedNote(gaps, severity, stage),
    severity,
    fields: gaps.map((gap) => gap.pointer),
    suggestions: all || oneByOne.length > 0 ? [...(all ? [all] : []), ...oneByOne] : undefined,
  });
}

/** " All are required for …" when the fields share whom they are asked of; empty otherwise. */
function sharedScope(gaps: readonly Gap[]): string {
  const scopes = new Set(gaps.map((gap) => requiredFor(gap.requirement)));
  if (scopes.size !== 1) return '';
  const allExpected = gaps.every((gap) => gap.requirement.strength === 'expected');
  return ` They are ${allExpected ? 'expected' : 'required'} for ${[...scopes][0]}.`;
}

/** Why the fields are only warnings here, when they share the reason; empty otherwise. */
function sharedNote(gaps: readonly Gap[], severity: Severity, stage: Stage): string {
  if (severity !== 'warning') return '';
  const notes = new Set(gaps.map((gap) => warningNote(gap.requirement, stage)));
  return notes.size === 1 ? [...notes][0] : '';
}

/** The object as a curator knows it: "Identification module", location 3 ("Mayo Clinic"), the record. */
function placeName(record: unknown, pointer: string): string {
  if (pointer === '') return 'the record';
  const key = lastSegment(pointer);
  if (/^\d+$/.test(key)) {
    const noun = LIST_NOUNS[lastSegment(parentPointer(pointer))]?.[0] ?? 'entry';
    return describeItem(noun, Number(key), asObject(valueAt(record, pointer)) ?? {});
  }
  return `"${CONTAINER_NAMES[key] ?? key}"`;
}

/** The fix that inserts one missing field: the rule's empty value, or the schema's (as the editor's "Add" does). */
function fieldInsertion(gap: Gap, applicable: readonly Requirement[]): Fix | undefined {
  const own = insertSuggestion(insertPointer(gap), insertedWhat(gap), applicable)?.[0];
  if (own) return own;
  const schema = schemaAt(insertPointer(gap));
  if (!schema) return undefined;
  return {
    title: `Add "${lastSegment(insertPointer(gap))}"`,
    changes: [{ op: 'set', pointer: insertPointer(gap), value: emptySchemaValue(schema) }],
  };
}

/** Warnings about one field across many list entries (older studies' sites) read best as one. */
function reportAcrossEntries(context: RuleContext, gaps: Gap[], stage: Stage): void {
  const { requirement } = gaps[0];
  const list = gaps[0].entry!.listPointer;
  const [, plural] = LIST_NOUNS[listKey(requirement) ?? ''] ?? ['entry', 'entries'];
  const entries = asArray(valueAt(context.record, list)).filter((item) => {
    const object = asObject(item);
    return object !== undefined && (requirement.onlyForEntries?.holds(object) ?? true);
  });
  const which = requirement.onlyForEntries ? `${plural} ${requirement.onlyForEntries.text}` : plural;
  const asks = requirement.strength === 'expected' ? 'it is expected for' : 'it is required for';
  let message = `${fieldWords(requirement)} is missing from ${gaps.length} of ${entries.length} ${which}; ${asks} ${requiredFor(requirement)}.`;
  message += warningNote(requirement, stage);
  context.report({ pointer: list, message, severity: severityOf(requirement, stage), target: 'key' });
}

/** Missing fields shown at one object are reported together, one finding per severity. */
function reportByPlace(context: RuleContext, gaps: readonly Gap[], stage: Stage, applicable: readonly Requirement[]) {
  const byPlace = new Map<string, Gap[]>();
  for (const gap of gaps) {
    const place = shownAt(gap);
    if (place === undefined) {
      reportGap(context, gap, stage, applicable);
      continue;
    }
    // By the severity the config gives the field itself: an override of one field still applies in a group.
    const severity = context.severityAt(gap.pointer, severityOf(gap.requirement, stage));
    if (severity !== 'off') addTo(byPlace, `${severity} ${place}`, gap);
  }
  for (const [key, together] of byPlace) {
    const severity = key.slice(0, key.indexOf(' ')) as Severity;
    const containers = new Set(together.map((gap) => gap.absentContainer));
    const [container] = containers;
    if (together.length === 1) reportGap(context, together[0], stage, applicable);
    else if (containers.size === 1 && container !== undefined)
      reportAbsentContainer(context, container, together, severity, stage, applicable);
    else reportMissingTogether(context, key.slice(key.indexOf(' ') + 1), together, severity, stage, applicable);
  }
}

function addTo<K>(groups: Map<K, Gap[]>, key: K, gap: Gap): void {
  const group = groups.get(key);
  if (group) group.push(gap);
  else groups.set(key, [gap]);
}

export default defineRule({
  meta: {
    id: 'required-fields',
    severity: 'error',
    category: 'required',
    description: 'Fields the registry requires for the study type and start date are present',
    source: 'REQ-01/02/03/04/05/07/08/09/12/14',
    docs:
      'The registry refuses a record that lacks a field it requires, and which fields it requires depends on the study type ' +
      '(interventional, observational, expanded access) and on the start date: studies that started on or after 2017-01-18 ' +
      'must also give the Final Rule fields, such as the official title, the completion date and its type, sex, and ' +
      'intervention descriptions. For older studies these are warnings, because their records were accepted without them ' +
      '(a start date given as "2017-01" may be before the 18th, so it counts as older). The registry also keeps published ' +
      'records as it accepted them: a record last updated before 2017-01-18 gets warnings for the Final Rule fields, and ' +
      'a few older requirements only bind records registered since: outcome time frames and the study population and ' +
      'sampling method of observational studies are asked of records first submitted on or after 2007-09-27 (FDAAA), the ' +
      'enrollment of records updated since 2017-01-18. A record not submitted yet (no `studyFirstSubmitDate`) is held to ' +
      'everything. Evidence from the 820 published records of the registry sample: 19 records first submitted 2005–2007 ' +
      'lack outcome time frames (6 of them updated since 2017), none of the 766 registered later does; 4 observational ' +
      'records first submitted before 2007-09-27 lack a study population and sampling method, none of the 161 later ones; ' +
      '3 records last updated 2005–2013 lack the enrollment, none of the 641 updated since 2017-01-18. Some fields are ' +
      'only expected (warnings), because the registry publishes records without them: arm descriptions (44 of 480 studies ' +
      'started since 2017-01-18 lack one, 43 of them first submitted since) and whether an observational study accepts ' +
      'healthy volunteers (19 of 107; interventional studies: 0 of 408, so it stays required for them). Whether a device ' +
      'is unapproved is not reported missing from a published record: published records show that answer only when it ' +
      'is Yes (37 records; none of the 38 other FDA-regulated device studies shows No), so one without it may have answered ' +
      'No. It is reported in a record not submitted yet. The `finalRule: "always"` option (set by the strict preset) treats every ' +
      'record as a new submission. A missing field is shown where it would go, on the key of the object that should hold ' +
      'it; when an object lacks several fields, they are one finding there ("Missing 3 required fields in …", naming up ' +
      'to five; the pointers of all of them are in its `fields`), errors apart from warnings, and a quick fix that inserts them all ' +
      '(or one at a time). A config override for one field (`"files": ["**/*.trial.json#/protocolSection/…/field"]`) still ' +
      'applies inside such a group: a field turned off is left out of it, one given another severity joins that group. ' +
      'A field that is there but blank is a finding at its own place. When a whole module or object ' +
      'is missing, it is reported once, listing what it should hold; and when many entries of a list lack the same field ' +
      'that is only a warning (older sites without a ZIP code), it is reported once for the list. Example: an interventional ' +
      'study starting 2023-03-01 without `identificationModule.officialTitle` gets an error; the same study starting ' +
      '2015-03-01 gets a warning. Field definitions: https://clinicaltrials.gov/policy/protocol-definitions',
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    const record = asObject(context.record);
    if (!record) return;
    const stage = stageOf(context);
    const applicable = reportedHere(studyType(record)).filter(
      (requirement) =>
        !requirement.notReportedIn?.(context.record) && (requirement.onlyIf?.holds(context.record) ?? true),
    );
    const gaps = findAllGaps(applicable, record);

    const warningsByList = new Map<Requirement, Gap[]>();
    const placeable: Gap[] = [];
    for (const gap of gaps) {
      if (gap.entry && !gap.incomplete && severityOf(gap.requirement, stage) === 'warning')
        addTo(warningsByList, gap.requirement, gap);
      else placeable.push(gap);
    }
    for (const listGaps of warningsByList.values()) {
      if (listGaps.length === 1) placeable.push(listGaps[0]);
      else reportAcrossEntries(context, listGaps, stage);
    }
    reportByPlace(context, placeable, stage, applicable);
  },
});
