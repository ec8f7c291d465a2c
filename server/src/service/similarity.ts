// "Did you mean …?" helpers: edit distance and the closest candidate.
/** Edits (insert, delete, replace, or swap two neighbouring letters) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const replace = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, replace);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Upper-case letters and digits only: "Phase 2" and "phase-2" both become "PHASE2". */
export function normalizeCode(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The candidate closest to `value`, when it is close enough to be a plausible typo. */
export function closest(
  value: string,
  candidates: readonly string[],
  labels: readonly string[] = [],
): string | undefined {
  const normalized = normalizeCode(value);
  const exact = candidates.find(
    (candidate, i) => normalizeCode(candidate) === normalized || (labels[i] && normalizeCode(labels[i]) === normalized),
  );
  if (exact) return exact;
  const extending = candidates.filter(
    (candidate) => candidate.toLowerCase().startsWith(value.toLowerCase()) && value.length >= 4,
  );
  if (extending.length === 1) return extending[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(Math.max(value.length, best?.length ?? 0) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** Candidates within a typo's distance of `value`, closest first. */
export function closeCandidates(value: string, candidates: readonly string[]): string[] {
  const allowed = Math.max(1, Math.floor(value.length / 4));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(value.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance)
    .map(({ candidate }) => candidate);
}

/** The one candidate equal to `value` but for letter case and surrounding white space; undefined when none or several are. */
export function sameIgnoringCase(value: string, candidates: readonly string[]): string | undefined {
  const wanted = value.trim().toLowerCase();
  const matches = candidates.filter((candidate) => candidate.trim().toLowerCase() === wanted);
  return matches.length === 1 ? matches[0] : undefined;
}
