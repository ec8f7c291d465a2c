import { defineRule } from '../service/types';
import { asString, interventions } from './study';
import { interventionPointer } from './support/design-arms';

export default defineRule({
  meta: {
    id: 'unique-interventions',
    severity: 'warning',
    category: 'arms',
    description: 'No two interventions have the same type and name',
    source: 'ARM-06',
    docs:
      'Arms name their interventions as "<type label>: <name>", so two interventions with the same type and name make ' +
      'that reference ambiguous: the registry page cannot tell which one an arm receives. Describe the intervention once ' +
      'and list every arm that receives it in its armGroupLabels. The catalogue suggests an error, but the registry has ' +
      'accepted records with such pairs (NCT02299791 lists "Other: ALL" twice, once per arm), so it is a warning; names ' +
      'that differ only in upper and lower case are a hint. Example: one DRUG "Metformin" listing arms "A" and "B", ' +
      'not two.',
    fixable: false,
  },
  check(context) {
    const firstByKey = new Map<string, number>();
    const firstByFoldedKey = new Map<string, { index: number; name: string }>();
    interventions(context.record).forEach((intervention, index) => {
      const type = asString(intervention.type);
      const name = asString(intervention.name);
      if (type === undefined || name === undefined) return;
      const key = `${type}\u0000${name}`;
      const folded = `${type}\u0000${name.toLowerCase()}`;
      const exact = firstByKey.get(key);
      const similar = firstByFoldedKey.get(folded);
      const pointer = `${interventionPointer(index)}/name`;
      if (exact !== undefined) {
        context.report({
          pointer,
          message: `${type} intervention "${name}" is already declared as intervention ${exact + 1}; declare it once and list every arm that receives it in its armGroupLabels.`,
          related: [
            { pointer: `${interventionPointer(exact)}/name`, message: `The ${type} "${name}" is first declared here.` },
          ],
        });
      } else if (similar !== undefined) {
        context.report({
          pointer,
          severity: 'hint',
          message: `${type} "${name}" differs from intervention ${similar.index + 1}, "${similar.name}", only in upper and lower case; if they are the same intervention, declare it once.`,
          related: [
            {
              pointer: `${interventionPointer(similar.index)}/name`,
              message: `Intervention ${similar.index + 1} is the ${type} "${similar.name}".`,
            },
          ],
        });
      }
      if (exact === undefined) firstByKey.set(key, index);
      if (similar === undefined) firstByFoldedKey.set(folded, { index, name });
    });
  },
});
