import { defineRule } from '../service/types';
import { POINTERS, studyType } from './study';
import { DESIGN_INFO, designInfo, knownInterventionTypes } from './support/design-arms';

/** A combination product has a device part, so it can be what a feasibility study tries out. */
const DEVICE_TYPES = new Set(['DEVICE', 'COMBINATION_PRODUCT']);

export default defineRule({
  meta: {
    id: 'device-feasibility-device',
    severity: 'hint',
    category: 'design',
    description: 'A DEVICE_FEASIBILITY study has a device (or combination product) intervention',
    source: 'DES-09',
    docs:
      'Device feasibility as the primary purpose means the study tries out a device, often an early prototype, in a ' +
      'few participants. Without any DEVICE or COMBINATION_PRODUCT intervention, either the purpose or an ' +
      'intervention type is probably wrong. Example: a feasibility study of a wearable glucose sensor lists the sensor ' +
      'as a DEVICE intervention.',
    fixable: false,
  },
  check(context) {
    if (
      studyType(context.record) !== 'INTERVENTIONAL' ||
      designInfo(context.record)?.primaryPurpose !== 'DEVICE_FEASIBILITY'
    )
      return;
    const types = knownInterventionTypes(context.record);
    if (!types || types.some((type) => DEVICE_TYPES.has(type))) return;
    context.report({
      pointer: `${DESIGN_INFO}/primaryPurpose`,
      message: `No DEVICE or COMBINATION_PRODUCT intervention, though the primary purpose is DEVICE_FEASIBILITY: the interventions are ${[...new Set(types)].join(', ')}; check the purpose or the intervention types.`,
      related: [
        { pointer: `${POINTERS.arms}/interventions`, message: 'No device among these interventions.', target: 'key' },
      ],
    });
  },
});
