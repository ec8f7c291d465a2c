import { defineRule } from '../service/types';
import { asString, POINTERS, protocolModule } from './study';

export default defineRule({
  meta: {
    id: 'nct-id-missing',
    severity: 'info',
    category: 'identification',
    description: 'Says plainly when a record has no NCT number yet',
    source: 'FMT-03',
    docs:
      'The registry assigns the NCT number when a study is first posted, so a draft may not have one. Records without it ' +
      'cannot be linked to the registry page or cited; add `identificationModule.nctId` (e.g. "NCT01234567") once it is known.',
    fixable: false,
  },
  check(context) {
    const identification = protocolModule(context.record, 'identificationModule');
    if (!identification || asString(identification.nctId)) return;
    context.report({
      pointer: POINTERS.identification,
      target: 'key',
      message: 'No NCT number ("nctId") yet: the registry assigns one at first posting; add it once known.',
    });
  },
});
