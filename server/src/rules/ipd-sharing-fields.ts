import { defineRule, type Fix, type RuleContext } from '../service/types';
import { POINTERS, protocolModule, studyType, type JsonObject } from './study';

/** Fields that describe what is shared and how: they only make sense when IPD will be shared. */
const SHARING_DETAILS = ['infoTypes', 'timeFrame', 'accessCriteria', 'url'] as const;
const SHARING_ANSWERS = new Set(['YES', 'NO', 'UNDECIDED']);
/** Reference-module lists the registry does not keep for expanded access records. */
const NOT_FOR_EXPANDED_ACCESS = ['seeAlsoLinks', 'availIpds'] as const;

export default defineRule({
  meta: {
    id: 'ipd-sharing-fields',
    severity: 'warning',
    category: 'ipd',
    description:
      'IPD sharing details only with a "YES" plan; no IPD statement, links or IPD sets on expanded access records',
    source: 'IPD-01/02',
    docs:
      'The plan to share individual participant data (IPD) is answered first (ipdSharing YES, NO or UNDECIDED). ' +
      'The details of what will be shared, when, under which access criteria and where (infoTypes, timeFrame, ' +
      'accessCriteria, url) belong only to a YES answer, and the free-text description needs an answer to explain. ' +
      'Expanded access records have no IPD sharing statement, no "see also" links and no available IPD sets at all. ' +
      'Example: ipdSharing "NO" with a timeFrame of "6 months after publication" contradicts itself: either the plan is YES, ' +
      'or the time frame goes.',
    fixable: false,
  },
  check(context) {
    if (studyType(context.record) === 'EXPANDED_ACCESS') {
      checkExpandedAccess(context);
      return;
    }
    const statement = protocolModule(context.record, 'ipdSharingStatementModule');
    if (statement) checkSharingDetails(context, statement);
  },
});

function checkSharingDetails(context: RuleContext, statement: JsonObject): void {
  const answer = statement.ipdSharing;
  // A value outside the enum is the schema's finding; judging the details against it would be guesswork.
  if (answer !== undefined && !(typeof answer === 'string' && SHARING_ANSWERS.has(answer))) return;
  const answerPointer = `${POINTERS.ipd}/ipdSharing`;
  const related =
    answer === undefined
      ? undefined
      : [{ pointer: answerPointer, message: `The plan to share IPD is "${answer}" here.` }];
  for (const field of SHARING_DETAILS) {
    if (statement[field] === undefined || answer === 'YES') continue;
    const pointer = `${POINTERS.ipd}/${field}`;
    context.report({
      pointer,
      target: 'key',
      message:
        answer === undefined
          ? `"${field}" describes how IPD will be shared, but the plan to share IPD (ipdSharing) is not answered; set ipdSharing to "YES" or remove "${field}".`
          : `"${field}" describes how IPD will be shared, but the plan to share IPD is "${answer}"; it belongs only to a "YES" plan. Remove "${field}" or change ipdSharing to "YES".`,
      related,
      suggestions: [
        removeField(pointer, field),
        { title: 'Set ipdSharing to "YES"', changes: [{ op: 'set', pointer: answerPointer, value: 'YES' }] },
      ],
    });
  }
  if (statement.description !== undefined && answer === undefined) {
    const pointer = `${POINTERS.ipd}/description`;
    context.report({
      pointer,
      target: 'key',
      message:
        'IPD sharing plan not answered (ipdSharing: "YES", "NO" or "UNDECIDED"), though its description explains a plan; add ipdSharing.',
      suggestions: [...SHARING_ANSWERS].map((value) => ({
        title: `Set ipdSharing to "${value}"`,
        changes: [{ op: 'set' as const, pointer: answerPointer, value }],
      })),
    });
  }
}

function checkExpandedAccess(context: RuleContext): void {
  const related = [{ pointer: `${POINTERS.design}/studyType`, message: 'The study type is EXPANDED_ACCESS here.' }];
  if (protocolModule(context.record, 'ipdSharingStatementModule') !== undefined) {
    context.report({
      pointer: POINTERS.ipd,
      target: 'key',
      message:
        'Expanded access records have no IPD sharing statement: the registry keeps one only for interventional and observational studies. Remove ipdSharingStatementModule, or check the study type.',
      related,
      suggestions: [removeField(POINTERS.ipd, 'ipdSharingStatementModule')],
    });
  }
  const references = protocolModule(context.record, 'referencesModule');
  for (const field of NOT_FOR_EXPANDED_ACCESS) {
    if (references?.[field] === undefined) continue;
    const pointer = `${POINTERS.references}/${field}`;
    context.report({
      pointer,
      target: 'key',
      message: `Expanded access records have no "${field}": the registry keeps it only for interventional and observational studies. Remove it, or check the study type.`,
      related,
      suggestions: [removeField(pointer, field)],
    });
  }
}

function removeField(pointer: string, field: string): Fix {
  return { title: `Remove "${field}"`, changes: [{ op: 'remove', pointer }] };
}
