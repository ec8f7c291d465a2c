import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/analysis-fields';
import { corpusRecord, planted } from './fixtures';

const measures = '/resultsSection/outcomeMeasuresModule/outcomeMeasures';
// Seven analyses with groupIds, nonInferiorityType, pValue and an estimate.
const record = corpusRecord('NCT02210780');
const analysis = `${measures}/3/analyses/0`;
// Analyses with an estimate (hazard ratio) and no p-value.
const estimatesOnly = corpusRecord('NCT02513394');

new RuleTester().run(rule, {
  valid: [
    { name: 'complete analyses (NCT02210780)', record },
    { name: 'an estimate without p-value is enough (NCT02513394)', record: estimatesOnly },
    { name: 'twelve analyses (NCT02552212)', record: corpusRecord('NCT02552212') },
    {
      name: 'a p-value alone',
      record: planted(record, { [`${analysis}/paramType`]: undefined, [`${analysis}/paramValue`]: undefined }),
    },
    {
      name: 'another method described instead',
      record: planted(record, {
        [`${analysis}/paramType`]: undefined,
        [`${analysis}/paramValue`]: undefined,
        [`${analysis}/pValue`]: undefined,
        [`${analysis}/otherAnalysisDescription`]: 'Descriptive comparison only.',
      }),
    },
    { name: 'an analysis that is not an object', record: planted(record, { [analysis]: 'analysis' }) },
    { name: 'analyses that are not a list', record: planted(record, { [`${measures}/3/analyses`]: { groupIds: [] } }) },
    { name: 'a record without results', record: corpusRecord('NCT03418623') },
  ],
  invalid: [
    {
      name: 'no groups compared',
      record: planted(record, { [`${analysis}/groupIds`]: [] }),
      errors: [
        {
          pointer: `${analysis}/groupIds`,
          severity: 'warning',
          message:
            /^Analysis 1 of "Percentage of Participants Achieving an Investigator's Global Assessment .*" does not say which groups it compares/,
        },
      ],
    },
    {
      name: 'groupIds missing',
      record: planted(record, { [`${analysis}/groupIds`]: undefined }),
      errors: [
        {
          pointer: `${analysis}/groupIds`,
          message: /does not say which groups it compares; list their ids in groupIds/,
        },
      ],
    },
    {
      name: 'no type of statistical test',
      record: planted(record, { [`${analysis}/nonInferiorityType`]: undefined }),
      errors: [
        {
          pointer: `${analysis}/nonInferiorityType`,
          message: /has no type of statistical test; set nonInferiorityType/,
        },
      ],
    },
    {
      name: 'no result at all',
      record: planted(record, {
        [`${analysis}/pValue`]: undefined,
        [`${analysis}/paramType`]: undefined,
        [`${analysis}/paramValue`]: undefined,
      }),
      errors: [
        {
          pointer: `${analysis}/pValue`,
          message:
            /reports no result: give a p-value \(pValue\), an estimated parameter \(paramType and paramValue\), or describe the method/,
        },
      ],
    },
    {
      name: 'an estimate without its value, and nothing else: two findings',
      record: planted(estimatesOnly, { [`${measures}/1/analyses/0/paramValue`]: ' ' }),
      errors: [
        {
          pointer: `${measures}/1/analyses/0/paramValue`,
          message:
            /^Analysis 1 of "Invasive Disease Free Survival .*" gives an estimated parameter's type but not its value; add paramValue/,
          related: [`${measures}/1/analyses/0/paramType`],
        },
        { pointer: `${measures}/1/analyses/0/pValue`, message: /reports no result/ },
      ],
    },
    {
      name: 'an estimate value without its type, next to a p-value',
      record: planted(record, { [`${analysis}/paramType`]: undefined }),
      errors: [
        {
          pointer: `${analysis}/paramType`,
          message: /gives an estimated parameter's value but not its type; add paramType/,
          related: [`${analysis}/paramValue`],
        },
      ],
    },
  ],
});
