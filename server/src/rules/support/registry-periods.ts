// When a record met the registry: the dates of its first submission and last update, the periods
// they fall in, and whether a record predates a requirement. The registry keeps published records
// as they were accepted: a requirement that came later is asked of new records (and, for some, of
// any record updated since), so an older record that lacks it is a warning, not an error.
import { asString, FINAL_RULE_DATE, isPartialDate, protocolModule } from '../study';

/** The day FDAAA's registration requirements took effect (Section 801 of the FDA Amendments Act). */
export const FDAAA_DATE = '2007-09-27';

/** The periods that matter to the registry's requirements, by a record's submission date. */
export const REGISTRY_PERIODS = ['before-fdaaa', 'fdaaa', 'final-rule', 'unsubmitted'] as const;
export type RegistryPeriod = (typeof REGISTRY_PERIODS)[number];

export const REGISTRY_PERIOD_NAMES: Record<RegistryPeriod, string> = {
  'before-fdaaa': `before ${FDAAA_DATE}`,
  fdaaa: `${FDAAA_DATE} to 2017-01-17`,
  'final-rule': `from ${FINAL_RULE_DATE}`,
  unsubmitted: 'not submitted yet',
};

/** The submissions a record's periods are told by: its first one and its last update. */
export type Submission = 'first-submission' | 'last-update';
/** Which submission a requirement's date is compared with: one of those, or the first submission of its results. */
export type CutoverSubmission = Submission | 'results-submission';

const SUBMISSION_KEYS: Record<CutoverSubmission, string> = {
  'first-submission': 'studyFirstSubmitDate',
  'last-update': 'lastUpdateSubmitDate',
  'results-submission': 'resultsFirstSubmitDate',
};
const SUBMISSION_WORDS: Record<CutoverSubmission, string> = {
  'first-submission': 'first submitted',
  'last-update': 'last updated',
  'results-submission': 'first submitted with results',
};

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The record's date of that submission (yyyy-MM-dd); undefined for a record being written. */
export function submissionDate(record: unknown, submission: CutoverSubmission): string | undefined {
  const date = asString(protocolModule(record, 'statusModule')?.[SUBMISSION_KEYS[submission]]);
  return date !== undefined && FULL_DATE.test(date) ? date : undefined;
}

export function periodOf(date: string | undefined): RegistryPeriod {
  if (date === undefined) return 'unsubmitted';
  if (date < FDAAA_DATE) return 'before-fdaaa';
  return date < FINAL_RULE_DATE ? 'fdaaa' : 'final-rule';
}

/** A requirement the registry started to enforce on a day, for records submitted (first, or last) from then on. */
export interface Cutover {
  since: string;
  by: CutoverSubmission;
}

/** The record has been submitted to the registry (it has a first submission date); false for one being written. */
export function isSubmitted(record: unknown): boolean {
  return submissionDate(record, 'first-submission') !== undefined;
}

/** Whether the registry accepted this record before it asked for the requirement; never for a record not submitted yet. */
export function predates(record: unknown, cutover: Cutover): boolean {
  const date = submissionDate(record, cutover.by);
  return date !== undefined && date < cutover.since;
}

/** Why a record that predates a requirement only gets a warning, as a sentence to add to a message. */
export function predatesNote(record: unknown, cutover: Cutover): string {
  const words = SUBMISSION_WORDS[cutover.by];
  return ` The registry kept records ${words} before ${cutover.since} without it, and this one was ${words} ${submissionDate(record, cutover.by)}, so it is a warning here.`;
}

/**
 * Whether a partial date is surely on or after `day`: its earliest possible day is. A start date
 * of "2017-01" may be before 2017-01-18, so it does not count.
 */
export function surelyOnOrAfter(date: unknown, day: string): boolean {
  if (!isPartialDate(date)) return false;
  const earliest = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  return earliest >= day;
}
