// PRS-only facts a v2 record does not carry, kept next to the record as <name>.prs.json (schemas/prs-sidecar.schema.json).
import { basename, dirname, join } from 'node:path';
import { closest } from '../service/similarity';
import { isPlainObject } from '../service/types';

export interface PrsSidecar {
  /** The short organization name used to log in to PRS (id_info/org_name). */
  orgName?: string;
  /** US FDA IND/IDE study? */
  isIndStudy?: boolean;
  ind?: { grantor?: string; number?: string; serialNumber?: string };
  /** Human subjects protection review (oversight_info/irb_info). */
  humanSubjectsReview?: {
    status?: string;
    approvalNumber?: string;
    boardName?: string;
    boardAffiliation?: string;
    phone?: string;
    phoneExt?: string;
    email?: string;
    address?: string;
  };
  /** Post prior to U.S. FDA approval or clearance (oversight_info/post_prior_to_approval). */
  postPriorToApproval?: boolean;
  /** The PRS user name of the responsible investigator (sponsors/resp_party/investigator_username). */
  responsibleInvestigatorUsername?: string;
  /** Delayed results posting (resultDisposition), kept as PRS gives it. */
  delayedPosting?: {
    delayType?: string;
    delayReason?: string;
    interventionName?: string;
    approvalNumbers?: string[];
    anticipatedPostingDate?: string;
  };
}

const SIDECAR_KEYS = [
  '$schema',
  'orgName',
  'isIndStudy',
  'ind',
  'humanSubjectsReview',
  'postPriorToApproval',
  'responsibleInvestigatorUsername',
  'delayedPosting',
];

export const IRB_STATUSES = ['Approved', 'Pending', 'Exempt', 'Denied', 'Not required', 'Not yet submitted'] as const;
export const IND_GRANTORS = ['CDER', 'CBER', 'CDRH'] as const;

export class SidecarError extends Error {}

/** Reads a parsed sidecar, naming the first property that has the wrong shape. */
export function sidecarOf(value: unknown, source: string): PrsSidecar {
  if (!isPlainObject(value)) throw new SidecarError(`${source}: a PRS sidecar is a JSON object.`);
  const unknown = Object.keys(value).find((key) => !SIDECAR_KEYS.includes(key));
  if (unknown !== undefined) {
    const suggestion = closest(unknown, SIDECAR_KEYS);
    throw new SidecarError(
      `${source}: "${unknown}" is not a PRS sidecar field${suggestion ? `; did you mean "${suggestion}"?` : ` (known: ${SIDECAR_KEYS.slice(1).join(', ')})`}.`,
    );
  }
  const strings = (holder: Record<string, unknown>, keys: readonly string[], where: string): void => {
    for (const key of keys) {
      if (holder[key] !== undefined && typeof holder[key] !== 'string')
        throw new SidecarError(`${source}: ${where}${key} must be a string.`);
    }
  };
  strings(value, ['orgName', 'responsibleInvestigatorUsername'], '');
  for (const key of ['isIndStudy', 'postPriorToApproval']) {
    if (value[key] !== undefined && typeof value[key] !== 'boolean')
      throw new SidecarError(`${source}: ${key} must be true or false.`);
  }
  for (const [key, fields] of [
    ['ind', ['grantor', 'number', 'serialNumber']],
    [
      'humanSubjectsReview',
      ['status', 'approvalNumber', 'boardName', 'boardAffiliation', 'phone', 'phoneExt', 'email', 'address'],
    ],
    ['delayedPosting', ['delayType', 'delayReason', 'interventionName', 'anticipatedPostingDate']],
  ] as const) {
    const part = value[key];
    if (part === undefined) continue;
    if (!isPlainObject(part)) throw new SidecarError(`${source}: ${key} must be an object.`);
    strings(part, fields, `${key}.`);
  }
  const sidecar = value as PrsSidecar;
  const status = sidecar.humanSubjectsReview?.status;
  if (status !== undefined && !(IRB_STATUSES as readonly string[]).includes(status)) {
    throw new SidecarError(
      `${source}: humanSubjectsReview.status "${status}" is not a PRS board status; use one of ${IRB_STATUSES.join(', ')}.`,
    );
  }
  const grantor = sidecar.ind?.grantor;
  if (grantor !== undefined && !(IND_GRANTORS as readonly string[]).includes(grantor)) {
    throw new SidecarError(
      `${source}: ind.grantor "${grantor}" is not an FDA center PRS knows; use one of ${IND_GRANTORS.join(', ')}.`,
    );
  }
  return sidecar;
}

/** "study.trial.json" -> "study": the name the sidecar and the output share. */
export function recordName(file: string): string {
  return basename(file).replace(/\.trial\.json$|\.json$/i, '');
}

/** Where a record's sidecar is: next to it, "study.trial.json" -> "study.prs.json". */
export function sidecarPath(file: string): string {
  return join(dirname(file), `${recordName(file)}.prs.json`);
}
