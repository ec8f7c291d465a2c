import { defineRule } from '../service/types';
import { interventionTypeLabel, interventions, POINTERS, protocolModule, studyType } from './study';
import { knownInterventionTypes } from './support/design-arms';
import { isMissing } from './support/required-outcomes-eligibility';

const PHASES_POINTER = `${POINTERS.design}/phases`;
/** The intervention types the field dictionary means by "a drug or biologic product". */
const PRODUCT_TYPES = new Set(['DRUG', 'BIOLOGICAL']);

/** The first intervention that is a drug or biological, with its index. */
function firstProduct(record: unknown): { index: number; type: string; name?: string } | undefined {
  const list = interventions(record);
  const index = list.findIndex(
    (intervention) => typeof intervention.type === 'string' && PRODUCT_TYPES.has(intervention.type),
  );
  if (index < 0) return undefined;
  const name = list[index].name;
  return {
    index,
    type: list[index].type as string,
    name: typeof name === 'string' && name.trim() ? name.trim() : undefined,
  };
}

export default defineRule({
  meta: {
    id: 'phase-required',
    severity: 'error',
    category: 'required',
    description: 'An interventional study gives its phase; one of a drug or biological must',
    source: 'REQ-06',
    docs:
      'The phase says how far the product under study has come in its development (21 CFR 312.21). The registry asks it of ' +
      'interventional studies of a drug or biological product, and offers NA ("Not Applicable") for trials without phases, ' +
      'such as studies of devices or behaviour. An interventional study with a DRUG or BIOLOGICAL intervention and no ' +
      '`phases` is an error. Any other interventional study without `phases` is a warning; when every intervention has a ' +
      'type and none is a drug or biological, the fix sets `["NA"]`, which the registry recommends for such studies. ' +
      'Evidence: every one of the 651 interventional records of the 820-record registry sample gives a phase, among them all ' +
      '356 with a drug or biological intervention (254 of them updated since 2017-01-18, the oldest last updated in 2005). ' +
      'Hits on the sample: 0. ' +
      '[Official definition: Study Phase](https://clinicaltrials.gov/policy/protocol-definitions#StudyPhase)',
    fixable: true,
  },
  check(context) {
    if (studyType(context.record) !== 'INTERVENTIONAL') return;
    const design = protocolModule(context.record, 'designModule');
    if (!design || !isMissing(design.phases)) return;
    const product = firstProduct(context.record);
    if (product) {
      const what = `${interventionTypeLabel(product.type)}${product.name ? ` "${product.name}"` : ''}`;
      context.report({
        pointer: PHASES_POINTER,
        message: `No phase (phases), though this interventional study gives ${what}; the registry requires the phase of a drug or biological study, e.g. ["PHASE2"], or ["NA"] when the trial has no phases.`,
        related: [
          {
            pointer: `${POINTERS.arms}/interventions/${product.index}/type`,
            message: `${interventionTypeLabel(product.type)} intervention.`,
          },
        ],
      });
      return;
    }
    // NA is the right answer only when every intervention is known and none is a drug or biological.
    const typesKnown = knownInterventionTypes(context.record) !== undefined;
    context.report({
      pointer: PHASES_POINTER,
      severity: 'warning',
      message: typesKnown
        ? 'No phase (phases) given for this interventional study; with no drug or biological intervention, the registry recommends ["NA"] (Not Applicable).'
        : 'No phase (phases) given for this interventional study; give the phase of a drug or biological study, or ["NA"] (Not Applicable) when the trial has no phases.',
      fix: typesKnown
        ? { title: 'Set the phase to NA', changes: [{ op: 'set', pointer: PHASES_POINTER, value: ['NA'] }] }
        : undefined,
    });
  },
});
