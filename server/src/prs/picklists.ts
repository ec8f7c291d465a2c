// v2 enum codes and the PRS picklist values that stand for them in the upload XML, shared by export and import.
// PRS values follow the comments of ProtocolRecordSchema.xsd; results values follow the registry's display
// labels (RRSUploadSchema.xsd defers to its "Pick-list Normalization" report, which accepts them).

/** A code, the value PRS takes for it, then other spellings PRS downloads and classic XML use for it. */
export type Picklist = ReadonlyArray<readonly [code: string, prsValue: string, ...aliases: string[]]>;

export const STUDY_TYPE: Picklist = [
  ['INTERVENTIONAL', 'Interventional'],
  ['OBSERVATIONAL', 'Observational', 'Observational [Patient Registry]'],
  ['EXPANDED_ACCESS', 'Expanded Access'],
];

export const RECRUITMENT_STATUS: Picklist = [
  ['NOT_YET_RECRUITING', 'Not yet recruiting'],
  ['RECRUITING', 'Recruiting'],
  ['ACTIVE_NOT_RECRUITING', 'Active, not recruiting'],
  ['ENROLLING_BY_INVITATION', 'Enrolling by invitation'],
  ['COMPLETED', 'Completed'],
  ['SUSPENDED', 'Suspended'],
  ['TERMINATED', 'Terminated'],
  ['WITHDRAWN', 'Withdrawn'],
];

export const EXPANDED_ACCESS_STATUS: Picklist = [
  ['AVAILABLE', 'Available'],
  ['NO_LONGER_AVAILABLE', 'No longer available'],
  ['TEMPORARILY_NOT_AVAILABLE', 'Temporarily not available'],
  ['APPROVED_FOR_MARKETING', 'Approved for marketing'],
];

/** Statuses the registry sets itself; an upload cannot carry them (classic XML does). */
export const REGISTRY_STATUS: Picklist = [
  ['UNKNOWN', 'Unknown status', 'Unknown'],
  ['WITHHELD', 'Withheld'],
];

export const DATE_TYPE: Picklist = [
  ['ACTUAL', 'Actual'],
  ['ESTIMATED', 'Anticipated', 'Estimated'],
];

export const SECONDARY_ID_TYPE: Picklist = [
  ['NIH', 'NIH Grant Number', 'U.S. NIH Grant/Contract'],
  ['FDA', 'U.S. FDA Grant/Contract'],
  ['VA', 'U.S. VA Grant/Contract'],
  ['CDC', 'U.S. CDC Grant/Contract'],
  ['AHRQ', 'U.S. AHRQ Grant/Contract'],
  ['SAMHSA', 'U.S. SAMHSA Grant/Contract'],
  ['OTHER_GRANT', 'Other Grant/Funding Number'],
  ['REGISTRY', 'Registry Identifier'],
  ['CTIS', 'EU Trial (CTIS) Number'],
  ['EUDRACT_NUMBER', 'EudraCT Number'],
  ['OTHER', 'Other Identifier'],
];

export const RESPONSIBLE_PARTY_TYPE: Picklist = [
  ['SPONSOR', 'Sponsor'],
  ['PRINCIPAL_INVESTIGATOR', 'Principal Investigator'],
  ['SPONSOR_INVESTIGATOR', 'Sponsor-Investigator'],
];

export const PRIMARY_PURPOSE: Picklist = [
  ['TREATMENT', 'Treatment'],
  ['PREVENTION', 'Prevention'],
  ['DIAGNOSTIC', 'Diagnostic'],
  ['BASIC_SCIENCE', 'Basic Science'],
  ['SUPPORTIVE_CARE', 'Supportive Care'],
  ['SCREENING', 'Screening'],
  ['HEALTH_SERVICES_RESEARCH', 'Health Services Research'],
  ['DEVICE_FEASIBILITY', 'Device Feasibility'],
  ['ECT', 'Educational/Counseling/Training'],
  ['OTHER', 'Other'],
];

export const PHASE: Picklist = [
  ['EARLY_PHASE1', 'Early Phase 1', 'Phase 0'],
  ['PHASE1', 'Phase 1'],
  ['PHASE2', 'Phase 2'],
  ['PHASE3', 'Phase 3'],
  ['PHASE4', 'Phase 4'],
  ['NA', 'N/A', 'Not Applicable'],
];

export const INTERVENTION_MODEL: Picklist = [
  ['SINGLE_GROUP', 'Single Group Assignment', 'Single Group'],
  ['PARALLEL', 'Parallel Assignment', 'Parallel'],
  ['CROSSOVER', 'Crossover Assignment', 'Crossover'],
  ['FACTORIAL', 'Factorial Assignment', 'Factorial'],
  ['SEQUENTIAL', 'Sequential Assignment', 'Sequential'],
];

export const ALLOCATION: Picklist = [
  ['RANDOMIZED', 'Randomized'],
  ['NON_RANDOMIZED', 'Non-randomized', 'Non-Randomized'],
  ['NA', 'N/A'],
];

/** The PRS yes/no elements of who is masked, in the order the schema lists them. */
export const MASKED_ROLES: ReadonlyArray<readonly [code: string, element: string]> = [
  ['PARTICIPANT', 'masked_subject'],
  ['CARE_PROVIDER', 'masked_caregiver'],
  ['INVESTIGATOR', 'masked_investigator'],
  ['OUTCOMES_ASSESSOR', 'masked_assessor'],
];

/** The deprecated <masking> element, written only when a record's level disagrees with its list of who is masked. */
export const MASKING: Picklist = [
  ['NONE', 'None (Open Label)', 'Open Label', 'None'],
  ['SINGLE', 'Single', 'Single Blind'],
  ['DOUBLE', 'Double', 'Double Blind'],
  ['TRIPLE', 'Triple', 'Triple Blind'],
  ['QUADRUPLE', 'Quadruple', 'Quadruple Blind'],
];

/** The v2 masking level follows from how many roles are masked. */
export const MASKING_BY_COUNT = ['NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE'] as const;

export const OBSERVATIONAL_MODEL: Picklist = [
  ['COHORT', 'Cohort'],
  ['CASE_CONTROL', 'Case-Control'],
  ['CASE_ONLY', 'Case-Only'],
  ['CASE_CROSSOVER', 'Case-Crossover'],
  ['ECOLOGIC_OR_COMMUNITY', 'Ecologic or Community'],
  ['FAMILY_BASED', 'Family-Based'],
  ['DEFINED_POPULATION', 'Defined Population'],
  ['NATURAL_HISTORY', 'Natural History'],
  ['OTHER', 'Other'],
];

export const TIME_PERSPECTIVE: Picklist = [
  ['RETROSPECTIVE', 'Retrospective'],
  ['PROSPECTIVE', 'Prospective'],
  ['CROSS_SECTIONAL', 'Cross-Sectional'],
  ['OTHER', 'Other'],
];

export const BIOSPECIMEN_RETENTION: Picklist = [
  ['NONE_RETAINED', 'None Retained'],
  ['SAMPLES_WITH_DNA', 'Samples With DNA'],
  ['SAMPLES_WITHOUT_DNA', 'Samples Without DNA'],
];

export const EXPANDED_ACCESS_TYPES: ReadonlyArray<
  readonly [key: 'individual' | 'intermediate' | 'treatment', element: string]
> = [
  ['individual', 'exp_acc_type_individual'],
  ['intermediate', 'exp_acc_type_intermediate'],
  ['treatment', 'exp_acc_type_treatment'],
];

export const ARM_GROUP_TYPE: Picklist = [
  ['EXPERIMENTAL', 'Experimental'],
  ['ACTIVE_COMPARATOR', 'Active Comparator'],
  ['PLACEBO_COMPARATOR', 'Placebo Comparator'],
  ['SHAM_COMPARATOR', 'Sham Comparator'],
  ['NO_INTERVENTION', 'No Intervention'],
  ['OTHER', 'Other'],
];

/** PRS's value, then the v2 display label used in armGroups[].interventionNames ("Biological: X"). */
export const INTERVENTION_TYPE: Picklist = [
  ['DRUG', 'Drug'],
  ['DEVICE', 'Device'],
  ['BIOLOGICAL', 'Biological/Vaccine', 'Biological'],
  ['PROCEDURE', 'Procedure/Surgery', 'Procedure'],
  ['RADIATION', 'Radiation'],
  ['BEHAVIORAL', 'Behavioral'],
  ['GENETIC', 'Genetic'],
  ['DIETARY_SUPPLEMENT', 'Dietary Supplement'],
  ['COMBINATION_PRODUCT', 'Combination Product'],
  ['DIAGNOSTIC_TEST', 'Diagnostic Test'],
  ['OTHER', 'Other'],
];

const V2_INTERVENTION_LABEL: Readonly<Record<string, string>> = {
  DRUG: 'Drug',
  DEVICE: 'Device',
  BIOLOGICAL: 'Biological',
  PROCEDURE: 'Procedure',
  RADIATION: 'Radiation',
  BEHAVIORAL: 'Behavioral',
  GENETIC: 'Genetic',
  DIETARY_SUPPLEMENT: 'Dietary Supplement',
  COMBINATION_PRODUCT: 'Combination Product',
  DIAGNOSTIC_TEST: 'Diagnostic Test',
  OTHER: 'Other',
};

/** A v2 arm's interventionNames ("Drug: Aspirin"): the interventions whose armGroupLabels name the arm's label. */
export function armInterventionNames(
  label: string | undefined,
  interventions: ReadonlyArray<Record<string, unknown>>,
): string[] {
  return interventions
    .filter(
      (intervention) => label !== undefined && (intervention.armGroupLabels as string[] | undefined)?.includes(label),
    )
    .map(
      (intervention) =>
        `${V2_INTERVENTION_LABEL[intervention.type as string] ?? 'Other'}: ${intervention.name as string}`,
    );
}

export const SAMPLING_METHOD: Picklist = [
  ['PROBABILITY_SAMPLE', 'Probability Sample'],
  ['NON_PROBABILITY_SAMPLE', 'Non-Probability Sample'],
];

export const SEX: Picklist = [
  ['ALL', 'All', 'Both'],
  ['FEMALE', 'Female'],
  ['MALE', 'Male'],
];

export const OFFICIAL_ROLE: Picklist = [
  ['PRINCIPAL_INVESTIGATOR', 'Principal Investigator', 'Study Principal Investigator'],
  ['STUDY_CHAIR', 'Study Chair'],
  ['STUDY_DIRECTOR', 'Study Director'],
];

export const SITE_INVESTIGATOR_ROLE: Picklist = [
  ['PRINCIPAL_INVESTIGATOR', 'Principal Investigator'],
  ['SUB_INVESTIGATOR', 'Sub-Investigator'],
];

export const SITE_STATUS: Picklist = [...RECRUITMENT_STATUS, ['AVAILABLE', 'Available']];

export const IPD_SHARING: Picklist = [
  ['YES', 'Yes'],
  ['NO', 'No'],
  ['UNDECIDED', 'Undecided'],
];

export const IPD_INFO_TYPES: ReadonlyArray<readonly [code: string, element: string]> = [
  ['STUDY_PROTOCOL', 'ipd_info_type_protocol'],
  ['SAP', 'ipd_info_type_sap'],
  ['ICF', 'ipd_info_type_icf'],
  ['CSR', 'ipd_info_type_csr'],
  ['ANALYTIC_CODE', 'ipd_info_type_analytic_code'],
];

/** study_document_type values; any other v2 document type goes out as Other with its name. */
export const STUDY_DOCUMENT_TYPES: readonly string[] = [
  'Individual Participant Data Set',
  'Study Protocol',
  'Statistical Analysis Plan',
  'Informed Consent Form',
  'Clinical Study Report',
  'Analytic Code',
];

export const OUTCOME_TYPE: Picklist = [
  ['PRIMARY', 'Primary'],
  ['SECONDARY', 'Secondary'],
  ['OTHER_PRE_SPECIFIED', 'Other Pre-specified'],
  ['POST_HOC', 'Post-Hoc'],
];

export const PARAM_TYPE: Picklist = [
  ['GEOMETRIC_MEAN', 'Geometric Mean'],
  ['GEOMETRIC_LEAST_SQUARES_MEAN', 'Geometric Least Squares Mean'],
  ['LEAST_SQUARES_MEAN', 'Least Squares Mean'],
  ['LOG_MEAN', 'Log Mean'],
  ['MEAN', 'Mean'],
  ['MEDIAN', 'Median'],
  ['NUMBER', 'Number'],
  ['COUNT_OF_PARTICIPANTS', 'Count of Participants'],
  ['COUNT_OF_UNITS', 'Count of Units'],
];

export const DISPERSION_TYPE: Picklist = [
  ['NA', 'Not Applicable'],
  ['STANDARD_DEVIATION', 'Standard Deviation'],
  ['STANDARD_ERROR', 'Standard Error'],
  ['INTER_QUARTILE_RANGE', 'Inter-Quartile Range'],
  ['FULL_RANGE', 'Full Range'],
  ['CONFIDENCE_80', '80% Confidence Interval'],
  ['CONFIDENCE_90', '90% Confidence Interval'],
  ['CONFIDENCE_95', '95% Confidence Interval'],
  ['CONFIDENCE_975', '97.5% Confidence Interval'],
  ['CONFIDENCE_99', '99% Confidence Interval'],
  ['CONFIDENCE_OTHER', 'Other Confidence Interval'],
  ['GEOMETRIC_COEFFICIENT', 'Geometric Coefficient of Variation'],
];

export const ANALYSIS_DISPERSION_TYPE: Picklist = [
  ['STANDARD_DEVIATION', 'Standard Deviation'],
  ['STANDARD_ERROR_OF_MEAN', 'Standard Error of the Mean'],
];

export const CI_NUM_SIDES: Picklist = [
  ['ONE_SIDED', '1-Sided'],
  ['TWO_SIDED', '2-Sided'],
];

export const STATISTICAL_TEST_TYPE: Picklist = [
  ['SUPERIORITY', 'Superiority'],
  ['NON_INFERIORITY', 'Non-Inferiority'],
  ['EQUIVALENCE', 'Equivalence'],
  ['OTHER', 'Other'],
  ['NON_INFERIORITY_OR_EQUIVALENCE', 'Non-Inferiority or Equivalence'],
  ['SUPERIORITY_OR_OTHER', 'Superiority or Other'],
  ['NON_INFERIORITY_OR_EQUIVALENCE_LEGACY', 'Non-Inferiority or Equivalence (legacy)'],
  ['SUPERIORITY_OR_OTHER_LEGACY', 'Superiority or Other (legacy)'],
];

export const ASSESSMENT_TYPE: Picklist = [
  ['SYSTEMATIC_ASSESSMENT', 'Systematic Assessment'],
  ['NON_SYSTEMATIC_ASSESSMENT', 'Non-systematic Assessment'],
];

export const REPORTING_STATUS: Picklist = [
  ['POSTED', 'Posted'],
  ['NOT_POSTED', 'Not Posted'],
];

export const RESTRICTION_TYPE: Picklist = [
  ['LTE60', 'LTE60'],
  ['GT60', 'GT60'],
  ['OTHER', 'OTHER'],
];

export const UNIT_OF_ANALYSIS_PARTICIPANTS = 'Participants';

export function prsValueOf(list: Picklist, code: string): string | undefined {
  return list.find(([candidate]) => candidate === code)?.[1];
}

function folded(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The code for a PRS value, one of its aliases or the code itself (case-insensitive); undefined when unknown. */
export function codeOf(list: Picklist, value: string): string | undefined {
  const wanted = folded(value);
  for (const [code, ...values] of list) {
    if (folded(code) === wanted || values.some((candidate) => folded(candidate) === wanted)) return code;
  }
  return undefined;
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** PRS writes yes/no and true/false in any case; undefined for anything else (blank included). */
export function booleanOf(value: string): boolean | undefined {
  const answer = value.trim().toLowerCase();
  if (answer === 'yes' || answer === 'true') return true;
  if (answer === 'no' || answer === 'false') return false;
  return undefined;
}
