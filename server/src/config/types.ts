// The configuration file (.trialrc.json) as written, and as resolved for one record.
import type { Severity } from '../service/types';

export type SeverityWord = 'off' | 'hint' | 'info' | 'warn' | 'warning' | 'error';
export type RuleEntry = SeverityWord | [SeverityWord] | [SeverityWord, Record<string, unknown>];

export interface ConfigOverride {
  /** Globs of record paths, optionally with `#/json/pointer` to limit the override to a subtree. */
  files: string[];
  rules?: Record<string, RuleEntry>;
}

export interface TrialConfigFile {
  $schema?: string;
  extends?: string | string[];
  files?: string[];
  /** Globs of files and folders that folder walks and globs on the command line leave out. */
  ignores?: string[];
  rules?: Record<string, RuleEntry>;
  overrides?: ConfigOverride[];
  schemas?: string[];
  customRules?: string[];
  today?: string;
  /** Milliseconds a custom rule may run per document (default 1000). */
  ruleTimeout?: number;
  /** Megabytes of heap the custom rules' worker may use (default 256). */
  ruleMemoryLimit?: number;
  /** Where NCT numbers, study IDs and brief titles must be unique: across every record linted, or per folder. */
  uniqueWithin?: 'repository' | 'folder';
  /** Defaults for `export --to prs` (the fields of a <name>.prs.json sidecar), read by the export only. */
  prs?: Record<string, unknown>;
}

export interface RuleSetting {
  severity: Severity | 'off';
  options?: Record<string, unknown>;
}

/** An override with its globs split into path globs and subtree pointers. */
export interface ResolvedOverride {
  patterns: Array<{ glob: string; pointer?: string }>;
  rules: Record<string, RuleSetting>;
  /** The folder the globs are relative to. */
  base: string;
}

/** A rule id the config names that is not built in: fine only if a custom rule has it (and its options fit). */
export interface UnverifiedRule {
  id: string;
  error: ConfigError;
  options?: Record<string, unknown>;
  optionsError: (problem: string) => ConfigError;
}

/** A config with `extends` applied: what a record's settings are computed from. */
export interface ResolvedConfig {
  /** The config file (undefined when none was found: the recommended preset applies). */
  path?: string;
  /** Every file that was read, in extends order: editing one of them re-validates. */
  sources: string[];
  /** Rule ids that are not built in: valid only if a custom rule has them. */
  unverifiedRuleIds: UnverifiedRule[];
  rules: Record<string, RuleSetting>;
  overrides: ResolvedOverride[];
  files: string[];
  /** Absolute globs (folders end in "/**"). */
  ignores: string[];
  schemas: string[];
  customRules: string[];
  today?: string;
  ruleTimeout: number;
  ruleMemoryLimit: number;
  uniqueWithin: 'repository' | 'folder';
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly offset = 0,
    readonly length = 0,
  ) {
    super(message);
  }
}
