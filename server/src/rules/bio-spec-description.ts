import { defineRule } from '../service/types';
import { asObject, POINTERS, protocolModule } from './study';

const BIO_SPEC = `${POINTERS.design}/bioSpec`;

export default defineRule({
  meta: {
    id: 'bio-spec-description',
    severity: 'warning',
    category: 'design',
    description: 'A biospecimen description only when specimens are retained',
    source: 'DES-08',
    docs:
      'The biospecimen description says which specimens are kept (whole blood, tissue, DNA…). When retention is ' +
      'NONE_RETAINED there is nothing to describe, so either the description is left over or the retention is wrong. ' +
      'Example: retention SAMPLES_WITH_DNA with the description "Serum and whole blood" is right; the same description ' +
      'with NONE_RETAINED is not.',
    fixable: false,
  },
  check(context) {
    const bioSpec = asObject(protocolModule(context.record, 'designModule')?.bioSpec);
    if (bioSpec?.retention !== 'NONE_RETAINED' || bioSpec.description === undefined || bioSpec.description === '')
      return;
    const pointer = `${BIO_SPEC}/description`;
    context.report({
      pointer,
      target: 'key',
      message:
        'Biospecimen retention is NONE_RETAINED, so no retained specimens can be described; remove the description, or set the retention to SAMPLES_WITH_DNA or SAMPLES_WITHOUT_DNA.',
      related: [{ pointer: `${BIO_SPEC}/retention`, message: 'Retention is NONE_RETAINED.' }],
      suggestions: [{ title: 'Remove the biospecimen description', changes: [{ op: 'remove', pointer }] }],
    });
  },
});
