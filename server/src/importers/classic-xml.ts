// The public site's former XML (<clinical_study> with <required_header>, public.xsd) -> trial records:
// the protocol field by field, the results (classic-results.ts); what has no place in v2 is a warning.
import { hasContent, outcomeLists, Reader } from '../prs/element-reader';
import { compactObject, put, type JsonObject } from '../prs/json';
import {
  ALLOCATION,
  ARM_GROUP_TYPE,
  armInterventionNames,
  BIOSPECIMEN_RETENTION,
  codeOf,
  DATE_TYPE,
  EXPANDED_ACCESS_STATUS,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  IPD_SHARING,
  OBSERVATIONAL_MODEL,
  OFFICIAL_ROLE,
  PHASE,
  PRIMARY_PURPOSE,
  RECRUITMENT_STATUS,
  REGISTRY_STATUS,
  RESPONSIBLE_PARTY_TYPE,
  SAMPLING_METHOD,
  SEX,
  SITE_INVESTIGATOR_ROLE,
  SITE_STATUS,
  STUDY_TYPE,
  TIME_PERSPECTIVE,
  type Picklist,
} from '../prs/picklists';
import { readXml, XmlReadError, type ReadElement } from '../prs/xml';
import { classicResults } from './classic-results';
import { parseDate } from './labels';
import { xmlRootName } from './prs-xml';
import { orderLikeV2, type ImportWarning, type Study } from './study-draft';

export function looksLikeClassicXml(text: string): boolean {
  return xmlRootName(text) === 'clinical_study';
}

const STATUS: Picklist = [...RECRUITMENT_STATUS, ...EXPANDED_ACCESS_STATUS, ...REGISTRY_STATUS];

const AGENCY_CLASS: Picklist = [
  ['NIH', 'NIH'],
  ['FED', 'U.S. Fed', 'FED'],
  ['OTHER_GOV', 'Other U.S. Federal agency', 'OTHER_GOV'],
  ['INDIV', 'Individual', 'INDIV'],
  ['INDUSTRY', 'Industry'],
  ['NETWORK', 'Network'],
  ['AMBIG', 'Ambiguous', 'AMBIG'],
  ['OTHER', 'Other'],
  ['UNKNOWN', 'Unknown'],
];

/** Classic XML names who is masked in words: "Double (Participant, Investigator)". */
const MASKED_ROLE_WORDS: Picklist = [
  ['PARTICIPANT', 'Participant', 'Subject'],
  ['CARE_PROVIDER', 'Care Provider', 'Caregiver'],
  ['INVESTIGATOR', 'Investigator'],
  ['OUTCOMES_ASSESSOR', 'Outcomes Assessor'],
];

const MASKING_LEVEL: Picklist = [
  ['NONE', 'None'],
  ['SINGLE', 'Single'],
  ['DOUBLE', 'Double'],
  ['TRIPLE', 'Triple'],
  ['QUADRUPLE', 'Quadruple'],
];

const IPD_INFO_TYPE: Picklist = [
  ['STUDY_PROTOCOL', 'Study Protocol'],
  ['SAP', 'Statistical Analysis Plan (SAP)'],
  ['ICF', 'Informed Consent Form (ICF)'],
  ['CSR', 'Clinical Study Report (CSR)'],
  ['ANALYTIC_CODE', 'Analytic Code'],
];

/** Elements that describe the download or that the registry derives from other elements; read without a warning. */
const DERIVED_ELEMENTS = [
  'required_header',
  'location_countries',
  'removed_countries',
  'number_of_arms',
  'number_of_groups',
  'condition_browse',
  'intervention_browse',
  'firstreceived_date',
  'lastchanged_date',
  'firstreceived_results_date',
];

export function importClassicXml(text: string): { records: Study[]; warnings: ImportWarning[] } {
  const study = readXml(text);
  if (study.name !== 'clinical_study')
    throw new XmlReadError(`the root element is <${study.name}>, not <clinical_study>.`);
  const reader = new Reader();
  for (const name of DERIVED_ELEMENTS) reader.skip(study, name);
  const draft = classicStudy(study, reader);
  const results = reader.child(study, 'clinical_results');
  if (results !== undefined) put(draft, 'resultsSection', classicResults(results, reader));
  const record = orderLikeV2(withTidyText(draft) as Study);
  reader.reportUnread(study);
  return { records: [record], warnings: reader.warnings };
}

/** Classic XML indents its text blocks by their depth in the file ("\n        Inclusion Criteria:\n ..."); the text itself starts at its first character. */
export function tidyText(text: string): string {
  const lines = text
    .trimEnd()
    .replace(/^\s*\n/, '')
    .split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines
    .map((line) => line.slice(Math.min(common, /^ */.exec(line)?.[0].length ?? 0)))
    .join('\n')
    .trim();
}

function withTidyText(value: unknown): unknown {
  if (typeof value === 'string') return tidyText(value);
  if (Array.isArray(value)) return value.map(withTidyText);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withTidyText(child)]));
  return value;
}

/** "January 15, 2010" -> 2010-01-15, with the type attribute ("Actual", "Anticipated", "Estimate"). */
function dateOf(element: ReadElement | undefined, reader: Reader): JsonObject | undefined {
  if (element === undefined || element.text.trim() === '') return undefined;
  const date = parseDate(element.text.trim());
  if (date === undefined)
    reader.warn(element, `<${element.name}> "${element.text.trim()}" is not a date; it was not imported.`);
  const type = element.attributes.type;
  return compactObject({
    date,
    type: type === undefined ? undefined : codeOf(DATE_TYPE, type.replace(/^Estimate$/, 'Estimated')),
  });
}

function plainDate(study: ReadElement, name: string, reader: Reader): string | undefined {
  return dateOf(reader.child(study, name), reader)?.date as string | undefined;
}

function classicStudy(study: ReadElement, reader: Reader): Study {
  const protocol: JsonObject = {};
  const idInfo = reader.child(study, 'id_info');
  put(
    protocol,
    'identificationModule',
    compactObject({
      nctId: reader.trimmed(idInfo, 'nct_id'),
      nctIdAliases: reader.children(idInfo, 'nct_alias').map((alias) => alias.text.trim()),
      orgStudyIdInfo: compactObject({ id: reader.text(idInfo, 'org_study_id') }),
      secondaryIdInfos: reader.children(idInfo, 'secondary_id').map((secondary) => ({ id: secondary.text })),
      briefTitle: reader.text(study, 'brief_title'),
      officialTitle: reader.text(study, 'official_title'),
      acronym: reader.text(study, 'acronym'),
    }),
  );
  put(protocol, 'statusModule', statusOf(study, reader));
  put(protocol, 'sponsorCollaboratorsModule', sponsorsOf(study, reader));
  const oversight = reader.child(study, 'oversight_info');
  put(
    protocol,
    'oversightModule',
    compactObject({
      oversightHasDmc: reader.yesNo(oversight, 'has_dmc'),
      isFdaRegulatedDrug: reader.yesNo(oversight, 'is_fda_regulated_drug'),
      isFdaRegulatedDevice: reader.yesNo(oversight, 'is_fda_regulated_device'),
      isUnapprovedDevice: reader.yesNo(oversight, 'is_unapproved_device'),
      isPpsd: reader.yesNo(oversight, 'is_ppsd'),
      isUsExport: reader.yesNo(oversight, 'is_us_export'),
    }),
  );
  put(
    protocol,
    'descriptionModule',
    compactObject({
      briefSummary: reader.textBlock(study, 'brief_summary'),
      detailedDescription: reader.textBlock(study, 'detailed_description'),
    }),
  );
  put(
    protocol,
    'conditionsModule',
    compactObject({
      conditions: reader.children(study, 'condition').map((condition) => condition.text),
      keywords: reader.children(study, 'keyword').map((keyword) => keyword.text),
    }),
  );
  put(protocol, 'designModule', designOf(study, reader));
  put(protocol, 'armsInterventionsModule', armsOf(study, reader));
  put(protocol, 'outcomesModule', outcomeLists(study, reader, outcomeOf));
  put(protocol, 'eligibilityModule', eligibilityOf(reader.child(study, 'eligibility'), reader));
  put(protocol, 'contactsLocationsModule', contactsOf(study, reader));
  put(
    protocol,
    'referencesModule',
    compactObject({
      references: [
        ['reference', 'BACKGROUND'],
        ['results_reference', 'RESULT'],
      ].flatMap(([name, type]) =>
        reader.children(study, name).map((reference) =>
          compactObject({
            pmid: reader.trimmed(reference, 'PMID'),
            type,
            citation: reader.text(reference, 'citation'),
          }),
        ),
      ),
      seeAlsoLinks: reader
        .children(study, 'link')
        .map((link) => compactObject({ label: reader.text(link, 'description'), url: reader.text(link, 'url') })),
    }),
  );
  put(protocol, 'ipdSharingStatementModule', ipdOf(reader.child(study, 'patient_data'), reader));
  return { protocolSection: protocol } as Study & JsonObject;
}

function statusOf(study: ReadElement, reader: Reader): JsonObject {
  const verified = reader.child(study, 'verification_date');
  return compactObject({
    statusVerifiedDate: verified === undefined ? undefined : dateOf(verified, reader)?.date,
    overallStatus: reader.code(study, 'overall_status', STATUS),
    lastKnownStatus: reader.code(study, 'last_known_status', STATUS),
    whyStopped: reader.text(study, 'why_stopped'),
    expandedAccessInfo: compactObject({ hasExpandedAccess: reader.yesNo(study, 'has_expanded_access') }),
    startDateStruct: dateOf(reader.child(study, 'start_date'), reader),
    primaryCompletionDateStruct: dateOf(reader.child(study, 'primary_completion_date'), reader),
    completionDateStruct: dateOf(reader.child(study, 'completion_date'), reader),
    studyFirstSubmitDate: plainDate(study, 'study_first_submitted', reader),
    studyFirstSubmitQcDate: plainDate(study, 'study_first_submitted_qc', reader),
    studyFirstPostDateStruct: dateOf(reader.child(study, 'study_first_posted'), reader),
    resultsFirstSubmitDate: plainDate(study, 'results_first_submitted', reader),
    resultsFirstSubmitQcDate: plainDate(study, 'results_first_submitted_qc', reader),
    resultsFirstPostDateStruct: dateOf(reader.child(study, 'results_first_posted'), reader),
    lastUpdateSubmitDate: plainDate(study, 'last_update_submitted', reader),
    lastUpdatePostDateStruct: dateOf(reader.child(study, 'last_update_posted'), reader),
  });
}

function agencyOf(agency: ReadElement, reader: Reader): JsonObject {
  return compactObject({
    name: reader.text(agency, 'agency'),
    class: reader.code(agency, 'agency_class', AGENCY_CLASS),
  });
}

function sponsorsOf(study: ReadElement, reader: Reader): JsonObject {
  const sponsors = reader.child(study, 'sponsors');
  const party = reader.child(study, 'responsible_party');
  const lead = reader.child(sponsors, 'lead_sponsor');
  return compactObject({
    responsibleParty:
      party === undefined
        ? undefined
        : compactObject({
            type: reader.code(party, 'responsible_party_type', RESPONSIBLE_PARTY_TYPE),
            investigatorFullName: reader.text(party, 'investigator_full_name'),
            investigatorTitle: reader.text(party, 'investigator_title'),
            investigatorAffiliation: reader.text(party, 'investigator_affiliation'),
            oldNameTitle: reader.text(party, 'name_title'),
            oldOrganization: reader.text(party, 'organization'),
          }),
    leadSponsor: lead === undefined ? undefined : agencyOf(lead, reader),
    collaborators: reader.children(sponsors, 'collaborator').map((collaborator) => agencyOf(collaborator, reader)),
  });
}

function maskingOf(text: string | undefined, at: ReadElement | undefined, reader: Reader): JsonObject | undefined {
  if (text === undefined || at === undefined) return undefined;
  const match = /^(\w+)(?:\s+Blind)?(?:\s*\(([^)]*)\))?/.exec(text);
  const masking = match ? codeOf(MASKING_LEVEL, match[1]) : undefined;
  if (masking === undefined) {
    reader.warn(
      at,
      `<masking> "${text}" names no masking level (None, Single, Double, Triple, Quadruple); it was not imported.`,
    );
    return undefined;
  }
  const roles =
    masking === 'NONE' || match?.[2] === undefined
      ? []
      : match[2]
          .split(',')
          .map((role) => role.trim())
          .filter((role) => role !== '' && role !== 'Open Label');
  return compactObject({
    masking,
    whoMasked: roles
      .map((role) => reader.codeOfText(at, role, MASKED_ROLE_WORDS))
      .filter((code): code is string => code !== undefined),
  });
}

function phasesOf(text: string | undefined, at: ReadElement | undefined, reader: Reader): string[] | undefined {
  if (text === undefined || at === undefined) return undefined;
  const codes = (codeOf(PHASE, text) === undefined ? text.split('/') : [text]).map((part) =>
    codeOf(PHASE, part.trim()),
  );
  if (codes.some((code) => code === undefined)) {
    reader.warn(at, `<phase> "${text}" is not a phase; it was not imported.`);
    return undefined;
  }
  return codes as string[];
}

/** Classic XML prints "N/A" for every study without a phase; v2 says ["NA"] only for interventional studies. */
function phasesFor(
  studyType: string | undefined,
  text: string | undefined,
  at: ReadElement | undefined,
  reader: Reader,
): string[] | undefined {
  if (text === 'N/A' && studyType !== 'INTERVENTIONAL') return undefined;
  return phasesOf(text, at, reader);
}

function designOf(study: ReadElement, reader: Reader): JsonObject {
  const info = reader.child(study, 'study_design_info');
  const rawType = reader.trimmed(study, 'study_type');
  const isRegistry = rawType === 'Observational [Patient Registry]';
  const studyType =
    rawType === undefined || rawType === 'N/A'
      ? undefined
      : reader.codeOfText(reader.child(study, 'study_type') as ReadElement, rawType, STUDY_TYPE);
  const expandedAccess = reader.child(study, 'expanded_access_info');
  const enrollment = reader.child(study, 'enrollment');
  const count =
    enrollment === undefined || !/^\d+$/.test(enrollment.text.trim()) ? undefined : Number(enrollment.text.trim());
  const maskingText = reader.trimmed(info, 'masking');
  return compactObject({
    studyType,
    patientRegistry: isRegistry ? true : undefined,
    targetDuration: reader.trimmed(study, 'target_duration'),
    phases: phasesFor(studyType, reader.trimmed(study, 'phase'), reader.child(study, 'phase'), reader),
    designInfo: compactObject({
      allocation: reader.code(info, 'allocation', ALLOCATION),
      interventionModel: reader.code(info, 'intervention_model', INTERVENTION_MODEL),
      interventionModelDescription: reader.text(info, 'intervention_model_description'),
      primaryPurpose: reader.code(info, 'primary_purpose', PRIMARY_PURPOSE),
      observationalModel: reader.code(info, 'observational_model', OBSERVATIONAL_MODEL),
      timePerspective: reader.code(info, 'time_perspective', TIME_PERSPECTIVE),
      maskingInfo: compactObject({
        ...maskingOf(maskingText, reader.child(info, 'masking'), reader),
        maskingDescription: reader.text(info, 'masking_description'),
      }),
    }),
    bioSpec: compactObject({
      retention: reader.code(study, 'biospec_retention', BIOSPECIMEN_RETENTION),
      description: reader.textBlock(study, 'biospec_descr'),
    }),
    expandedAccessTypes: compactObject({
      individual: reader.yesNo(expandedAccess, 'expanded_access_type_individual'),
      intermediate: reader.yesNo(expandedAccess, 'expanded_access_type_intermediate'),
      treatment: reader.yesNo(expandedAccess, 'expanded_access_type_treatment'),
    }),
    enrollmentInfo: compactObject({
      count,
      type:
        enrollment?.attributes.type === undefined
          ? undefined
          : codeOf(DATE_TYPE, enrollment.attributes.type.replace(/^Estimate$/, 'Estimated')),
    }),
  });
}

function outcomeOf(outcome: ReadElement, reader: Reader): JsonObject {
  return compactObject({
    measure: reader.text(outcome, 'measure'),
    description: reader.text(outcome, 'description'),
    timeFrame: reader.text(outcome, 'time_frame'),
  });
}

function armsOf(study: ReadElement, reader: Reader): JsonObject {
  const interventions = reader.children(study, 'intervention').map((intervention) =>
    compactObject({
      type: reader.code(intervention, 'intervention_type', INTERVENTION_TYPE),
      name: reader.text(intervention, 'intervention_name'),
      description: reader.text(intervention, 'description'),
      armGroupLabels: reader.children(intervention, 'arm_group_label').map((label) => label.text),
      otherNames: reader.children(intervention, 'other_name').map((name) => name.text),
    }),
  );
  const armGroups = reader.children(study, 'arm_group').map((arm) => {
    const label = reader.text(arm, 'arm_group_label');
    return compactObject({
      label,
      type: reader.code(arm, 'arm_group_type', ARM_GROUP_TYPE),
      description: reader.text(arm, 'description'),
      interventionNames: armInterventionNames(label, interventions),
    });
  });
  return compactObject({ armGroups, interventions });
}

function eligibilityOf(eligibility: ReadElement | undefined, reader: Reader): JsonObject {
  const healthy = reader.trimmed(eligibility, 'healthy_volunteers');
  const age = (name: string): string | undefined => {
    const text = reader.trimmed(eligibility, name);
    return text === undefined || text === 'N/A' ? undefined : text;
  };
  return compactObject({
    eligibilityCriteria: reader.textBlock(eligibility, 'criteria'),
    // Classic XML says "Accepts Healthy Volunteers" where PRS says yes.
    healthyVolunteers: healthy === undefined ? undefined : /^(yes|accepts healthy volunteers)$/i.test(healthy),
    sex: reader.code(eligibility, 'gender', SEX),
    genderBased: reader.yesNo(eligibility, 'gender_based'),
    genderDescription: reader.text(eligibility, 'gender_description'),
    minimumAge: age('minimum_age'),
    maximumAge: age('maximum_age'),
    studyPopulation: reader.textBlock(eligibility, 'study_pop'),
    samplingMethod: reader.code(eligibility, 'sampling_method', SAMPLING_METHOD),
  });
}

function personName(person: ReadElement, reader: Reader): string | undefined {
  const parts = ['first_name', 'middle_name', 'last_name']
    .map((part) => reader.text(person, part)?.trim())
    .filter((part): part is string => part !== undefined);
  const degrees = reader.text(person, 'degrees')?.trim();
  if (parts.length === 0) return undefined;
  return degrees === undefined ? parts.join(' ') : `${parts.join(' ')}, ${degrees}`;
}

function contactOf(person: ReadElement, role: string | undefined, reader: Reader): JsonObject {
  return compactObject({
    name: personName(person, reader),
    role,
    phone: reader.text(person, 'phone'),
    phoneExt: reader.text(person, 'phone_ext'),
    email: reader.text(person, 'email'),
  });
}

function contactsOf(study: ReadElement, reader: Reader): JsonObject {
  return compactObject({
    centralContacts: [...reader.children(study, 'overall_contact'), ...reader.children(study, 'overall_contact_backup')]
      .filter(hasContent)
      .map((person) => contactOf(person, 'CONTACT', reader)),
    overallOfficials: reader.children(study, 'overall_official').map((official) =>
      compactObject({
        name: personName(official, reader),
        affiliation: reader.text(official, 'affiliation'),
        role: reader.code(official, 'role', OFFICIAL_ROLE),
      }),
    ),
    locations: reader.children(study, 'location').map((location) => {
      const facility = reader.child(location, 'facility');
      const address = reader.child(facility, 'address');
      return compactObject({
        facility: reader.text(facility, 'name'),
        status: reader.code(location, 'status', SITE_STATUS),
        city: reader.text(address, 'city'),
        state: reader.text(address, 'state'),
        zip: reader.text(address, 'zip'),
        country: reader.text(address, 'country'),
        contacts: [
          ...[...reader.children(location, 'contact'), ...reader.children(location, 'contact_backup')]
            .filter(hasContent)
            .map((person) => contactOf(person, 'CONTACT', reader)),
          ...reader.children(location, 'investigator').map((person) =>
            compactObject({
              name: personName(person, reader),
              role: reader.code(person, 'role', SITE_INVESTIGATOR_ROLE),
            }),
          ),
        ],
      });
    }),
  });
}

function ipdOf(data: ReadElement | undefined, reader: Reader): JsonObject {
  if (data === undefined) return {};
  return compactObject({
    ipdSharing: reader.code(data, 'sharing_ipd', IPD_SHARING),
    description: reader.text(data, 'ipd_description'),
    infoTypes: reader
      .children(data, 'ipd_info_type')
      .map((type) => reader.codeOfText(type, type.text.trim(), IPD_INFO_TYPE))
      .filter((code): code is string => code !== undefined),
    timeFrame: reader.text(data, 'ipd_time_frame'),
    accessCriteria: reader.text(data, 'ipd_access_criteria'),
    url: reader.text(data, 'ipd_url'),
  });
}
