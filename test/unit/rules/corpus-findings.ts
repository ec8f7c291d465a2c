// What the group corpus tests share: a group's rules by id, the records to run them on, and the
// group's findings on one record.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../../../server/src/rules';
import { validateText } from '../../../server/src/service/validate';
import type { Finding, Rule } from '../../../server/src/service/types';

export const TODAY = '2026-11-24';
export const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');

/** The built-in rules with these ids, in this order (an id that is not a rule fails the test file). */
export function rulesWithIds(ids: readonly string[]): Rule[] {
  return ids.map((id) => {
    const rule = builtinRules.find((candidate) => candidate.meta.id === id);
    if (!rule) throw new Error(`no built-in rule "${id}"`);
    return rule;
  });
}

/** The names of a folder's files with this ending, sorted. */
export function recordNames(folder: string, suffix = '.json'): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

/** The findings of `rules` alone on the record at `path` (and of the ids in `also`, e.g. rule-error). */
export function groupFindings(rules: readonly Rule[], path: string, also: readonly string[] = []): Finding[] {
  const ids = new Set([...rules.map((rule) => rule.meta.id), ...also]);
  return validateText(readFileSync(path, 'utf8'), { today: TODAY, rules }).filter((finding) => ids.has(finding.ruleId));
}
