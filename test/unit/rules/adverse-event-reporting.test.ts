import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/adverse-event-reporting';
import { planted, sampleRecord } from './fixtures';

const events = '/resultsSection/adverseEventsModule';
// Primary completion 2017-12 (Final Rule); threshold 5%; six other events, each ≥ 5% in one of two groups of 36.
const record = sampleRecord('NCT02593396');
// Primary completion 2010-07, before the Final Rule: no time frame, no mortality table.
const older = sampleRecord('NCT01150903');

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
  ],
});
