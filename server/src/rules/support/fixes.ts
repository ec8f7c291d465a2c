// Fixes the rules build alike.
import type { Fix } from '../../service/types';

/** Writes `value` at `pointer`, titled "Replace with "…"". */
export function replaceWith(pointer: string, value: string): Fix {
  return { title: `Replace with "${value}"`, changes: [{ op: 'set', pointer, value }] };
}
