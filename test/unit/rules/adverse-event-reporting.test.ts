import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/adverse-event-reporting';
import { planted, sampleRecord } from './fixtures';

const events = '/resultsSection/adverseEventsModule';
// Primary completion 2017-12 (Final Rule); threshold 5%; six other events, each ≥ 5% in one of two groups of 36.
const record = sampleRecord('NCT02593396');
// Primary completion 2010-07, before the Final Rule: no time frame, no mortality table.
const older = sampleRecord('NCT01150903');
// Results submitted 2021: its one group had nobody at risk, which the description explains.
const nobodyAtRisk = sampleRecord('NCT04326231');
// Results submitted 2013, before the registry asked: group EG000 had nobody at risk, and no description.
const nobodyAtRiskEarly = sampleRecord('NCT00848497');
const zeroAtRiskMessage =
  'Event group EG000 ("Primary") has 0 participants at risk without saying why; explain it in the adverse event description (description), e.g. "No participant was assigned to this group before the study stopped, so no events were collected."';

new RuleTester().run(rule, {
  valid: [
    { name: 'threshold 5%, every other event above it (NCT02593396)', record },
    { name: 'threshold 0, serious events with their vocabulary (NCT00867815)', record: sampleRecord('NCT00867815') },
    { name: 'before the Final Rule: no time frame and no mortality table are asked (NCT01150903)', record: older },
    {
      name: 'an event at 4.76% (1 of 21) passes a 5% threshold as rounded',
      record: planted(record, {
        [`${events}/otherEvents/0/stats/1`]: { groupId: 'EG001', numEvents: 1, numAffected: 1, numAtRisk: 21 },
      }),
    },
    { name: 'a record without results (NCT00000410)', record: sampleRecord('NCT00000410') },
    { name: 'nobody at risk, explained in the description (NCT04326231)', record: nobodyAtRisk },
    {
      name: 'nobody at risk and no description, results submitted before June 2018 (NCT00848497)',
      record: nobodyAtRiskEarly,
    },
  ],
  invalid: [
    {
      name: 'a threshold above 5%',
      record: planted(record, { [`${events}/frequencyThreshold`]: '10' }),
      errors: [
        {
          pointer: `${events}/frequencyThreshold`,
          severity: 'warning',
          message:
            'Frequency threshold for other adverse events is "10"; it is a percentage from 0 to 5 (0 reports every event), written as a number.',
        },
      ],
    },
    {
      name: 'an other event below the threshold in every group',
      record: planted(record, {
        [`${events}/otherEvents/4/stats/0/numAffected`]: 1,
        [`${events}/otherEvents/4/stats/0/numEvents`]: 1,
      }),
      errors: [
        {
          pointer: `${events}/otherEvents/4`,
          message:
            'Other adverse event "nausea" is below the reporting threshold of 5%: it affects at most 2.8% of the participants at risk in any group; remove it, or lower the threshold.',
          related: [`${events}/frequencyThreshold`],
        },
      ],
    },
    {
      name: 'Final Rule: no time frame',
      record: planted(record, { [`${events}/timeFrame`]: undefined }),
      errors: [
        {
          pointer: `${events}/timeFrame`,
          message: /^No time frame for the adverse events: they do not say over which time frame they were collected/,
        },
      ],
    },
    {
      name: 'Final Rule: no all-cause mortality counts',
      record: planted(record, { [`${events}/eventGroups/1/deathsNumAffected`]: undefined }),
      errors: [
        {
          pointer: `${events}/eventGroups/1`,
          message:
            'Event group EG001 has no all-cause mortality counts; give the deaths (deathsNumAffected) and the participants at risk (deathsNumAtRisk) for every group.',
        },
      ],
    },
    {
      name: 'Final Rule: a serious event without its vocabulary',
      record: planted(sampleRecord('NCT00867815'), { [`${events}/seriousEvents/0/sourceVocabulary`]: undefined }),
      errors: [
        {
          pointer: `${events}/seriousEvents/0`,
          message:
            '1 of 1 serious adverse event have no source vocabulary (the first is here); give the vocabulary of each term, e.g. "MedDRA 25.0".',
        },
      ],
    },
    {
      name: 'finalRule "always" asks the time frame and the mortality table of an older record too',
      record: older,
      options: { finalRule: 'always' },
      errors: [
        {
          pointer: `${events}/timeFrame`,
          message: /^No time frame for the adverse events: they do not say over which time frame/,
        },
        { pointer: `${events}/eventGroups/0`, message: /^Event group EG000 has no all-cause mortality counts/ },
      ],
    },
    {
      name: 'nobody at risk without a description',
      record: planted(nobodyAtRisk, { [`${events}/description`]: undefined }),
      errors: [{ pointer: `${events}/description`, severity: 'warning', message: zeroAtRiskMessage }],
    },
    {
      name: 'a blank description explains nothing; every count of a group counts (here only deaths at risk is 0)',
      record: planted(nobodyAtRisk, {
        [`${events}/description`]: '  ',
        [`${events}/eventGroups/0/seriousNumAtRisk`]: 4,
        [`${events}/eventGroups/0/otherNumAtRisk`]: 4,
      }),
      errors: [{ pointer: `${events}/description`, message: zeroAtRiskMessage }],
    },
    {
      name: 'two groups with nobody at risk are named in one finding',
      record: planted(record, {
        [`${events}/description`]: undefined,
        [`${events}/eventGroups/0/seriousNumAtRisk`]: 0,
        [`${events}/eventGroups/1/otherNumAtRisk`]: 0,
      }),
      errors: [
        {
          pointer: `${events}/description`,
          message:
            /^Event groups EG000 \("Placebo"\), EG001 \("Active"\) have 0 participants at risk without saying why/,
        },
      ],
    },
    {
      name: 'finalRule "always" asks it of results submitted before June 2018 too',
      record: nobodyAtRiskEarly,
      options: { finalRule: 'always' },
      errors: [
        {
          pointer: `${events}/description`,
          message: /^Event group EG000 \("Arm 1"\) has 0 participants at risk without saying why/,
        },
        { pointer: `${events}/eventGroups/0`, message: /^Event group EG000 has no all-cause mortality counts/ },
      ],
    },
  ],
});
