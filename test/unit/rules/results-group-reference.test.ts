import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/results-group-reference';
import { corpusRecord, planted } from './fixtures';

const flow = '/resultsSection/participantFlowModule';
const baseline = '/resultsSection/baselineCharacteristicsModule';
const measures = '/resultsSection/outcomeMeasuresModule/outcomeMeasures';
const adverseEvents = '/resultsSection/adverseEventsModule';
// Two flow periods, groups FG000–FG002, BG000–BG002, OG000/OG001 per measure, EG000–EG004.
const record = corpusRecord('NCT02552212');
// 1.5 MB: 4,058 adverse-event stats and two event groups.
const large = corpusRecord('NCT02513394');

new RuleTester().run(rule, {
  valid: [
    { name: 'every reference resolves (NCT02552212)', record },
    { name: 'every reference resolves in a 1.5 MB record (NCT02513394)', record: large },
    { name: 'a record without results (NCT03418623)', record: corpusRecord('NCT03418623') },
    { name: 'results that are not an object', record: planted(record, { '/resultsSection': [] }) },
    {
      name: 'a group id of the wrong type is left to the schema',
      record: planted(record, { [`${flow}/periods/0/milestones/0/achievements/0/groupId`]: 0 }),
    },
    {
      name: 'null measurements and categories',
      record: planted(record, {
        [`${baseline}/measures/0/classes/0/categories/0/measurements`]: null,
        [`${baseline}/measures/0/classes/0/categories/1`]: null,
      }),
    },
    {
      name: 'an achievement without groupId',
      record: planted(record, { [`${flow}/periods/0/milestones/0/achievements/0/groupId`]: undefined }),
    },
  ],
  invalid: [
    {
      name: 'a flow group that does not exist, with several close ids: no automatic fix',
      record: planted(record, { [`${flow}/periods/0/milestones/0/achievements/2/groupId`]: 'FG003' }),
      errors: [
        {
          pointer: `${flow}/periods/0/milestones/0/achievements/2/groupId`,
          severity: 'error',
          message: '"FG003" is not a group of the participant flow; its groups are FG000, FG001 and FG002.',
          related: [`${flow}/groups`],
        },
      ],
      output: planted(record, { [`${flow}/periods/0/milestones/0/achievements/2/groupId`]: 'FG003' }),
    },
    {
      name: 'a drop-out reason in the second period with a typo',
      record: planted(record, { [`${flow}/periods/1/dropWithdraws/0/reasons/0/groupId`]: 'FG0001' }),
      errors: [
        {
          pointer: `${flow}/periods/1/dropWithdraws/0/reasons/0/groupId`,
          message: /"FG0001" is not a group of the participant flow .*did you mean "FG001"\?/,
        },
      ],
      output: planted(record, { [`${flow}/periods/1/dropWithdraws/0/reasons/0/groupId`]: 'FG001' }),
    },
    {
      name: 'an outcome group id used in the baseline: same number, baseline prefix',
      record: planted(record, { [`${baseline}/measures/0/classes/0/categories/1/measurements/1/groupId`]: 'OG001' }),
      errors: [
        {
          pointer: `${baseline}/measures/0/classes/0/categories/1/measurements/1/groupId`,
          message: /"OG001" is not a group of the baseline characteristics .*did you mean "BG001"\?/,
          related: [`${baseline}/groups`],
        },
      ],
      output: record,
    },
    {
      name: 'a baseline denominator',
      record: planted(record, { [`${baseline}/denoms/0/counts/2/groupId`]: 'BG2' }),
      errors: [{ pointer: `${baseline}/denoms/0/counts/2/groupId`, message: /did you mean "BG002"/ }],
      output: record,
    },
    {
      name: 'an analysis of an outcome measure names a group in the wrong case',
      record: planted(record, { [`${measures}/0/analyses/0/groupIds/1`]: 'og001' }),
      errors: [
        {
          pointer: `${measures}/0/analyses/0/groupIds/1`,
          message:
            /"og001" is not a group of outcome measure "Percentage of Subjects With Ankylosing .*did you mean "OG001"\?/,
          related: [`${measures}/0/groups`],
        },
      ],
      output: record,
    },
    {
      name: "outcome groups belong to their own measure: OG002 of another measure doesn't count",
      record: planted(record, { [`${measures}/0/denoms/0/counts/1/groupId`]: 'OG002' }),
      errors: [
        {
          pointer: `${measures}/0/denoms/0/counts/1/groupId`,
          message: /"OG002" is not a group of outcome measure .*; its groups are OG000 and OG001\.$/,
        },
      ],
    },
    {
      name: 'an adverse-event stat in the 1.5 MB record',
      record: planted(large, { [`${adverseEvents}/otherEvents/100/stats/0/groupId`]: 'EG0' }),
      errors: [
        {
          pointer: `${adverseEvents}/otherEvents/100/stats/0/groupId`,
          message: /"EG0" is not a group of the adverse events .*did you mean "EG000"\?/,
          related: [`${adverseEvents}/eventGroups`],
        },
      ],
    },
    {
      name: 'flow groups removed: one finding, not one per reference',
      record: planted(record, { [`${flow}/groups`]: undefined }),
      errors: [
        {
          pointer: `${flow}/groups`,
          message: /^Participant flow refers to group "FG000" and \d+ more group references, but declares no group ids/,
        },
      ],
    },
    {
      name: 'groups declared without ids count as none',
      record: planted(record, { [`${measures}/0/groups`]: [{ title: 'Placebo' }, { title: 'CZP' }] }),
      errors: [
        {
          pointer: `${measures}/0/groups`,
          message:
            /^Outcome measure "Percentage of Subjects .*" refers to group "OG000" and \d+ more group references, but declares no group ids/,
        },
      ],
    },
  ],
});
