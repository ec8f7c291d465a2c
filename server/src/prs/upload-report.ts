// The PRS upload report ("ERROR: primaryCompletionDate -- Anticipated Primary Completion Date cannot be in the
// past.") read into findings placed at the record field each line names.
import type { Severity } from '../service/types';
import { isPlainObject } from '../service/types';
import { toPointer } from '../service/pointer';

export interface ReportLine {
  /** 1-based line in the report. */
  line: number;
  severity: Severity;
  /** The field as the report names it ("primaryCompletionDate"), or undefined for a line about the whole record. */
  field?: string;
  message: string;
}

const SEVERITY: Record<string, Severity> = { ERROR: 'error', WARNING: 'warning', NOTE: 'info' };
const LINE = /^\s*(ERROR|WARNING|NOTE)\s*:\s*(?:([A-Za-z_][\w.[\]/-]*)\s+--\s+)?(\S.*)$/i;

export function parseUploadReport(text: string): ReportLine[] {
  return text.split(/\r\n|\r|\n/).flatMap((raw, index) => {
    const match = LINE.exec(raw);
    if (match === null) return [];
    return [
      { line: index + 1, severity: SEVERITY[match[1].toUpperCase()], field: match[2], message: match[3].trimEnd() },
    ];
  });
}

function folded(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const P = '/protocolSection';

/** Names PRS reports and its XML use where they differ from the v2 keys; folded (lower case, letters and digits). */
const FIELD_ALIASES: Record<string, string> = {
  orgstudyid: `${P}/identificationModule/orgStudyIdInfo/id`,
  secondaryid: `${P}/identificationModule/secondaryIdInfos`,
  verificationdate: `${P}/statusModule/statusVerifiedDate`,
  recordverificationdate: `${P}/statusModule/statusVerifiedDate`,
  startdate: `${P}/statusModule/startDateStruct/date`,
  studystartdate: `${P}/statusModule/startDateStruct/date`,
  primarycompldate: `${P}/statusModule/primaryCompletionDateStruct/date`,
  lastfollowupdate: `${P}/statusModule/completionDateStruct/date`,
  studycompletiondate: `${P}/statusModule/completionDateStruct/date`,
  phase: `${P}/designModule/phases`,
  enrollment: `${P}/designModule/enrollmentInfo/count`,
  enrollmenttype: `${P}/designModule/enrollmentInfo/type`,
  interventionalsubtype: `${P}/designModule/designInfo/primaryPurpose`,
  assignment: `${P}/designModule/designInfo/interventionModel`,
  criteria: `${P}/eligibilityModule/eligibilityCriteria`,
  gender: `${P}/eligibilityModule/sex`,
  condition: `${P}/conditionsModule/conditions`,
  keyword: `${P}/conditionsModule/keywords`,
  armgroup: `${P}/armsInterventionsModule/armGroups`,
  intervention: `${P}/armsInterventionsModule/interventions`,
  primaryoutcome: `${P}/outcomesModule/primaryOutcomes`,
  secondaryoutcome: `${P}/outcomesModule/secondaryOutcomes`,
  overallcontact: `${P}/contactsLocationsModule/centralContacts`,
  centralcontact: `${P}/contactsLocationsModule/centralContacts`,
  overallofficial: `${P}/contactsLocationsModule/overallOfficials`,
  location: `${P}/contactsLocationsModule/locations`,
  hasdmc: `${P}/oversightModule/oversightHasDmc`,
  fdaregulateddrug: `${P}/oversightModule/isFdaRegulatedDrug`,
  fdaregulateddevice: `${P}/oversightModule/isFdaRegulatedDevice`,
  sharingipd: `${P}/ipdSharingStatementModule/ipdSharing`,
  resppartytype: `${P}/sponsorCollaboratorsModule/responsibleParty/type`,
};

/** PRS-only fields, kept in the sidecar: a report line about one of them points the curator there. */
const SIDECAR_FIELDS: Record<string, string> = {
  orgname: 'orgName',
  irbinfo: 'humanSubjectsReview',
  approvalstatus: 'humanSubjectsReview.status',
  humansubjectsreview: 'humanSubjectsReview',
  boardstatus: 'humanSubjectsReview.status',
  isindstudy: 'isIndStudy',
  indinfo: 'ind',
  indgrantor: 'ind.grantor',
  indnumber: 'ind.number',
  investigatorusername: 'responsibleInvestigatorUsername',
  postpriortoapproval: 'postPriorToApproval',
};

/** The first key of the record (depth first) whose folded name is the field's, or the field's with "Struct" (dates). */
function findKey(value: unknown, wanted: string, path: Array<string | number>): Array<string | number> | undefined {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findKey(value[index], wanted, [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (folded(key) === wanted) return [...path, key];
    if (folded(key) === `${wanted}struct` && isPlainObject(child) && 'date' in child) return [...path, key, 'date'];
  }
  for (const [key, child] of Object.entries(value)) {
    const found = findKey(child, wanted, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

export interface PlacedReportLine extends ReportLine {
  /** Where in the record; "" (the whole record) when the field is not in it. */
  pointer: string;
  /** The sidecar property for a PRS-only field. */
  sidecarField?: string;
}

export function placeReportLine(record: unknown, entry: ReportLine): PlacedReportLine {
  if (entry.field === undefined) return { ...entry, pointer: '' };
  const name = folded(entry.field.replace(/\[\d+\]/g, ''));
  const sidecarField = SIDECAR_FIELDS[name];
  if (sidecarField !== undefined) return { ...entry, pointer: '', sidecarField };
  const alias = FIELD_ALIASES[name];
  if (alias !== undefined) return { ...entry, pointer: alias };
  const found = findKey(record, name, []);
  return { ...entry, pointer: found ? toPointer(found) : '' };
}
