import { describe, expect, it } from 'vitest';
import {
  periodOf,
  predates,
  submissionDate,
  surelyOnOrAfter,
} from '../../../server/src/rules/support/registry-periods';
import { planted, sampleRecord } from './fixtures';

// First submitted 2005-11-18, last updated 2022-08-10.
const legacy = sampleRecord('NCT00256399');
const status = '/protocolSection/statusModule';

describe('registry periods', () => {
  it('reads the submission dates of a published record, and none of a record being written', () => {
    expect(submissionDate(legacy, 'first-submission')).toBe('2005-11-18');
    expect(submissionDate(legacy, 'last-update')).toBe('2022-08-10');
    expect(
      submissionDate(planted(legacy, { [`${status}/studyFirstSubmitDate`]: undefined }), 'first-submission'),
    ).toBeUndefined();
    expect(
      submissionDate(planted(legacy, { [`${status}/studyFirstSubmitDate`]: '2005-11' }), 'first-submission'),
    ).toBeUndefined();
    expect(submissionDate('not a record', 'last-update')).toBeUndefined();
  });

  it('places a date in the period the registry knew it by', () => {
    expect([undefined, '2007-09-26', '2007-09-27', '2017-01-17', '2017-01-18'].map(periodOf)).toEqual([
      'unsubmitted',
      'before-fdaaa',
      'fdaaa',
      'fdaaa',
      'final-rule',
    ]);
  });

  it('says whether a record predates a requirement, by its first submission or its last update', () => {
    expect(predates(legacy, { since: '2007-09-27', by: 'first-submission' })).toBe(true);
    expect(predates(legacy, { since: '2017-01-18', by: 'last-update' })).toBe(false);
    expect(predates(legacy, { since: '2005-11-18', by: 'first-submission' })).toBe(false);
    expect(
      predates(planted(legacy, { [`${status}/studyFirstSubmitDate`]: undefined }), {
        since: '2007-09-27',
        by: 'first-submission',
      }),
    ).toBe(false);
  });

  it('counts a partial date as on or after a day only when its earliest day is', () => {
    expect(['2017-01', '2017', '2017-01-17', 'soon', 2018].map((date) => surelyOnOrAfter(date, '2017-01-18'))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['2017-02', '2018', '2017-01-18'].map((date) => surelyOnOrAfter(date, '2017-01-18'))).toEqual([
      true,
      true,
      true,
    ]);
  });
});
