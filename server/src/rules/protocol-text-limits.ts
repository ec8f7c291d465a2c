import { defineRule, type RuleContext } from '../service/types';
import { asArray, asObject, POINTERS, protocolModule, type JsonObject } from './study';

interface Limit {
  key: string;
  words: string;
  limit: number;
}

/** The primary outcome's limits, which the registry applies to secondary and other outcomes too. */
const OUTCOME_LIMITS: readonly Limit[] = [
  { key: 'measure', words: 'title', limit: 255 },
  { key: 'timeFrame', words: 'time frame', limit: 255 },
  { key: 'description', words: 'description', limit: 999 },
];

const OUTCOME_LISTS = [
  { key: 'secondaryOutcomes', words: 'Secondary outcome' },
  { key: 'otherOutcomes', words: 'Other outcome' },
] as const;

/** Single protocol fields the schema leaves unlimited: module, key, words, limit. */
const FIELD_LIMITS: ReadonlyArray<
  Limit & { module: string; at: (module: JsonObject) => JsonObject | undefined; pointer: string }
> = [
  {
    module: 'statusModule',
    at: (module) => module,
    pointer: POINTERS.status,
    key: 'whyStopped',
    words: 'Reason the study stopped',
    limit: 250,
  },
  {
    module: 'designModule',
    at: (module) => asObject(module.designInfo),
    pointer: `${POINTERS.design}/designInfo`,
    key: 'interventionModelDescription',
    words: 'Model description',
    limit: 1000,
  },
  {
    module: 'ipdSharingStatementModule',
    at: (module) => module,
    pointer: POINTERS.ipd,
    key: 'description',
    words: 'IPD sharing plan description',
    limit: 1000,
  },
];

/** Length in characters (code points), as the registry and the schema count; undefined when within the limit. */
function lengthOver(value: unknown, limit: number): number | undefined {
  if (typeof value !== 'string' || value.length <= limit) return undefined;
  const length = [...value].length;
  return length > limit ? length : undefined;
}

function checkLength(context: RuleContext, value: unknown, pointer: string, what: string, limit: number): void {
  const length = lengthOver(value, limit);
  if (length === undefined) return;
  context.report({
    pointer,
    message: `${what} is ${length} characters long; the registry's limit is ${limit}, so shorten it by ${length - limit}.`,
  });
}

export default defineRule({
  meta: {
    id: 'protocol-text-limits',
    severity: 'error',
    category: 'format',
    description: "Protocol texts the schema leaves unlimited stay within the registry's character limits",
    source: 'FMT-08',
    docs:
      'The registry caps the length of each protocol text; the schema enforces the limits the field dictionary gives ' +
      '(titles, summaries, primary outcomes…). This rule adds the ones the dictionary leaves out but the data element ' +
      "definitions state: secondary and other outcomes take the primary outcome's limits (title 255, time frame 255, " +
      'description 999 characters), the reason a study stopped (`whyStopped`) 250, the interventional model description ' +
      '(`designInfo.interventionModelDescription`) 1000, and the IPD sharing plan description 1000 (the dictionary puts that ' +
      "1000 on `ipdSharing`, a code). The masking description's 1000 is already in the schema. Keywords and other " +
      'intervention names are not checked: no limit for them is given in the dictionary or the definitions we have. ' +
      "Results texts are left alone, since the dictionary's results limits are wrong on several fields. " +
      'Lengths are counted in characters (code points). Evidence: none of the 820 records of the registry sample exceeds any ' +
      'of these limits (longest: secondary title 254, other time frame 252, secondary description 999, model description ' +
      '994, IPD description 967, whyStopped 151). Hits on the sample: 0. ' +
      '[Official definitions: Secondary Outcome Measure Title](https://clinicaltrials.gov/policy/protocol-definitions#SecondaryOMTitle), ' +
      '[Why Study Stopped](https://clinicaltrials.gov/policy/protocol-definitions#WhyStudyStopped), ' +
      '[Model Description](https://clinicaltrials.gov/policy/protocol-definitions#ModelDesc), ' +
      '[IPD Sharing Plan Description](https://clinicaltrials.gov/policy/protocol-definitions#IPDSharingPlanDescription)',
    fixable: false,
  },
  check(context) {
    const outcomes = protocolModule(context.record, 'outcomesModule');
    for (const list of OUTCOME_LISTS) {
      asArray(outcomes?.[list.key]).forEach((value, index) => {
        const outcome = asObject(value);
        if (!outcome) return;
        for (const field of OUTCOME_LIMITS) {
          const pointer = `${POINTERS.outcomes}/${list.key}/${index}/${field.key}`;
          checkLength(
            context,
            outcome[field.key],
            pointer,
            `${list.words} ${index + 1}'s ${field.words} (${field.key})`,
            field.limit,
          );
        }
      });
    }
    for (const field of FIELD_LIMITS) {
      const module = protocolModule(context.record, field.module);
      const holder = module && field.at(module);
      if (holder)
        checkLength(
          context,
          holder[field.key],
          `${field.pointer}/${field.key}`,
          `${field.words} (${field.key})`,
          field.limit,
        );
    }
  },
});
