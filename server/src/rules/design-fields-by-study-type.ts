import { defineRule } from '../service/types';
import { asObject, POINTERS, protocolModule, studyType, type StudyType } from './study';

/** Where each type-specific design field lives, and the one study type it belongs to. */
const TYPE_SPECIFIC_FIELDS: ReadonlyArray<{ parent: 'designModule' | 'designInfo'; key: string; owner: StudyType }> = [
  { parent: 'designInfo', key: 'allocation', owner: 'INTERVENTIONAL' },
  { parent: 'designInfo', key: 'interventionModel', owner: 'INTERVENTIONAL' },
  { parent: 'designInfo', key: 'interventionModelDescription', owner: 'INTERVENTIONAL' },
  { parent: 'designInfo', key: 'primaryPurpose', owner: 'INTERVENTIONAL' },
  { parent: 'designInfo', key: 'maskingInfo', owner: 'INTERVENTIONAL' },
  { parent: 'designInfo', key: 'observationalModel', owner: 'OBSERVATIONAL' },
  { parent: 'designInfo', key: 'timePerspective', owner: 'OBSERVATIONAL' },
  { parent: 'designModule', key: 'bioSpec', owner: 'OBSERVATIONAL' },
  { parent: 'designModule', key: 'patientRegistry', owner: 'OBSERVATIONAL' },
  { parent: 'designModule', key: 'targetDuration', owner: 'OBSERVATIONAL' },
  { parent: 'designModule', key: 'expandedAccessTypes', owner: 'EXPANDED_ACCESS' },
];

export default defineRule({
  meta: {
    id: 'design-fields-by-study-type',
    severity: 'warning',
    category: 'design',
    description: 'Design fields match the study type (interventional, observational or expanded access)',
    source: 'DES-04',
    docs:
      'Some design fields describe only one kind of study: allocation, intervention model, primary purpose and masking ' +
      'describe how an interventional study assigns participants; observational model, time perspective, biospecimens, ' +
      'patient registry and target duration describe an observational study; expanded access types describe an expanded ' +
      'access record. A field of another study type is either left over from an earlier draft or a sign that the study ' +
      'type is wrong. Example: an OBSERVATIONAL study with designInfo.allocation "RANDOMIZED" should drop the allocation.',
    fixable: false,
  },
  check(context) {
    const type = studyType(context.record);
    if (type === undefined) return;
    const parents = {
      designModule: protocolModule(context.record, 'designModule'),
      designInfo: asObject(protocolModule(context.record, 'designModule')?.designInfo),
    };
    for (const field of TYPE_SPECIFIC_FIELDS) {
      const parent = parents[field.parent];
      if (field.owner === type || !parent || !(field.key in parent)) continue;
      const pointer = `${field.parent === 'designInfo' ? `${POINTERS.design}/designInfo` : POINTERS.design}/${field.key}`;
      context.report({
        pointer,
        target: 'key',
        message: `"${field.key}" is recorded only for ${field.owner} studies, and this study is ${type}; remove it, or correct the study type.`,
        related: [{ pointer: `${POINTERS.design}/studyType`, message: `The study type is ${type}.` }],
        suggestions: [{ title: `Remove "${field.key}"`, changes: [{ op: 'remove', pointer }] }],
      });
    }
  },
});
