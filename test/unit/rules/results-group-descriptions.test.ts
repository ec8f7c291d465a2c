import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/results-group-descriptions';
import { corpusRecord, planted, sampleRecord } from './fixtures';

const results = '/resultsSection';
const flow = `${results}/participantFlowModule/groups`;
const baseline = `${results}/baselineCharacteristicsModule/groups`;
const measure = `${results}/outcomeMeasuresModule/outcomeMeasures/0`;
const events = `${results}/adverseEventsModule/eventGroups`;
// Primary completion 2017-12 (Final Rule): flow FG000 "Placebo" and FG001 "Active", baseline BG000–BG002.
const record = sampleRecord('NCT02593396');
// Primary completion 2011-04: baseline groups BG000–BG002 (not the Total, BG003) and adverse event groups EG000–EG002 have no descriptions.
const older = sampleRecord('NCT00895011');

new RuleTester().run(rule, {
  valid: [
    { name: 'every group titled and described (NCT02593396)', record },
    { name: 'before the Final Rule, descriptions are not asked (NCT00895011)', record: older },
    { name: 'a record without results (NCT00000410)', record: sampleRecord('NCT00000410') },
    {
      name: "the baseline's Total column needs no description (NCT02552212, results 2019)",
      record: corpusRecord('NCT02552212'),
    },
    {
      name: 'groups of the wrong type are left to the schema',
      record: planted(record, { [flow]: 'Placebo and Active' }),
    },
  ],
  invalid: [
    {
      name: 'a participant flow group without a description',
      record: planted(record, { [`${flow}/1/description`]: undefined }),
      errors: [
        {
          pointer: `${flow}/1/description`,
          severity: 'warning',
          message:
            'Participant flow group FG001 has no description; results of a study whose primary completion is on or after 2017-01-18 give every group a description.',
        },
      ],
    },
    {
      name: 'blank titles in two baseline groups make one finding',
      record: planted(record, { [`${baseline}/0/title`]: ' ', [`${baseline}/2/title`]: '' }),
      errors: [{ pointer: `${baseline}/0/title`, message: /^Baseline groups BG000, BG002 have no title;/ }],
    },
    {
      name: 'only the last of several baseline groups can be the Total column',
      record: planted(record, { [`${baseline}/0/title`]: 'Total', [`${baseline}/0/description`]: undefined }),
      errors: [{ pointer: `${baseline}/0/description`, message: /^Baseline group BG000 has no description/ }],
    },
    {
      name: 'an outcome measure group is named with its measure; titles and descriptions are separate findings',
      record: planted(record, { [`${measure}/groups/0/title`]: undefined, [`${measure}/groups/0/description`]: '' }),
      errors: [
        {
          pointer: `${measure}/groups/0/title`,
          message: /^Outcome measure "Number of Participants With .+" group OG000 has no title/,
        },
        {
          pointer: `${measure}/groups/0/description`,
          message: /^Outcome measure "Number of Participants .+" group OG000 has no description/,
        },
      ],
    },
    {
      name: 'an adverse event group without a title',
      record: planted(record, { [`${events}/0/title`]: undefined }),
      errors: [{ pointer: `${events}/0/title`, message: /^Adverse event group EG000 has no title;/ }],
    },
    {
      name: 'finalRule "always" asks it of an older record too',
      record: older,
      options: { finalRule: 'always' },
      errors: [
        {
          pointer: `${baseline}/0/description`,
          message: /^Baseline groups BG000, BG001, BG002 have no description;/,
        },
        {
          pointer: `${events}/0/description`,
          message: /^Adverse event groups EG000, EG001, EG002 have no description/,
        },
      ],
    },
  ],
});
