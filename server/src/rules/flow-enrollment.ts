import { defineRule, type RuleContext } from '../service/types';
import { asObject, protocolModule, type JsonObject } from './study';
import { objectsOf, resultsModule, RESULTS_POINTERS } from './support/ipd-results-hygiene';
import { countValue, isGiven, milestoneOf, periodName, RESULTS_DEFINITIONS_URL } from './support/results-numbers';

/** The total of one milestone over its groups, where it is, and whether it carries a comment. */
interface MilestoneTotal {
  total: number;
  pointer: string;
  commented: boolean;
}

export default defineRule({
  meta: {
    id: 'flow-enrollment',
    severity: 'warning',
    category: 'results',
    description:
      'The participant flow accounts for everyone: the first period starts with the actual enrollment, each later period with those who completed the one before, or the difference is explained',
    source: 'RES-06 (results QC criteria: participant flow)',
    docs:
      'The participant flow follows every enrolled participant. Its first period starts (STARTED, all groups together) ' +
      "with the number in the protocol's actual enrollment; when some enrolled participants were never assigned to a " +
      'group, the pre-assignment details (or the recruitment details) say why. Each later period starts with the ' +
      'participants who completed the period before; when it does not (an optional extension, participants who joined ' +
      "later), a comment on the later period's STARTED milestone says why. The registry's QC review returns both as " +
      'major issues, so they are warnings. Example: enrollment 31, STARTED 8 + 8 = 16, and no pre-assignment details. ' +
      'On the sample (70 records with results): 7 records start with a number other than their enrollment, 6 of them ' +
      'with pre-assignment or recruitment details (1 warning); 5 of 18 period changes start with another total than the ' +
      `previous COMPLETED, 4 of them with comments (1 warning). See the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: false,
  },
  check(context) {
    const flow = resultsModule(context.record, 'participantFlowModule');
    if (!flow) return;
    const periods = objectsOf(flow.periods);
    checkEnrollment(context, flow, periods[0]);
    for (let p = 1; p < periods.length; p++) {
      const previous = periods[p - 1];
      const period = periods[p];
      if (previous && period) checkContinuity(context, previous, p - 1, period, p);
    }
  },
});

function checkEnrollment(context: RuleContext, flow: JsonObject, firstPeriod: JsonObject | undefined): void {
  const enrollment = asObject(protocolModule(context.record, 'designModule')?.enrollmentInfo);
  const enrolled = countValue(enrollment?.count);
  if (!firstPeriod || enrolled === undefined || enrollment?.type === 'ESTIMATED') return;
  const started = milestoneTotal(firstPeriod, `${RESULTS_POINTERS.participantFlow}/periods/0`, 'STARTED');
  if (!started || started.total === enrolled || isGiven(flow.preAssignmentDetails) || isGiven(flow.recruitmentDetails))
    return;
  context.report({
    pointer: started.pointer,
    target: 'key',
    message: `Participant flow starts with ${started.total} participants, but the actual enrollment is ${enrolled}; make the two agree, or explain the difference in the pre-assignment details (participants enrolled but never assigned to a group).`,
    related: [
      { pointer: '/protocolSection/designModule/enrollmentInfo/count', message: `Actual enrollment: ${enrolled}.` },
    ],
  });
}

function checkContinuity(context: RuleContext, previous: JsonObject, p: number, period: JsonObject, q: number): void {
  const base = `${RESULTS_POINTERS.participantFlow}/periods`;
  const completed = milestoneTotal(previous, `${base}/${p}`, 'COMPLETED');
  const started = milestoneTotal(period, `${base}/${q}`, 'STARTED');
  if (!completed || !started || started.total === completed.total || started.commented) return;
  context.report({
    pointer: started.pointer,
    target: 'key',
    message: `${periodName(period, q)} starts with ${started.total} participants, but ${completed.total} completed the period before it (${periodName(previous, p)}); explain the difference in a comment on its STARTED milestone, or make the counts agree.`,
    related: [{ pointer: completed.pointer, message: `${completed.total} participants completed the period before.` }],
  });
}

/** A milestone's total over its groups (only when every count is a number), or undefined. */
function milestoneTotal(period: JsonObject, base: string, type: string): MilestoneTotal | undefined {
  const found = milestoneOf(period, type);
  if (!found) return undefined;
  const { milestone, index: m } = found;
  let total = 0;
  let commented = isGiven(milestone.comment);
  for (const achievement of objectsOf(milestone.achievements)) {
    const count = countValue(achievement?.numSubjects);
    if (count === undefined) return undefined;
    total += count;
    commented ||= isGiven(achievement?.comment);
  }
  return { total, pointer: `${base}/milestones/${m}`, commented };
}
