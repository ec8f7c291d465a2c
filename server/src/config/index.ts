// The configuration service used by both the CLI and the language server: finds the config for
// a record, resolves it (extends, presets), loads team schemas and (when trusted) custom rules,
// and turns it into validation options. Results are cached until a source file changes.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import picomatch from 'picomatch';
import { builtinRules, ENGINE_RULES } from '../rules';
import type { ValidateOptions } from '../service/validate';
import type { Rule } from '../service/types';
import { loadCustomRules, type LoadedCustomRules } from './customRules';
import { emptyConfig, findConfigFile, loadConfig, verifyRuleIds } from './load';
import { defaultSeverities, teamSchemaChecks, validateOptionsFor } from './settings';
import type { ResolvedConfig } from './types';

export { ConfigError } from './types';
export { CONFIG_FILE_NAME, findConfigFile, findNearestFile, ignoreGlob } from './load';
export { CustomRuleError } from './customRules';
export { TeamSchemaError } from './teamSchemaHost';

export interface ConfigRequest {
  /** An explicit config file (the CLI's --config); otherwise the nearest .trialrc.json. */
  configFile?: string;
  /** Custom rules run only when true (the CLI, or a trusted workspace in the editor). */
  trusted: boolean;
}

export interface RecordSettings {
  config: ResolvedConfig;
  /** The config's `ignores` match the record: the editor leaves it unchecked, folder walks leave it out. */
  ignored: boolean;
  options: ValidateOptions;
  rules: readonly Rule[];
  /** Why custom rules are not running, when the config has some. */
  customRulesNote?: string;
}

interface CacheEntry {
  config: ResolvedConfig;
  /** Whether a path matches the config's `ignores`. */
  isIgnored: (path: string) => boolean;
  /** Whether a path matches the config's `files`. */
  isListedRecord: (path: string) => boolean;
  custom?: LoadedCustomRules;
  customRulesNote?: string;
  stamps: Map<string, number>;
}

const KNOWN_RULE_IDS = new Set<string>([
  ...builtinRules.map((rule) => rule.meta.id),
  ...ENGINE_RULES.map((rule) => rule.id),
  'team-schema',
]);

/** Matches absolute paths against absolute globs, with forward slashes on every system. */
export function ignoreMatcher(
  globs: readonly string[],
  options: { dot: boolean } = { dot: true },
): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch(globs.map(toSlashes), options);
  return (path) => matches(toSlashes(path));
}

function toSlashes(path: string): string {
  return path.split('\\').join('/');
}

function stamp(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

export class ConfigService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly nearestByFolder = new Map<string, string | undefined>();

  /** Settings for one record; throws ConfigError / CustomRuleError / TeamSchemaError on a broken config. */
  settingsFor(filePath: string, request: ConfigRequest): RecordSettings {
    const configPath = request.configFile ?? findConfigFile(filePath);
    const entry = this.entryFor(configPath, request.trusted);
    const rules = entry.custom ? [...builtinRules, ...entry.custom.rules] : builtinRules;
    const options: ValidateOptions = {
      ...validateOptionsFor(entry.config, filePath, defaultSeverities(rules)),
      rules,
      extraChecks: teamSchemaChecks(entry.config),
    };
    return {
      config: entry.config,
      ignored: entry.isIgnored(filePath),
      options,
      rules,
      customRulesNote: entry.customRulesNote,
    };
  }

  /**
   * Whether the config that applies at `path` (a record, or a folder: the config above it)
   * ignores it. Custom rules are not loaded for this.
   */
  isIgnored(path: string, request: Omit<ConfigRequest, 'trusted'>): boolean {
    return this.entryFor(request.configFile ?? this.nearestConfig(path), false).isIgnored(path);
  }

  /** Whether the `files` globs of the config that applies to a file make it a record (beyond *.trial.json). */
  isListedRecord(path: string, request: Omit<ConfigRequest, 'trusted'>): boolean {
    return this.entryFor(request.configFile ?? this.nearestConfig(path), false).isListedRecord(path);
  }

  /**
   * findConfigFile, remembered per folder until invalidate(): for callers that ask for many files
   * of one run (folder walks, the linter, the cache).
   */
  nearestConfig(path: string): string | undefined {
    const folder = dirname(path);
    if (!this.nearestByFolder.has(folder)) this.nearestByFolder.set(folder, findConfigFile(path));
    return this.nearestByFolder.get(folder);
  }

  /** Forgets every cached config (the server calls this when a config or rule file changes). */
  invalidate(): void {
    for (const entry of this.cache.values()) entry.custom?.dispose();
    this.cache.clear();
    this.nearestByFolder.clear();
  }

  private entryFor(configPath: string | undefined, trusted: boolean): CacheEntry {
    const key = `${configPath ?? ''}\u0000${trusted}`;
    const cached = this.cache.get(key);
    if (cached && [...cached.stamps].every(([path, time]) => stamp(path) === time)) return cached;
    cached?.custom?.dispose();
    this.cache.delete(key);
    const entry = this.load(configPath, trusted);
    this.cache.set(key, entry);
    return entry;
  }

  private load(configPath: string | undefined, trusted: boolean): CacheEntry {
    if (!configPath)
      return { config: emptyConfig(), isIgnored: () => false, isListedRecord: () => false, stamps: new Map() };
    const config = loadConfig(configPath, KNOWN_RULE_IDS);
    const entry: CacheEntry = {
      config,
      isIgnored: ignoreMatcher(config.ignores),
      isListedRecord: ignoreMatcher(config.files, { dot: false }),
      stamps: new Map(),
    };
    if (config.customRules.length > 0) {
      if (trusted) {
        entry.custom = loadCustomRules(config.customRules, {
          timeoutMs: config.ruleTimeout,
          memoryLimitMb: config.ruleMemoryLimit,
        });
        entry.customRulesNote = entry.custom.note;
        for (const file of entry.custom.files) entry.stamps.set(file, stamp(file));
      } else {
        entry.customRulesNote =
          'Custom rules are off: this workspace is not trusted (Workspace Trust), so their code does not run.';
      }
    }
    if (trusted || config.customRules.length === 0)
      verifyRuleIds(config, new Map(entry.custom?.rules.map((rule) => [rule.meta.id, rule.meta]) ?? []));
    for (const source of [...config.sources, ...config.schemas]) entry.stamps.set(source, stamp(source));
    return entry;
  }
}
