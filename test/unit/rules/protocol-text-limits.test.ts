import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/protocol-text-limits';
import { planted, sampleRecord } from './fixtures';

const outcomes = '/protocolSection/outcomesModule';
const whyStopped = '/protocolSection/statusModule/whyStopped';
const modelDescription = '/protocolSection/designModule/designInfo/interventionModelDescription';
const ipdDescription = '/protocolSection/ipdSharingStatementModule/description';
// WITHDRAWN ("Lack of funding"), 4 secondary and 1 other outcome, a model description and an IPD plan description.
const record = sampleRecord('NCT03681392');

function text(length: number): string {
  return 'a'.repeat(length);
}

new RuleTester().run(rule, {
  valid: [
    { name: 'a real record within every limit', record },
    {
      name: 'a secondary title of exactly 255 characters',
      record: planted(record, { [`${outcomes}/secondaryOutcomes/0/measure`]: text(255) }),
    },
    {
      name: 'a secondary description of exactly 999 characters',
      record: planted(record, { [`${outcomes}/secondaryOutcomes/1/description`]: text(999) }),
    },
    { name: 'a reason of exactly 250 characters', record: planted(record, { [whyStopped]: text(250) }) },
    {
      name: 'characters are counted, not UTF-16 units: 250 emoji',
      record: planted(record, { [whyStopped]: '😀'.repeat(250) }),
    },
    { name: "a value of the wrong type is the schema's finding", record: planted(record, { [whyStopped]: 251 }) },
  ],
  invalid: [
    {
      name: 'a secondary outcome title over 255',
      record: planted(record, { [`${outcomes}/secondaryOutcomes/2/measure`]: text(256) }),
      errors: [
        {
          pointer: `${outcomes}/secondaryOutcomes/2/measure`,
          severity: 'error',
          message:
            "Secondary outcome 3's title (measure) is 256 characters long; the registry's limit is 255, so shorten it by 1.",
        },
      ],
    },
    {
      name: 'a secondary time frame over 255',
      record: planted(record, { [`${outcomes}/secondaryOutcomes/0/timeFrame`]: text(300) }),
      errors: [
        {
          pointer: `${outcomes}/secondaryOutcomes/0/timeFrame`,
          message:
            "Secondary outcome 1's time frame (timeFrame) is 300 characters long; the registry's limit is 255, so shorten it by 45.",
        },
      ],
    },
    {
      name: 'an other outcome description over 999',
      record: planted(record, { [`${outcomes}/otherOutcomes/0/description`]: text(1000) }),
      errors: [
        {
          pointer: `${outcomes}/otherOutcomes/0/description`,
          message:
            "Other outcome 1's description (description) is 1000 characters long; the registry's limit is 999, so shorten it by 1.",
        },
      ],
    },
    {
      name: 'whyStopped over 250',
      record: planted(record, { [whyStopped]: text(251) }),
      errors: [
        {
          pointer: whyStopped,
          message:
            "Reason the study stopped (whyStopped) is 251 characters long; the registry's limit is 250, so shorten it by 1.",
        },
      ],
    },
    {
      name: '251 emoji are 251 characters',
      record: planted(record, { [whyStopped]: '😀'.repeat(251) }),
      errors: [{ pointer: whyStopped, message: /is 251 characters long/ }],
    },
    {
      name: 'the model description over 1000',
      record: planted(record, { [modelDescription]: text(1001) }),
      errors: [
        {
          pointer: modelDescription,
          message:
            "Model description (interventionModelDescription) is 1001 characters long; the registry's limit is 1000, so shorten it by 1.",
        },
      ],
    },
    {
      name: 'the IPD sharing plan description over 1000',
      record: planted(record, { [ipdDescription]: text(1200) }),
      errors: [
        {
          pointer: ipdDescription,
          message:
            "IPD sharing plan description (description) is 1200 characters long; the registry's limit is 1000, so shorten it by 200.",
        },
      ],
    },
    {
      name: 'each field over its limit is one finding',
      record: planted(record, {
        [`${outcomes}/secondaryOutcomes/3/measure`]: text(256),
        [`${outcomes}/secondaryOutcomes/3/description`]: text(1000),
      }),
      errors: [
        { pointer: `${outcomes}/secondaryOutcomes/3/measure`, message: /title \(measure\) is 256/ },
        { pointer: `${outcomes}/secondaryOutcomes/3/description`, message: /description \(description\) is 1000/ },
      ],
    },
  ],
});
