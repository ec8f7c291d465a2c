import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/us-export-answered';
import { planted, sampleRecord } from './fixtures';

const oversight = '/protocolSection/oversightModule';
const locations = '/protocolSection/contactsLocationsModule/locations';
// FDA-regulated drug, sites in India only, answers isUsExport (false).
const answered = sampleRecord('NCT03983954');
// FDA-regulated drug, sites in India only, no answer (accepted, last updated 2025-06-19).
const unanswered = sampleRecord('NCT07040059');
// FDA-regulated drug, not yet recruiting, no sites listed, no answer.
const noSites = sampleRecord('NCT04762082');
// FDA-regulated drug with U.S. sites, no answer needed.
const usSites = sampleRecord('NCT05326516');

const message =
  'U.S. export not answered (isUsExport): the study has an FDA-regulated drug and no U.S. site, but does not say whether the product is manufactured in and exported from the U.S.; unless the study runs under a U.S. IND or IDE, the registry requires the answer.';

new RuleTester().run(rule, {
  valid: [
    { name: 'answered', record: answered },
    { name: 'U.S. sites', record: usSites },
    {
      name: 'a U.S. site among sites abroad',
      record: planted(unanswered, { [`${locations}/0/country`]: 'United States' }),
    },
    { name: 'not FDA-regulated', record: planted(unanswered, { [`${oversight}/isFdaRegulatedDrug`]: false }) },
    { name: 'no oversight module', record: planted(unanswered, { [oversight]: undefined }) },
  ],
  invalid: [
    {
      name: 'a real record with sites abroad only: info',
      record: unanswered,
      errors: [
        { pointer: `${oversight}/isUsExport`, severity: 'info', message, related: [`${oversight}/isFdaRegulatedDrug`] },
      ],
    },
    {
      name: 'a real record with no sites yet: info',
      record: noSites,
      errors: [{ pointer: `${oversight}/isUsExport`, severity: 'info', message }],
    },
    {
      name: 'the answer removed from a real record',
      record: planted(answered, { [`${oversight}/isUsExport`]: undefined }),
      errors: [{ pointer: `${oversight}/isUsExport`, message }],
    },
    {
      name: 'a regulated device',
      record: planted(unanswered, {
        [`${oversight}/isFdaRegulatedDrug`]: false,
        [`${oversight}/isFdaRegulatedDevice`]: true,
      }),
      errors: [
        {
          pointer: `${oversight}/isUsExport`,
          message: /an FDA-regulated device and no U\.S\. site/,
          related: [`${oversight}/isFdaRegulatedDevice`],
        },
      ],
    },
    {
      name: 'a regulated drug and device',
      record: planted(unanswered, { [`${oversight}/isFdaRegulatedDevice`]: true }),
      errors: [
        {
          pointer: `${oversight}/isUsExport`,
          message: /an FDA-regulated drug and device and no U\.S\. site/,
          related: [`${oversight}/isFdaRegulatedDrug`],
        },
      ],
    },
  ],
});
