// The numbers analyzed of a baseline or outcome measure, shared by the rules that check its data.
import type { RuleContext } from '../../service/types';
import { asString, type JsonObject } from '../study';
import { objectsOf } from './ipd-results-hygiene';
import { countValue, groupLabel, isGiven } from './results-numbers';

/**
 * The number analyzed per group id, from a list of denominators: the one counting participants
 * (units "Participants") when there are several, otherwise the first.
 */
export function analyzedCounts(denoms: unknown): Map<string, number> {
  const list = objectsOf(denoms);
  const participants = list.find((denom) => /^participants$/i.test(asString(denom?.units)?.trim() ?? '')) ?? list[0];
  const counts = new Map<string, number>();
  for (const count of objectsOf(participants?.counts)) {
    const groupId = asString(count?.groupId);
    const value = countValue(count?.value);
    if (groupId !== undefined && value !== undefined) counts.set(groupId, value);
  }
  return counts;
}

/** What holds a population description: an outcome measure or the baseline, where it is, and how messages name both. */
export interface Population {
  holder: JsonObject;
  pointer: string;
  name: string;
  /** The description's name in a message: "analysis population description". */
  descriptionName: string;
}

/** A group with 0 participants analyzed is explained in the population description (RES-03). */
export function checkZeroAnalyzed(
  context: RuleContext,
  population: Population,
  analyzed: ReadonlyMap<string, number>,
  titles: ReadonlyMap<string, string>,
): void {
  if (isGiven(population.holder.populationDescription)) return;
  const empty = [...analyzed].filter(([, count]) => count === 0).map(([groupId]) => groupLabel(groupId, titles));
  if (empty.length === 0) return;
  context.report({
    pointer: `${population.pointer}/populationDescription`,
    target: 'key',
    message: `${population.name} analyzed 0 participants in ${empty.length === 1 ? `group ${empty[0]}` : `groups ${empty.join(', ')}`} without saying why; explain it in the ${population.descriptionName} (populationDescription).`,
  });
}
