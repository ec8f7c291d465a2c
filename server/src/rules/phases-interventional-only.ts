import { defineRule } from '../service/types';
import { POINTERS, protocolModule, studyType } from './study';

export default defineRule({
  meta: {
    id: 'phases-interventional-only',
    severity: 'warning',
    category: 'design',
    description: 'Phases are given only for interventional studies',
    source: 'DES-01',
    docs:
      'A phase describes where a drug or biological product stands in its clinical development, which only an ' +
      'interventional study can say. Observational and expanded access records leave `phases` out. Example: a cohort ' +
      'study with studyType OBSERVATIONAL and phases ["NA"] should drop `phases`; if participants are in fact assigned ' +
      'to an intervention, the study type is what needs changing.',
    fixable: false,
  },
  check(context) {
    const type = studyType(context.record);
    if (type === undefined || type === 'INTERVENTIONAL') return;
    const design = protocolModule(context.record, 'designModule');
    if (!design || !('phases' in design) || isEmptyList(design.phases)) return;
    const pointer = `${POINTERS.design}/phases`;
    context.report({
      pointer,
      target: 'key',
      message: `Phases given, but the study is ${type}; phases are recorded only for INTERVENTIONAL studies: remove "phases", or correct the study type.`,
      related: [{ pointer: `${POINTERS.design}/studyType`, message: `The study type is ${type}.` }],
      suggestions: [{ title: 'Remove "phases"', changes: [{ op: 'remove', pointer }] }],
    });
  },
});

function isEmptyList(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}
