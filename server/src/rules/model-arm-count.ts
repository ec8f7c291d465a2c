import { defineRule } from '../service/types';
import { POINTERS, studyType } from './study';
import { armCount, DESIGN_INFO, designInfo, pluralArms } from './support/design-arms';

const INTERVENTION_MODEL = `${DESIGN_INFO}/interventionModel`;
const MULTI_GROUP_MODELS = new Set(['PARALLEL', 'CROSSOVER', 'FACTORIAL']);

export default defineRule({
  meta: {
    id: 'model-arm-count',
    severity: 'hint',
    category: 'design',
    description: 'SINGLE_GROUP goes with one arm; PARALLEL, CROSSOVER and FACTORIAL with two or more',
    source: 'DES-07',
    docs:
      'The intervention model says how arms relate: in a single-group study everyone gets the same intervention, while ' +
      'parallel, crossover and factorial designs compare two or more arms. A mismatch with the number of arms usually ' +
      'means one of them is out of date. This is only a hint because registered studies do differ: NCT04207047 is ' +
      'SINGLE_GROUP with four arms (treatment groups of one device). Example: PARALLEL with a single arm "Drug A" ' +
      'is probably SINGLE_GROUP.',
    fixable: false,
  },
  check(context) {
    if (studyType(context.record) !== 'INTERVENTIONAL') return;
    const model = designInfo(context.record)?.interventionModel;
    const arms = armCount(context.record);
    if (arms === undefined || typeof model !== 'string') return;
    const related = [
      { pointer: `${POINTERS.arms}/armGroups`, message: `The study has ${pluralArms(arms)}.`, target: 'key' as const },
    ];
    if (model === 'SINGLE_GROUP' && arms > 1) {
      context.report({
        pointer: INTERVENTION_MODEL,
        message: `Intervention model is SINGLE_GROUP, but the study has ${pluralArms(arms)}; check whether the arms are compared (PARALLEL, CROSSOVER, FACTORIAL or SEQUENTIAL) or are really one group.`,
        related,
      });
    } else if (MULTI_GROUP_MODELS.has(model) && arms === 1) {
      context.report({
        pointer: INTERVENTION_MODEL,
        message: `Intervention model is ${model}, which compares two or more arms, but the study has a single arm; a one-arm study is SINGLE_GROUP.`,
        related,
        suggestions: [
          {
            title: 'Set the intervention model to SINGLE_GROUP',
            changes: [{ op: 'set', pointer: INTERVENTION_MODEL, value: 'SINGLE_GROUP' }],
          },
        ],
      });
    }
  },
});
