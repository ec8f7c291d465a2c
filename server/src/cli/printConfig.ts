// `trial-records lint --print-config FILE`: the settings that apply to one record, resolved as the
// linter resolves them (config file and its extends, overrides, ignores, custom rules), as JSON.
// For a team debugging why a rule reports, or does not, on one file.
import { resolve } from 'node:path';
import { ConfigService } from '../config';
import { overridesFor } from '../config/settings';
import { toDisplayPath } from './files';
import { builtinRules, ENGINE_RULES } from '../rules';

const BUILT_IN_IDS = new Set(builtinRules.map((rule) => rule.meta.id));
/** The engine's own checks that a config can tune like rules (syntax, duplicate keys, schema, unknown keys). */
const CONFIGURABLE_ENGINE_CHECKS = ENGINE_RULES.filter((rule) => rule.category !== 'engine');

export interface PrintedConfig {
  file: string;
  /** The config file that applies, or null when none does (the recommended rules). */
  config: string | null;
  /** Every file read, in extends order. */
  sources: string[];
  ignored: boolean;
  today: string | null;
  /** Each rule's severity and options for the whole record. */
  rules: Record<string, { severity: string; options?: Record<string, unknown> }>;
  /** Overrides that apply under one JSON subtree of the record only. */
  subtreeOverrides: Array<{ pointer: string; rules: Record<string, string> }>;
  schemas: string[];
  customRules: string[];
}

export function printedConfig(cwd: string, file: string, configFile: string | undefined): PrintedConfig {
  const absolute = resolve(cwd, file);
  const configs = new ConfigService();
  try {
    const settings = configs.settingsFor(absolute, {
      configFile: configFile ? resolve(cwd, configFile) : undefined,
      trusted: true,
    });
    const { options, config } = settings;
    const rules: PrintedConfig['rules'] = {};
    for (const meta of [...CONFIGURABLE_ENGINE_CHECKS, ...settings.rules.map((rule) => rule.meta)].sort((a, b) =>
      a.id.localeCompare(b.id),
    )) {
      const id = meta.id;
      const severity = options.isRuleOff?.(id)
        ? 'off'
        : (options.severityFor?.(id, '', meta.severity) ?? meta.severity);
      const ruleOptions = options.optionsFor?.(id);
      rules[id] = ruleOptions ? { severity, options: ruleOptions } : { severity };
    }
    const subtreeOverrides = overridesFor(config, absolute)
      .filter((override) => override.pointer !== undefined)
      .map((override) => ({
        pointer: override.pointer!,
        rules: Object.fromEntries(Object.entries(override.rules).map(([id, setting]) => [id, setting.severity])),
      }));
    return {
      file: toDisplayPath(cwd, absolute),
      config: config.path ?? null,
      sources: config.sources,
      ignored: settings.ignored,
      today: options.today ?? null,
      rules,
      subtreeOverrides,
      schemas: config.schemas,
      customRules: settings.rules.filter((rule) => !BUILT_IN_IDS.has(rule.meta.id)).map((rule) => rule.meta.id),
    };
  } finally {
    configs.invalidate();
  }
}
