import { defineRule } from '../service/types';
import { isPartialDate, overallStatus, POINTERS } from './study';
import { isBeforeToday, ONGOING_STATUSES, overallStatusRelated } from './support/dates-status';
import { addMonths, statusModule } from './support/deadlines';

const VERIFIED_POINTER = `${POINTERS.status}/statusVerifiedDate`;

export default defineRule({
  meta: {
    id: 'verification-due',
    severity: 'info',
    category: 'deadlines',
    description: 'An ongoing study is verified at least every 12 months',
    source: '42 CFR 11.64',
    docs:
      'The registry expects a study that has not ended to be reviewed at least once every 12 months: the responsible party confirms (or updates) ' +
      'the record and sets the verification date (`statusVerifiedDate`) to that month. The registry still accepts an older one, so this is a note with ' +
      'the month the review was due; after 2 years `status-verified-date` warns, because the registry then shows the study as "Unknown status". ' +
      'See [the Final Rule, 42 CFR 11.64](https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-11/subpart-C/section-11.64) and ' +
      "[the registry's definition of the verification date](https://clinicaltrials.gov/policy/protocol-definitions#VerificationDate).",
    fixable: false,
  },
  check(context) {
    const verified = statusModule(context.record)?.statusVerifiedDate;
    const status = overallStatus(context.record);
    if (!isPartialDate(verified) || status === undefined || !ONGOING_STATUSES.has(status)) return;
    const due = addMonths(verified, 12);
    // Past 2 years the status-verified-date rule warns; one finding at a time.
    if (!isBeforeToday(due, context.today) || isBeforeToday(addMonths(verified, 24), context.today)) return;
    context.report({
      pointer: VERIFIED_POINTER,
      message: `Yearly verification was due by ${due} (12 months after ${verified}) while the status is ${status}: review it, update what changed, and set this date to the current month.`,
      related: [overallStatusRelated(status)],
      due,
    });
  },
});
