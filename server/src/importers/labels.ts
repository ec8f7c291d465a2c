// Registry enum codes with their display labels, and readers for the label forms pages print.

export type EnumTable = ReadonlyArray<readonly [code: string, label: string, ...aliases: string[]]>;

export const OVERALL_STATUS: EnumTable = [
  ['ACTIVE_NOT_RECRUITING', 'Active, not recruiting'],
  ['COMPLETED', 'Completed'],
  ['ENROLLING_BY_INVITATION', 'Enrolling by invitation'],
  ['NOT_YET_RECRUITING', 'Not yet recruiting'],
  ['RECRUITING', 'Recruiting'],
  ['SUSPENDED', 'Suspended'],
  ['TERMINATED', 'Terminated'],
  ['WITHDRAWN', 'Withdrawn'],
  ['AVAILABLE', 'Available'],
  ['NO_LONGER_AVAILABLE', 'No longer available'],
  ['TEMPORARILY_NOT_AVAILABLE', 'Temporarily not available'],
  ['APPROVED_FOR_MARKETING', 'Approved for marketing'],
  ['WITHHELD', 'Withheld'],
  ['UNKNOWN', 'Unknown status', 'Unknown'],
];

export const RECRUITMENT_STATUS: EnumTable = OVERALL_STATUS.filter(([code]) =>
  [
    'ACTIVE_NOT_RECRUITING',
    'COMPLETED',
    'ENROLLING_BY_INVITATION',
    'NOT_YET_RECRUITING',
    'RECRUITING',
    'SUSPENDED',
    'TERMINATED',
    'WITHDRAWN',
    'AVAILABLE',
  ].includes(code),
);

export const PHASE: EnumTable = [
  ['NA', 'Not Applicable', 'N/A'],
  ['EARLY_PHASE1', 'Early Phase 1', 'Phase 0'],
  ['PHASE1', 'Phase 1', 'Phase I'],
  ['PHASE2', 'Phase 2', 'Phase II'],
  ['PHASE3', 'Phase 3', 'Phase III'],
  ['PHASE4', 'Phase 4', 'Phase IV'],
];

export const STUDY_TYPE: EnumTable = [
  ['EXPANDED_ACCESS', 'Expanded Access'],
  ['INTERVENTIONAL', 'Interventional'],
  ['OBSERVATIONAL', 'Observational'],
];

export const ALLOCATION: EnumTable = [
  ['RANDOMIZED', 'Randomized'],
  ['NON_RANDOMIZED', 'Non-Randomized'],
  ['NA', 'N/A', 'Not Applicable'],
];

export const INTERVENTION_MODEL: EnumTable = [
  ['SINGLE_GROUP', 'Single Group Assignment', 'Single Group'],
  ['PARALLEL', 'Parallel Assignment', 'Parallel'],
  ['CROSSOVER', 'Crossover Assignment', 'Crossover'],
  ['FACTORIAL', 'Factorial Assignment', 'Factorial'],
  ['SEQUENTIAL', 'Sequential Assignment', 'Sequential'],
];

export const PRIMARY_PURPOSE: EnumTable = [
  ['TREATMENT', 'Treatment'],
  ['PREVENTION', 'Prevention'],
  ['DIAGNOSTIC', 'Diagnostic'],
  ['ECT', 'Educational/Counseling/Training'],
  ['SUPPORTIVE_CARE', 'Supportive Care'],
  ['SCREENING', 'Screening'],
  ['HEALTH_SERVICES_RESEARCH', 'Health Services Research'],
  ['BASIC_SCIENCE', 'Basic Science'],
  ['DEVICE_FEASIBILITY', 'Device Feasibility'],
  ['OTHER', 'Other'],
];

export const OBSERVATIONAL_MODEL: EnumTable = [
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

export const TIME_PERSPECTIVE: EnumTable = [
  ['RETROSPECTIVE', 'Retrospective'],
  ['PROSPECTIVE', 'Prospective'],
  ['CROSS_SECTIONAL', 'Cross-Sectional'],
  ['OTHER', 'Other'],
];

export const MASKING: EnumTable = [
  ['NONE', 'None (Open Label)', 'Open Label', 'None'],
  ['SINGLE', 'Single'],
  ['DOUBLE', 'Double'],
  ['TRIPLE', 'Triple'],
  ['QUADRUPLE', 'Quadruple'],
];

export const ARM_GROUP_TYPE: EnumTable = [
  ['EXPERIMENTAL', 'Experimental'],
  ['ACTIVE_COMPARATOR', 'Active Comparator'],
  ['PLACEBO_COMPARATOR', 'Placebo Comparator'],
  ['SHAM_COMPARATOR', 'Sham Comparator'],
  ['NO_INTERVENTION', 'No Intervention'],
  ['OTHER', 'Other'],
];

export const INTERVENTION_TYPE: EnumTable = [
  ['BEHAVIORAL', 'Behavioral'],
  ['BIOLOGICAL', 'Biological'],
  ['COMBINATION_PRODUCT', 'Combination Product'],
  ['DEVICE', 'Device'],
  ['DIAGNOSTIC_TEST', 'Diagnostic Test'],
  ['DIETARY_SUPPLEMENT', 'Dietary Supplement'],
  ['DRUG', 'Drug'],
  ['GENETIC', 'Genetic'],
  ['PROCEDURE', 'Procedure'],
  ['RADIATION', 'Radiation'],
  ['OTHER', 'Other'],
];

export const SEX: EnumTable = [
  ['FEMALE', 'Female'],
  ['MALE', 'Male'],
  ['ALL', 'All', 'Both'],
];

export const RESPONSIBLE_PARTY_TYPE: EnumTable = [
  ['SPONSOR', 'Sponsor'],
  ['PRINCIPAL_INVESTIGATOR', 'Principal Investigator'],
  ['SPONSOR_INVESTIGATOR', 'Sponsor-Investigator'],
];

export const OFFICIAL_ROLE: EnumTable = [
  ['STUDY_CHAIR', 'Study Chair'],
  ['STUDY_DIRECTOR', 'Study Director'],
  ['PRINCIPAL_INVESTIGATOR', 'Principal Investigator', 'Study Principal Investigator'],
  ['SUB_INVESTIGATOR', 'Sub-Investigator'],
];

export const CONTACT_ROLE: EnumTable = [...OFFICIAL_ROLE, ['CONTACT', 'Contact']];

export const AGENCY_CLASS: EnumTable = [
  ['NIH', 'NIH'],
  ['FED', 'FED'],
  ['OTHER_GOV', 'OTHER_GOV'],
  ['INDIV', 'INDIV'],
  ['INDUSTRY', 'INDUSTRY', 'Industry'],
  ['NETWORK', 'NETWORK'],
  ['AMBIG', 'AMBIG'],
  ['OTHER', 'OTHER'],
  ['UNKNOWN', 'UNKNOWN'],
];

export const ORG_STUDY_ID_TYPE: EnumTable = [
  ['NIH', 'U.S. NIH Grant/Contract'],
  ['FDA', 'U.S. FDA Grant/Contract'],
  ['VA', 'U.S. VA Grant/Contract'],
  ['CDC', 'U.S. CDC Grant/Contract'],
  ['AHRQ', 'U.S. AHRQ Grant/Contract'],
  ['SAMHSA', 'U.S. SAMHSA Grant/Contract'],
];

export const SECONDARY_ID_TYPE: EnumTable = [
  ...ORG_STUDY_ID_TYPE,
  ['OTHER_GRANT', 'Other Grant/Funding Number'],
  ['EUDRACT_NUMBER', 'EudraCT Number'],
  ['CTIS', 'EU Trial (CTIS) Number'],
  ['REGISTRY', 'Registry Identifier'],
  ['OTHER', 'Other Identifier'],
];

function normalizeLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function normalizeCode(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
}

/** The code for a code or a label (case-insensitive), or undefined when the text is neither. */
export function lookupEnum(table: EnumTable, text: string): string | undefined {
  const asCode = normalizeCode(text);
  const asLabel = normalizeLabel(text);
  for (const [code, ...labels] of table) {
    if (code === asCode) return code;
    if (labels.some((label) => normalizeLabel(label) === asLabel)) return code;
  }
  return undefined;
}

/** The display label of a code, as armGroups[].interventionNames need it ("Drug", "Dietary Supplement"). */
export function labelOf(table: EnumTable, code: string): string {
  return table.find(([candidate]) => candidate === code)?.[1] ?? code;
}

/** "Phase 1/Phase 2", "PHASE1, PHASE2", "Phase 2" or "N/A" -> phase codes; undefined when any part is unknown. */
export function parsePhases(text: string): string[] | undefined {
  const whole = lookupEnum(PHASE, text);
  if (whole) return [whole];
  const parts = text.split(/\s*(?:\/|,|\band\b|\|)\s*/i).filter((part) => part.length > 0);
  const codes = parts.map((part) => lookupEnum(PHASE, /^\d$/.test(part) ? `Phase ${part}` : part));
  if (codes.length === 0 || codes.some((code) => code === undefined)) return undefined;
  return codes as string[];
}

export function parseYesNo(text: string): boolean | undefined {
  const answer = text.trim().toLowerCase();
  if (answer === 'yes' || answer === 'true') return true;
  if (answer === 'no' || answer === 'false') return false;
  return undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "Feb", "Feb.", "Sept" or "February" -> 2; undefined for anything shorter than three letters. */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((name) => name.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month?: number, day?: number): string | undefined {
  if (month === undefined) return String(year).padStart(4, '0');
  if (month < 1 || month > 12) return undefined;
  const yearMonth = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  if (day === undefined) return yearMonth;
  if (day < 1 || day > daysIn(year, month)) return undefined;
  return `${yearMonth}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as pages print it -> an ISO partial date: "February 24, 2023" -> 2023-02-24,
 * "Dec 19, 2023" -> 2023-12-19, "March 2023" -> 2023-03, "2025-06-10" stays. Undefined when unreadable.
 */
export function parseDate(text: string): string | undefined {
  const value = text.trim();
  let match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (match) {
    return isoDate(Number(match[1]), match[2] ? Number(match[2]) : undefined, match[3] ? Number(match[3]) : undefined);
  }
  match = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[1]);
    return month ? isoDate(Number(match[3]), month, Number(match[2])) : undefined;
  }
  match = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[2]);
    return month ? isoDate(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = /^([A-Za-z]+\.?),?\s+(\d{4})$/.exec(value);
  if (match) {
    const month = monthNumber(match[1]);
    return month ? isoDate(Number(match[2]), month) : undefined;
  }
  return undefined;
}

/** "18 Years", "6 months", "18" is not enough: the unit must be stated. */
export function parseAge(text: string): string | undefined {
  const match = /^(\d+)\s*(year|month|week|day|hour|minute)s?$/i.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  const unit = match[2].charAt(0).toUpperCase() + match[2].slice(1).toLowerCase();
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
