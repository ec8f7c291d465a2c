// What the editor shows beside a record's values without changing them: the registry's label after a
// code, characters used against a field's limit, the age groups and masking level the registry
// derives; and, over arms and primary outcomes, what they are linked to. Pure (no vscode).
import { MASKING_BY_COUNT } from '../../server/src/prs/picklists';
import { enumLabel, type SchemaNode } from '../../server/src/service/studySchema';
import { keyOfValue, nodeAtPointer, propertyValue, type Node } from '../../server/src/service/tree';
import { treeOf } from './textBlocks';
import { ageGroupsFor } from '../../server/src/rules/std-ages';
import { ageInMinutes } from '../../server/src/rules/support/required-outcomes-eligibility';

export interface ValueHint {
  /** Where the hint goes: just after the value. */
  offset: number;
  label: string;
}

export interface LineNote {
  /** The offset of the key or value the note sits over. */
  offset: number;
  title: string;
}

const NO_LIMIT = Number.MAX_SAFE_INTEGER;
const AGE_GROUP_LABELS: Record<string, string> = { CHILD: 'Child', ADULT: 'Adult', OLDER_ADULT: 'Older adult' };

/** The registry's label of a code, unless it is only the code in other letters ("PHASE2" → "Phase 2"; not "Completed"). */
function codeLabel(schema: SchemaNode | undefined, code: string): string | undefined {
  const label = enumLabel(schema, code);
  return label && label.toLowerCase() !== code.replace(/_/g, ' ').toLowerCase() ? label : undefined;
}

function characters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The age groups of an eligibility module's ages, or undefined when an age cannot be read. */
function derivedAgeGroups(eligibility: Node): string | undefined {
  const minimum = propertyValue(eligibility, 'minimumAge');
  const maximum = propertyValue(eligibility, 'maximumAge');
  const low = minimum ? ageInMinutes(minimum.value) : 0;
  const high = maximum ? ageInMinutes(maximum.value) : NO_LIMIT;
  if (low === undefined || high === undefined || low > high) return undefined;
  return ageGroupsFor(low, high)
    .map((group) => AGE_GROUP_LABELS[group])
    .join(', ');
}

/**
 * The hints of a record, or of the part of it between `start` and `end` (what the editor shows):
 * subtrees outside that part are skipped, and each value's schema is found on the way down.
 */
export function valueHints(text: string, schema: SchemaNode, start = 0, end = Number.MAX_SAFE_INTEGER): ValueHint[] {
  const hints: ValueHint[] = [];
  const walk = (node: Node, field: SchemaNode | undefined): void => {
    if (node.offset > end || node.offset + node.length < start) return;
    if (node.type === 'string' && typeof node.value === 'string') {
      const label = codeLabel(field, node.value);
      if (label) hints.push({ offset: node.offset + node.length, label });
      else if (typeof field?.maxLength === 'number' && keyOfValue(node))
        hints.push({ offset: node.offset + node.length, label: `${characters(node.value)}/${field.maxLength}` });
      return;
    }
    if (node.type === 'array') for (const item of node.children ?? []) walk(item, field?.items);
    if (node.type !== 'object') return;
    if (node.parent?.children?.[0]?.value === 'eligibilityModule') addAgeGroups(node, hints);
    if (node.parent?.children?.[0]?.value === 'maskingInfo') addMaskingLevel(node, hints);
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (value && typeof key?.value === 'string') walk(value, field?.properties?.[key.value]);
    }
  };
  const root = treeOf(text);
  if (root) walk(root, schema);
  return hints.filter((hint) => hint.offset >= start && hint.offset <= end).sort((a, b) => a.offset - b.offset);
}

function addAgeGroups(eligibility: Node, hints: ValueHint[]): void {
  const after = propertyValue(eligibility, 'maximumAge') ?? propertyValue(eligibility, 'minimumAge');
  const groups = derivedAgeGroups(eligibility);
  if (after && groups) hints.push({ offset: after.offset + after.length, label: `age groups: ${groups}` });
}

function addMaskingLevel(maskingInfo: Node, hints: ValueHint[]): void {
  const roles = propertyValue(maskingInfo, 'whoMasked');
  if (roles?.type !== 'array') return;
  const count = new Set((roles.children ?? []).map((role) => role.value)).size;
  if (count < MASKING_BY_COUNT.length)
    hints.push({
      offset: roles.offset + roles.length,
      label: `masking ${MASKING_BY_COUNT[count]} (${count} ${count === 1 ? 'role' : 'roles'})`,
    });
}

type Json = Record<string, unknown>;

function asList(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => item !== null && typeof item === 'object') : [];
}

/** Notes over each arm (the interventions it gets) and each primary outcome (whether results report it). */
export function lineNotes(text: string, record: unknown): LineNote[] {
  const root = treeOf(text);
  const protocol = (record as Json | undefined)?.protocolSection as Json | undefined;
  const armsModule = protocol?.armsInterventionsModule as Json | undefined;
  const arms = asList(armsModule?.armGroups);
  const interventions = asList(armsModule?.interventions);
  const notes: LineNote[] = [];
  const armNodes = nodeAtPointer(root, '/protocolSection/armsInterventionsModule/armGroups')?.children ?? [];
  arms.forEach((arm, index) => {
    const node = armNodes[index];
    if (!node) return;
    const byArm = interventions
      .filter(
        (intervention) => Array.isArray(intervention.armGroupLabels) && intervention.armGroupLabels.includes(arm.label),
      )
      .map((intervention) => String(intervention.name));
    const named = Array.isArray(arm.interventionNames) ? arm.interventionNames.map(String) : [];
    const gets = named.length > 0 ? named : byArm;
    notes.push({ offset: node.offset, title: gets.length > 0 ? `Gets: ${gets.join('; ')}` : 'Gets no intervention' });
  });
  const results = (record as Json | undefined)?.resultsSection as Json | undefined;
  if (results) {
    const reported = asList((results.outcomeMeasuresModule as Json | undefined)?.outcomeMeasures)
      .filter((measure) => measure.type === 'PRIMARY')
      .map((measure) =>
        String(measure.title ?? '')
          .trim()
          .toLowerCase(),
      );
    const outcomeNodes = nodeAtPointer(root, '/protocolSection/outcomesModule/primaryOutcomes')?.children ?? [];
    asList((protocol?.outcomesModule as Json | undefined)?.primaryOutcomes).forEach((outcome, index) => {
      const node = outcomeNodes[index];
      if (!node) return;
      const isReported = reported.includes(
        String(outcome.measure ?? '')
          .trim()
          .toLowerCase(),
      );
      notes.push({ offset: node.offset, title: `Reported in results: ${isReported ? 'yes' : 'no'}` });
    });
  }
  return notes;
}
