import { defineRule, type RuleContext } from '../service/types';
import { quote } from '../service/words';
import { valueAt } from '../service/pointer';
import { POINTERS } from './study';

/** Lists whose values must be distinct; free-text lists also get a hint for values that differ only in case or spacing. */
const LISTS = [
  { pointer: `${POINTERS.design}/phases`, name: 'phases', freeText: false },
  { pointer: `${POINTERS.design}/designInfo/maskingInfo/whoMasked`, name: 'masked roles (whoMasked)', freeText: false },
  { pointer: `${POINTERS.eligibility}/stdAges`, name: 'age groups (stdAges)', freeText: false },
  { pointer: `${POINTERS.ipd}/infoTypes`, name: 'IPD document types (infoTypes)', freeText: false },
  { pointer: `${POINTERS.conditions}/conditions`, name: 'conditions', freeText: true },
  { pointer: `${POINTERS.conditions}/keywords`, name: 'keywords', freeText: true },
] as const;

export default defineRule({
  meta: {
    id: 'duplicate-values',
    severity: 'warning',
    category: 'format',
    description: 'No value appears twice in phases, whoMasked, stdAges, infoTypes, conditions or keywords',
    source: 'FMT-10',
    docs:
      'Each of these lists names distinct things: a phase, a masked role, an age group, a document type, a condition or a ' +
      'keyword counts once, and a repeated value adds nothing (for masking it even inflates the number of masked roles). ' +
      'The fix keeps the first occurrence and removes the later ones. Conditions and keywords that differ only in case or ' +
      'spacing ("Asthma" and "asthma ") are pointed out as a hint, since which spelling to keep is the curator\'s choice. ' +
      'Example: phases ["PHASE2", "PHASE2"] becomes ["PHASE2"].',
    fixable: true,
  },
  check(context) {
    for (const list of LISTS) {
      const values = valueAt(context.record, list.pointer);
      if (Array.isArray(values)) checkList(context, values, list.pointer, list.name, list.freeText);
    }
  },
});

function checkList(context: RuleContext, values: unknown[], pointer: string, name: string, freeText: boolean): void {
  const firstExact = new Map<string, number>();
  const firstLoose = new Map<string, number>();
  const repeated: number[] = [];
  const looseRepeats: Array<{ index: number; first: number }> = [];
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const first = firstExact.get(value);
    if (first !== undefined) {
      repeated.push(index);
      return;
    }
    firstExact.set(value, index);
    if (!freeText) return;
    const loose = looseForm(value);
    const firstSimilar = firstLoose.get(loose);
    if (firstSimilar === undefined) firstLoose.set(loose, index);
    else looseRepeats.push({ index, first: firstSimilar });
  });
  if (repeated.length > 0) {
    const repeats = new Set(repeated);
    const withoutRepeats = values.filter((_, index) => !repeats.has(index));
    const fix = {
      title: `Remove the repeated values from ${name}`,
      changes: [{ op: 'set' as const, pointer, value: withoutRepeats }],
    };
    for (const index of repeated) {
      const value = values[index] as string;
      const first = firstExact.get(value)!;
      context.report({
        pointer: `${pointer}/${index}`,
        message: `${quote(value)} is already listed in ${name} (item ${first + 1}); remove this repeat.`,
        related: [{ pointer: `${pointer}/${first}`, message: `${quote(value)} is first listed here.` }],
        fix,
      });
    }
  }
  for (const { index, first } of looseRepeats) {
    const value = values[index] as string;
    const original = values[first] as string;
    const itemPointer = `${pointer}/${index}`;
    context.report({
      pointer: itemPointer,
      severity: 'hint',
      message: `${quote(value)} repeats ${quote(original)} (item ${first + 1}) in ${name}, differing only in case or spacing; keep one spelling.`,
      related: [{ pointer: `${pointer}/${first}`, message: `${quote(original)} is listed here.` }],
      suggestions: [{ title: `Remove ${quote(value)}`, changes: [{ op: 'remove', pointer: itemPointer }] }],
    });
  }
}

/** Case and spacing do not make a different condition or keyword. */
function looseForm(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}
