import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/outcome-switched';
import { corpusRecord, planted } from './fixtures';

const outcomes = '/protocolSection/outcomesModule';
const start = '/protocolSection/statusModule/startDateStruct';
// Started 2018-03-08 (ACTUAL); one primary outcome and two secondary ones.
const started = corpusRecord('NCT03418623');
const primary = started.protocolSection.outcomesModule.primaryOutcomes[0];
const secondary = started.protocolSection.outcomesModule.secondaryOutcomes;
// NOT_YET_RECRUITING, start 2024-02-01 ESTIMATED.
const notStarted = corpusRecord('NCT06171568');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    {
      name: 'no earlier version to compare with',
      record: planted(started, { [`${outcomes}/primaryOutcomes/0/measure`]: 'Something else' }),
    },
    { name: 'the same outcomes', record: started, previous: started },
    {
      name: 'outcomes reordered: matched by title, not position',
      record: planted(started, { [`${outcomes}/secondaryOutcomes`]: [secondary[1], secondary[0]] }),
      previous: started,
    },
    {
      name: 'a description reworded',
      record: planted(started, { [`${outcomes}/primaryOutcomes/0/description`]: 'Reworded.' }),
      previous: started,
    },
    {
      name: 'the title differs only in case and spaces',
      record: planted(started, { [`${outcomes}/primaryOutcomes/0/measure`]: ` ${primary.measure.toUpperCase()} ` }),
      previous: started,
    },
    {
      name: 'before the study started (ESTIMATED start)',
      record: planted(notStarted, { [`${outcomes}/primaryOutcomes/0/measure`]: 'Another measure' }),
      previous: notStarted,
    },
    {
      name: 'an ACTUAL start still ahead',
      record: planted(started, {
        [`${start}/date`]: '2027-01-10',
        [`${outcomes}/primaryOutcomes/0/measure`]: 'Another',
      }),
      previous: started,
    },
    {
      name: 'other outcomes are not pre-specified primary or secondary ones',
      record: planted(started, { [`${outcomes}/otherOutcomes`]: [{ measure: 'Exploratory', timeFrame: '1 week' }] }),
      previous: started,
    },
  ],
  invalid: [
    {
      name: 'the primary outcome renamed after the start: old and new title and time frame',
      record: planted(started, {
        [`${outcomes}/primaryOutcomes/0/measure`]: 'Craving score',
        [`${outcomes}/primaryOutcomes/0/timeFrame`]: 'Week 12',
      }),
      previous: started,
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes/0/measure`,
          severity: 'warning',
          message: `Primary outcome "${primary.measure}" (time frame "${primary.timeFrame}") became "Craving score" (time frame "Week 12") after the study started (2018-03-08): a change of outcomes after the start is outcome switching unless the record says why: explain it where readers of the record and its history will see it (for example in the detailed description).`,
          related: [`${start}/date`],
        },
      ],
    },
    {
      name: 'a time frame changed',
      record: planted(started, { [`${outcomes}/secondaryOutcomes/1/timeFrame`]: 'Week 8' }),
      previous: started,
      errors: [
        {
          pointer: `${outcomes}/secondaryOutcomes/1/timeFrame`,
          message:
            /^Time frame of the secondary outcome "Change in the blood oxygenation level dependent \(BOLD\) signal to alcohol cues" changed from "After 5 doses of medication\.\.\." to "Week 8" after the study started \(2018-03-08\)/,
        },
      ],
    },
    {
      name: 'a secondary outcome added',
      record: planted(started, {
        [`${outcomes}/secondaryOutcomes/2`]: { measure: 'Sleep quality', timeFrame: 'Week 4' },
      }),
      previous: started,
      errors: [
        {
          pointer: `${outcomes}/secondaryOutcomes/2/measure`,
          message: /^Secondary outcome "Sleep quality" was added after the study started/,
        },
      ],
    },
    {
      name: 'a secondary outcome removed',
      record: planted(started, { [`${outcomes}/secondaryOutcomes/0`]: undefined }),
      previous: started,
      errors: [
        {
          pointer: `${outcomes}/secondaryOutcomes`,
          message:
            /^Secondary outcome "Concentrations of GABA in dorsal\.\.\." \(time frame "After 5 doses of medication\.\.\."\) was removed after the study started/,
        },
      ],
    },
    {
      name: 'a secondary outcome promoted to primary: one added there, one removed here',
      record: planted(started, {
        [`${outcomes}/primaryOutcomes/1`]: secondary[1],
        [`${outcomes}/secondaryOutcomes/1`]: undefined,
      }),
      previous: started,
      errors: [
        {
          pointer: `${outcomes}/primaryOutcomes/1/measure`,
          message: /^Primary outcome "Change in the blood oxygenation .*" was added/,
        },
        {
          pointer: `${outcomes}/secondaryOutcomes`,
          message: /^Secondary outcome "Change in the blood oxygenation .*" \(time frame .*\) was removed/,
        },
      ],
    },
  ],
});
