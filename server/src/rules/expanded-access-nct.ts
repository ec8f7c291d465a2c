import { defineRule } from '../service/types';
import { asObject, POINTERS, protocolModule } from './study';
import { isMissing } from './support/required-outcomes-eligibility';

const EXPANDED_ACCESS_INFO = `${POINTERS.status}/expandedAccessInfo`;

export default defineRule({
  meta: {
    id: 'expanded-access-nct',
    severity: 'warning',
    category: 'required',
    description: 'A study that offers expanded access names the expanded access record (its NCT number)',
    source: 'REQ-09',
    docs:
      'When the product of a study is also available through expanded access (`expandedAccessInfo.hasExpandedAccess: ' +
      'true`), the registry asks for the NCT number of the separate expanded access record that describes how to get it ' +
      '(`expandedAccessInfo.nctId`), so that readers can find it. The definitions make the number conditionally required, ' +
      'but only 4 records of the 820-record registry sample offer expanded access (all 4 name the record; 805 say no, 11 do ' +
      'not say), too few to show the registry refuses a record without it: so it is a warning. Hits on the sample: 0. ' +
      'Example: { "hasExpandedAccess": true, "nctId": "NCT01234567" }. ' +
      '[Official definition: Expanded Access Record NCT Number](https://clinicaltrials.gov/policy/protocol-definitions#EANCTNumber)',
    fixable: false,
  },
  check(context) {
    const info = asObject(protocolModule(context.record, 'statusModule')?.expandedAccessInfo);
    if (info?.hasExpandedAccess !== true || !isMissing(info.nctId)) return;
    context.report({
      pointer: `${EXPANDED_ACCESS_INFO}/nctId`,
      message:
        'No expanded access record named, though the study offers expanded access (hasExpandedAccess is true); add its NCT number as expandedAccessInfo.nctId (e.g. "NCT01234567").',
      related: [{ pointer: `${EXPANDED_ACCESS_INFO}/hasExpandedAccess`, message: 'Expanded access is offered here.' }],
    });
  },
});
