// A PRS XML document (study_collection, with or without the prs: prefix, results included) -> v2 records
// and their PRS sidecars; each element that carries something this mapping does not read is a warning.
import { compactObject, put, type JsonObject } from './json';
import {
  ALLOCATION,
  ANALYSIS_DISPERSION_TYPE,
  ARM_GROUP_TYPE,
  armInterventionNames,
  ASSESSMENT_TYPE,
  BIOSPECIMEN_RETENTION,
  CI_NUM_SIDES,
  codeOf,
  DATE_TYPE,
  DISPERSION_TYPE,
  EXPANDED_ACCESS_STATUS,
  EXPANDED_ACCESS_TYPES,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  IPD_INFO_TYPES,
  IPD_SHARING,
  MASKED_ROLES,
  MASKING,
  MASKING_BY_COUNT,
  OBSERVATIONAL_MODEL,
  OFFICIAL_ROLE,
  OUTCOME_TYPE,
  PARAM_TYPE,
  PHASE,
  PRIMARY_PURPOSE,
  RECRUITMENT_STATUS,
  REGISTRY_STATUS,
  REPORTING_STATUS,
  RESPONSIBLE_PARTY_TYPE,
  RESTRICTION_TYPE,
  SAMPLING_METHOD,
  SECONDARY_ID_TYPE,
  SEX,
  SITE_INVESTIGATOR_ROLE,
  SITE_STATUS,
  STATISTICAL_TEST_TYPE,
  STUDY_TYPE,
  TIME_PERSPECTIVE,
  UNIT_OF_ANALYSIS_PARTICIPANTS,
} from './picklists';
import type { PrsSidecar } from './sidecar';
import type { ReadElement } from './xml';

import { Reader, hasContent, outcomeLists, type PrsImportWarning } from './element-reader';

export type { PrsImportWarning } from './element-reader';

export interface PrsImportedStudy {
  record: JsonObject;
  sidecar: PrsSidecar;
}

export function fromPrsDocument(root: ReadElement): { studies: PrsImportedStudy[]; warnings: PrsImportWarning[] } {
  const reader = new Reader();
  const studies = reader.children(root, 'clinical_study').map((study) => {
    if (study.attributes.partial_upload?.trim() === 'true') {
      reader.warn(
        study,
        'this is a partial upload (partial_upload="true"): what it leaves out was to stay as it was in PRS, so the imported record lacks those fields.',
      );
    }
    const imported = importStudy(study, reader);
    reader.reportUnread(study);
    return imported;
  });
  return { studies, warnings: reader.warnings };
}

function importStudy(study: ReadElement, reader: Reader): PrsImportedStudy {
  const sidecar: PrsSidecar = {};
  const idInfo = reader.child(study, 'id_info');
  put(sidecar, 'orgName', reader.text(idInfo, 'org_name'));
  const protocol: JsonObject = {};
  put(protocol, 'identificationModule', identification(study, idInfo, reader));
  put(protocol, 'statusModule', statusModule(study, reader));
  put(protocol, 'sponsorCollaboratorsModule', sponsorsModule(study, reader, sidecar));
  put(protocol, 'oversightModule', oversightModule(study, reader, sidecar));
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
    compactObject({ conditions: reader.texts(study, 'condition'), keywords: reader.texts(study, 'keyword') }),
  );
  put(protocol, 'designModule', designModule(study, reader));
  put(protocol, 'armsInterventionsModule', armsModule(study, reader));
  put(protocol, 'outcomesModule', outcomeLists(study, reader, outcomeOf));
  put(protocol, 'eligibilityModule', eligibilityModule(reader.child(study, 'eligibility'), reader));
  put(protocol, 'contactsLocationsModule', contactsModule(study, reader));
  put(protocol, 'referencesModule', referencesModule(study, reader));
  put(protocol, 'ipdSharingStatementModule', ipdModule(reader.child(study, 'ipd_sharing_statement'), reader));
  const record: JsonObject = { protocolSection: protocol };
  put(record, 'resultsSection', resultsSection(reader.child(study, 'result'), reader));
  delayedPosting(reader.child(study, 'resultDisposition'), reader, sidecar);
  return { record, sidecar };
}

function identification(study: ReadElement, idInfo: ReadElement | undefined, reader: Reader): JsonObject {
  const module: JsonObject = {};
  put(module, 'orgStudyIdInfo', compactObject({ id: reader.text(idInfo, 'org_study_id') }));
  put(
    module,
    'secondaryIdInfos',
    reader.children(idInfo, 'secondary_id').map((secondary) =>
      compactObject({
        id: reader.text(secondary, 'id'),
        type: reader.code(secondary, 'id_type', SECONDARY_ID_TYPE),
        domain: reader.text(secondary, 'id_domain'),
      }),
    ),
  );
  put(module, 'briefTitle', reader.text(study, 'brief_title'));
  put(module, 'officialTitle', reader.text(study, 'official_title'));
  put(module, 'acronym', reader.text(study, 'acronym'));
  return module;
}

function dateStruct(study: ReadElement, name: string, reader: Reader): JsonObject {
  return compactObject({ date: reader.trimmed(study, name), type: reader.code(study, `${name}_type`, DATE_TYPE) });
}

function statusModule(study: ReadElement, reader: Reader): JsonObject {
  const module: JsonObject = {};
  put(module, 'statusVerifiedDate', reader.trimmed(study, 'verification_date'));
  const expandedAccessStatus = reader.code(study, 'expanded_access_status', EXPANDED_ACCESS_STATUS);
  const overall = reader.trimmed(study, 'overall_status');
  const registryStatus = overall === undefined ? undefined : codeOf(REGISTRY_STATUS, overall);
  put(
    module,
    'overallStatus',
    expandedAccessStatus ?? registryStatus ?? reader.code(study, 'overall_status', RECRUITMENT_STATUS),
  );
  put(module, 'whyStopped', reader.text(study, 'why_stopped'));
  const ind = reader.child(study, 'ind_info');
  put(
    module,
    'expandedAccessInfo',
    compactObject({
      hasExpandedAccess: reader.yesNo(ind, 'has_expanded_access'),
      nctId: reader.trimmed(ind, 'expanded_access_nct_id'),
    }),
  );
  put(module, 'startDateStruct', dateStruct(study, 'start_date', reader));
  put(module, 'primaryCompletionDateStruct', dateStruct(study, 'primary_compl_date', reader));
  put(module, 'completionDateStruct', dateStruct(study, 'last_follow_up_date', reader));
  return module;
}

function sponsorsModule(study: ReadElement, reader: Reader, sidecar: PrsSidecar): JsonObject {
  const sponsors = reader.child(study, 'sponsors');
  const module: JsonObject = {};
  const party = reader.child(sponsors, 'resp_party');
  if (party !== undefined) {
    put(sidecar, 'responsibleInvestigatorUsername', reader.text(party, 'investigator_username'));
    put(
      module,
      'responsibleParty',
      compactObject({
        type: reader.code(party, 'resp_party_type', RESPONSIBLE_PARTY_TYPE),
        investigatorTitle: reader.text(party, 'investigator_title'),
        investigatorAffiliation: reader.text(party, 'investigator_affiliation'),
        oldNameTitle: reader.text(party, 'name_title'),
        oldOrganization: reader.text(party, 'organization'),
      }),
    );
  }
  put(module, 'leadSponsor', compactObject({ name: reader.text(reader.child(sponsors, 'lead_sponsor'), 'agency') }));
  put(
    module,
    'collaborators',
    reader
      .children(sponsors, 'collaborator')
      .map((collaborator) => compactObject({ name: reader.text(collaborator, 'agency') })),
  );
  return module;
}

function oversightModule(study: ReadElement, reader: Reader, sidecar: PrsSidecar): JsonObject {
  const oversight = reader.child(study, 'oversight_info');
  const irb = reader.child(oversight, 'irb_info');
  if (irb !== undefined) {
    put(
      sidecar,
      'humanSubjectsReview',
      compactObject({
        status: reader.trimmed(irb, 'approval_status'),
        approvalNumber: reader.text(irb, 'approval_number'),
        boardName: reader.text(irb, 'name'),
        boardAffiliation: reader.text(irb, 'affiliation'),
        phone: reader.text(irb, 'phone'),
        phoneExt: reader.text(irb, 'phone_ext'),
        email: reader.text(irb, 'email'),
        address: reader.text(irb, 'full_address'),
      }),
    );
  }
  put(sidecar, 'postPriorToApproval', reader.yesNo(oversight, 'post_prior_to_approval'));
  put(sidecar, 'isIndStudy', reader.yesNo(study, 'is_ind_study'));
  const ind = reader.child(study, 'ind_info');
  if (ind !== undefined) {
    put(
      sidecar,
      'ind',
      compactObject({
        grantor: reader.trimmed(ind, 'ind_grantor'),
        number: reader.text(ind, 'ind_number'),
        serialNumber: reader.text(ind, 'ind_serial_number'),
      }),
    );
  }
  return compactObject({
    oversightHasDmc: reader.yesNo(oversight, 'has_dmc'),
    isFdaRegulatedDrug: reader.yesNo(oversight, 'fda_regulated_drug'),
    isFdaRegulatedDevice: reader.yesNo(oversight, 'fda_regulated_device'),
    isUnapprovedDevice: reader.yesNo(study, 'delayed_posting'),
    isPpsd: reader.yesNo(oversight, 'ped_postmarket_surv'),
    isUsExport: reader.yesNo(oversight, 'exported_from_us'),
  });
}

function phasesOf(text: string | undefined, at: ReadElement | undefined, reader: Reader): string[] | undefined {
  if (text === undefined || at === undefined) return undefined;
  const whole = codeOf(PHASE, text);
  if (whole !== undefined) return [whole];
  const parts = text.split('/').map((part) => part.trim());
  // "Phase 1/2" and "Phase 1/Phase 2" both name two phases.
  const names = parts.map((part, index) => (index > 0 && /^\d$/.test(part) ? `Phase ${part}` : part));
  const codes = names.map((name) => codeOf(PHASE, name));
  if (codes.some((code) => code === undefined)) {
    reader.warn(
      at,
      `<phase> "${text}" is not a phase PRS lists (Early Phase 1, Phase 1 … Phase 4, N/A, or two joined by "/"); it was not imported.`,
    );
    return undefined;
  }
  return codes as string[];
}

function designModule(study: ReadElement, reader: Reader): JsonObject {
  const design = reader.child(study, 'study_design');
  const module: JsonObject = {};
  const studyType = reader.code(design, 'study_type', STUDY_TYPE);
  put(module, 'studyType', studyType);
  const interventional = reader.child(design, 'interventional_design');
  const observational = reader.child(design, 'observational_design');
  const info: JsonObject = {};
  if (interventional !== undefined) {
    put(
      module,
      'phases',
      phasesOf(reader.trimmed(interventional, 'phase'), reader.child(interventional, 'phase'), reader),
    );
    put(info, 'allocation', reader.code(interventional, 'allocation', ALLOCATION));
    put(info, 'interventionModel', reader.code(interventional, 'assignment', INTERVENTION_MODEL));
    put(info, 'interventionModelDescription', reader.textBlock(interventional, 'model_description'));
    put(info, 'primaryPurpose', reader.code(interventional, 'interventional_subtype', PRIMARY_PURPOSE));
    put(info, 'maskingInfo', maskingOf(interventional, reader));
    reader.child(interventional, 'number_of_arms');
  }
  if (observational !== undefined) {
    put(module, 'patientRegistry', reader.yesNo(observational, 'patient_registry'));
    const quantity = reader.trimmed(observational, 'target_duration_quantity');
    const units = reader.trimmed(observational, 'target_duration_units');
    put(module, 'targetDuration', quantity !== undefined && units !== undefined ? `${quantity} ${units}` : undefined);
    put(info, 'observationalModel', reader.code(observational, 'observational_study_design', OBSERVATIONAL_MODEL));
    put(info, 'timePerspective', reader.code(observational, 'timing', TIME_PERSPECTIVE));
    put(
      module,
      'bioSpec',
      compactObject({
        retention: reader.code(observational, 'biospecimen_retention', BIOSPECIMEN_RETENTION),
        description: reader.textBlock(observational, 'biospecimen_description'),
      }),
    );
    reader.child(observational, 'number_of_groups');
  }
  put(module, 'designInfo', info);
  const expandedAccessTypes: JsonObject = {};
  for (const [key, name] of EXPANDED_ACCESS_TYPES) put(expandedAccessTypes, key, reader.yesNo(design, name));
  reader.child(design, 'no_exp_acc_type');
  put(module, 'expandedAccessTypes', expandedAccessTypes);
  const enrollment = compactObject({
    count: reader.integer(study, 'enrollment'),
    type: reader.code(study, 'enrollment_type', DATE_TYPE),
  });
  put(module, 'enrollmentInfo', enrollment);
  return module;
}

function maskingOf(design: ReadElement, reader: Reader): JsonObject {
  const noMasking = reader.yesNo(design, 'no_masking');
  const whoMasked = MASKED_ROLES.filter(([, name]) => reader.yesNo(design, name) === true).map(([code]) => code);
  const masking: JsonObject = {};
  const stated = reader.trimmed(design, 'masking');
  if (stated !== undefined) put(masking, 'masking', reader.code(design, 'masking', MASKING));
  else if (noMasking === true) put(masking, 'masking', 'NONE');
  else if (noMasking === false || whoMasked.length > 0) put(masking, 'masking', MASKING_BY_COUNT[whoMasked.length]);
  put(masking, 'maskingDescription', reader.textBlock(design, 'masking_description'));
  put(masking, 'whoMasked', noMasking === true ? [] : whoMasked);
  return masking;
}

function outcomeOf(outcome: ReadElement, reader: Reader): JsonObject {
  return compactObject({
    measure: reader.text(outcome, 'outcome_measure'),
    description: reader.textBlock(outcome, 'outcome_description'),
    timeFrame: reader.text(outcome, 'outcome_time_frame'),
  });
}

/** PRS links interventions to arms only; the v2 arm side ("Drug: Aspirin") is rebuilt from those links. */
function armsModule(study: ReadElement, reader: Reader): JsonObject {
  const interventions = reader.children(study, 'intervention').map((intervention) =>
    compactObject({
      type: reader.code(intervention, 'intervention_type', INTERVENTION_TYPE),
      name: reader.text(intervention, 'intervention_name'),
      description: reader.textBlock(intervention, 'intervention_description'),
      armGroupLabels: reader.texts(intervention, 'arm_group_label'),
      otherNames: reader.texts(intervention, 'intervention_other_name'),
    }),
  );
  const armGroups = reader.children(study, 'arm_group').map((arm) => {
    const label = reader.text(arm, 'arm_group_label');
    const interventionNames = armInterventionNames(label, interventions);
    return compactObject({
      label,
      type: reader.code(arm, 'arm_type', ARM_GROUP_TYPE),
      description: reader.textBlock(arm, 'arm_group_description'),
      interventionNames,
    });
  });
  return compactObject({ armGroups, interventions });
}

function ageOf(text: string | undefined): string | undefined {
  return text === undefined || text.trim().toUpperCase() === 'N/A' ? undefined : text.trim();
}

function eligibilityModule(eligibility: ReadElement | undefined, reader: Reader): JsonObject {
  return compactObject({
    eligibilityCriteria: reader.textBlock(eligibility, 'criteria'),
    healthyVolunteers: reader.yesNo(eligibility, 'healthy_volunteers'),
    sex: reader.code(eligibility, 'gender', SEX),
    genderBased: reader.yesNo(eligibility, 'gender_based'),
    genderDescription: reader.textBlock(eligibility, 'gender_description'),
    minimumAge: ageOf(reader.text(eligibility, 'minimum_age')),
    maximumAge: ageOf(reader.text(eligibility, 'maximum_age')),
    studyPopulation: reader.textBlock(eligibility, 'study_population'),
    samplingMethod: reader.code(eligibility, 'sampling_method', SAMPLING_METHOD),
  });
}

/** PRS splits a name into parts; v2 keeps one string ("Jane A Doe, MD"). */
function nameOf(person: ReadElement | undefined, reader: Reader): string | undefined {
  const parts = ['first_name', 'middle_name', 'last_name']
    .map((part) => reader.text(person, part)?.trim())
    .filter((part): part is string => part !== undefined);
  const degrees = reader.text(person, 'degrees')?.trim();
  if (parts.length === 0) return undefined;
  return degrees === undefined ? parts.join(' ') : `${parts.join(' ')}, ${degrees}`;
}

function contactOf(person: ReadElement, role: string | undefined, reader: Reader): JsonObject {
  return compactObject({
    name: nameOf(person, reader),
    role,
    phone: reader.text(person, 'phone'),
    phoneExt: reader.text(person, 'phone_ext'),
    email: reader.text(person, 'email'),
  });
}

function contactsModule(study: ReadElement, reader: Reader): JsonObject {
  const central = [...reader.children(study, 'overall_contact'), ...reader.children(study, 'overall_contact_backup')]
    .filter(hasContent)
    .map((person) => contactOf(person, 'CONTACT', reader));
  const officials = reader.children(study, 'overall_official').map((official) =>
    compactObject({
      name: nameOf(official, reader),
      affiliation: reader.text(official, 'affiliation'),
      role: reader.code(official, 'role', OFFICIAL_ROLE),
    }),
  );
  const locations = reader.children(study, 'location').map((location) => {
    const facility = reader.child(location, 'facility');
    const address = reader.child(facility, 'address');
    const siteContacts = [...reader.children(location, 'contact'), ...reader.children(location, 'contact_backup')]
      .filter(hasContent)
      .map((person) => contactOf(person, 'CONTACT', reader));
    const investigators = reader
      .children(location, 'investigator')
      .map((person) =>
        compactObject({ name: nameOf(person, reader), role: reader.code(person, 'role', SITE_INVESTIGATOR_ROLE) }),
      );
    return compactObject({
      facility: reader.text(facility, 'name'),
      status: reader.code(location, 'status', SITE_STATUS),
      city: reader.text(address, 'city'),
      state: reader.text(address, 'state'),
      zip: reader.text(address, 'zip'),
      country: reader.text(address, 'country'),
      contacts: [...siteContacts, ...investigators],
    });
  });
  return compactObject({ centralContacts: central, overallOfficials: officials, locations });
}

function referencesModule(study: ReadElement, reader: Reader): JsonObject {
  const references = reader.children(study, 'reference').map((reference) => {
    const isResult = reader.yesNo(reference, 'is_results_ref');
    return compactObject({
      pmid: reader.trimmed(reference, 'pubmed_id'),
      type: isResult === undefined ? undefined : isResult ? 'RESULT' : 'BACKGROUND',
      citation: reader.text(reference, 'citation'),
    });
  });
  const links = reader
    .children(study, 'link')
    .map((link) => compactObject({ label: reader.text(link, 'description'), url: reader.text(link, 'url') }));
  const documents = reader.children(study, 'study_document').map((document) => {
    const type = reader.text(document, 'study_document_type');
    const otherType = reader.text(document, 'study_document_other_type');
    return compactObject({
      id: reader.text(document, 'study_document_identifier'),
      type: type?.trim() === 'Other' && otherType !== undefined ? otherType : type,
      url: reader.text(document, 'url'),
      comment: reader.textBlock(document, 'study_document_comments'),
    });
  });
  return compactObject({ references, seeAlsoLinks: links, availIpds: documents });
}

function ipdModule(ipd: ReadElement | undefined, reader: Reader): JsonObject {
  if (ipd === undefined) return {};
  const sharing = reader.code(ipd, 'sharing_ipd', IPD_SHARING);
  const infoTypes = IPD_INFO_TYPES.filter(([, name]) => reader.yesNo(ipd, name) === true).map(([code]) => code);
  const url = reader.text(ipd, 'ipd_url');
  return compactObject({
    ipdSharing: sharing,
    description: reader.textBlock(ipd, 'ipd_description'),
    infoTypes,
    timeFrame: reader.textBlock(ipd, 'ipd_time_frame'),
    accessCriteria: reader.textBlock(ipd, 'ipd_access_criteria'),
    // PRS's form leaves "http://" in an empty URL field.
    url: url?.trim() === 'http://' ? undefined : url,
  });
}

function delayedPosting(disposition: ReadElement | undefined, reader: Reader, sidecar: PrsSidecar): void {
  const details = reader.child(disposition, 'disposition');
  if (details === undefined) return;
  const anticipatedPostingDate = postingDateOf(reader.child(details, 'anticipatedPostingDate'), reader);
  put(
    sidecar,
    'delayedPosting',
    compactObject({
      delayType: reader.trimmed(details, 'delayType'),
      delayReason: reader.text(details, 'delayReason'),
      interventionName: reader.text(details, 'interventionName'),
      approvalNumbers: reader
        .items(details, 'applicationApprovalDetails', 'appApprovalDetail')
        .map((detail) => reader.text(detail, 'approvalNumber'))
        .filter((number): number is string => number !== undefined),
      anticipatedPostingDate,
    }),
  );
}

// ---- results ----

function resultsSection(result: ReadElement | undefined, reader: Reader): JsonObject {
  if (result === undefined) return {};
  const section: JsonObject = {};
  put(section, 'participantFlowModule', participantFlow(reader.child(result, 'participantFlow'), reader));
  put(section, 'baselineCharacteristicsModule', baseline(reader.child(result, 'baseline'), reader));
  const measures = reader
    .items(result, 'outcomeMeasures', 'outcomeMeasure')
    .map((measure) => outcomeMeasure(measure, reader));
  put(section, 'outcomeMeasuresModule', compactObject({ outcomeMeasures: measures }));
  put(section, 'adverseEventsModule', reportedEvents(reader.child(result, 'reportedEvents'), reader));
  const limitations = reader.child(result, 'limitationsAndCaveats');
  const agreement = reader.child(result, 'certainAgreement');
  const contact = reader.child(result, 'pointOfContact');
  put(
    section,
    'moreInfoModule',
    compactObject({
      limitationsAndCaveats: compactObject({ description: reader.text(limitations, 'description') }),
      certainAgreement: compactObject({
        piSponsorEmployee: reader.yesNo(agreement, 'piSponsorEmployee'),
        restrictionType: reader.code(agreement, 'restrictionType', RESTRICTION_TYPE),
        restrictiveAgreement: reader.yesNo(agreement, 'restrictiveAgreement'),
        otherDetails: reader.text(agreement, 'otherDetails'),
      }),
      pointOfContact: compactObject({
        title: reader.text(contact, 'title'),
        organization: reader.text(contact, 'organizationName'),
        email: reader.text(contact, 'email'),
        phone: reader.text(contact, 'phoneNumber'),
        phoneExt: reader.text(contact, 'phoneExtension'),
      }),
    }),
  );
  return section;
}

const OUTCOME_GROUP_PREFIX = /^OM\d+\./;

function groupIdOf(text: string | undefined): string | undefined {
  return text?.trim().replace(OUTCOME_GROUP_PREFIX, '');
}

/** Reporting groups and, from their analyzed counts, the v2 denominators (participants first, then other units). */
function groupsOf(
  groups: ReadElement[],
  unitsName: string | undefined,
  reader: Reader,
): { groups: JsonObject[]; denoms: JsonObject[] } {
  const participants: JsonObject[] = [];
  const units: JsonObject[] = [];
  const list = groups.map((group) => {
    const id = groupIdOf(group.attributes.id) ?? '';
    const subjects = reader.trimmed(group, 'subjectsAnalyzed');
    const unitCount = reader.trimmed(group, 'numUnitsAnalyzed');
    if (subjects !== undefined) participants.push({ groupId: id, value: subjects });
    if (unitCount !== undefined) units.push({ groupId: id, value: unitCount });
    return compactObject({ id, title: reader.text(group, 'title'), description: reader.text(group, 'description') });
  });
  return { groups: list, denoms: denominators(participants, units, unitsName) };
}

function denominators(participants: JsonObject[], units: JsonObject[], unitsName: string | undefined): JsonObject[] {
  const denoms: JsonObject[] = [];
  if (participants.length > 0) denoms.push({ units: UNIT_OF_ANALYSIS_PARTICIPANTS, counts: participants });
  if (units.length > 0) denoms.push({ units: unitsName ?? 'Units', counts: units });
  return denoms;
}

function measureClasses(measure: ReadElement, unitsName: string | undefined, reader: Reader): JsonObject[] {
  return reader.items(measure, 'measureRows', 'measureRow').map((row) => {
    const participants: JsonObject[] = [];
    const units: JsonObject[] = [];
    const categories: Array<{ title: string | undefined; measurements: JsonObject[] }> = [];
    for (const value of reader.items(row, 'reportedValues', 'reportedValue')) {
      const groupId = groupIdOf(reader.text(value, 'reportingGroupId')) ?? '';
      const subjects = reader.trimmed(value, 'subjectsAnalyzed');
      const unitCount = reader.trimmed(value, 'numUnitsAnalyzed');
      if (subjects !== undefined) participants.push({ groupId, value: subjects });
      if (unitCount !== undefined) units.push({ groupId, value: unitCount });
      for (const entry of reader.items(value, 'reportedEntries', 'reportedEntry')) {
        const title = reader.text(entry, 'catName');
        let category = categories.find((candidate) => candidate.title === title);
        if (category === undefined) {
          category = { title, measurements: [] };
          categories.push(category);
        }
        category.measurements.push(
          compactObject({
            groupId,
            value: reader.text(entry, 'parameterValue'),
            spread: reader.text(entry, 'dispersionSpread'),
            lowerLimit: reader.text(entry, 'dispersionLowerLimit'),
            upperLimit: reader.text(entry, 'dispersionUpperLimit'),
            comment: reader.text(entry, 'naComment'),
          }),
        );
      }
    }
    return compactObject({
      title: reader.text(row, 'title'),
      denoms: denominators(participants, units, unitsName),
      categories: categories.map((category) =>
        compactObject({ title: category.title, measurements: category.measurements }),
      ),
    });
  });
}

function measureCommon(
  measure: ReadElement,
  unitsName: string | undefined,
  reader: Reader,
  dispersion: 'code' | 'text',
): JsonObject {
  return compactObject({
    title: reader.text(measure, 'title'),
    description: reader.text(measure, 'measureDescription'),
    populationDescription: reader.text(measure, 'populationAnalysisDescription'),
    paramType: reader.code(measure, 'parameterType', PARAM_TYPE),
    dispersionType:
      dispersion === 'code'
        ? reader.code(measure, 'dispersionType', DISPERSION_TYPE)
        : reader.text(measure, 'dispersionType'),
    unitOfMeasure: reader.text(measure, 'unitOfMeasure'),
    calculatePct: reader.yesNo(measure, 'calculatePct'),
    ciPctLevel: reader.trimmed(measure, 'ciPctLevel'),
    timeFrame: reader.text(measure, 'timeFrame'),
    denomUnitsSelected: reader.text(measure, 'selectedUnitOfAnalysis'),
    classes: measureClasses(measure, unitsName, reader),
  });
}

function baseline(element: ReadElement | undefined, reader: Reader): JsonObject {
  if (element === undefined) return {};
  const unitsName = reader.text(element, 'typeUnitsAnalyzed');
  const reportingGroups = [
    ...reader.items(element, 'baselineReportingGroups', 'baselineReportingGroup'),
    ...reader.children(element, 'totalBaselineReportingGroup'),
  ];
  const { groups, denoms } = groupsOf(reportingGroups, unitsName, reader);
  return compactObject({
    populationDescription: reader.text(element, 'populationAnalysisDescription'),
    typeUnitsAnalyzed: unitsName,
    groups,
    denoms,
    measures: reader
      .items(element, 'baselineMeasures', 'baselineMeasure')
      .map((measure) => measureCommon(measure, unitsName, reader, 'code')),
  });
}

function postingDateOf(date: ReadElement | undefined, reader: Reader): string | undefined {
  const month = reader.trimmed(date, 'month');
  const year = reader.trimmed(date, 'year');
  return month !== undefined && year !== undefined ? `${year}-${month.padStart(2, '0')}` : undefined;
}

function outcomeMeasure(element: ReadElement, reader: Reader): JsonObject {
  const unitsName = reader.text(element, 'typeUnitsAnalyzed');
  const { groups, denoms } = groupsOf(
    reader.items(element, 'outcomeReportingGroups', 'outcomeReportingGroup'),
    unitsName,
    reader,
  );
  return compactObject({
    type: reader.code(element, 'measureType', OUTCOME_TYPE),
    ...measureCommon(element, unitsName, reader, 'text'),
    anticipatedPostingDate: postingDateOf(reader.child(element, 'anticipatedResultPostingDate'), reader),
    reportingStatus: reader.code(element, 'reportingStatus', REPORTING_STATUS),
    typeUnitsAnalyzed: unitsName,
    groups,
    denoms,
    analyses: reader.items(element, 'outcomeMeasureAnalyses', 'measureAnalysis').map((analysis) =>
      compactObject({
        groupIds: reader
          .items(analysis, 'outcomeReportingGroups', 'outcomeReportingGroupId')
          .map((id) => groupIdOf(id.text) ?? ''),
        groupDescription: reader.text(analysis, 'groupDescription'),
        nonInferiorityType: reader.code(analysis, 'statisticalTestType', STATISTICAL_TEST_TYPE),
        nonInferiorityComment: reader.text(analysis, 'nonInferiorityTestComment'),
        pValue: reader.text(analysis, 'pValue'),
        pValueComment: reader.text(analysis, 'pValueComment'),
        statisticalMethod: reader.text(analysis, 'statisticalMethod'),
        statisticalComment: reader.text(analysis, 'statisticalTestComment'),
        paramType: reader.text(analysis, 'parameterType'),
        paramValue: reader.text(analysis, 'parameterValue'),
        ciPctValue: reader.text(analysis, 'ciPctValue'),
        ciNumSides: reader.code(analysis, 'ciNumSides', CI_NUM_SIDES),
        ciLowerLimit: reader.text(analysis, 'ciLowerLimit'),
        ciUpperLimit: reader.text(analysis, 'ciUpperLimit'),
        ciUpperLimitComment: reader.text(analysis, 'ciUpperLimitNaComment'),
        dispersionType: reader.code(analysis, 'dispersionType', ANALYSIS_DISPERSION_TYPE),
        dispersionValue: reader.text(analysis, 'dispersionValue'),
        estimateComment: reader.text(analysis, 'estimateComment'),
        otherAnalysisDescription: reader.text(analysis, 'otherAnalysis'),
      }),
    ),
  });
}

function milestoneOf(type: string | undefined, milestone: ReadElement | undefined, reader: Reader): JsonObject {
  return compactObject({
    type,
    comment: reader.text(milestone, 'comment'),
    achievements: reader.items(milestone, 'milestoneAchievements', 'milestoneAchievement').map((achievement) =>
      compactObject({
        groupId: reader.trimmed(achievement, 'reportingGroupId'),
        comment: reader.text(achievement, 'comment'),
        numSubjects: reader.trimmed(achievement, 'subjectsAchieve'),
        numUnits: reader.trimmed(achievement, 'unitsAchieve'),
      }),
    ),
  });
}

function participantFlow(flow: ReadElement | undefined, reader: Reader): JsonObject {
  if (flow === undefined) return {};
  return compactObject({
    preAssignmentDetails: reader.text(flow, 'preAssignmentDescription'),
    recruitmentDetails: reader.text(flow, 'recruitmentDetails'),
    typeUnitsAnalyzed: reader.text(flow, 'typeUnitsAnalyzed'),
    groups: reader.items(flow, 'participantFlowGroups', 'flowGroup').map((group) =>
      compactObject({
        id: group.attributes.id,
        title: reader.text(group, 'title'),
        description: reader.text(group, 'description'),
      }),
    ),
    periods: reader.items(flow, 'periods', 'period').map((period) =>
      compactObject({
        title: reader.text(period, 'title'),
        milestones: [
          milestoneOf('STARTED', reader.child(period, 'startedMilestone'), reader),
          ...reader
            .items(period, 'milestones', 'milestone')
            .map((milestone) => milestoneOf(reader.text(milestone, 'titleOther'), milestone, reader)),
          milestoneOf('COMPLETED', reader.child(period, 'completedMilestone'), reader),
        ].filter((milestone) => milestone.achievements !== undefined || milestone.comment !== undefined),
        dropWithdraws: reader.items(period, 'dropWithdrawReasons', 'dropWithdrawReason').map((reason) => {
          const type = reader.text(reason, 'reasonType');
          const otherName = reader.text(reason, 'otherReasonName');
          return compactObject({
            type: type?.trim() === 'Other' && otherName !== undefined ? otherName : type,
            reasons: reader.items(reason, 'dropWithdrawReasonDetails', 'reasonDetail').map((detail) =>
              compactObject({
                groupId: reader.trimmed(detail, 'reportingGroupId'),
                numSubjects: reader.trimmed(detail, 'subjectsAffected'),
              }),
            ),
          });
        }),
      }),
    ),
  });
}

/** PRS can state the vocabulary and assessment once for all events; v2 states them per event. */
interface EventDefaults {
  sourceVocabulary?: string;
  assessmentType?: string;
}

function adverseEvents(events: ReadElement[], defaults: EventDefaults, reader: Reader): JsonObject[] {
  return events.map((event) =>
    compactObject({
      term: reader.text(event, 'term'),
      organSystem: reader.text(event, 'organSystemName'),
      sourceVocabulary: reader.text(event, 'sourceVocabulary') ?? defaults.sourceVocabulary,
      assessmentType: reader.code(event, 'assessmentType', ASSESSMENT_TYPE) ?? defaults.assessmentType,
      notes: reader.text(event, 'notes'),
      stats: reader.items(event, 'adverseEventStats', 'eventStats').map((stats) =>
        compactObject({
          groupId: reader.trimmed(stats, 'reportingGroupId'),
          numEvents: reader.integer(stats, 'numEvents'),
          numAffected: reader.integer(stats, 'numSubjectsAffected'),
          numAtRisk: reader.integer(stats, 'numSubjects'),
        }),
      ),
    }),
  );
}

function reportedEvents(events: ReadElement | undefined, reader: Reader): JsonObject {
  if (events === undefined) return {};
  const defaults: EventDefaults = {
    sourceVocabulary: reader.text(events, 'sourceVocabulary'),
    assessmentType: reader.code(events, 'assessmentType', ASSESSMENT_TYPE),
  };
  return compactObject({
    frequencyThreshold: reader.trimmed(events, 'frequencyReportingThreshold'),
    timeFrame: reader.text(events, 'timeFrame'),
    description: reader.text(events, 'notes'),
    allCauseMortalityComment: reader.text(events, 'allCauseMortComment'),
    eventGroups: reader.items(events, 'interventionGroups', 'interventionGroup').map((group) =>
      compactObject({
        id: group.attributes.id,
        title: reader.text(group, 'title'),
        description: reader.text(group, 'description'),
        deathsNumAffected: reader.integer(group, 'numDeaths'),
        deathsNumAtRisk: reader.integer(group, 'partAtRiskAllCauseMort'),
        seriousNumAffected: reader.integer(group, 'numSubjectsSeriousEvents'),
        seriousNumAtRisk: reader.integer(group, 'partAtRiskSeriousEvents'),
        otherNumAffected: reader.integer(group, 'numSubjectsFrequentEvents'),
        otherNumAtRisk: reader.integer(group, 'partAtRiskFrequentEvents'),
      }),
    ),
    seriousEvents: adverseEvents(reader.items(events, 'seriousAdverseEvents', 'seriousEvent'), defaults, reader),
    otherEvents: adverseEvents(reader.items(events, 'frequentAdverseEvents', 'frequentEvent'), defaults, reader),
  });
}
