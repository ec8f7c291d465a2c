// Array helpers that stay safe for inputs of any length: `push(...items)` and `Math.max(...items)`
// pass every item as an argument, and past about 100,000 items that overflows the call stack.

/** Appends `items` to `target` one by one (what `target.push(...items)` does, for any length). */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

/** The largest of `values`, or `floor` when there is none larger (what `Math.max(floor, ...values)` does, for any length). */
export function maxOf(values: readonly number[], floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The index of the last of `sorted` (ascending) that is at most `value`, or -1 when none is. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
