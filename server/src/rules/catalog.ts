// Metadata of every rule id the tool can report: the built-in rules and the engine's own ids.
import { builtinRules, ENGINE_RULES } from './index';
import type { RuleMeta } from '../service/types';

export type CatalogEntry = Pick<RuleMeta, 'id' | 'severity' | 'category' | 'description' | 'source'> &
  Partial<Pick<RuleMeta, 'docs' | 'fixable' | 'options'>>;

export function ruleCatalog(extra: readonly RuleMeta[] = []): Map<string, CatalogEntry> {
  const entries: CatalogEntry[] = [...ENGINE_RULES, ...builtinRules.map((rule) => rule.meta), ...extra];
  return new Map(entries.map((entry) => [entry.id, entry]));
}
