import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/analysis-values';
import { corpusRecord, planted, sampleRecord } from './fixtures';

const analysis = '/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/analyses/0';
// Mean difference -6.76, 95% CI -9.03 to -4.49, p "<0.0001", a superiority test.
const record = sampleRecord('NCT00738400');
const name =
  'Analysis 1 of "Change From Baseline in International Index of Erectile Function - Erectile Function Domain (IIEF-EF) Subscore at Week 8 or Last Observation Carried Forward (LOCF)"';
// The third outcome measure's first analysis is a non-inferiority test with its comment.
const nonInferiority = sampleRecord('NCT05372913');
const nonInferiorityAnalysis = '/resultsSection/outcomeMeasuresModule/outcomeMeasures/2/analyses/0';

new RuleTester().run(rule, {
  valid: [
    { name: 'an estimate inside its 95% interval, p "<0.0001" (NCT00738400)', record },
    { name: 'p-values written as bounds: "<0.001", ">0.999" (NCT04984993)', record: sampleRecord('NCT04984993') },
    { name: 'a p-value written "=0.247" (NCT02552212)', record: corpusRecord('NCT02552212') },
    { name: 'a non-inferiority test with its comment (NCT05372913)', record: nonInferiority },
    {
      name: 'p-values of exactly 0 and 1',
      record: planted(record, {
        [`${analysis}/pValue`]: '1',
        '/resultsSection/outcomeMeasuresModule/outcomeMeasures/1/analyses/0/pValue': '0',
      }),
    },
    {
      name: 'a one-sided interval with its upper limit "NA"',
      record: planted(record, { [`${analysis}/ciUpperLimit`]: 'NA' }),
    },
    {
      name: 'analyses that are not a list',
      record: planted(record, { '/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/analyses': 'none' }),
    },
  ],
  invalid: [
    {
      name: 'a p-value of 1.7: an error',
      record: planted(record, { [`${analysis}/pValue`]: '1.7' }),
      errors: [
        {
          pointer: `${analysis}/pValue`,
          severity: 'error',
          message: `${name}: the p-value is 1.7, but a p-value lies between 0 and 1; check whether a test statistic or a percentage was written here.`,
        },
      ],
    },
    {
      name: 'a bound above 1 ("<5") is not a p-value either',
      record: planted(record, { [`${analysis}/pValue`]: '<5' }),
      errors: [
        {
          pointer: `${analysis}/pValue`,
          severity: 'error',
          message: /the p-value is <5, but a p-value lies between 0 and 1/,
        },
      ],
    },
    {
      name: 'a p-value in words: a warning',
      record: planted(record, { [`${analysis}/pValue`]: 'NS' }),
      errors: [
        {
          pointer: `${analysis}/pValue`,
          severity: 'warning',
          message: `${name}: the p-value "NS" is not a number; write it as a number between 0 and 1 (e.g. "0.032") or a bound (e.g. "<0.001"), and put any remark in pValueComment.`,
        },
      ],
    },
    {
      name: 'the limits swapped',
      record: planted(record, { [`${analysis}/ciLowerLimit`]: '-4.49', [`${analysis}/ciUpperLimit`]: '-9.03' }),
      errors: [
        {
          pointer: `${analysis}/ciLowerLimit`,
          severity: 'warning',
          message: `${name}: the confidence interval's lower limit (-4.49) is above its upper limit (-9.03); the two may be swapped.`,
          related: [`${analysis}/ciUpperLimit`],
        },
      ],
    },
    {
      name: 'an estimate above its upper limit',
      record: planted(record, { [`${analysis}/paramValue`]: '6.76' }),
      errors: [
        {
          pointer: `${analysis}/paramValue`,
          message: `${name}: the estimate 6.76 lies outside its confidence interval (upper limit -4.49); the estimate lies between the lower and the upper limit.`,
          related: [`${analysis}/ciUpperLimit`],
        },
      ],
    },
    {
      name: 'a confidence level above 100',
      record: planted(record, { [`${analysis}/ciPctValue`]: '195' }),
      errors: [
        {
          pointer: `${analysis}/ciPctValue`,
          message: `${name}: the confidence level is "195"; write it as a percentage between 0 and 100, e.g. "95" for a 95% confidence interval.`,
        },
      ],
    },
    {
      name: 'a non-inferiority test without its comment',
      record: planted(nonInferiority, { [`${nonInferiorityAnalysis}/nonInferiorityComment`]: undefined }),
      errors: [
        {
          pointer: `${nonInferiorityAnalysis}/nonInferiorityComment`,
          message:
            /is a non-inferiority or equivalence test but does not explain it; give the margin and how it was chosen in nonInferiorityComment\.$/,
          related: [`${nonInferiorityAnalysis}/nonInferiorityType`],
        },
      ],
    },
  ],
});
