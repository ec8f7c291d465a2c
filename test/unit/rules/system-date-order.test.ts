import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/system-date-order';
import { corpusRecord, planted } from './fixtures';

const status = '/protocolSection/statusModule';
// First version, results, certification (disp) and last update dates all present.
const withDisposition = corpusRecord('NCT02552212');
const withResults = corpusRecord('NCT00763412');
// Never updated: its last update submitted date (2023-12-13) is the first QC date, a day before first posting.
const neverUpdated = corpusRecord('NCT06171568');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real record with results and certification dates', record: withDisposition },
    { name: 'a real record with results', record: withResults },
    { name: 'a never-updated record: last update submitted before first posted is normal', record: neverUpdated },
    {
      name: 'equal dates are in order',
      record: planted(neverUpdated, {
        [`${status}/studyFirstSubmitQcDate`]: '2023-12-06',
        [`${status}/studyFirstPostDateStruct/date`]: '2023-12-06',
      }),
    },
    {
      name: 'a missing date is skipped, the next earlier one is compared',
      record: planted(neverUpdated, { [`${status}/studyFirstSubmitQcDate`]: undefined }),
    },
    { name: 'no status module', record: { protocolSection: {} } },
    {
      name: 'dates of the wrong type or shape are ignored',
      record: planted(withResults, {
        [`${status}/studyFirstPostDateStruct`]: '2001-01-01',
        [`${status}/resultsFirstSubmitQcDate`]: 20170503,
        [`${status}/lastUpdateSubmitDate`]: 'soon',
      }),
    },
  ],
  invalid: [
    {
      name: 'first posted before the QC date',
      record: planted(withDisposition, { [`${status}/studyFirstPostDateStruct/date`]: '2015-09-10' }),
      errors: [
        {
          pointer: `${status}/studyFirstPostDateStruct/date`,
          severity: 'warning',
          message:
            /^First posted date 2015-09-10 is too early: it is before the first submitted date that met QC criteria 2015-09-15/,
          related: [`${status}/studyFirstSubmitQcDate`],
        },
      ],
    },
    {
      name: 'QC date before the first submission',
      record: planted(neverUpdated, {
        [`${status}/studyFirstSubmitQcDate`]: '2023-12-01',
        [`${status}/lastUpdateSubmitDate`]: '2023-12-01',
      }),
      errors: [
        {
          pointer: `${status}/studyFirstSubmitQcDate`,
          message: /2023-12-01 is too early: it is before the first submitted date 2023-12-06/,
          related: [`${status}/studyFirstSubmitDate`],
        },
        {
          pointer: `${status}/lastUpdateSubmitDate`,
          message:
            /^Last update submitted date 2023-12-01 is too early: it is before the first submitted date 2023-12-06/,
          related: [`${status}/studyFirstSubmitDate`],
        },
      ],
    },
    {
      name: 'results posted before they passed QC',
      record: planted(withResults, { [`${status}/resultsFirstPostDateStruct/date`]: '2017-05-01' }),
      errors: [
        {
          pointer: `${status}/resultsFirstPostDateStruct/date`,
          message:
            /^Results first posted date 2017-05-01 is too early: it is before the results first submitted date that met QC criteria 2017-05-03/,
          related: [`${status}/resultsFirstSubmitQcDate`],
        },
      ],
    },
    {
      name: 'results QC before results submission',
      record: planted(withResults, { [`${status}/resultsFirstSubmitQcDate`]: '2016-07-01' }),
      errors: [{ pointer: `${status}/resultsFirstSubmitQcDate`, related: [`${status}/resultsFirstSubmitDate`] }],
    },
    {
      name: 'last update posted before the results were posted',
      record: planted(withResults, { [`${status}/lastUpdatePostDateStruct/date`]: '2017-05-20' }),
      errors: [
        {
          pointer: `${status}/lastUpdatePostDateStruct/date`,
          message:
            /^Last update posted date 2017-05-20 is too early: it is before the results first posted date 2017-06-05/,
          related: [`${status}/resultsFirstPostDateStruct/date`],
        },
      ],
    },
    {
      name: 'last update posted before it was submitted',
      record: planted(withDisposition, { [`${status}/lastUpdateSubmitDate`]: '2022-08-20' }),
      errors: [
        {
          pointer: `${status}/lastUpdatePostDateStruct/date`,
          message: /2022-08-18 is too early: it is before the last update submitted date 2022-08-20/,
          related: [`${status}/lastUpdateSubmitDate`],
        },
      ],
    },
    {
      name: 'certification posted before it was submitted',
      record: planted(withDisposition, { [`${status}/dispFirstPostDateStruct/date`]: '2019-02-27' }),
      errors: [
        {
          pointer: `${status}/dispFirstPostDateStruct/date`,
          message:
            /^Certification\/extension first posted date 2019-02-27 is too early: it is before the certification\/extension first submitted date that met QC criteria 2019-03-01/,
          related: [`${status}/dispFirstSubmitQcDate`],
        },
      ],
    },
  ],
});
