import { defineRule, type RuleContext } from '../service/types';
import { comparePartialDates, isPartialDate, overallStatus, POINTERS, protocolModule } from './study';
import { isAfterToday, ONGOING_STATUSES, overallStatusRelated } from './support/dates-status';
import { addMonths } from './support/deadlines';

const VERIFIED_POINTER = `${POINTERS.status}/statusVerifiedDate`;

/** The same day two years earlier, as a partial date to compare with. */
function twoYearsBefore(today: string): string {
  return `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
}

function checkForm(context: RuleContext, verified: string): void {
  if (verified.length === 7) return;
  const month = verified.slice(0, 7);
  context.report({
    pointer: VERIFIED_POINTER,
    message:
      verified.length === 10
        ? `Verification date ${verified} gives a day; the registry records the month only (yyyy-MM): ${month}.`
        : `Verification date ${verified} gives a year only; the registry records the month it was verified (yyyy-MM, e.g. ${verified}-01).`,
    ...(verified.length === 10
      ? {
          fix: {
            title: `Write the verification date as ${month}`,
            changes: [{ op: 'set' as const, pointer: VERIFIED_POINTER, value: month }],
          },
        }
      : {}),
  });
}

export default defineRule({
  meta: {
    id: 'status-verified-date',
    severity: 'warning',
    category: 'status',
    description:
      'The verification date is a month (yyyy-MM), not in the future, and recent enough for an ongoing study',
    source: 'STA-10, FMT-06',
    docs:
      'statusVerifiedDate is the month in which the record was last confirmed as correct, written yyyy-MM (e.g. "2025-08"); it cannot lie in the future. ' +
      'A study that is NOT_YET_RECRUITING, RECRUITING, ENROLLING_BY_INVITATION or ACTIVE_NOT_RECRUITING must be verified at least every 2 years: ' +
      'after that the registry stops trusting the status and shows the study as "Unknown status". ' +
      'Example: on 2026-11-24 a RECRUITING study last verified 2024-01 is shown as Unknown status until someone verifies it again.',
    fixable: true,
  },
  check(context) {
    const verified = protocolModule(context.record, 'statusModule')?.statusVerifiedDate;
    // Malformed dates are the schema's finding.
    if (!isPartialDate(verified)) return;
    checkForm(context, verified);
    if (isAfterToday(verified, context.today)) {
      context.report({
        pointer: VERIFIED_POINTER,
        message: `Verification date ${verified} is after today (${context.today}); give the month the record was last verified.`,
      });
      return;
    }
    const status = overallStatus(context.record);
    if (status === undefined || !ONGOING_STATUSES.has(status) || !isPartialDate(context.today)) return;
    if (comparePartialDates(verified, twoYearsBefore(context.today)) >= 0) return;
    context.report({
      pointer: VERIFIED_POINTER,
      message:
        `Last verified ${verified}, more than 2 years before today (${context.today}), while the status is ${status}: ` +
        'the registry shows such a study as "Unknown status". Verify the record, update what changed, and set this date to the current month.',
      related: [overallStatusRelated(status)],
      due: addMonths(verified, 24),
    });
  },
});
