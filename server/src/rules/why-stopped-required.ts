import { defineRule } from '../service/types';
import { appliesFinalRule, overallStatus, POINTERS, protocolModule, FINAL_RULE_OPTIONS } from './study';
import { overallStatusRelated } from './support/dates-status';

const STOPPED_STATUSES = ['SUSPENDED', 'TERMINATED', 'WITHDRAWN'];

export default defineRule({
  meta: {
    id: 'why-stopped-required',
    severity: 'error',
    category: 'required',
    description: 'A SUSPENDED, TERMINATED or WITHDRAWN study says why it stopped',
    source: 'REQ-16',
    docs:
      'When a study is suspended, terminated or withdrawn, readers need to know why: lack of funding, slow accrual, a safety finding, a business decision. ' +
      'The registry requires the reason (`whyStopped`) for these statuses. It is an error for studies that started on or after 2017-01-18 ' +
      '(the Final Rule; the strict preset applies it to every study) and a warning for older ones. ' +
      'Example: {"overallStatus": "TERMINATED", "whyStopped": "Enrollment was slower than planned"}.',
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    const statusModule = protocolModule(context.record, 'statusModule');
    const status = overallStatus(context.record);
    if (!statusModule || status === undefined || !STOPPED_STATUSES.includes(status)) return;
    const whyStopped = statusModule.whyStopped;
    // A value of the wrong type is the schema's finding.
    if (whyStopped !== undefined && (typeof whyStopped !== 'string' || whyStopped.trim() !== '')) return;
    context.report({
      pointer: `${POINTERS.status}/whyStopped`,
      message: `No reason why the study stopped, though the status is ${status}; add the reason as whyStopped (e.g. "Slow recruitment").`,
      related: [overallStatusRelated(status)],
      severity: appliesFinalRule(context) ? 'error' : 'warning',
    });
  },
});
