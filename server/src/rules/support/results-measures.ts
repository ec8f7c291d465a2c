// The numbers analyzed of a baseline or outcome measure, shared by the rules that check its data.
import { asString } from '../study';
import { objectsOf } from './ipd-results-hygiene';
import { countValue } from './results-numbers';

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
