import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/duplicate-values';
import { corpusRecord, planted } from './fixtures';

const design = '/protocolSection/designModule';
const conditions = '/protocolSection/conditionsModule';
// PHASE3, four masked roles, ADULT + OLDER_ADULT, three conditions and eleven keywords.
const record = corpusRecord('NCT02552212');
// IPD infoTypes STUDY_PROTOCOL, SAP, ICF.
const sharing = corpusRecord('NCT03630471');
const keywords: string[] = record.protocolSection.conditionsModule.keywords;

new RuleTester().run(rule, {
  valid: [
    { name: 'distinct values (NCT02552212)', record },
    { name: 'distinct IPD document types (NCT03630471)', record: sharing },
    {
      name: 'different values that share words',
      record: planted(record, { [`${conditions}/keywords`]: ['Spondyloarthritis', 'Axial Spondyloarthritis'] }),
    },
    {
      name: 'a list that is not an array is left to the schema',
      record: planted(record, { [`${design}/phases`]: 'PHASE3' }),
    },
    {
      name: 'repeated non-string items are left to the schema',
      record: planted(record, { [`${design}/phases`]: [3, 3] }),
    },
    {
      name: "enum lists are compared exactly: case is the schema's concern",
      record: planted(record, { '/protocolSection/eligibilityModule/stdAges': ['ADULT', 'adult'] }),
    },
  ],
  invalid: [
    {
      name: 'a phase listed twice',
      record: planted(record, { [`${design}/phases`]: ['PHASE3', 'PHASE3'] }),
      errors: [
        {
          pointer: `${design}/phases/1`,
          severity: 'warning',
          message: '"PHASE3" is already listed in phases (item 1); remove this repeat.',
          related: [`${design}/phases/0`],
        },
      ],
      output: record,
    },
    {
      name: 'two repeats in the masked roles: one fix removes both',
      record: planted(record, {
        [`${design}/designInfo/maskingInfo/whoMasked`]: [
          'PARTICIPANT',
          'CARE_PROVIDER',
          'PARTICIPANT',
          'INVESTIGATOR',
          'OUTCOMES_ASSESSOR',
          'CARE_PROVIDER',
        ],
      }),
      errors: [
        {
          pointer: `${design}/designInfo/maskingInfo/whoMasked/2`,
          message: /"PARTICIPANT" is already listed in masked roles \(whoMasked\) \(item 1\)/,
          related: [`${design}/designInfo/maskingInfo/whoMasked/0`],
        },
        {
          pointer: `${design}/designInfo/maskingInfo/whoMasked/5`,
          message: /"CARE_PROVIDER" is already listed .*\(item 2\)/,
          related: [`${design}/designInfo/maskingInfo/whoMasked/1`],
        },
      ],
      output: record,
    },
    {
      name: 'an age group listed twice',
      record: planted(record, { '/protocolSection/eligibilityModule/stdAges': ['ADULT', 'ADULT', 'OLDER_ADULT'] }),
      errors: [
        { pointer: '/protocolSection/eligibilityModule/stdAges/1', message: /"ADULT" is already listed in age groups/ },
      ],
      output: record,
    },
    {
      name: 'an IPD document type listed three times',
      record: planted(sharing, {
        '/protocolSection/ipdSharingStatementModule/infoTypes': ['STUDY_PROTOCOL', 'SAP', 'SAP', 'ICF', 'SAP'],
      }),
      errors: [
        {
          pointer: '/protocolSection/ipdSharingStatementModule/infoTypes/2',
          message: /"SAP" is already listed in IPD document types/,
        },
        {
          pointer: '/protocolSection/ipdSharingStatementModule/infoTypes/4',
          message: /"SAP" is already listed in IPD document types/,
        },
      ],
      output: sharing,
    },
    {
      name: 'a condition listed twice',
      record: planted(record, { [`${conditions}/conditions/3`]: 'Axial Spondyloarthritis' }),
      errors: [
        {
          pointer: `${conditions}/conditions/3`,
          message: '"Axial Spondyloarthritis" is already listed in conditions (item 1); remove this repeat.',
        },
      ],
      output: record,
    },
    {
      name: 'keywords differing only in case or spacing: a hint, never fixed automatically',
      record: planted(record, { [`${conditions}/keywords`]: [...keywords, 'arthritis ', 'AXSPA'] }),
      errors: [
        {
          pointer: `${conditions}/keywords/11`,
          severity: 'hint',
          message:
            '"arthritis " repeats "Arthritis" (item 9) in keywords, differing only in case or spacing; keep one spelling.',
          related: [`${conditions}/keywords/8`],
        },
        { pointer: `${conditions}/keywords/12`, severity: 'hint', message: /"AXSPA" repeats "axSpA" \(item 2\)/ },
      ],
      output: planted(record, { [`${conditions}/keywords`]: [...keywords, 'arthritis ', 'AXSPA'] }),
    },
    {
      name: 'an exact repeat and a case variant together: the fix removes only the exact one',
      record: planted(record, { [`${conditions}/keywords`]: [...keywords, 'Arthritis', 'arthritis'] }),
      errors: [
        {
          pointer: `${conditions}/keywords/11`,
          severity: 'warning',
          message: /"Arthritis" is already listed in keywords \(item 9\)/,
        },
        {
          pointer: `${conditions}/keywords/12`,
          severity: 'hint',
          message: /"arthritis" repeats "Arthritis" \(item 9\)/,
        },
      ],
      output: planted(record, { [`${conditions}/keywords`]: [...keywords, 'arthritis'] }),
    },
  ],
});
