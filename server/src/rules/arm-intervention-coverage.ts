import { defineRule, type RelatedLocation, type RuleContext } from '../service/types';
import { studyType } from './study';
import {
  armCount,
  armName,
  armPointer,
  armViews,
  interventionPointer,
  interventionsByArmLabel,
  interventionViews,
  type ArmView,
  type InterventionView,
} from './support/design-arms';
import { quoteAll } from '../service/words';

export default defineRule({
  meta: {
    id: 'arm-intervention-coverage',
    severity: 'warning',
    category: 'arms',
    description:
      'Interventional studies: every arm but NO_INTERVENTION has an intervention, and every intervention an arm',
    source: 'ARM-04/05',
    docs:
      'In an interventional study each arm says what its participants receive, so every arm except a NO_INTERVENTION ' +
      'arm lists at least one intervention, and every intervention is given in at least one arm. A NO_INTERVENTION arm ' +
      'receives nothing, so it lists no interventions and no intervention lists it. Example: arms "Exercise" ' +
      '(EXPERIMENTAL) and "Usual care" (NO_INTERVENTION) with the intervention "Behavioral: Exercise programme" listed ' +
      'by "Exercise" only.',
    fixable: false,
  },
  check(context) {
    if (studyType(context.record) !== 'INTERVENTIONAL') return;
    const arms = armViews(context.record);
    const items = interventionViews(context.record);
    const listingByLabel = interventionsByArmLabel(items);
    for (const arm of arms) {
      const listing = arm.label === undefined ? [] : (listingByLabel.get(arm.label) ?? []);
      if (arm.type === 'NO_INTERVENTION') checkNoInterventionArm(context, arm, listing);
      else if (arm.type !== undefined) checkArmHasIntervention(context, arm, listing);
    }
    if (armCount(context.record) !== undefined) {
      const armNames = new Set(arms.flatMap((arm) => arm.interventionNames ?? []));
      for (const item of items) checkInterventionHasArm(context, item, armNames);
    }
  },
});

function checkArmHasIntervention(context: RuleContext, arm: ArmView, listing: InterventionView[]): void {
  if (arm.interventionNames === undefined || arm.interventionNames.length > 0 || listing.length > 0) return;
  context.report({
    pointer: `${armPointer(arm.index)}/interventionNames`,
    message: `${armName(arm)} (${arm.type}) has no intervention; list what its participants receive in interventionNames, or make it a NO_INTERVENTION arm if they receive nothing.`,
  });
}

function checkNoInterventionArm(context: RuleContext, arm: ArmView, listing: InterventionView[]): void {
  const names = arm.interventionNames ?? [];
  if (names.length === 0 && listing.length === 0) return;
  const received = [...new Set([...names, ...listing.map((item) => item.reference ?? '')])].filter(
    (name) => name !== '',
  );
  const labelEntries = listing.flatMap((item) =>
    (item.armGroupLabels ?? []).flatMap((label, position) =>
      label === arm.label ? [`${interventionPointer(item.index)}/armGroupLabels/${position}`] : [],
    ),
  );
  const related: RelatedLocation[] = labelEntries.map((pointer) => ({
    pointer,
    message: `This intervention lists "${arm.label}".`,
  }));
  const namesPointer = `${armPointer(arm.index)}/interventionNames`;
  context.report({
    pointer: names.length > 0 ? namesPointer : `${armPointer(arm.index)}/type`,
    message: `${armName(arm)} is NO_INTERVENTION, but it is linked to ${received.length > 0 ? quoteAll(received) : 'interventions'}; unlink them, or change the arm type.`,
    related,
    suggestions: [
      {
        title: `Unlink the interventions from "${arm.label ?? arm.index + 1}"`,
        changes: [
          ...(names.length > 0 ? [{ op: 'remove' as const, pointer: namesPointer }] : []),
          // Higher positions first, so earlier removals do not shift the later ones.
          ...[...labelEntries].reverse().map((pointer) => ({ op: 'remove' as const, pointer })),
        ],
      },
    ],
  });
}

function checkInterventionHasArm(context: RuleContext, item: InterventionView, armNames: Set<string>): void {
  if (item.armGroupLabels === undefined || item.armGroupLabels.length > 0) return;
  if (item.reference !== undefined && armNames.has(item.reference)) return;
  const name = item.reference ?? item.name;
  context.report({
    pointer: `${interventionPointer(item.index)}/armGroupLabels`,
    message: `${name === undefined ? `Intervention ${item.index + 1}` : `Intervention "${name}"`} is given in no arm; list the arms that receive it in armGroupLabels, or remove it.`,
  });
}
