// How messages and reports put values into words: counts, lists, quotes. One place, so that every
// message reads the same way.

/** "1 error", "3 errors" (or an irregular plural: plural(2, 'analysis', 'analyses')). */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

/** "A", "A and B", "A, B and C"; past `limit` values, "A, B and 3 more". */
export function listOf(values: readonly string[], limit = values.length): string {
  const shown = values.slice(0, limit);
  const rest = values.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** A value as JSON writes it: "Placebo", with any quote inside escaped. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** Quoted text longer than the registry's longest titles (official title: 600) is not a name a curator reads whole. */
const LONGEST_QUOTE_KEPT = 600;
/** How much of such text a message keeps. */
export const QUOTED_TEXT_SHOWN = 80;

/**
 * A message whose very long quoted parts ("…") are cut to their start: the message names a value,
 * its range shows the whole of it. Other messages are returned as they are.
 */
export function withShortQuotes(message: string): string {
  if (message.length <= LONGEST_QUOTE_KEPT) return message;
  return message.replace(/"([^"]*)"/g, (quoted, text: string) =>
    text.length > LONGEST_QUOTE_KEPT ? `"${text.slice(0, QUOTED_TEXT_SHOWN)}…" (${text.length} characters)` : quoted,
  );
}

/** Values in double quotes, separated by commas: "A", "B". */
export function quoteAll(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
