// The registry's display labels of enum codes ("Phase 2" for PHASE2, "None (Open Label)" for NONE):
// a value written as one code's label names that code without doubt, so it can be fixed, not only suggested.

/**
 * The code whose display label `value` is, ignoring letter case; undefined when no label or more than one
 * matches. `labels` are the schema's enumDescriptions, in the order of `codes`.
 */
export function codeOfDisplayLabel(
  value: string,
  codes: readonly string[],
  labels: readonly string[] | undefined,
): string | undefined {
  if (!labels) return undefined;
  const wanted = value.toLowerCase();
  const matching = codes.filter((_, index) => labels[index]?.toLowerCase() === wanted);
  return matching.length === 1 ? matching[0] : undefined;
}
