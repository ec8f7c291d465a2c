import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/results-due';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
const primaryDate = `${status}/primaryCompletionDateStruct/date`;
// PHASE2, an FDA-regulated drug, a U.S. site, started 2018, COMPLETED with an ACTUAL primary completion 2020-03-13; no results.
const completed = corpusRecord('NCT03418623');
const abroad = {
  '/protocolSection/contactsLocationsModule/locations': [{ facility: 'Hospital', city: 'Toronto', country: 'Canada' }],
};

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'results submitted', record: planted(completed, { [`${status}/resultsFirstSubmitDate`]: '2021-02-01' }) },
    { name: 'results posted', record: planted(completed, { '/hasResults': true }) },
    {
      name: 'no FDA-regulated product',
      record: planted(completed, { '/protocolSection/oversightModule/isFdaRegulatedDrug': false }),
    },
    {
      name: 'a phase 1 drug study',
      record: planted(completed, { '/protocolSection/designModule/phases': ['PHASE1'] }),
    },
    {
      name: 'a device feasibility study',
      record: planted(completed, { '/protocolSection/designModule/designInfo/primaryPurpose': 'DEVICE_FEASIBILITY' }),
    },
    { name: 'no U.S. site and no U.S. export', record: planted(completed, abroad) },
    { name: 'withdrawn', record: planted(completed, { [`${status}/overallStatus`]: 'WITHDRAWN' }) },
    {
      name: 'started before the Final Rule',
      record: planted(completed, { [`${status}/startDateStruct/date`]: '2016-12' }),
    },
    {
      name: 'an observational study',
      record: planted(completed, { '/protocolSection/designModule/studyType': 'OBSERVATIONAL' }),
    },
    {
      name: 'the primary completion is still an estimate',
      record: planted(completed, { [`${status}/primaryCompletionDateStruct/type`]: 'ESTIMATED' }),
    },
    { name: 'the deadline is more than 3 months away', record: completed, today: '2020-12-01' },
  ],
  invalid: [
    {
      name: 'a real trial past its deadline without results',
      record: completed,
      errors: [
        {
          pointer: primaryDate,
          severity: 'warning',
          message:
            'No results submitted; they were due by 2021-03-13 (one year after the actual primary completion date 2020-03-13): submit them, or check whether this study must report.',
        },
      ],
    },
    {
      name: 'the deadline within 3 months is a note',
      record: completed,
      today: '2021-01-02',
      errors: [
        {
          pointer: primaryDate,
          severity: 'info',
          message: 'Results are due by 2021-03-13 (one year after the actual primary completion date 2020-03-13).',
        },
      ],
    },
    {
      name: 'a certification of delayed results moves the deadline to three years',
      record: planted(completed, { [`${status}/dispFirstSubmitDate`]: '2021-01-10' }),
      errors: [
        {
          pointer: primaryDate,
          severity: 'warning',
          message:
            /^No results submitted; they were due by 2023-03-13 \(three years after the actual primary completion date 2020-03-13, the latest a certification/,
        },
      ],
    },
    {
      name: 'no U.S. site, but a product exported from the U.S.',
      record: planted(completed, { ...abroad, '/protocolSection/oversightModule/isUsExport': true }),
      errors: [{ pointer: primaryDate, severity: 'warning' }],
    },
    {
      name: 'a month-precision primary completion gives a month deadline',
      record: planted(completed, { [primaryDate]: '2020-03' }),
      errors: [
        {
          pointer: primaryDate,
          message:
            /^No results submitted; they were due by 2021-03 \(one year after the actual primary completion date 2020-03\)/,
        },
      ],
    },
  ],
});
