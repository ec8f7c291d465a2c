import { defineRule, type RuleContext } from '../service/types';
import { overallStatus, POINTERS, studyType, type StudyType } from './study';
import {
  EXPANDED_ACCESS_STATUSES,
  OVERALL_STATUS_POINTER,
  RECRUITMENT_STATUSES,
  REGISTRY_SET_STATUSES,
} from './support/dates-status';

const STUDY_TYPE_POINTER = `${POINTERS.design}/studyType`;

function reportRegistrySetStatus(context: RuleContext, status: string): void {
  const why =
    status === 'UNKNOWN'
      ? 'the registry shows an ongoing study as UNKNOWN when it passed its completion date without being verified for 2 years'
      : 'the registry uses WITHHELD for studies of a device not yet cleared by the FDA, whose details it does not show';
  context.report({
    pointer: OVERALL_STATUS_POINTER,
    severity: 'hint',
    message: `${status} is set by the registry, not chosen when writing a record: ${why}. When updating the record, give the status the study is in now.`,
  });
}

function reportWrongKindOfStatus(context: RuleContext, status: string, type: StudyType): void {
  const expandedAccess = type === 'EXPANDED_ACCESS';
  const allowed = [...(expandedAccess ? EXPANDED_ACCESS_STATUSES : RECRUITMENT_STATUSES)].join(', ');
  context.report({
    pointer: OVERALL_STATUS_POINTER,
    message: expandedAccess
      ? `${status} is a recruitment status, but this is an expanded access record; its status is one of ${allowed}.`
      : `${status} is an expanded access status, but this is an ${type.toLowerCase()} study; its status is one of ${allowed}.`,
    related: [{ pointer: STUDY_TYPE_POINTER, message: `The study type is ${type}.` }],
  });
}

export default defineRule({
  meta: {
    id: 'expanded-access-status',
    severity: 'error',
    category: 'status',
    description: 'Expanded access records use expanded access statuses; other studies use recruitment statuses',
    source: 'STA-12, STA-09',
    docs:
      'The registry has two lists of statuses. Interventional and observational studies use the recruitment statuses ' +
      '(NOT_YET_RECRUITING, RECRUITING, ENROLLING_BY_INVITATION, ACTIVE_NOT_RECRUITING, SUSPENDED, TERMINATED, COMPLETED, WITHDRAWN); ' +
      'expanded access records use AVAILABLE, NO_LONGER_AVAILABLE, TEMPORARILY_NOT_AVAILABLE or APPROVED_FOR_MARKETING. ' +
      'UNKNOWN and WITHHELD belong to neither: the registry sets them itself, so a hint says so when a record carries one. ' +
      'Example: an expanded access record that is RECRUITING should be AVAILABLE.',
    fixable: false,
  },
  check(context) {
    const status = overallStatus(context.record);
    if (status === undefined) return;
    if (REGISTRY_SET_STATUSES.has(status)) {
      reportRegistrySetStatus(context, status);
      return;
    }
    const type = studyType(context.record);
    if (type === undefined) return;
    const fits = type === 'EXPANDED_ACCESS' ? EXPANDED_ACCESS_STATUSES.has(status) : RECRUITMENT_STATUSES.has(status);
    // Codes outside both lists are the schema's finding.
    if (!fits && (EXPANDED_ACCESS_STATUSES.has(status) || RECRUITMENT_STATUSES.has(status)))
      reportWrongKindOfStatus(context, status, type);
  },
});
