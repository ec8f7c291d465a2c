import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/results-content-removed';
import { corpusRecord, planted } from './fixtures';

const arms = '/protocolSection/armsInterventionsModule';
const outcomes = '/protocolSection/outcomesModule';
// Results posted; arms "Placebo qw" and "Dupilumab 300 mg qw"; interventions Drug: Dupilumab and Drug: Placebo.
const withResults = corpusRecord('NCT02210780');
// No results.
const withoutResults = corpusRecord('NCT03418623');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'no earlier version', record: planted(withResults, { [`${arms}/armGroups/0`]: undefined }) },
    { name: 'nothing removed', record: withResults, previous: withResults },
    {
      name: 'a record without results may drop an arm',
      record: planted(withoutResults, { [`${arms}/armGroups/1`]: undefined }),
      previous: withoutResults,
    },
    {
      name: 'an arm added',
      record: planted(withResults, {
        [`${arms}/armGroups/2`]: { label: 'Open-label extension', type: 'EXPERIMENTAL' },
      }),
      previous: withResults,
    },
  ],
  invalid: [
    {
      name: 'an arm removed from a record with results',
      record: planted(withResults, { [`${arms}/armGroups/0`]: undefined }),
      previous: withResults,
      errors: [
        {
          pointer: `${arms}/armGroups`,
          severity: 'warning',
          message:
            'Arm "Placebo qw" was removed from a record with results: the results describe it, so the protocol section keeps it (correct its text instead, and the results with it).',
        },
      ],
    },
    {
      name: 'an intervention removed',
      record: planted(withResults, { [`${arms}/interventions/1`]: undefined }),
      previous: withResults,
      errors: [{ pointer: `${arms}/interventions`, message: /^Intervention "Drug: Placebo" was removed/ }],
    },
    {
      name: 'the primary outcome removed',
      record: planted(withResults, { [`${outcomes}/primaryOutcomes`]: [] }),
      previous: withResults,
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes`,
          message: /^Primary outcome "Percentage of Participants With a Positive Response/,
        },
      ],
    },
  ],
});
