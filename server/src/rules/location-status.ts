import { defineRule } from '../service/types';
import { asArray, asObject, overallStatus, POINTERS, protocolModule } from './study';
import {
  EXPANDED_ACCESS_STATUSES,
  OVERALL_STATUS_POINTER,
  overallStatusRelated,
  REGISTRY_SET_STATUSES,
} from './support/dates-status';

/** Statuses under which a recruiting site is no contradiction, or not one this rule can judge (expanded access). */
const SKIPPED_STATUSES: ReadonlySet<string> = new Set([
  'RECRUITING',
  ...REGISTRY_SET_STATUSES,
  ...EXPANDED_ACCESS_STATUSES,
]);

export default defineRule({
  meta: {
    id: 'location-status',
    severity: 'warning',
    category: 'status',
    description: 'While any location is RECRUITING, the overall status is RECRUITING',
    source: 'STA-11',
    docs:
      'The overall status sums up the sites: as long as one location is recruiting, the study as a whole is RECRUITING. ' +
      'So a location with status RECRUITING under an overall status of, say, ACTIVE_NOT_RECRUITING means one of the two is out of date. ' +
      'Studies the registry shows as UNKNOWN are left alone, since their statuses were simply not updated. ' +
      'Example: overall status COMPLETED with a site still RECRUITING: close the site (COMPLETED) or correct the overall status.',
    fixable: false,
  },
  check(context) {
    const status = overallStatus(context.record);
    if (status === undefined || SKIPPED_STATUSES.has(status)) return;
    const locations = asArray(protocolModule(context.record, 'contactsLocationsModule')?.locations);
    const recruiting = locations.flatMap((location, index) =>
      asObject(location)?.status === 'RECRUITING' ? [index] : [],
    );
    if (recruiting.length === 0) return;
    const others = recruiting.length > 1 ? ` (and ${recruiting.length - 1} more)` : '';
    context.report({
      pointer: `${POINTERS.contacts}/locations/${recruiting[0]}/status`,
      message:
        `Location RECRUITING${others} while the overall status is ${status}; while any site recruits the study is RECRUITING. ` +
        'Update the site statuses or the overall status.',
      related: [overallStatusRelated(status)],
      suggestions: [
        {
          title: 'Set the overall status to RECRUITING',
          changes: [{ op: 'set', pointer: OVERALL_STATUS_POINTER, value: 'RECRUITING' }],
        },
      ],
    });
  },
});
