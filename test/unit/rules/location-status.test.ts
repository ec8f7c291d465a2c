import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/location-status';
import { corpusRecord, planted } from './fixtures';

const overall = '/protocolSection/statusModule/overallStatus';
const locations = '/protocolSection/contactsLocationsModule/locations';
// RECRUITING; 11 locations, only location 5 RECRUITING, the others NOT_YET_RECRUITING.
const recruiting = corpusRecord('NCT05147467');
// UNKNOWN with its 3 locations still RECRUITING: the registry stopped hearing from it.
const unknown = corpusRecord('NCT03475563');
// RECRUITING with 1148 sites, recruiting, suspended or active.
const manySites = corpusRecord('NCT04267848');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real recruiting record with recruiting sites', record: recruiting },
    { name: 'a real record with 1148 sites', record: manySites },
    { name: 'a real UNKNOWN record with a recruiting site', record: unknown },
    {
      name: 'no recruiting site',
      record: planted(recruiting, { [overall]: 'NOT_YET_RECRUITING', [`${locations}/5/status`]: 'NOT_YET_RECRUITING' }),
    },
    { name: 'an expanded access record is not judged', record: planted(recruiting, { [overall]: 'AVAILABLE' }) },
    {
      name: 'locations of the wrong type',
      record: planted(recruiting, { [overall]: 'COMPLETED', [locations]: { status: 'RECRUITING' } }),
    },
    {
      name: 'location entries of the wrong type',
      record: planted(recruiting, { [overall]: 'COMPLETED', [locations]: ['RECRUITING', null, 3] }),
    },
  ],
  invalid: [
    {
      name: 'ACTIVE_NOT_RECRUITING while a site still recruits',
      record: planted(recruiting, { [overall]: 'ACTIVE_NOT_RECRUITING' }),
      errors: [
        {
          pointer: `${locations}/5/status`,
          severity: 'warning',
          message:
            'Location RECRUITING while the overall status is ACTIVE_NOT_RECRUITING; while any site recruits the study is RECRUITING. Update the site statuses or the overall status.',
          related: [overall],
        },
      ],
      output: planted(recruiting, { [overall]: 'ACTIVE_NOT_RECRUITING' }),
    },
    {
      name: 'COMPLETED with three sites left RECRUITING: one finding at the first',
      record: planted(unknown, { [overall]: 'COMPLETED', '/protocolSection/statusModule/lastKnownStatus': undefined }),
      errors: [
        {
          pointer: `${locations}/0/status`,
          message: /^Location RECRUITING \(and 2 more\) while the overall status is COMPLETED/,
        },
      ],
    },
    {
      name: 'the large real record marked SUSPENDED: one finding, not one per site',
      record: planted(manySites, { [overall]: 'SUSPENDED' }),
      errors: [
        {
          pointer: `${locations}/6/status`,
          message: /RECRUITING \(and \d+ more\) while the overall status is SUSPENDED/,
        },
      ],
    },
  ],
});

describe('location-status suggestions', () => {
  it('suggests RECRUITING as the overall status, without fixing it', () => {
    const [finding] = new RuleTester().findings(rule, {
      record: planted(recruiting, { [overall]: 'ACTIVE_NOT_RECRUITING' }),
    });
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions).toEqual([
      {
        title: 'Set the overall status to RECRUITING',
        changes: [{ op: 'set', pointer: overall, value: 'RECRUITING' }],
      },
    ]);
  });
});
