import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/primary-outcome-required';
import { corpusRecord, planted } from './fixtures';

const outcomes = '/protocolSection/outcomesModule';
const interventional = corpusRecord('NCT03418623');
// Started 2004-05 and accepted without any outcome measures.
const older = corpusRecord('NCT00184067');

const tester = new RuleTester();
tester.run(rule, {
  valid: [
    { name: 'an interventional study with a primary outcome', record: interventional },
    { name: 'an observational study with a primary outcome', record: corpusRecord('NCT06171568') },
    {
      name: 'expanded access records have no outcomes',
      record: planted(interventional, {
        '/protocolSection/designModule/studyType': 'EXPANDED_ACCESS',
        [outcomes]: undefined,
      }),
    },
    {
      name: 'no study type: nothing to require yet',
      record: planted(interventional, { '/protocolSection/designModule/studyType': undefined, [outcomes]: undefined }),
    },
    {
      name: "a list of the wrong type is the schema's finding",
      record: planted(interventional, { [`${outcomes}/primaryOutcomes`]: 'GABA concentration' }),
    },
  ],
  invalid: [
    {
      name: 'no primary outcome in a study that started after the Final Rule date',
      record: planted(interventional, { [`${outcomes}/primaryOutcomes`]: [] }),
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes`,
          severity: 'error',
          message:
            'No primary outcome measure (primaryOutcomes): an interventional study needs at least one, each with a title and a time frame.',
        },
      ],
    },
    {
      name: 'no outcomes module in an observational study',
      record: planted(corpusRecord('NCT06171568'), { [outcomes]: undefined }),
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes`,
          severity: 'error',
          message: /^No primary outcome measure \(primaryOutcomes\): an observational study needs/,
        },
      ],
    },
    {
      name: 'a real record of 2004 accepted without outcomes: a warning',
      record: older,
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes`,
          severity: 'warning',
          message: /This study started 2004-05, before 2017-01-18/,
        },
      ],
    },
    {
      name: 'the strict preset option makes it an error for older studies too',
      record: older,
      options: { finalRule: 'always' },
      errors: [{ pointer: `${outcomes}/primaryOutcomes`, severity: 'error' }],
    },
  ],
});

describe('primary-outcome-required suggestions', () => {
  it('offers an outcomes module with an empty primary outcome when the module is missing', () => {
    const [finding] = tester.findings(rule, { record: older });
    expect(finding.suggestions?.[0].changes).toEqual([
      { op: 'set', pointer: outcomes, value: { primaryOutcomes: [{ measure: '', timeFrame: '' }] } },
    ]);
  });

  it('offers an empty primary outcome inside an existing module', () => {
    const [finding] = tester.findings(rule, {
      record: planted(interventional, { [`${outcomes}/primaryOutcomes`]: undefined }),
    });
    expect(finding.suggestions?.[0].changes).toEqual([
      { op: 'set', pointer: `${outcomes}/primaryOutcomes`, value: [{ measure: '', timeFrame: '' }] },
    ]);
  });
});
