import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/ipd-sharing-fields';
import { corpusRecord, planted } from './fixtures';

const ipd = '/protocolSection/ipdSharingStatementModule';
const studyType = '/protocolSection/designModule/studyType';
// ipdSharing YES with infoTypes, timeFrame, accessCriteria, url and a description.
const sharing = corpusRecord('NCT03630471');
// ipdSharing NO, and a references module with seeAlsoLinks.
const notSharing = corpusRecord('NCT02299791');
// ipdSharing UNDECIDED with a description.
const undecided = corpusRecord('NCT00763412');

new RuleTester().run(rule, {
  valid: [
    { name: 'YES with every detail (NCT03630471)', record: sharing },
    { name: 'NO alone (NCT02299791)', record: notSharing },
    { name: 'UNDECIDED with a description (NCT00763412)', record: undecided },
    {
      name: 'NO with a description explaining why',
      record: planted(notSharing, {
        [`${ipd}/description`]: 'Data will not be shared because consent did not cover it.',
      }),
    },
    { name: 'no IPD statement at all', record: planted(sharing, { [ipd]: undefined }) },
    {
      name: 'an answer outside the enum is left to the schema',
      record: planted(sharing, { [`${ipd}/ipdSharing`]: 'Yes' }),
    },
    { name: 'a statement that is not an object does not throw', record: planted(sharing, { [ipd]: ['YES'] }) },
    {
      name: 'expanded access without IPD statement or links',
      record: planted(notSharing, {
        [studyType]: 'EXPANDED_ACCESS',
        [ipd]: undefined,
        '/protocolSection/referencesModule/seeAlsoLinks': undefined,
      }),
    },
    { name: 'a record that is not an object', record: 'not a record' },
  ],
  invalid: [
    {
      name: 'details kept after the answer changed to NO',
      record: planted(sharing, { [`${ipd}/ipdSharing`]: 'NO' }),
      errors: ['infoTypes', 'timeFrame', 'accessCriteria', 'url'].map((field) => ({
        pointer: `${ipd}/${field}`,
        severity: 'warning' as const,
        message: new RegExp(`"${field}" describes how IPD will be shared, but the plan to share IPD is "NO"`),
        related: [`${ipd}/ipdSharing`],
      })),
    },
    {
      name: 'a time frame with an UNDECIDED plan',
      record: planted(undecided, { [`${ipd}/timeFrame`]: 'Six months after publication' }),
      errors: [
        {
          pointer: `${ipd}/timeFrame`,
          message: /plan to share IPD is "UNDECIDED"; it belongs only to a "YES" plan/,
          related: [`${ipd}/ipdSharing`],
        },
      ],
    },
    {
      name: 'details and a description with no answer at all',
      record: planted(sharing, {
        [`${ipd}/ipdSharing`]: undefined,
        [`${ipd}/infoTypes`]: undefined,
        [`${ipd}/timeFrame`]: undefined,
        [`${ipd}/accessCriteria`]: undefined,
      }),
      errors: [
        { pointer: `${ipd}/url`, message: /ipdSharing\) is not answered; set ipdSharing to "YES" or remove "url"/ },
        { pointer: `${ipd}/description`, message: /^IPD sharing plan not answered .*; add ipdSharing/ },
      ],
    },
    {
      name: 'an expanded access record keeps its IPD statement and see-also links',
      record: planted(notSharing, { [studyType]: 'EXPANDED_ACCESS' }),
      errors: [
        { pointer: ipd, message: /Expanded access records have no IPD sharing statement/, related: [studyType] },
        {
          pointer: '/protocolSection/referencesModule/seeAlsoLinks',
          message: /Expanded access records have no "seeAlsoLinks"/,
          related: [studyType],
        },
      ],
    },
    {
      name: 'an expanded access record with available IPD sets',
      record: planted(notSharing, {
        [studyType]: 'EXPANDED_ACCESS',
        [ipd]: undefined,
        '/protocolSection/referencesModule/seeAlsoLinks': undefined,
        '/protocolSection/referencesModule/availIpds': [
          { type: 'Study Protocol', url: 'https://example.org/protocol' },
        ],
      }),
      errors: [{ pointer: '/protocolSection/referencesModule/availIpds', message: /no "availIpds"/ }],
    },
  ],
});
