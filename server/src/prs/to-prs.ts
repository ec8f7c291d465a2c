// A v2 record (plus its PRS sidecar) -> a PRS upload document (study_collection/clinical_study), with a
// finding for every value PRS would need that neither gives and every value PRS cannot take.
import { booleanAt, listAt, objectAt, stringsAt, textAt, type JsonObject } from './json';
import {
  ALLOCATION,
  ANALYSIS_DISPERSION_TYPE,
  ARM_GROUP_TYPE,
  ASSESSMENT_TYPE,
  BIOSPECIMEN_RETENTION,
  CI_NUM_SIDES,
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
  prsValueOf,
  RECRUITMENT_STATUS,
  REPORTING_STATUS,
  RESPONSIBLE_PARTY_TYPE,
  RESTRICTION_TYPE,
  SAMPLING_METHOD,
  SECONDARY_ID_TYPE,
  SEX,
  SITE_INVESTIGATOR_ROLE,
  SITE_STATUS,
  STATISTICAL_TEST_TYPE,
  STUDY_DOCUMENT_TYPES,
  STUDY_TYPE,
  TIME_PERSPECTIVE,
  UNIT_OF_ANALYSIS_PARTICIPANTS,
  yesNo,
  type Picklist,
} from './picklists';
import type { PrsSidecar } from './sidecar';
import { element, leaf, list, textBlock, type XmlElement } from './xml';

export const PRS_NAMESPACE = 'http://clinicaltrials.gov/prs';
export const RRS_NAMESPACE = 'http://clinicaltrials.gov/rrs';

export interface ExportFinding {
  /** JSON Pointer into the record, or into the sidecar as "sidecar:/orgName". */
  pointer: string;
  message: string;
  /**
   * "missing": a value PRS requires that neither the record nor the sidecar gives (written empty with
   * --allow-incomplete); "unmappable": a value PRS cannot take (never written); "left-out": a value the
   * upload has no room for, reported while the rest is written.
   */
  kind: 'missing' | 'unmappable' | 'left-out';
}

export interface PrsDocument {
  root: XmlElement;
  findings: ExportFinding[];
}

class Mapping {
  readonly findings: ExportFinding[] = [];
  constructor(readonly sidecar: PrsSidecar) {}

  missing(pointer: string, message: string): void {
    this.findings.push({ pointer, message, kind: 'missing' });
  }

  unmappable(pointer: string, message: string): void {
    this.findings.push({ pointer, message, kind: 'unmappable' });
  }

  leftOut(pointer: string, message: string): void {
    this.findings.push({ pointer, message, kind: 'left-out' });
  }

  /** The PRS value of a code; an unknown code is a finding and goes out as it is, so the XSD check still sees the rest. */
  pick(table: Picklist, code: string | undefined, pointer: string): string | undefined {
    if (code === undefined) return undefined;
    const value = prsValueOf(table, code);
    if (value === undefined) {
      this.unmappable(pointer, `"${code}" has no PRS value; PRS takes ${table.map(([known]) => known).join(', ')}.`);
      return code;
    }
    return value;
  }

  /** A value the schema requires: a finding when it is absent, and an empty element so the document stays whole. */
  required(name: string, text: string | undefined, pointer: string, what: string): XmlElement {
    if (text === undefined || text.trim() === '') {
      this.missing(
        pointer,
        `${what} is required by PRS (${name}) and ${pointer.startsWith('sidecar:') ? 'neither the sidecar nor the config gives it' : 'the record has none'}.`,
      );
      return { name, children: [], text: '' };
    }
    return leaf(name, text) as XmlElement;
  }
}

const P = '/protocolSection';

/**
 * Always a full upload: PRS replaces the whole record with it. A partial upload (partial_upload="true")
 * keeps what the file leaves out, which is not what exporting a complete record means.
 */
export function toPrsDocument(record: JsonObject, sidecar: PrsSidecar = {}): PrsDocument {
  const mapping = new Mapping(sidecar);
  const study = clinicalStudy(record, mapping);
  const root = element('prs:study_collection', [study], { 'xmlns:prs': PRS_NAMESPACE }) as XmlElement;
  return { root, findings: mapping.findings };
}

function clinicalStudy(record: JsonObject, mapping: Mapping): XmlElement {
  const protocol = objectAt(record, 'protocolSection');
  const identification = objectAt(protocol, 'identificationModule');
  const status = objectAt(protocol, 'statusModule');
  const sponsors = objectAt(protocol, 'sponsorCollaboratorsModule');
  const oversight = objectAt(protocol, 'oversightModule');
  const description = objectAt(protocol, 'descriptionModule');
  const conditions = objectAt(protocol, 'conditionsModule');
  const design = objectAt(protocol, 'designModule');
  const arms = objectAt(protocol, 'armsInterventionsModule');
  const outcomes = objectAt(protocol, 'outcomesModule');
  const eligibility = objectAt(protocol, 'eligibilityModule');
  const contacts = objectAt(protocol, 'contactsLocationsModule');
  const references = objectAt(protocol, 'referencesModule');
  const ipd = objectAt(protocol, 'ipdSharingStatementModule');
  const overallStatus = textAt(status, 'overallStatus');
  const isExpandedAccessStatus =
    overallStatus !== undefined && prsValueOf(EXPANDED_ACCESS_STATUS, overallStatus) !== undefined;
  const armGroups = listAt(arms, 'armGroups');
  const children: Array<XmlElement | undefined> = [
    idInfo(identification, mapping),
    leaf('delayed_posting', optionalYesNo(booleanAt(oversight, 'isUnapprovedDevice'))),
    leaf('is_ind_study', optionalYesNo(mapping.sidecar.isIndStudy)),
    indInfo(status, mapping),
    mapping.required(
      'brief_title',
      textAt(identification, 'briefTitle'),
      `${P}/identificationModule/briefTitle`,
      'The brief title',
    ),
    leaf('acronym', textAt(identification, 'acronym')),
    leaf('official_title', textAt(identification, 'officialTitle')),
    sponsorsElement(sponsors, mapping),
    oversightInfo(oversight, mapping),
    textBlock('brief_summary', textAt(description, 'briefSummary')),
    textBlock('detailed_description', textAt(description, 'detailedDescription')),
    isExpandedAccessStatus ? undefined : leaf('overall_status', recruitmentStatus(status, mapping)),
    leaf('why_stopped', textAt(status, 'whyStopped')),
    isExpandedAccessStatus
      ? leaf('expanded_access_status', prsValueOf(EXPANDED_ACCESS_STATUS, overallStatus))
      : undefined,
    leaf('verification_date', textAt(status, 'statusVerifiedDate')),
    ...datePair('start_date', objectAt(status, 'startDateStruct'), `${P}/statusModule/startDateStruct`, mapping),
    ...datePair(
      'last_follow_up_date',
      objectAt(status, 'completionDateStruct'),
      `${P}/statusModule/completionDateStruct`,
      mapping,
    ),
    ...datePair(
      'primary_compl_date',
      objectAt(status, 'primaryCompletionDateStruct'),
      `${P}/statusModule/primaryCompletionDateStruct`,
      mapping,
    ),
    studyDesign(design, armGroups.length, mapping),
    ...listAt(outcomes, 'primaryOutcomes').map((outcome) => outcomeElement('primary_outcome', outcome)),
    ...listAt(outcomes, 'secondaryOutcomes').map((outcome) => outcomeElement('secondary_outcome', outcome)),
    ...listAt(outcomes, 'otherOutcomes').map((outcome) => outcomeElement('other_outcome', outcome)),
    leaf('enrollment', textAt(objectAt(design, 'enrollmentInfo'), 'count')),
    leaf(
      'enrollment_type',
      mapping.pick(
        DATE_TYPE,
        textAt(objectAt(design, 'enrollmentInfo'), 'type'),
        `${P}/designModule/enrollmentInfo/type`,
      ),
    ),
    ...stringsAt(conditions, 'conditions').map((condition) => leaf('condition', condition)),
    ...stringsAt(conditions, 'keywords').map((keyword) => leaf('keyword', keyword)),
    ...armGroups.map((arm, index) => armGroupElement(arm, index, mapping)),
    ...listAt(arms, 'interventions').map((intervention, index) => interventionElement(intervention, index, mapping)),
    eligibilityElement(eligibility, mapping),
    ...listAt(contacts, 'overallOfficials').map((official, index) => officialElement(official, index, mapping)),
    ...centralContacts(contacts, mapping),
    ...listAt(contacts, 'locations').map((location, index) => locationElement(location, index, mapping)),
    ipdElement(ipd, mapping),
    ...listAt(references, 'seeAlsoLinks').map((link, index) =>
      element('link', [
        mapping.required(
          'url',
          textAt(link, 'url'),
          `${P}/referencesModule/seeAlsoLinks/${index}/url`,
          'A link address',
        ),
        mapping.required(
          'description',
          textAt(link, 'label'),
          `${P}/referencesModule/seeAlsoLinks/${index}/label`,
          'A link description',
        ),
      ]),
    ),
    ...listAt(references, 'references')
      .filter((reference) => textAt(reference, 'type') !== 'DERIVED')
      .map(referenceElement),
    ...listAt(references, 'availIpds').map(studyDocument),
    resultElement(objectAt(record, 'resultsSection'), mapping),
    resultDisposition(mapping.sidecar),
  ];
  return element('clinical_study', children) as XmlElement;
}

function optionalYesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : yesNo(value);
}

function idInfo(identification: JsonObject | undefined, mapping: Mapping): XmlElement {
  return element('id_info', [
    mapping.required(
      'org_name',
      mapping.sidecar.orgName,
      'sidecar:/orgName',
      'The PRS organization name (orgName in the .prs.json sidecar or prs.orgName in the config)',
    ),
    mapping.required(
      'org_study_id',
      textAt(objectAt(identification, 'orgStudyIdInfo'), 'id'),
      `${P}/identificationModule/orgStudyIdInfo/id`,
      "The organization's unique protocol ID",
    ),
    ...listAt(identification, 'secondaryIdInfos').map((secondary, index) =>
      element('secondary_id', [
        leaf('id', textAt(secondary, 'id')),
        leaf(
          'id_type',
          mapping.pick(
            SECONDARY_ID_TYPE,
            textAt(secondary, 'type'),
            `${P}/identificationModule/secondaryIdInfos/${index}/type`,
          ),
        ),
        leaf('id_domain', textAt(secondary, 'domain')),
      ]),
    ),
  ]) as XmlElement;
}

/** Expanded access availability travels inside ind_info, which PRS accepts only with the IND/IDE grantor and number. */
function indInfo(status: JsonObject | undefined, mapping: Mapping): XmlElement | undefined {
  const expandedAccess = objectAt(status, 'expandedAccessInfo');
  const hasExpandedAccess = booleanAt(expandedAccess, 'hasExpandedAccess');
  const ind = mapping.sidecar.ind;
  if (ind === undefined) {
    // PRS asks about expanded access only with an IND/IDE; a "no" without one is no loss worth a word.
    if (hasExpandedAccess === true || textAt(expandedAccess, 'nctId') !== undefined) {
      mapping.leftOut(
        `${P}/statusModule/expandedAccessInfo`,
        'Expanded access availability goes to PRS inside the IND/IDE information, and the sidecar has no ind (grantor and number), so it is left out.',
      );
    }
    return undefined;
  }
  return element('ind_info', [
    mapping.required('ind_grantor', ind.grantor, 'sidecar:/ind/grantor', 'The IND/IDE grantor (CDER, CBER or CDRH)'),
    mapping.required('ind_number', ind.number, 'sidecar:/ind/number', 'The IND/IDE number'),
    leaf('ind_serial_number', ind.serialNumber),
    leaf('has_expanded_access', optionalYesNo(hasExpandedAccess)),
    leaf('expanded_access_nct_id', textAt(expandedAccess, 'nctId')),
  ]);
}

function sponsorsElement(sponsors: JsonObject | undefined, mapping: Mapping): XmlElement {
  const party = objectAt(sponsors, 'responsibleParty');
  const partyType = textAt(party, 'type');
  const isInvestigator = partyType === 'PRINCIPAL_INVESTIGATOR' || partyType === 'SPONSOR_INVESTIGATOR';
  const username = mapping.sidecar.responsibleInvestigatorUsername;
  if (isInvestigator && username === undefined) {
    mapping.missing(
      'sidecar:/responsibleInvestigatorUsername',
      'The responsible party is an investigator; PRS names them by their PRS user name (investigator_username), which the record does not carry: set responsibleInvestigatorUsername in the sidecar.',
    );
  }
  const responsibleParty =
    party === undefined
      ? undefined
      : element('resp_party', [
          mapping.required(
            'resp_party_type',
            mapping.pick(RESPONSIBLE_PARTY_TYPE, partyType, `${P}/sponsorCollaboratorsModule/responsibleParty/type`),
            `${P}/sponsorCollaboratorsModule/responsibleParty/type`,
            'The responsible party type',
          ),
          leaf('investigator_username', isInvestigator ? username : undefined),
          leaf('investigator_title', textAt(party, 'investigatorTitle')),
          leaf('investigator_affiliation', textAt(party, 'investigatorAffiliation')),
          leaf('name_title', textAt(party, 'oldNameTitle')),
          leaf('organization', textAt(party, 'oldOrganization')),
        ]);
  return element('sponsors', [
    element('lead_sponsor', [
      mapping.required(
        'agency',
        textAt(objectAt(sponsors, 'leadSponsor'), 'name'),
        `${P}/sponsorCollaboratorsModule/leadSponsor/name`,
        'The lead sponsor',
      ),
    ]),
    ...listAt(sponsors, 'collaborators').map((collaborator) =>
      element('collaborator', [leaf('agency', textAt(collaborator, 'name'))]),
    ),
    responsibleParty,
  ]) as XmlElement;
}

function oversightInfo(oversight: JsonObject | undefined, mapping: Mapping): XmlElement | undefined {
  const review = mapping.sidecar.humanSubjectsReview;
  if (review?.status === undefined) {
    mapping.missing(
      'sidecar:/humanSubjectsReview/status',
      'The human subjects protection review board status (Approved, Pending, Exempt, Denied, Not required or Not yet submitted) is required by PRS and the record does not carry it: set humanSubjectsReview.status in the sidecar.',
    );
  }
  const isFdaRegulated =
    booleanAt(oversight, 'isFdaRegulatedDrug') === true || booleanAt(oversight, 'isFdaRegulatedDevice') === true;
  if (isFdaRegulated && mapping.sidecar.isIndStudy === undefined) {
    mapping.missing(
      'sidecar:/isIndStudy',
      'The study is FDA-regulated; PRS asks whether it has an IND/IDE (is_ind_study), which the record does not carry: set isIndStudy in the sidecar.',
    );
  }
  return element('oversight_info', [
    review?.status === undefined
      ? undefined
      : element('irb_info', [
          leaf('approval_status', review.status),
          leaf('approval_number', review.approvalNumber),
          leaf('name', review.boardName),
          leaf('affiliation', review.boardAffiliation),
          leaf('phone', review.phone),
          leaf('phone_ext', review.phoneExt),
          leaf('email', review.email),
          leaf('full_address', review.address),
        ]),
    leaf('has_dmc', optionalYesNo(booleanAt(oversight, 'oversightHasDmc'))),
    leaf('fda_regulated_drug', optionalYesNo(booleanAt(oversight, 'isFdaRegulatedDrug'))),
    leaf('fda_regulated_device', optionalYesNo(booleanAt(oversight, 'isFdaRegulatedDevice'))),
    leaf('post_prior_to_approval', optionalYesNo(mapping.sidecar.postPriorToApproval)),
    leaf('exported_from_us', optionalYesNo(booleanAt(oversight, 'isUsExport'))),
    leaf('ped_postmarket_surv', optionalYesNo(booleanAt(oversight, 'isPpsd'))),
  ]);
}

/** "Unknown status" is the registry's verdict on a record nobody verified; PRS takes the status last reported. */
function recruitmentStatus(status: JsonObject | undefined, mapping: Mapping): string | undefined {
  const overallStatus = textAt(status, 'overallStatus');
  const pointer = `${P}/statusModule/overallStatus`;
  if (overallStatus === 'UNKNOWN') {
    const lastKnown = textAt(status, 'lastKnownStatus');
    if (lastKnown === undefined) {
      mapping.missing(
        pointer,
        'The overall status is UNKNOWN, which only the registry sets, and the record has no lastKnownStatus to send instead.',
      );
      return undefined;
    }
    return mapping.pick(RECRUITMENT_STATUS, lastKnown, `${P}/statusModule/lastKnownStatus`);
  }
  if (overallStatus === undefined) {
    mapping.missing(
      pointer,
      'The overall recruitment status is required by PRS (overall_status) and the record has none.',
    );
    return undefined;
  }
  return mapping.pick(RECRUITMENT_STATUS, overallStatus, pointer);
}

function datePair(
  name: string,
  date: JsonObject | undefined,
  pointer: string,
  mapping: Mapping,
): Array<XmlElement | undefined> {
  return [
    leaf(name, textAt(date, 'date')),
    leaf(`${name}_type`, mapping.pick(DATE_TYPE, textAt(date, 'type'), `${pointer}/type`)),
  ];
}

function studyDesign(design: JsonObject | undefined, armCount: number, mapping: Mapping): XmlElement {
  const studyType = textAt(design, 'studyType');
  const pointer = `${P}/designModule`;
  const studyTypeElement = mapping.required(
    'study_type',
    mapping.pick(STUDY_TYPE, studyType, `${pointer}/studyType`),
    `${pointer}/studyType`,
    'The study type',
  );
  const expandedAccessTypes = objectAt(design, 'expandedAccessTypes');
  return element('study_design', [
    studyTypeElement,
    studyType === 'INTERVENTIONAL' ? interventionalDesign(design, armCount, mapping) : undefined,
    studyType === 'OBSERVATIONAL' ? observationalDesign(design, armCount, mapping) : undefined,
    ...(expandedAccessTypes === undefined
      ? []
      : EXPANDED_ACCESS_TYPES.map(([key, name]) => leaf(name, optionalYesNo(booleanAt(expandedAccessTypes, key))))),
  ]) as XmlElement;
}

function phaseValue(phases: string[], mapping: Mapping): string | undefined {
  if (phases.length === 0) return undefined;
  return phases.map((phase, index) => mapping.pick(PHASE, phase, `${P}/designModule/phases/${index}`)).join('/');
}

function interventionalDesign(design: JsonObject | undefined, armCount: number, mapping: Mapping): XmlElement {
  const info = objectAt(design, 'designInfo');
  const masking = objectAt(info, 'maskingInfo');
  const pointer = `${P}/designModule/designInfo`;
  const whoMasked = stringsAt(masking, 'whoMasked');
  const maskingLevel = textAt(masking, 'masking');
  return element('interventional_design', [
    mapping.required(
      'interventional_subtype',
      mapping.pick(PRIMARY_PURPOSE, textAt(info, 'primaryPurpose'), `${pointer}/primaryPurpose`),
      `${pointer}/primaryPurpose`,
      'The primary purpose',
    ),
    mapping.required(
      'phase',
      phaseValue(stringsAt(design, 'phases'), mapping),
      `${P}/designModule/phases`,
      'The study phase',
    ),
    leaf(
      'assignment',
      mapping.pick(INTERVENTION_MODEL, textAt(info, 'interventionModel'), `${pointer}/interventionModel`),
    ),
    textBlock('model_description', textAt(info, 'interventionModelDescription')),
    mapping.required(
      'allocation',
      mapping.pick(ALLOCATION, textAt(info, 'allocation'), `${pointer}/allocation`),
      `${pointer}/allocation`,
      'The allocation',
    ),
    leaf(
      'masking',
      maskingLevel !== undefined && maskingLevel !== MASKING_BY_COUNT[whoMasked.length]
        ? mapping.pick(MASKING, maskingLevel, `${pointer}/maskingInfo/masking`)
        : undefined,
    ),
    leaf('no_masking', maskingLevel === undefined ? undefined : yesNo(maskingLevel === 'NONE')),
    ...MASKED_ROLES.map(([code, name]) =>
      leaf(name, maskingLevel === undefined || maskingLevel === 'NONE' ? undefined : yesNo(whoMasked.includes(code))),
    ),
    textBlock('masking_description', textAt(masking, 'maskingDescription')),
    leaf('number_of_arms', armCount > 0 ? armCount : undefined),
  ]) as XmlElement;
}

function observationalDesign(design: JsonObject | undefined, groupCount: number, mapping: Mapping): XmlElement {
  const info = objectAt(design, 'designInfo');
  const bioSpec = objectAt(design, 'bioSpec');
  const pointer = `${P}/designModule`;
  const duration = /^(\d+)\s+(\w+)$/.exec(textAt(design, 'targetDuration') ?? '');
  if (textAt(design, 'targetDuration') !== undefined && duration === null) {
    mapping.unmappable(
      `${pointer}/targetDuration`,
      `"${textAt(design, 'targetDuration')}" is not a whole number and a unit ("2 Years"), as PRS needs it.`,
    );
  }
  const patientRegistry = booleanAt(design, 'patientRegistry');
  return element('observational_design', [
    mapping.required(
      'observational_study_design',
      mapping.pick(OBSERVATIONAL_MODEL, textAt(info, 'observationalModel'), `${pointer}/designInfo/observationalModel`),
      `${pointer}/designInfo/observationalModel`,
      'The observational model',
    ),
    mapping.required(
      'biospecimen_retention',
      mapping.pick(BIOSPECIMEN_RETENTION, textAt(bioSpec, 'retention'), `${pointer}/bioSpec/retention`),
      `${pointer}/bioSpec/retention`,
      'The biospecimen retention',
    ),
    textBlock('biospecimen_description', textAt(bioSpec, 'description')),
    mapping.required(
      'timing',
      mapping.pick(TIME_PERSPECTIVE, textAt(info, 'timePerspective'), `${pointer}/designInfo/timePerspective`),
      `${pointer}/designInfo/timePerspective`,
      'The time perspective',
    ),
    mapping.required(
      'number_of_groups',
      groupCount > 0 ? String(groupCount) : undefined,
      `${P}/armsInterventionsModule/armGroups`,
      'The number of groups/cohorts',
    ),
    leaf('patient_registry', optionalYesNo(patientRegistry)),
    leaf('target_duration_quantity', duration?.[1]),
    leaf('target_duration_units', duration?.[2]),
  ]) as XmlElement;
}

function outcomeElement(name: string, outcome: JsonObject): XmlElement {
  return element(name, [
    leaf('outcome_measure', textAt(outcome, 'measure') ?? ''),
    leaf('outcome_time_frame', textAt(outcome, 'timeFrame')),
    textBlock('outcome_description', textAt(outcome, 'description')),
  ]) as XmlElement;
}

function armGroupElement(arm: JsonObject, index: number, mapping: Mapping): XmlElement {
  const pointer = `${P}/armsInterventionsModule/armGroups/${index}`;
  return element('arm_group', [
    mapping.required('arm_group_label', textAt(arm, 'label'), `${pointer}/label`, 'An arm or group label'),
    leaf('arm_type', mapping.pick(ARM_GROUP_TYPE, textAt(arm, 'type'), `${pointer}/type`)),
    textBlock('arm_group_description', textAt(arm, 'description')),
  ]) as XmlElement;
}

function interventionElement(intervention: JsonObject, index: number, mapping: Mapping): XmlElement {
  const pointer = `${P}/armsInterventionsModule/interventions/${index}`;
  return element('intervention', [
    leaf('intervention_type', mapping.pick(INTERVENTION_TYPE, textAt(intervention, 'type'), `${pointer}/type`)),
    mapping.required('intervention_name', textAt(intervention, 'name'), `${pointer}/name`, 'An intervention name'),
    textBlock('intervention_description', textAt(intervention, 'description')),
    ...stringsAt(intervention, 'armGroupLabels').map((label) => leaf('arm_group_label', label)),
    ...stringsAt(intervention, 'otherNames').map((otherName) => leaf('intervention_other_name', otherName)),
  ]) as XmlElement;
}

function eligibilityElement(eligibility: JsonObject | undefined, mapping: Mapping): XmlElement {
  const pointer = `${P}/eligibilityModule`;
  const criteria = textAt(eligibility, 'eligibilityCriteria');
  if (criteria === undefined)
    mapping.missing(
      `${pointer}/eligibilityCriteria`,
      'The eligibility criteria are required by PRS (criteria) and the record has none.',
    );
  const healthyVolunteers = booleanAt(eligibility, 'healthyVolunteers');
  const genderBased = booleanAt(eligibility, 'genderBased');
  return element('eligibility', [
    textBlock('study_population', textAt(eligibility, 'studyPopulation')),
    leaf(
      'sampling_method',
      mapping.pick(SAMPLING_METHOD, textAt(eligibility, 'samplingMethod'), `${pointer}/samplingMethod`),
    ),
    textBlock('criteria', criteria ?? ''),
    leaf('healthy_volunteers', optionalYesNo(healthyVolunteers)),
    mapping.required(
      'gender',
      mapping.pick(SEX, textAt(eligibility, 'sex'), `${pointer}/sex`),
      `${pointer}/sex`,
      'The sex eligible',
    ),
    leaf('gender_based', optionalYesNo(genderBased)),
    textBlock('gender_description', textAt(eligibility, 'genderDescription')),
    // PRS says "N/A" for no limit, which v2 writes by leaving the age out.
    leaf('minimum_age', textAt(eligibility, 'minimumAge') ?? 'N/A'),
    leaf('maximum_age', textAt(eligibility, 'maximumAge') ?? 'N/A'),
  ]) as XmlElement;
}

/** v2 keeps a person's name whole ("Jane Doe, MD"); PRS's last_name takes it whole rather than guessing a split. */
function personName(name: string | undefined, pointer: string, mapping: Mapping): XmlElement {
  return mapping.required('last_name', name, pointer, 'A name');
}

function officialElement(official: JsonObject, index: number, mapping: Mapping): XmlElement {
  const pointer = `${P}/contactsLocationsModule/overallOfficials/${index}`;
  return element('overall_official', [
    personName(textAt(official, 'name'), `${pointer}/name`, mapping),
    leaf('role', mapping.pick(OFFICIAL_ROLE, textAt(official, 'role'), `${pointer}/role`)),
    leaf('affiliation', textAt(official, 'affiliation')),
  ]) as XmlElement;
}

function centralContacts(contacts: JsonObject | undefined, mapping: Mapping): Array<XmlElement | undefined> {
  const central = listAt(contacts, 'centralContacts');
  if (central.length > 2) {
    mapping.leftOut(
      `${P}/contactsLocationsModule/centralContacts/2`,
      `PRS takes a central contact and one backup; the record has ${central.length}, and those after the second are left out.`,
    );
  }
  central.slice(0, 2).forEach((contact, index) => {
    const role = textAt(contact, 'role');
    if (role !== undefined && role !== 'CONTACT')
      mapping.leftOut(
        `${P}/contactsLocationsModule/centralContacts/${index}/role`,
        `PRS's central contact has no role; "${role}" is left out (an import reads it back as CONTACT).`,
      );
  });
  return central
    .slice(0, 2)
    .map((contact, index) =>
      element(index === 0 ? 'overall_contact' : 'overall_contact_backup', [
        personName(textAt(contact, 'name'), `${P}/contactsLocationsModule/centralContacts/${index}/name`, mapping),
        leaf('phone', textAt(contact, 'phone')),
        leaf('phone_ext', textAt(contact, 'phoneExt')),
        leaf('email', textAt(contact, 'email')),
      ]),
    );
}

function contactElement(name: string, contact: JsonObject): XmlElement | undefined {
  return element(
    name,
    [
      leaf('last_name', textAt(contact, 'name')),
      leaf('phone', textAt(contact, 'phone')),
      leaf('phone_ext', textAt(contact, 'phoneExt')),
      leaf('email', textAt(contact, 'email')),
    ],
    undefined,
    true,
  );
}

function locationElement(location: JsonObject, index: number, mapping: Mapping): XmlElement {
  const pointer = `${P}/contactsLocationsModule/locations/${index}`;
  const people = listAt(location, 'contacts');
  const siteContacts = people.filter((person) => (textAt(person, 'role') ?? 'CONTACT') === 'CONTACT');
  const investigators = people.filter((person) => (textAt(person, 'role') ?? 'CONTACT') !== 'CONTACT');
  if (siteContacts.length > 2)
    mapping.leftOut(
      `${pointer}/contacts`,
      `PRS takes a site contact and one backup; the site has ${siteContacts.length} contacts, and those after the second are left out.`,
    );
  return element('location', [
    element('facility', [
      mapping.required('name', textAt(location, 'facility'), `${pointer}/facility`, 'A facility name'),
      element(
        'address',
        [
          leaf('city', textAt(location, 'city')),
          leaf('state', textAt(location, 'state')),
          leaf('country', textAt(location, 'country')),
          leaf('zip', textAt(location, 'zip')),
        ],
        undefined,
        true,
      ),
    ]),
    leaf('status', mapping.pick(SITE_STATUS, textAt(location, 'status'), `${pointer}/status`)),
    siteContacts[0] ? contactElement('contact', siteContacts[0]) : undefined,
    siteContacts[1] ? contactElement('contact_backup', siteContacts[1]) : undefined,
    ...investigators.map((investigator) => {
      const role = textAt(investigator, 'role') as string;
      return element('investigator', [
        leaf('last_name', textAt(investigator, 'name')),
        leaf(
          'role',
          mapping.pick(SITE_INVESTIGATOR_ROLE, role, `${pointer}/contacts/${people.indexOf(investigator)}/role`),
        ),
      ]);
    }),
  ]) as XmlElement;
}

function ipdElement(ipd: JsonObject | undefined, mapping: Mapping): XmlElement | undefined {
  if (ipd === undefined) return undefined;
  const infoTypes = stringsAt(ipd, 'infoTypes');
  const sharing = textAt(ipd, 'ipdSharing');
  return element('ipd_sharing_statement', [
    leaf('sharing_ipd', mapping.pick(IPD_SHARING, sharing, `${P}/ipdSharingStatementModule/ipdSharing`)),
    textBlock('ipd_description', textAt(ipd, 'description')),
    ...IPD_INFO_TYPES.map(([code, name]) =>
      leaf(name, sharing === 'YES' || infoTypes.length > 0 ? yesNo(infoTypes.includes(code)) : undefined),
    ),
    textBlock('ipd_time_frame', textAt(ipd, 'timeFrame')),
    textBlock('ipd_access_criteria', textAt(ipd, 'accessCriteria')),
    leaf('ipd_url', textAt(ipd, 'url')),
  ]);
}

function referenceElement(reference: JsonObject): XmlElement {
  const type = textAt(reference, 'type');
  return element(
    'reference',
    [
      leaf('citation', textAt(reference, 'citation')),
      leaf('pubmed_id', textAt(reference, 'pmid')),
      leaf('is_results_ref', type === undefined ? undefined : yesNo(type === 'RESULT')),
    ],
    undefined,
    true,
  ) as XmlElement;
}

function studyDocument(document: JsonObject): XmlElement {
  const type = textAt(document, 'type') ?? '';
  const isListed = STUDY_DOCUMENT_TYPES.includes(type);
  return element('study_document', [
    leaf('study_document_type', isListed ? type : 'Other'),
    leaf('study_document_other_type', isListed ? undefined : type),
    leaf('url', textAt(document, 'url')),
    leaf('study_document_identifier', textAt(document, 'id')),
    textBlock('study_document_comments', textAt(document, 'comment')),
  ]) as XmlElement;
}

function resultDisposition(sidecar: PrsSidecar): XmlElement | undefined {
  const delayed = sidecar.delayedPosting;
  if (delayed === undefined) return undefined;
  const posting = /^(\d{4})-(\d{2})/.exec(delayed.anticipatedPostingDate ?? '');
  return element(
    'rrs:resultDisposition',
    [
      element('disposition', [
        posting ? element('anticipatedPostingDate', [leaf('month', posting[2]), leaf('year', posting[1])]) : undefined,
        list(
          'applicationApprovalDetails',
          (delayed.approvalNumbers ?? []).map((number) =>
            element('appApprovalDetail', [leaf('approvalNumber', number)]),
          ),
        ),
        leaf('delayReason', delayed.delayReason),
        leaf('delayType', delayed.delayType),
        leaf('interventionName', delayed.interventionName),
      ]),
    ],
    { 'xmlns:rrs': RRS_NAMESPACE },
  );
}

// ---- results ----

const R = '/resultsSection';

function resultElement(results: JsonObject | undefined, mapping: Mapping): XmlElement | undefined {
  if (results === undefined) return undefined;
  const moreInfo = objectAt(results, 'moreInfoModule');
  const agreement = objectAt(moreInfo, 'certainAgreement');
  const contact = objectAt(moreInfo, 'pointOfContact');
  const limitations = objectAt(moreInfo, 'limitationsAndCaveats');
  return element(
    'rrs:result',
    [
      baselineElement(objectAt(results, 'baselineCharacteristicsModule'), mapping),
      agreement === undefined
        ? undefined
        : element(
            'certainAgreement',
            [
              leaf('otherDetails', textAt(agreement, 'otherDetails')),
              leaf('piSponsorEmployee', optionalYesNo(booleanAt(agreement, 'piSponsorEmployee'))),
              leaf(
                'restrictionType',
                mapping.pick(
                  RESTRICTION_TYPE,
                  textAt(agreement, 'restrictionType'),
                  `${R}/moreInfoModule/certainAgreement/restrictionType`,
                ),
              ),
              leaf('restrictiveAgreement', optionalYesNo(booleanAt(agreement, 'restrictiveAgreement'))),
            ],
            undefined,
            true,
          ),
      limitations === undefined
        ? undefined
        : element('limitationsAndCaveats', [leaf('description', textAt(limitations, 'description'))], undefined, true),
      list(
        'outcomeMeasures',
        listAt(objectAt(results, 'outcomeMeasuresModule'), 'outcomeMeasures').map((measure, index) =>
          outcomeMeasureElement(measure, index, mapping),
        ),
      ),
      participantFlowElement(objectAt(results, 'participantFlowModule'), mapping),
      contact === undefined
        ? undefined
        : element(
            'pointOfContact',
            [
              leaf('email', textAt(contact, 'email')),
              leaf('organizationName', textAt(contact, 'organization')),
              leaf('phoneExtension', textAt(contact, 'phoneExt')),
              leaf('phoneNumber', textAt(contact, 'phone')),
              leaf('title', textAt(contact, 'title')),
            ],
            undefined,
            true,
          ),
      reportedEventsElement(objectAt(results, 'adverseEventsModule'), mapping),
    ],
    { 'xmlns:rrs': RRS_NAMESPACE },
  );
}

/** v2 group ids (BG000, OG000 …) repeat from one outcome measure to the next; XML ids are unique per document. */
export function outcomeGroupId(measureIndex: number, groupId: string): string {
  return `OM${measureIndex + 1}.${groupId}`;
}

interface Denominators {
  /** Units other than participants ("Eyes"), or undefined. */
  otherUnits?: string;
  participants: Map<string, string>;
  units: Map<string, string>;
}

function denominatorsOf(denoms: JsonObject[]): Denominators {
  const result: Denominators = { participants: new Map(), units: new Map() };
  for (const denom of denoms) {
    const units = textAt(denom, 'units');
    const isParticipants = units === undefined || units === UNIT_OF_ANALYSIS_PARTICIPANTS;
    if (!isParticipants) result.otherUnits = units;
    for (const count of listAt(denom, 'counts')) {
      const groupId = textAt(count, 'groupId');
      const value = textAt(count, 'value');
      if (groupId !== undefined && value !== undefined)
        (isParticipants ? result.participants : result.units).set(groupId, value);
    }
  }
  return result;
}

function reportingGroup(name: string, group: JsonObject, id: string, denominators: Denominators): XmlElement {
  const groupId = textAt(group, 'id') ?? '';
  return element(
    name,
    [
      leaf('description', textAt(group, 'description')),
      leaf('numUnitsAnalyzed', denominators.units.get(groupId)),
      leaf('subjectsAnalyzed', denominators.participants.get(groupId)),
      leaf('title', textAt(group, 'title')),
    ],
    { id },
  ) as XmlElement;
}

/** A v2 class (row) lists categories, each with a measurement per group; PRS lists per group the entries per category. */
function measureRows(classes: JsonObject[], groupIds: string[], idOf: (groupId: string) => string): XmlElement {
  return list(
    'measureRows',
    classes.map((row) => {
      const denominators = denominatorsOf(listAt(row, 'denoms'));
      const categories = listAt(row, 'categories');
      const measured = categories.flatMap((category) =>
        listAt(category, 'measurements').map((measurement) => textAt(measurement, 'groupId')),
      );
      const rowGroups = groupIds.filter(
        (groupId) =>
          denominators.participants.has(groupId) || denominators.units.has(groupId) || measured.includes(groupId),
      );
      const extraGroups = [...new Set(measured.map((groupId) => groupId ?? ''))].filter(
        (groupId) => !rowGroups.includes(groupId),
      );
      return element('measureRow', [
        list(
          'reportedValues',
          [...rowGroups, ...extraGroups].map((groupId) =>
            element('reportedValue', [
              leaf('reportingGroupId', idOf(groupId)),
              leaf('numUnitsAnalyzed', denominators.units.get(groupId)),
              list(
                'reportedEntries',
                categories.flatMap((category) =>
                  listAt(category, 'measurements')
                    .filter((measurement) => textAt(measurement, 'groupId') === groupId)
                    .map((measurement) =>
                      element(
                        'reportedEntry',
                        [
                          leaf('catName', textAt(category, 'title')),
                          leaf('dispersionLowerLimit', textAt(measurement, 'lowerLimit')),
                          leaf('dispersionSpread', textAt(measurement, 'spread')),
                          leaf('dispersionUpperLimit', textAt(measurement, 'upperLimit')),
                          leaf('naComment', textAt(measurement, 'comment')),
                          leaf('parameterValue', textAt(measurement, 'value')),
                        ],
                        undefined,
                        true,
                      ),
                    ),
                ),
              ),
              leaf('subjectsAnalyzed', denominators.participants.get(groupId)),
            ]),
          ),
        ),
        leaf('title', textAt(row, 'title')),
      ]);
    }),
  );
}

/** Baseline dispersion is a v2 code; an outcome measure's is free text in v2 ("Standard Deviation") and goes as written. */
function measureCommon(
  measure: JsonObject,
  groupIds: string[],
  idOf: (groupId: string) => string,
  pointer: string,
  mapping: Mapping,
  dispersion: 'code' | 'text',
): Array<XmlElement | undefined> {
  return [
    leaf('calculatePct', optionalYesNo(booleanAt(measure, 'calculatePct'))),
    leaf('ciPctLevel', textAt(measure, 'ciPctLevel')),
    leaf(
      'dispersionType',
      dispersion === 'code'
        ? mapping.pick(DISPERSION_TYPE, textAt(measure, 'dispersionType'), `${pointer}/dispersionType`)
        : textAt(measure, 'dispersionType'),
    ),
    measureRows(listAt(measure, 'classes'), groupIds, idOf),
    leaf('measureDescription', textAt(measure, 'description')),
    leaf('parameterType', mapping.pick(PARAM_TYPE, textAt(measure, 'paramType'), `${pointer}/paramType`)),
    leaf('populationAnalysisDescription', textAt(measure, 'populationDescription')),
    leaf('selectedUnitOfAnalysis', textAt(measure, 'denomUnitsSelected')),
    leaf('timeFrame', textAt(measure, 'timeFrame')),
    leaf('title', textAt(measure, 'title')),
    leaf('unitOfMeasure', textAt(measure, 'unitOfMeasure')),
  ];
}

function baselineElement(baseline: JsonObject | undefined, mapping: Mapping): XmlElement | undefined {
  if (baseline === undefined) return undefined;
  const groups = listAt(baseline, 'groups');
  const groupIds = groups.map((group) => textAt(group, 'id') ?? '');
  const denominators = denominatorsOf(listAt(baseline, 'denoms'));
  listAt(baseline, 'measures').forEach((measure, index) => {
    if (listAt(measure, 'denoms').length > 0)
      mapping.leftOut(
        `${R}/baselineCharacteristicsModule/measures/${index}/denoms`,
        "The results schema keeps baseline counts per group and per row; a measure's own overall counts are left out.",
      );
  });
  return element('baseline', [
    list(
      'baselineMeasures',
      listAt(baseline, 'measures').map((measure, index) =>
        element(
          'baselineMeasure',
          measureCommon(
            measure,
            groupIds,
            (id) => id,
            `${R}/baselineCharacteristicsModule/measures/${index}`,
            mapping,
            'code',
          ),
          undefined,
          true,
        ),
      ),
    ),
    list(
      'baselineReportingGroups',
      groups.map((group) => reportingGroup('baselineReportingGroup', group, textAt(group, 'id') ?? '', denominators)),
    ),
    leaf('populationAnalysisDescription', textAt(baseline, 'populationDescription')),
    leaf('typeUnitsAnalyzed', textAt(baseline, 'typeUnitsAnalyzed') ?? denominators.otherUnits),
  ]);
}

function outcomeMeasureElement(measure: JsonObject, index: number, mapping: Mapping): XmlElement {
  const pointer = `${R}/outcomeMeasuresModule/outcomeMeasures/${index}`;
  const groups = listAt(measure, 'groups');
  const groupIds = groups.map((group) => textAt(group, 'id') ?? '');
  const idOf = (groupId: string): string => outcomeGroupId(index, groupId);
  const denominators = denominatorsOf(listAt(measure, 'denoms'));
  return element('outcomeMeasure', [
    ...measureCommon(measure, groupIds, idOf, pointer, mapping, 'text'),
    postingDate(textAt(measure, 'anticipatedPostingDate')),
    mapping.required(
      'measureType',
      mapping.pick(OUTCOME_TYPE, textAt(measure, 'type'), `${pointer}/type`),
      `${pointer}/type`,
      'The outcome measure type',
    ),
    list(
      'outcomeMeasureAnalyses',
      listAt(measure, 'analyses').map((analysis, analysisIndex) =>
        analysisElement(analysis, idOf, `${pointer}/analyses/${analysisIndex}`, mapping),
      ),
    ),
    list(
      'outcomeReportingGroups',
      groups.map((group) =>
        reportingGroup('outcomeReportingGroup', group, idOf(textAt(group, 'id') ?? ''), denominators),
      ),
    ),
    leaf(
      'reportingStatus',
      mapping.pick(REPORTING_STATUS, textAt(measure, 'reportingStatus'), `${pointer}/reportingStatus`),
    ),
    leaf('typeUnitsAnalyzed', textAt(measure, 'typeUnitsAnalyzed') ?? denominators.otherUnits),
  ]) as XmlElement;
}

/** v2 writes yyyy-MM; the results schema a month and a year. */
function postingDate(date: string | undefined): XmlElement | undefined {
  const parts = /^(\d{4})-(\d{2})$/.exec(date ?? '');
  return parts ? element('anticipatedResultPostingDate', [leaf('month', parts[2]), leaf('year', parts[1])]) : undefined;
}

function analysisElement(
  analysis: JsonObject,
  idOf: (groupId: string) => string,
  pointer: string,
  mapping: Mapping,
): XmlElement {
  if (textAt(analysis, 'ciLowerLimitComment') !== undefined)
    mapping.leftOut(
      `${pointer}/ciLowerLimitComment`,
      'The results schema has a comment for the upper confidence limit only; this comment on the lower limit is left out.',
    );
  return element('measureAnalysis', [
    list(
      'outcomeReportingGroups',
      stringsAt(analysis, 'groupIds').map((groupId) => leaf('outcomeReportingGroupId', idOf(groupId))),
    ),
    leaf('ciLowerLimit', textAt(analysis, 'ciLowerLimit')),
    leaf('ciNumSides', mapping.pick(CI_NUM_SIDES, textAt(analysis, 'ciNumSides'), `${pointer}/ciNumSides`)),
    leaf('ciPctValue', textAt(analysis, 'ciPctValue')),
    leaf('ciUpperLimit', textAt(analysis, 'ciUpperLimit')),
    leaf('ciUpperLimitNaComment', textAt(analysis, 'ciUpperLimitComment')),
    leaf(
      'dispersionType',
      mapping.pick(ANALYSIS_DISPERSION_TYPE, textAt(analysis, 'dispersionType'), `${pointer}/dispersionType`),
    ),
    leaf('dispersionValue', textAt(analysis, 'dispersionValue')),
    leaf('estimateComment', textAt(analysis, 'estimateComment')),
    leaf('groupDescription', textAt(analysis, 'groupDescription')),
    leaf('nonInferiorityTestComment', textAt(analysis, 'nonInferiorityComment')),
    leaf('otherAnalysis', textAt(analysis, 'otherAnalysisDescription')),
    // The results schema wants the element in every analysis, but the registry asks for the estimated
    // parameter only with an estimate: a test alone (a p-value) sends it empty, as 87 published analyses read.
    estimates(analysis)
      ? mapping.required(
          'parameterType',
          textAt(analysis, 'paramType'),
          `${pointer}/paramType`,
          'The estimated parameter of a statistical analysis',
        )
      : leaf('parameterType', ''),
    leaf('parameterValue', textAt(analysis, 'paramValue')),
    leaf('pValue', textAt(analysis, 'pValue')),
    leaf('pValueComment', textAt(analysis, 'pValueComment')),
    leaf('statisticalMethod', textAt(analysis, 'statisticalMethod')),
    leaf('statisticalTestComment', textAt(analysis, 'statisticalComment')),
    leaf(
      'statisticalTestType',
      mapping.pick(STATISTICAL_TEST_TYPE, textAt(analysis, 'nonInferiorityType'), `${pointer}/nonInferiorityType`),
    ),
  ]) as XmlElement;
}

/** The fields of an analysis's estimate ("Method of Estimation"): with any of them, the parameter is named. */
const ESTIMATE_FIELDS = [
  'paramType',
  'paramValue',
  'ciLowerLimit',
  'ciUpperLimit',
  'dispersionValue',
  'estimateComment',
];

function estimates(analysis: JsonObject): boolean {
  return ESTIMATE_FIELDS.some((key) => (textAt(analysis, key)?.trim() ?? '') !== '');
}

/** Reasons PRS lists by name; any other reason goes out as Other with its name. */
export const WITHDRAWAL_REASONS: readonly string[] = [
  'Adverse Event',
  'Death',
  'Lack of Efficacy',
  'Lost to Follow-up',
  'Physician Decision',
  'Pregnancy',
  'Protocol Violation',
  'Withdrawal by Subject',
];

function milestoneChildren(milestone: JsonObject | undefined): Array<XmlElement | undefined> {
  return [
    leaf('comment', textAt(milestone, 'comment')),
    list(
      'milestoneAchievements',
      listAt(milestone, 'achievements').map((achievement) =>
        element('milestoneAchievement', [
          leaf('reportingGroupId', textAt(achievement, 'groupId')),
          leaf('comment', textAt(achievement, 'comment')),
          leaf('subjectsAchieve', textAt(achievement, 'numSubjects')),
          leaf('unitsAchieve', textAt(achievement, 'numUnits')),
        ]),
      ),
    ),
  ];
}

function participantFlowElement(flow: JsonObject | undefined, mapping: Mapping): XmlElement | undefined {
  if (flow === undefined) return undefined;
  listAt(flow, 'periods').forEach((period, periodIndex) =>
    listAt(period, 'dropWithdraws').forEach((reason, reasonIndex) => {
      if (textAt(reason, 'comment') !== undefined)
        mapping.leftOut(
          `${R}/participantFlowModule/periods/${periodIndex}/dropWithdraws/${reasonIndex}/comment`,
          'The results schema has no comment on a reason for not completing; it is left out.',
        );
    }),
  );
  return element('participantFlow', [
    list(
      'participantFlowGroups',
      listAt(flow, 'groups').map((group) =>
        element(
          'flowGroup',
          [leaf('description', textAt(group, 'description')), leaf('title', textAt(group, 'title'))],
          { id: textAt(group, 'id') ?? '' },
        ),
      ),
    ),
    list(
      'periods',
      listAt(flow, 'periods').map((period) => {
        const milestones = listAt(period, 'milestones');
        const ofType = (type: string): JsonObject | undefined =>
          milestones.find((milestone) => textAt(milestone, 'type') === type);
        const others = milestones.filter(
          (milestone) => !['STARTED', 'COMPLETED', 'NOT COMPLETED'].includes(textAt(milestone, 'type') ?? ''),
        );
        return element('period', [
          element('completedMilestone', milestoneChildren(ofType('COMPLETED')), undefined, true),
          list(
            'dropWithdrawReasons',
            listAt(period, 'dropWithdraws').map((reason) => {
              const type = textAt(reason, 'type') ?? '';
              const isListed = WITHDRAWAL_REASONS.includes(type) || type === 'Other';
              return element('dropWithdrawReason', [
                list(
                  'dropWithdrawReasonDetails',
                  listAt(reason, 'reasons').map((detail) =>
                    element('reasonDetail', [
                      leaf('reportingGroupId', textAt(detail, 'groupId')),
                      leaf('subjectsAffected', textAt(detail, 'numSubjects')),
                    ]),
                  ),
                ),
                leaf('otherReasonName', isListed ? undefined : type),
                leaf('reasonType', isListed ? type : 'Other'),
              ]);
            }),
          ),
          list(
            'milestones',
            others.map((milestone) =>
              element('milestone', [...milestoneChildren(milestone), leaf('titleOther', textAt(milestone, 'type'))]),
            ),
          ),
          element('startedMilestone', milestoneChildren(ofType('STARTED')), undefined, true),
          leaf('title', textAt(period, 'title')),
        ]);
      }),
    ),
    leaf('preAssignmentDescription', textAt(flow, 'preAssignmentDetails')),
    leaf('recruitmentDetails', textAt(flow, 'recruitmentDetails')),
    leaf('typeUnitsAnalyzed', textAt(flow, 'typeUnitsAnalyzed')),
  ]);
}

function adverseEvent(name: string, event: JsonObject, pointer: string, mapping: Mapping): XmlElement {
  return element(name, [
    list(
      'adverseEventStats',
      listAt(event, 'stats').map((stats) =>
        element('eventStats', [
          leaf('reportingGroupId', textAt(stats, 'groupId')),
          leaf('numEvents', textAt(stats, 'numEvents')),
          leaf('numSubjectsAffected', textAt(stats, 'numAffected')),
          leaf('numSubjects', textAt(stats, 'numAtRisk')),
        ]),
      ),
    ),
    leaf('assessmentType', mapping.pick(ASSESSMENT_TYPE, textAt(event, 'assessmentType'), `${pointer}/assessmentType`)),
    leaf('notes', textAt(event, 'notes')),
    leaf('organSystemName', textAt(event, 'organSystem')),
    leaf('sourceVocabulary', textAt(event, 'sourceVocabulary')),
    leaf('term', textAt(event, 'term')),
  ]) as XmlElement;
}

function reportedEventsElement(events: JsonObject | undefined, mapping: Mapping): XmlElement | undefined {
  if (events === undefined) return undefined;
  const pointer = `${R}/adverseEventsModule`;
  return element('reportedEvents', [
    leaf('allCauseMortComment', textAt(events, 'allCauseMortalityComment')),
    leaf('frequencyReportingThreshold', textAt(events, 'frequencyThreshold')),
    list(
      'frequentAdverseEvents',
      listAt(events, 'otherEvents').map((event, index) =>
        adverseEvent('frequentEvent', event, `${pointer}/otherEvents/${index}`, mapping),
      ),
    ),
    list(
      'interventionGroups',
      listAt(events, 'eventGroups').map((group) =>
        element(
          'interventionGroup',
          [
            leaf('description', textAt(group, 'description')),
            leaf('numDeaths', textAt(group, 'deathsNumAffected')),
            leaf('numSubjectsFrequentEvents', textAt(group, 'otherNumAffected')),
            leaf('numSubjectsSeriousEvents', textAt(group, 'seriousNumAffected')),
            leaf('partAtRiskAllCauseMort', textAt(group, 'deathsNumAtRisk')),
            leaf('partAtRiskFrequentEvents', textAt(group, 'otherNumAtRisk')),
            leaf('partAtRiskSeriousEvents', textAt(group, 'seriousNumAtRisk')),
            leaf('title', textAt(group, 'title')),
          ],
          { id: textAt(group, 'id') ?? '' },
        ),
      ),
    ),
    leaf('notes', textAt(events, 'description')),
    list(
      'seriousAdverseEvents',
      listAt(events, 'seriousEvents').map((event, index) =>
        adverseEvent('seriousEvent', event, `${pointer}/seriousEvents/${index}`, mapping),
      ),
    ),
    leaf('timeFrame', textAt(events, 'timeFrame')),
  ]);
}
