import { defineRule, type RuleContext } from '../service/types';
import { asString, type JsonObject } from './study';
import { objectsOf, resultsModule, RESULTS_POINTERS } from './support/ipd-results-hygiene';
import { quote } from '../service/words';

/** The milestone types the registry writes in capitals; other milestones are free text. */
const STANDARD_MILESTONES = ['STARTED', 'COMPLETED', 'NOT COMPLETED'] as const;
const REQUIRED_MILESTONES = ['STARTED', 'COMPLETED'] as const;

export default defineRule({
  meta: {
    id: 'flow-milestones',
    severity: 'warning',
    category: 'results',
    description: 'Each participant-flow period has STARTED and COMPLETED milestones',
    source: 'RES-06',
    docs:
      'The participant flow follows participants through each period of the study: how many started it, how many ' +
      "completed it, and, in between, any milestones of the study's own. The STARTED and COMPLETED milestones are " +
      'required in every period (NOT COMPLETED follows from the two), and are written as the codes "STARTED", ' +
      '"COMPLETED" and "NOT COMPLETED". Example: a period "Overall Study" with milestones STARTED, "Received second dose" ' +
      'and COMPLETED is complete; one without COMPLETED does not say how many finished it.',
    fixable: true,
  },
  check(context) {
    const periods = objectsOf(resultsModule(context.record, 'participantFlowModule')?.periods);
    periods.forEach((period, p) => {
      if (period) checkPeriod(context, period, `${RESULTS_POINTERS.participantFlow}/periods/${p}`, p);
    });
  },
});

function checkPeriod(context: RuleContext, period: JsonObject, base: string, index: number): void {
  const title = asString(period.title);
  const name = title ? `Period ${quote(title)}` : `Period ${index + 1}`;
  const found = new Set<string>();
  objectsOf(period.milestones).forEach((milestone, m) => {
    const type = asString(milestone?.type);
    if (type === undefined) return;
    const standard = standardMilestone(type);
    if (standard === undefined) return;
    found.add(standard);
    if (standard !== type) {
      const pointer = `${base}/milestones/${m}/type`;
      context.report({
        pointer,
        message: `Milestone ${quote(type)} is the standard ${standard} milestone; write it as the code ${quote(standard)}.`,
        fix: { title: `Write ${quote(standard)}`, changes: [{ op: 'set', pointer, value: standard }] },
      });
    }
  });
  const missing = REQUIRED_MILESTONES.filter((required) => !found.has(required));
  if (missing.length === 0) return;
  context.report({
    pointer: `${base}/milestones`,
    target: 'key',
    message: `${name} has no ${missing.join(' or ')} milestone; every period states, per group, how many participants started it (STARTED) and how many completed it (COMPLETED).`,
  });
}

/** "Started", "not_completed" and the like: the standard code a milestone type stands for, if any. */
function standardMilestone(type: string): string | undefined {
  const normalized = type
    .trim()
    .replace(/[_\s]+/g, ' ')
    .toUpperCase();
  return STANDARD_MILESTONES.find((code) => code === normalized);
}
