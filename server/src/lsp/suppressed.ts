// Findings a team accepted in its suppressions baseline (`lint --suppress-all`), as the editor shows
// them: dimmed hints, or not at all (`trialRecords.suppressedFindings`), never as errors. The
// baseline is the nearest trial-records-suppressions.json above the record.
import { statSync } from 'node:fs';
import { findNearestFile } from '../config';
import { DEFAULT_SUPPRESSIONS_FILE, Suppressions } from '../cli/suppressions';
import type { Finding } from '../service/types';

/** Baselines read so far, by path, with the size and time they were read at: validations run on every edit. */
const loaded = new Map<string, { stamp: string; suppressions: Suppressions }>();

function baselineAt(path: string): Suppressions {
  const stats = statSync(path);
  const stamp = `${stats.size}:${stats.mtimeMs}`;
  const known = loaded.get(path);
  if (known?.stamp === stamp) return known.suppressions;
  const suppressions = Suppressions.load(path);
  loaded.set(path, { stamp, suppressions });
  return suppressions;
}

/** The findings with those the baseline accepts dimmed or left out; a baseline that cannot be read changes nothing. */
export function withSuppressions(recordPath: string, findings: Finding[], show: 'dimmed' | 'hidden'): Finding[] {
  const file = findNearestFile(recordPath, DEFAULT_SUPPRESSIONS_FILE);
  if (!file) return findings;
  let suppressed: Set<Finding>;
  try {
    suppressed = baselineAt(file).suppressedIn({ absolutePath: recordPath, findings });
  } catch {
    return findings;
  }
  if (suppressed.size === 0) return findings;
  if (show === 'hidden') return findings.filter((finding) => !suppressed.has(finding));
  return findings.map((finding) =>
    suppressed.has(finding)
      ? {
          ...finding,
          severity: 'hint',
          suppressed: true,
          message: `Suppressed by the team's baseline: ${finding.message}`,
        }
      : finding,
  );
}
