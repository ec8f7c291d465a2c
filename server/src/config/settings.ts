// A resolved config applied to one record: severities (with overrides by glob and by pointer),
// rule options, today, team schemas; the same function serves the CLI and the server.
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { parse, type ParseError } from 'jsonc-parser';
import { describeParseError } from '../service/document';
import { isWithin } from '../service/pointer';
import { lineAndColumnAt } from '../service/document';
import type { ValidateOptions } from '../service/validate';
import type { Rule, Severity, UnplacedFinding } from '../service/types';
import type { ResolvedConfig, ResolvedOverride, RuleSetting } from './types';
import { TeamSchemaError, TeamSchemaHost } from './teamSchemaHost';
import { MAX_CONFIG_FILE_BYTES, readLimitedFile, UnreadableFile } from './readLimited';

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

function matchesFile(override: ResolvedOverride, glob: string, filePath: string): boolean {
  const relativePath = toSlashes(relative(override.base, filePath));
  return (
    picomatch(glob, { dot: true })(relativePath) ||
    picomatch(glob, { dot: true, basename: !glob.includes('/') })(relativePath)
  );
}

export interface ApplicableOverride {
  rules: Record<string, RuleSetting>;
  pointer?: string;
}

/** The overrides whose globs match a record, in order; those with a pointer apply under it only. */
export function overridesFor(config: ResolvedConfig, filePath: string): ApplicableOverride[] {
  const applicable: ApplicableOverride[] = [];
  for (const override of config.overrides) {
    for (const pattern of override.patterns) {
      if (matchesFile(override, pattern.glob, filePath))
        applicable.push({ rules: override.rules, pointer: pattern.pointer });
    }
  }
  return applicable;
}

/** Validation options for one record under a config (custom rules and schemas are added by the caller). */
export function validateOptionsFor(
  config: ResolvedConfig,
  filePath: string,
  defaults: ReadonlyMap<string, Severity>,
): Omit<ValidateOptions, 'rules'> {
  const overrides = overridesFor(config, filePath);
  const settingFor = (ruleId: string, pointer: string | undefined): RuleSetting | undefined => {
    let setting = config.rules[ruleId];
    for (const override of overrides) {
      const rule = override.rules[ruleId];
      if (!rule) continue;
      if (override.pointer === undefined || (pointer !== undefined && isWithin(pointer, override.pointer)))
        setting = { severity: rule.severity, options: rule.options ?? setting?.options };
    }
    return setting;
  };
  // Asked for every rule of every record (and every finding): kept per rule.
  const forWholeFile = new Map<string, { setting: RuleSetting | undefined; off: boolean }>();
  const wholeFile = (ruleId: string) => {
    let known = forWholeFile.get(ruleId);
    if (!known) {
      const setting = settingFor(ruleId, undefined);
      const off =
        setting?.severity === 'off' &&
        !overrides.some((o) => o.pointer !== undefined && o.rules[ruleId] && o.rules[ruleId].severity !== 'off');
      known = { setting, off };
      forWholeFile.set(ruleId, known);
    }
    return known;
  };
  const byPointer = overrides.some((override) => override.pointer !== undefined);
  return {
    today: config.today,
    severityFor: (ruleId, pointer, defaultSeverity) => {
      const setting = byPointer ? settingFor(ruleId, pointer) : wholeFile(ruleId).setting;
      if (!setting) return undefined;
      // Restating a rule's default keeps the finer severities some rules give single findings.
      return setting.severity === (defaults.get(ruleId) ?? defaultSeverity) ? undefined : setting.severity;
    },
    optionsFor: (ruleId) => wholeFile(ruleId).setting?.options,
    isRuleOff: (ruleId) => wholeFile(ruleId).off,
  };
}

export function defaultSeverities(rules: readonly Rule[]): Map<string, Severity> {
  return new Map(rules.map((rule) => [rule.meta.id, rule.meta.severity]));
}

const schemaCache = new Map<string, { mtimeMs: number; host: TeamSchemaHost }>();

/** Team schemas as extra checks, each in its worker within `ruleTimeout`; findings use the schema's `x-rule-id`, or `team-schema`. */
export function teamSchemaChecks(config: ResolvedConfig): Array<(value: unknown) => UnplacedFinding[]> {
  return config.schemas.map((path) => {
    const host = teamSchemaHost(path);
    return (value) => host.check(value, config.ruleTimeout);
  });
}

function teamSchemaHost(path: string): TeamSchemaHost {
  const mtimeMs = statSync(path).mtimeMs;
  const cached = schemaCache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.host;
  cached?.host.dispose();
  schemaCache.delete(path);
  const host = compileTeamSchema(path);
  schemaCache.set(path, { mtimeMs, host });
  return host;
}

const SCHEMA_WORDING = {
  EndOfFileExpected: 'Unexpected text after the end: a team schema holds exactly one JSON object.',
  InvalidCommentToken: 'Comments are not allowed: team schemas are strict JSON.',
  UnexpectedEndOfComment: 'Comments are not allowed: team schemas are strict JSON.',
};

function readTeamSchema(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readLimitedFile(path, MAX_CONFIG_FILE_BYTES);
  } catch (error) {
    throw new TeamSchemaError(
      `Team schema ${path} ${error instanceof UnreadableFile ? error.message : 'cannot be read'}.`,
    );
  }
  const errors: ParseError[] = [];
  const schema = parseNested(
    path,
    () => parse(text, errors, { allowTrailingComma: false, disallowComments: true }) as unknown,
  );
  if (errors.length > 0) {
    const { line, column } = lineAndColumnAt(text, errors[0].offset);
    throw new TeamSchemaError(
      `Team schema ${path} is not valid JSON at line ${line}, column ${column}: ${describeParseError(errors[0], text, SCHEMA_WORDING)}`,
    );
  }
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
    throw new TeamSchemaError(`Team schema ${path} must hold one JSON Schema object.`);
  return schema as Record<string, unknown>;
}

/** jsonc-parser reads nested values recursively: a schema nested many thousand levels deep overflows the stack. */
function parseNested<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RangeError) throw new TeamSchemaError(`Team schema ${path} is nested too deeply to read.`);
    throw error;
  }
}

function compileTeamSchema(path: string): TeamSchemaHost {
  const schema = readTeamSchema(path);
  const ruleId = typeof schema['x-rule-id'] === 'string' ? schema['x-rule-id'] : 'team-schema';
  const host = new TeamSchemaHost(path, schema, ruleId);
  host.start();
  return host;
}
