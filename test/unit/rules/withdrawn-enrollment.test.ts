import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/withdrawn-enrollment';
import { corpusRecord, planted } from './fixtures';

const overall = '/protocolSection/statusModule/overallStatus';
const enrollment = '/protocolSection/designModule/enrollmentInfo';
// WITHDRAWN with {"count": 0, "type": "ACTUAL"}.
const withdrawn = corpusRecord('NCT00973089');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real withdrawn record', record: withdrawn },
    { name: 'other statuses are not concerned', record: corpusRecord('NCT03418623') },
    {
      name: 'a withdrawn record without enrollment (left to required-fields)',
      record: planted(withdrawn, { [enrollment]: undefined }),
    },
    {
      name: 'a withdrawn record with only the count',
      record: planted(withdrawn, { [`${enrollment}/type`]: undefined }),
    },
    { name: 'enrollment of the wrong type', record: planted(withdrawn, { [enrollment]: [40, 'ESTIMATED'] }) },
  ],
  invalid: [
    {
      name: 'the target enrollment left in place',
      record: planted(withdrawn, { [enrollment]: { count: 40, type: 'ESTIMATED' } }),
      errors: [
        {
          pointer: `${enrollment}/count`,
          severity: 'warning',
          message:
            /^Enrollment has a count of 40 and the type ESTIMATED, but the status is WITHDRAWN; a withdrawn study enrolled nobody, so its enrollment is 0, ACTUAL/,
          related: [overall],
        },
      ],
      output: withdrawn,
    },
    {
      name: 'a count of 0 marked ESTIMATED',
      record: planted(withdrawn, { [`${enrollment}/type`]: 'ESTIMATED' }),
      errors: [{ pointer: `${enrollment}/type`, message: /has the type ESTIMATED/ }],
      output: withdrawn,
    },
    {
      name: 'an ACTUAL count above 0: participants were enrolled, so the status may be wrong (suggestion only)',
      record: planted(withdrawn, { [`${enrollment}/count`]: 12 }),
      errors: [
        {
          pointer: `${enrollment}/count`,
          message:
            /^Enrollment has a count of 12, but the status is WITHDRAWN; .*if participants were enrolled, the status is TERMINATED/,
        },
      ],
      output: planted(withdrawn, { [`${enrollment}/count`]: 12 }),
    },
  ],
});

describe('withdrawn-enrollment suggestions', () => {
  it('offers 0, ACTUAL only as a suggestion when an ACTUAL count says participants were enrolled', () => {
    const [finding] = new RuleTester().findings(rule, { record: planted(withdrawn, { [`${enrollment}/count`]: 12 }) });
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions?.[0].changes).toEqual([
      { op: 'set', pointer: `${enrollment}/count`, value: 0 },
      { op: 'set', pointer: `${enrollment}/type`, value: 'ACTUAL' },
    ]);
  });
});
