import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/eligibility-sections';
import { corpusRecord, planted } from './fixtures';

const pointer = '/protocolSection/eligibilityModule/eligibilityCriteria';
const record = corpusRecord('NCT00711542');
const withCriteria = (text: string) => planted(record, { [pointer]: text });

new RuleTester().run(rule, {
  valid: [
    { name: '"Inclusion Criteria:" and "Exclusion Criteria:"', record },
    { name: '"Key Inclusion Criteria:" and "Key Exclusion Criteria:"', record: corpusRecord('NCT02210780') },
    { name: '"Eligibility criteria:" before "Exclusion criteria:"', record: corpusRecord('NCT03630471') },
    { name: 'exclusions written as negated inclusion criteria ("No prior ...")', record: corpusRecord('NCT04267848') },
    {
      name: 'Markdown emphasis',
      record: withCriteria('**Inclusion Criteria:**\n\n* Adults\n\n**Exclusion Criteria**:\n\n* Pregnancy'),
    },
    {
      name: 'Markdown headers, any case',
      record: withCriteria('## INCLUSION CRITERIA\n\n* Adults\n\n## exclusion criteria\n\n* Pregnancy'),
    },
    { name: 'short headings', record: withCriteria('Inclusion:\n- Adults\nExclusion:\n- Pregnancy') },
    {
      name: 'headings for sub-groups',
      record: withCriteria(
        'Inclusion criteria for parents:\n* Guardian\n\nExclusion criteria for parents:\n* Under 18',
      ),
    },
    {
      name: 'one paragraph',
      record: withCriteria('Inclusion criteria: adults aged 18 to 65. Exclusion criteria: pregnancy.'),
    },
    { name: 'no criteria (required-fields reports that)', record: planted(record, { [pointer]: undefined }) },
    { name: 'criteria of the wrong type', record: withCriteria(['Adults'] as unknown as string) },
  ],
  invalid: [
    {
      name: 'no headings at all',
      record: withCriteria('Adults aged 18 to 65 with stable angina.'),
      errors: [{ pointer, severity: 'warning', message: /no "Inclusion Criteria:" or "Exclusion Criteria:" heading/ }],
    },
    {
      name: 'exclusions only',
      record: withCriteria('Exclusion Criteria:\n\n* Pregnancy'),
      errors: [{ pointer, message: /exclusion criteria but no inclusion criteria/ }],
    },
    {
      name: 'a list item starting "Exclusive" is not an exclusion heading',
      record: withCriteria('Inclusion Criteria:\n\n* Adults\n* Exclusive breastfeeding of the infant'),
      errors: [{ pointer, message: /inclusion criteria but no exclusion criteria/ }],
    },
    {
      name: 'a real record whose source fixture cut the text after its first criterion ("1. Male participants...")',
      record: corpusRecord('NCT03418623'),
      errors: [
        {
          pointer,
          severity: 'warning',
          message:
            'Eligibility criteria have inclusion criteria but no exclusion criteria; add an "Exclusion Criteria:" list, or state exclusions as inclusion criteria ("No prior chemotherapy").',
        },
      ],
    },
  ],
});
