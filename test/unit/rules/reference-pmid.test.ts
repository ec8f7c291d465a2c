import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/reference-pmid';
import { corpusRecord, planted } from './fixtures';

const references = '/protocolSection/referencesModule/references';
// Seven BACKGROUND references, each with a PMID.
const background = corpusRecord('NCT00711542');
// One RESULT reference and three DERIVED ones added by the registry.
const derived = corpusRecord('NCT02299791');

new RuleTester().run(rule, {
  valid: [
    { name: 'background references with PMIDs (NCT00711542)', record: background },
    { name: 'a reference without PMID', record: planted(background, { [`${references}/0/pmid`]: undefined }) },
    {
      name: 'a PMID of the wrong type is left to the schema',
      record: planted(background, { [`${references}/0/pmid`]: 17620510 }),
    },
    { name: 'references that are not a list', record: planted(background, { [references]: { pmid: 'x' } }) },
    { name: 'a null reference', record: planted(background, { [`${references}/0`]: null }) },
  ],
  invalid: [
    {
      name: 'a PMID written with its label',
      record: planted(background, { [`${references}/2/pmid`]: 'PMID: 16990384' }),
      errors: [
        {
          pointer: `${references}/2/pmid`,
          severity: 'error',
          message: 'PMID "PMID: 16990384" should be the number alone: "16990384".',
        },
      ],
      output: background,
    },
    {
      name: 'a PMID with stray spaces',
      record: planted(background, { [`${references}/0/pmid`]: ' 17620510 ' }),
      errors: [{ pointer: `${references}/0/pmid`, message: /should be the number alone: "17620510"/ }],
      output: background,
    },
    {
      name: 'a DOI in the PMID field has no automatic fix',
      record: planted(background, { [`${references}/1/pmid`]: '10.1056/NEJMoa066254' }),
      errors: [
        {
          pointer: `${references}/1/pmid`,
          severity: 'error',
          message: /"10.1056\/NEJMoa066254" is not a PMID: a PubMed identifier is digits only/,
        },
      ],
      output: planted(background, { [`${references}/1/pmid`]: '10.1056/NEJMoa066254' }),
    },
    {
      name: 'DERIVED references: one hint for the record (NCT02299791, accepted by the registry)',
      record: derived,
      errors: [
        {
          pointer: `${references}/1/type`,
          severity: 'hint',
          message: /^First of 3 references of type DERIVED: the registry adds these itself/,
        },
      ],
    },
    {
      name: 'a single DERIVED reference',
      record: planted(background, { [`${references}/3/type`]: 'DERIVED' }),
      errors: [{ pointer: `${references}/3/type`, severity: 'hint', message: /^Reference of type DERIVED/ }],
    },
  ],
});
