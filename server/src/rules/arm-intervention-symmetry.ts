import { defineRule, type Fix, type RelatedLocation, type Report } from '../service/types';
import {
  armPointer,
  armViews,
  groupBy,
  interventionPointer,
  interventionsByArmLabel,
  interventionViews,
  type ArmView,
  type InterventionView,
} from './support/design-arms';
import { quoteAll } from '../service/words';

export default defineRule({
  meta: {
    id: 'arm-intervention-symmetry',
    severity: 'warning',
    category: 'arms',
    description: 'An arm lists an intervention exactly when that intervention lists the arm',
    source: 'ARM-03',
    docs:
      'Arms and interventions name each other twice: an arm lists its interventions in `interventionNames`, and each ' +
      'intervention lists its arms in `armGroupLabels`. Both lists must tell the same story, or the registry page shows ' +
      'an intervention under an arm that does not claim it. Example: if the intervention "Drug: Aspirin" lists the arm ' +
      '"Low dose", then the arm "Low dose" lists "Drug: Aspirin", and the other way round. The fix rebuilds the arm\'s ' +
      'list from the interventions that name it. References that match nothing are reported by arm-label-reference and ' +
      'intervention-name-reference instead.',
    fixable: true,
  },
  check(context) {
    const arms = armViews(context.record);
    const items = interventionViews(context.record);
    const armsByLabel = groupBy(arms, (arm) => arm.label);
    const interventionsByReference = groupBy(items, (item) => item.reference);
    const links: Links = {
      armsByLabel,
      interventionsByReference,
      listingByLabel: interventionsByArmLabel(items),
      withUnknownArm: new Set(items.filter((item) => !labelsResolve(item, armsByLabel))),
    };
    for (const arm of arms) {
      const mismatch = compareArm(arm, links);
      if (mismatch) context.report(mismatch);
    }
  },
});

interface Links {
  listingByLabel: Map<string, InterventionView[]>;
  armsByLabel: Map<string, ArmView[]>;
  interventionsByReference: Map<string, InterventionView[]>;
  /** Interventions whose arm labels are not all known arms (arm-label-reference reports those). */
  withUnknownArm: Set<InterventionView>;
}

function compareArm(arm: ArmView, links: Links): Report | undefined {
  const { label, interventionNames } = arm;
  // A NO_INTERVENTION arm that is linked to interventions is arm-intervention-coverage's finding.
  if (label === undefined || interventionNames === undefined || arm.type === 'NO_INTERVENTION') return undefined;
  if ((links.armsByLabel.get(label)?.length ?? 0) > 1) return undefined;
  const listed = interventionNames.map((name) => links.interventionsByReference.get(name));
  if (listed.some((group) => group === undefined)) return undefined;
  const listing = links.listingByLabel.get(label) ?? [];
  const involved = [...listing, ...listed.flatMap((group) => group ?? [])];
  if (involved.some((item) => item.reference === undefined || links.withUnknownArm.has(item))) return undefined;

  const expected = [...new Set(listing.map((item) => item.reference as string))];
  const expectedSet = new Set(expected);
  const actual = new Set(interventionNames);
  const notInArm = expected.filter((reference) => !actual.has(reference));
  const notListingArm = [...actual].filter((name) => !expectedSet.has(name));
  if (notInArm.length === 0 && notListingArm.length === 0) return undefined;

  const pointer = `${armPointer(arm.index)}/interventionNames`;
  const rebuild: Fix = {
    title: `Set the interventions of "${label}" to those that list it`,
    changes: [{ op: 'set', pointer, value: expected }],
  };
  const addLabel = addLabelFix(label, notListingArm, links);
  return {
    pointer,
    message: describeMismatch(label, notListingArm, notInArm),
    related: relatedLocations(label, notListingArm, notInArm, links),
    // An arm that no intervention lists would lose every intervention: then only offer the change.
    fix: expected.length > 0 ? rebuild : undefined,
    suggestions: [...(expected.length > 0 ? [] : [rebuild]), ...(addLabel ? [addLabel] : [])],
  };
}

function labelsResolve(item: InterventionView, armsByLabel: Map<string, ArmView[]>): boolean {
  return item.armGroupLabels !== undefined && item.armGroupLabels.every((label) => armsByLabel.has(label));
}

function describeMismatch(label: string, notListingArm: string[], notInArm: string[]): string {
  const parts: string[] = [];
  if (notListingArm.length > 0) {
    parts.push(
      `it lists ${quoteAll(notListingArm)}, but ${notListingArm.length === 1 ? 'that intervention does' : 'those interventions do'} not list "${label}" in armGroupLabels`,
    );
  }
  if (notInArm.length > 0) {
    parts.push(
      `${quoteAll(notInArm)} ${notInArm.length === 1 ? 'lists' : 'list'} "${label}", but the arm does not list ${notInArm.length === 1 ? 'it' : 'them'} in interventionNames`,
    );
  }
  return `Arm "${label}" and its interventions disagree: ${parts.join('; ')}.`;
}

function relatedLocations(label: string, notListingArm: string[], notInArm: string[], links: Links): RelatedLocation[] {
  const related: RelatedLocation[] = [];
  for (const name of notListingArm) {
    for (const item of links.interventionsByReference.get(name) ?? []) {
      related.push({
        pointer: `${interventionPointer(item.index)}/armGroupLabels`,
        message: `"${name}" does not list "${label}".`,
        target: 'key',
      });
    }
  }
  for (const reference of notInArm) {
    for (const item of links.interventionsByReference.get(reference) ?? []) {
      const position = item.armGroupLabels?.indexOf(label) ?? -1;
      if (position >= 0)
        related.push({
          pointer: `${interventionPointer(item.index)}/armGroupLabels/${position}`,
          message: `"${reference}" lists "${label}" here.`,
        });
    }
  }
  return related;
}

/** The other way to agree: each intervention the arm lists adds the arm to its labels (when the name picks one intervention). */
function addLabelFix(label: string, notListingArm: string[], links: Links): Fix | undefined {
  const targets = notListingArm.map((name) => links.interventionsByReference.get(name) ?? []);
  if (targets.length === 0 || targets.some((group) => group.length !== 1)) return undefined;
  return {
    title: `Add "${label}" to the arm group labels of ${quoteAll(notListingArm)}`,
    changes: targets.map(([item]) => ({
      op: 'set' as const,
      pointer: `${interventionPointer(item.index)}/armGroupLabels`,
      value: [...(item.armGroupLabels ?? []), label],
    })),
  };
}
