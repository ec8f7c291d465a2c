import { defineRule, type RuleContext } from '../service/types';
import { asString, type JsonObject } from './study';
import { objectsOf, resultsModule, RESULTS_POINTERS } from './support/ipd-results-hygiene';
import {
  countValue,
  groupLabel,
  groupTitles,
  milestoneOf,
  periodName,
  RESULTS_DEFINITIONS_URL,
} from './support/results-numbers';

/** One group's count in one milestone, with where it is written. */
interface Achievement {
  count: number;
  pointer: string;
}

export default defineRule({
  meta: {
    id: 'flow-counts',
    severity: 'error',
    category: 'results',
    description:
      'Participant flow counts add up in every period: COMPLETED ≤ STARTED, NOT COMPLETED = STARTED − COMPLETED, reasons = NOT COMPLETED',
    source: 'RES-06 (results QC criteria: participant flow)',
    docs:
      'In each period of the participant flow, and for each group, the participants who completed the period are among ' +
      'those who started it, so COMPLETED can never exceed STARTED; the registry derives NOT COMPLETED as STARTED minus ' +
      'COMPLETED, and the reasons for not completing (dropWithdraws) account for exactly those participants. ' +
      'A COMPLETED count above STARTED is an error (the difference would be a negative number of participants); a NOT ' +
      'COMPLETED count that is not the difference is a warning with a fix that recomputes it, and reasons that do not add ' +
      "up to NOT COMPLETED are a warning (a QC review's major issue). Example: STARTED 97, COMPLETED 90 means NOT " +
      'COMPLETED 7, and the reasons (e.g. "Adverse Event" 4, "Withdrawal by Subject" 3) add up to 7. ' +
      'On the sample: in all 88 periods of the 70 records with results (64 of the registry sample, 6 of ctgov-v2), ' +
      `every group has COMPLETED ≤ STARTED, NOT COMPLETED = STARTED − COMPLETED, and reasons that add up. See the ` +
      `participant flow in the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: true,
  },
  check(context) {
    const flow = resultsModule(context.record, 'participantFlowModule');
    if (!flow) return;
    const titles = groupTitles(objectsOf(flow.groups));
    objectsOf(flow.periods).forEach((period, p) => {
      if (period)
        checkPeriod(context, period, `${RESULTS_POINTERS.participantFlow}/periods/${p}`, periodName(period, p), titles);
    });
  },
});

function checkPeriod(
  context: RuleContext,
  period: JsonObject,
  base: string,
  name: string,
  titles: ReadonlyMap<string, string>,
): void {
  const started = milestoneCounts(period, base, 'STARTED');
  const completed = milestoneCounts(period, base, 'COMPLETED');
  const notCompleted = milestoneCounts(period, base, 'NOT COMPLETED');
  if (!started || !completed) return;
  for (const [groupId, start] of started) {
    const done = completed.get(groupId);
    if (done === undefined) continue;
    const group = groupLabel(groupId, titles);
    if (done.count > start.count) {
      context.report({
        pointer: done.pointer,
        message: `${name}, group ${group}: ${done.count} participants completed the period but only ${start.count} started it; COMPLETED can't exceed STARTED.`,
        related: [{ pointer: start.pointer, message: `${start.count} participants started the period.` }],
      });
      continue;
    }
    const difference = start.count - done.count;
    const notDone = notCompleted?.get(groupId);
    if (notDone !== undefined && notDone.count !== difference) {
      context.report({
        pointer: notDone.pointer,
        severity: 'warning',
        message: `${name}, group ${group}: NOT COMPLETED is ${notDone.count}, but ${start.count} started and ${done.count} completed, so ${difference} did not complete.`,
        related: [
          { pointer: start.pointer, message: `${start.count} participants started the period.` },
          { pointer: done.pointer, message: `${done.count} participants completed the period.` },
        ],
        fix: {
          title: `Set NOT COMPLETED to ${difference}`,
          changes: [{ op: 'set', pointer: notDone.pointer, value: String(difference) }],
        },
      });
    }
  }
  checkReasons(context, period, base, name, titles, started, completed);
}

/** The reasons for not completing add up, per group, to STARTED − COMPLETED (what NOT COMPLETED should be). */
function checkReasons(
  context: RuleContext,
  period: JsonObject,
  base: string,
  name: string,
  titles: ReadonlyMap<string, string>,
  started: ReadonlyMap<string, Achievement>,
  completed: ReadonlyMap<string, Achievement>,
): void {
  const dropWithdraws = objectsOf(period.dropWithdraws);
  if (dropWithdraws.length === 0) return;
  const reasonTotals = new Map<string, number>();
  for (const dropWithdraw of dropWithdraws) {
    for (const reason of objectsOf(dropWithdraw?.reasons)) {
      const groupId = asString(reason?.groupId);
      const count = countValue(reason?.numSubjects);
      if (groupId !== undefined && count !== undefined)
        reasonTotals.set(groupId, (reasonTotals.get(groupId) ?? 0) + count);
    }
  }
  for (const [groupId, start] of started) {
    const done = completed.get(groupId);
    if (done === undefined || done.count > start.count) continue;
    const notCompleted = start.count - done.count;
    const reasons = reasonTotals.get(groupId) ?? 0;
    if (reasons === notCompleted) continue;
    context.report({
      pointer: `${base}/dropWithdraws`,
      target: 'key',
      severity: 'warning',
      message: `${name}, group ${groupLabel(groupId, titles)}: the reasons for not completing add up to ${reasons}, but ${notCompleted} participants did not complete (${start.count} started, ${done.count} completed); give a reason for each of them.`,
    });
  }
}

/** A milestone's counts by group id, or undefined when the period has no such milestone. */
function milestoneCounts(period: JsonObject, base: string, type: string): Map<string, Achievement> | undefined {
  const found = milestoneOf(period, type);
  if (!found) return undefined;
  const m = found.index;
  const counts = new Map<string, Achievement>();
  objectsOf(found.milestone.achievements).forEach((achievement, a) => {
    const groupId = asString(achievement?.groupId);
    const count = countValue(achievement?.numSubjects);
    if (groupId !== undefined && count !== undefined && !counts.has(groupId)) {
      counts.set(groupId, { count, pointer: `${base}/milestones/${m}/achievements/${a}/numSubjects` });
    }
  });
  return counts;
}
