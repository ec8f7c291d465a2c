import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/adverse-event-counts';
import { corpusRecord, planted } from './fixtures';

const adverseEvents = '/resultsSection/adverseEventsModule';
// Five event groups; stats with numEvents, numAffected and numAtRisk (first serious event: "Glaucoma").
const record = corpusRecord('NCT02552212');

new RuleTester().run(rule, {
  valid: [
    { name: 'real counts (NCT02552212)', record },
    { name: '4,058 real stats (NCT02513394, 1.5 MB)', record: corpusRecord('NCT02513394') },
    { name: 'stats without numEvents (NCT02210780)', record: corpusRecord('NCT02210780') },
    {
      name: 'affected equal to at risk, events equal to affected',
      record: planted(record, {
        [`${adverseEvents}/seriousEvents/0/stats/1`]: {
          groupId: 'EG001',
          numEvents: 159,
          numAffected: 159,
          numAtRisk: 159,
        },
        [`${adverseEvents}/eventGroups/0/seriousNumAffected`]: 158,
      }),
    },
    {
      name: 'counts of the wrong type are left to the schema',
      record: planted(record, {
        [`${adverseEvents}/seriousEvents/0/stats/1/numAffected`]: '500',
        [`${adverseEvents}/eventGroups/0/deathsNumAffected`]: '999',
      }),
    },
    {
      name: 'an at-risk count missing',
      record: planted(record, {
        [`${adverseEvents}/seriousEvents/0/stats/1/numAtRisk`]: undefined,
        [`${adverseEvents}/seriousEvents/0/stats/1/numAffected`]: 500,
        [`${adverseEvents}/seriousEvents/0/stats/1/numEvents`]: 500,
      }),
    },
    {
      name: 'stats that are not objects',
      record: planted(record, {
        [`${adverseEvents}/seriousEvents/0/stats/0`]: null,
        [`${adverseEvents}/seriousEvents/1/stats`]: 'none',
      }),
    },
  ],
  invalid: [
    {
      name: 'more participants affected than at risk for one term',
      record: planted(record, {
        [`${adverseEvents}/seriousEvents/0/stats/1/numAffected`]: 160,
        [`${adverseEvents}/seriousEvents/0/stats/1/numEvents`]: 160,
      }),
      errors: [
        {
          pointer: `${adverseEvents}/seriousEvents/0/stats/1/numAffected`,
          severity: 'error',
          message:
            'Serious adverse event "Glaucoma" in group EG001 ("CZP 200 mg Q2W (SS)"): 160 participants affected, but only 159 at risk; the number affected can\'t exceed the number at risk.',
          related: [`${adverseEvents}/seriousEvents/0/stats/1/numAtRisk`],
        },
      ],
    },
    {
      name: 'fewer events than affected participants',
      record: planted(record, { [`${adverseEvents}/seriousEvents/0/stats/1/numAffected`]: 2 }),
      errors: [
        {
          pointer: `${adverseEvents}/seriousEvents/0/stats/1/numEvents`,
          message: /1 event for 2 affected participants; every affected participant had at least one event/,
          related: [`${adverseEvents}/seriousEvents/0/stats/1/numAffected`],
        },
      ],
    },
    {
      name: 'both at once in an other (not serious) event',
      record: planted(record, { [`${adverseEvents}/otherEvents/0/stats/0/numAffected`]: 1000 }),
      errors: [
        {
          pointer: `${adverseEvents}/otherEvents/0/stats/0/numAffected`,
          message:
            /^Other adverse event ".+" in group EG000 \("Placebo \(SS\)"\): 1000 participants affected, but only 158 at risk/,
        },
        { pointer: `${adverseEvents}/otherEvents/0/stats/0/numEvents`, message: /for 1000 affected participants/ },
      ],
    },
    {
      name: 'a stat naming an undeclared group still gets its id in the message',
      record: planted(record, {
        [`${adverseEvents}/seriousEvents/0/stats/0`]: { groupId: 'EG009', numEvents: 1, numAffected: 3, numAtRisk: 2 },
      }),
      errors: [
        {
          pointer: `${adverseEvents}/seriousEvents/0/stats/0/numAffected`,
          message: /in group "EG009": 3 participants affected, but only 2 at risk/,
        },
        {
          pointer: `${adverseEvents}/seriousEvents/0/stats/0/numEvents`,
          message: /1 event for 3 affected participants/,
        },
      ],
    },
    {
      name: "an event group's serious total above its participants at risk",
      record: planted(record, { [`${adverseEvents}/eventGroups/3/seriousNumAffected`]: 21 }),
      errors: [
        {
          pointer: `${adverseEvents}/eventGroups/3/seriousNumAffected`,
          message:
            'Group EG003 ("CZP->OL CZP (SS)"): 21 participants affected by serious adverse events, but only 20 at risk; the number affected can\'t exceed the number at risk.',
          related: [`${adverseEvents}/eventGroups/3/seriousNumAtRisk`],
        },
      ],
    },
    {
      name: 'deaths and other totals too',
      record: planted(record, {
        [`${adverseEvents}/eventGroups/0/deathsNumAffected`]: 200,
        [`${adverseEvents}/eventGroups/0/otherNumAtRisk`]: 1,
      }),
      errors: [
        {
          pointer: `${adverseEvents}/eventGroups/0/deathsNumAffected`,
          message: /200 participants affected by deaths \(all-cause mortality\), but only 158 at risk/,
        },
        {
          pointer: `${adverseEvents}/eventGroups/0/otherNumAffected`,
          message: /affected by other \(not serious\) adverse events, but only 1 at risk/,
          related: [`${adverseEvents}/eventGroups/0/otherNumAtRisk`],
        },
      ],
    },
  ],
});
