// Finding, reading and resolving .trialrc.json: one loader for the CLI and the server.
import { MAX_CONFIG_FILE_BYTES, readLimitedFile, UnreadableFile } from './readLimited';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { describeParseError } from '../service/document';
import { closest } from '../service/similarity';
import { preset, PRESET_NAMES } from './presets';
import {
  ConfigError,
  type ResolvedConfig,
  type RuleEntry,
  type RuleSetting,
  type TrialConfigFile,
  type ResolvedOverride,
  type UnverifiedRule,
} from './types';
import { isPlainObject, severityFromWord } from '../service/types';
import { optionsProblem, ruleOptionsProblem } from './ruleOptions';
import { isRealFullDate } from '../service/dates';
import { pushAll } from '../service/arrays';

export const CONFIG_FILE_NAME = '.trialrc.json';
export const DEFAULT_RULE_TIMEOUT_MS = 1000;
export const DEFAULT_RULE_MEMORY_MB = 256;
/** Below this V8 cannot even start a worker with the rules loaded. */
const MIN_RULE_MEMORY_MB = 16;

const TOP_LEVEL_KEYS = [
  '$schema',
  'extends',
  'files',
  'ignores',
  'rules',
  'overrides',
  'schemas',
  'customRules',
  'today',
  'ruleTimeout',
  'ruleMemoryLimit',
  'uniqueWithin',
  'prs',
];

/** The nearest .trialrc.json in the folder of `filePath` or above it. */
export function findConfigFile(filePath: string): string | undefined {
  return findNearestFile(filePath, CONFIG_FILE_NAME);
}

/** The nearest file called `fileName` in the folder of `filePath` or above it. */
export function findNearestFile(filePath: string, fileName: string): string | undefined {
  let folder = dirname(resolve(filePath));
  for (;;) {
    const candidate = join(folder, fileName);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

export function emptyConfig(): ResolvedConfig {
  return {
    sources: [],
    unverifiedRuleIds: [],
    rules: {},
    overrides: [],
    files: [],
    ignores: [],
    schemas: [],
    customRules: [],
    ruleTimeout: DEFAULT_RULE_TIMEOUT_MS,
    ruleMemoryLimit: DEFAULT_RULE_MEMORY_MB,
    uniqueWithin: 'repository',
  };
}

/**
 * Throws for the first rule id the config names that is neither built in nor a loaded custom
 * rule, and for options that do not fit a custom rule's declared options schema.
 */
export function verifyRuleIds(
  config: ResolvedConfig,
  customRules: ReadonlyMap<string, { options?: Record<string, unknown> }>,
): void {
  const unknown = config.unverifiedRuleIds.find(({ id }) => !customRules.has(id));
  if (unknown) throw unknown.error;
  for (const { id, options, optionsError } of config.unverifiedRuleIds) {
    const schema = customRules.get(id)?.options;
    const problem = schema && options && optionsProblem(schema, options);
    if (problem) throw optionsError(problem);
  }
}

/** Reads and resolves a config file with its `extends` chain; throws ConfigError with the place. */
export function loadConfig(path: string, knownRuleIds: ReadonlySet<string>): ResolvedConfig {
  const resolved = emptyConfig();
  resolved.path = resolve(path);
  applyFile(resolved, resolved.path, knownRuleIds, []);
  return resolved;
}

interface ParsedFile {
  config: TrialConfigFile;
  tree: Node | undefined;
}

/** A config is JSON with comments and trailing commas: the words for records' strict JSON do not fit. */
const CONFIG_WORDING = {
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here.',
  EndOfFileExpected: 'Unexpected text after the end: a config holds exactly one JSON object.',
};

function readConfigFile(path: string, chain: readonly string[]): ParsedFile {
  let text: string;
  try {
    text = readLimitedFile(path, MAX_CONFIG_FILE_BYTES);
  } catch (error) {
    const from = chain[chain.length - 1];
    const reason = error instanceof UnreadableFile ? error.message : 'cannot be read';
    throw new ConfigError(`Config file ${path}${from ? ` (extended from ${from})` : ''} ${reason}.`, from ?? path);
  }
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  let config: TrialConfigFile;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    config = errors.length === 0 && tree ? (nodeValue(tree) as TrialConfigFile) : {};
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigError(`${path} is nested too deeply to read.`, path);
    throw error;
  }
  if (errors.length > 0) {
    throw new ConfigError(
      `${path} is not valid JSON: ${describeParseError(errors[0], text, CONFIG_WORDING)}`,
      path,
      errors[0].offset,
      errors[0].length,
    );
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config))
    throw new ConfigError(`${path} must hold one JSON object.`, path);
  return { config, tree };
}

function nodeValue(node: Node): unknown {
  if (node.type === 'object')
    return Object.fromEntries(
      (node.children ?? []).map((p) => [p.children![0].value, p.children![1] ? nodeValue(p.children![1]) : undefined]),
    );
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  return node.value;
}

/** A ConfigError placed at the value (or key) of `path` inside the file. */
function errorAt(
  file: string,
  tree: Node | undefined,
  path: Array<string | number>,
  message: string,
  atKey = false,
): ConfigError {
  const node = tree ? findNodeAtLocation(tree, path) : undefined;
  const place = atKey && node?.parent?.type === 'property' ? node.parent.children![0] : node;
  return new ConfigError(message, file, place?.offset ?? 0, place?.length ?? 0);
}

function applyFile(resolved: ResolvedConfig, path: string, knownRuleIds: ReadonlySet<string>, chain: string[]): void {
  if (chain.includes(path))
    throw new ConfigError(`"extends" makes a cycle: ${[...chain, path].join(' → ')}.`, chain[chain.length - 1]);
  const { config, tree } = readConfigFile(path, chain);
  checkTopLevel(path, tree, config);
  const base = dirname(path);
  for (const [index, entry] of toList(config.extends).entries()) {
    const at = Array.isArray(config.extends) ? ['extends', index] : ['extends'];
    if (typeof entry !== 'string')
      throw errorAt(path, tree, at, '"extends" entries are preset names or relative file paths.');
    const presetConfig = entry.startsWith('trial-records:') ? preset(entry) : undefined;
    if (entry.startsWith('trial-records:') && !presetConfig) {
      throw errorAt(path, tree, at, `Unknown preset "${entry}"; presets are ${PRESET_NAMES.join(', ')}.`);
    }
    if (presetConfig)
      mergeRules(
        resolved.unverifiedRuleIds,
        resolved.rules,
        presetConfig.rules ?? {},
        path,
        tree,
        knownRuleIds,
        undefined,
      );
    else {
      const target = resolve(base, entry);
      if (!existsSync(target))
        throw errorAt(path, tree, at, `"extends" names ${entry}, which does not exist (looked for ${target}).`);
      applyFile(resolved, target, knownRuleIds, [...chain, path]);
    }
  }
  resolved.sources.push(path);
  mergeRules(
    resolved.unverifiedRuleIds,
    resolved.rules,
    ruleSettingsAt(config.rules, path, tree, ['rules']),
    path,
    tree,
    knownRuleIds,
    ['rules'],
  );
  for (const [index, override] of overrideList(config.overrides, path, tree).entries())
    resolved.overrides.push(resolveOverride(resolved.unverifiedRuleIds, override, index, path, tree, knownRuleIds));
  pushAll(
    resolved.files,
    stringList(config.files, 'files', 'globs', path, tree).map((glob) => joinGlob(base, glob)),
  );
  pushAll(
    resolved.ignores,
    stringList(config.ignores, 'ignores', 'globs', path, tree).map((glob) => ignoreGlob(base, glob)),
  );
  pushAll(
    resolved.schemas,
    stringList(config.schemas, 'schemas', 'file paths', path, tree).map((schema, index) =>
      existingPath(base, schema, path, tree, ['schemas', index]),
    ),
  );
  pushAll(
    resolved.customRules,
    stringList(config.customRules, 'customRules', 'paths or globs', path, tree).map((rule) => joinGlob(base, rule)),
  );
  if (config.today !== undefined) {
    if (typeof config.today !== 'string' || !isRealFullDate(config.today))
      throw errorAt(path, tree, ['today'], '"today" must be a real date in yyyy-MM-dd form.');
    resolved.today = config.today;
  }
  if (config.ruleTimeout !== undefined) {
    if (typeof config.ruleTimeout !== 'number' || config.ruleTimeout <= 0)
      throw errorAt(path, tree, ['ruleTimeout'], '"ruleTimeout" must be a positive number of milliseconds.');
    resolved.ruleTimeout = config.ruleTimeout;
  }
  if (config.ruleMemoryLimit !== undefined) {
    if (typeof config.ruleMemoryLimit !== 'number' || !(config.ruleMemoryLimit >= MIN_RULE_MEMORY_MB)) {
      throw errorAt(
        path,
        tree,
        ['ruleMemoryLimit'],
        `"ruleMemoryLimit" must be a number of megabytes, at least ${MIN_RULE_MEMORY_MB}.`,
      );
    }
    resolved.ruleMemoryLimit = Math.floor(config.ruleMemoryLimit);
  }
  if (config.uniqueWithin !== undefined) {
    if (config.uniqueWithin !== 'repository' && config.uniqueWithin !== 'folder')
      throw errorAt(path, tree, ['uniqueWithin'], '"uniqueWithin" must be "repository" or "folder".');
    resolved.uniqueWithin = config.uniqueWithin;
  }
}

function toList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A list of strings (a lone string counts as a list of one); anything else is an error at the value that is not a string. */
function stringList(value: unknown, key: string, what: string, file: string, tree: Node | undefined): string[] {
  const list = toList(value);
  const wrong = list.findIndex((item) => typeof item !== 'string');
  if (wrong >= 0)
    throw errorAt(file, tree, Array.isArray(value) ? [key, wrong] : [key], `"${key}" is a list of ${what} (strings).`);
  return list as string[];
}

/** An ignore glob made absolute from `base`; "archive/" names a folder: everything under it. */
export function ignoreGlob(base: string, glob: string): string {
  return joinGlob(base, glob.endsWith('/') ? `${glob}**` : glob);
}

function ruleSettingsAt(
  value: unknown,
  file: string,
  tree: Node | undefined,
  at: Array<string | number>,
): Record<string, RuleEntry> {
  if (value === undefined) return {};
  if (!isPlainObject(value))
    throw errorAt(file, tree, at, '"rules" is an object from rule id to severity: { "date-order": "warn" }.');
  return value as Record<string, RuleEntry>;
}

function overrideList(value: unknown, file: string, tree: Node | undefined): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw errorAt(file, tree, ['overrides'], '"overrides" is a list of { "files": [...], "rules": {...} } objects.');
  return value;
}

function joinGlob(base: string, glob: string): string {
  return isAbsolute(glob) ? glob : join(base, glob).split('\\').join('/');
}

function existingPath(
  base: string,
  relative: unknown,
  file: string,
  tree: Node | undefined,
  at: Array<string | number>,
): string {
  if (typeof relative !== 'string') throw errorAt(file, tree, at, 'Expected a file path.');
  const target = resolve(base, relative);
  if (!existsSync(target)) throw errorAt(file, tree, at, `${relative} does not exist (looked for ${target}).`);
  return target;
}

function splitPointer(glob: string): { glob: string; pointer?: string } {
  const hash = glob.indexOf('#');
  return hash < 0 ? { glob } : { glob: glob.slice(0, hash) || '**', pointer: glob.slice(hash + 1) };
}

function checkTopLevel(path: string, tree: Node | undefined, config: TrialConfigFile): void {
  for (const key of Object.keys(config)) {
    if (TOP_LEVEL_KEYS.includes(key)) continue;
    const suggestion = closest(key, TOP_LEVEL_KEYS);
    throw errorAt(
      path,
      tree,
      [key],
      `Unknown key "${key}" in the config${suggestion ? `; did you mean "${suggestion}"?` : `; known keys: ${TOP_LEVEL_KEYS.join(', ')}.`}`,
      true,
    );
  }
}

export function parseRuleEntry(entry: RuleEntry | unknown): RuleSetting | string {
  const [word, options] = Array.isArray(entry) ? entry : [entry, undefined];
  const severity = word === 'off' ? 'off' : severityFromWord(word);
  if (!severity)
    return `Bad severity ${JSON.stringify(word)}: use "off", "info", "warn" or "error" (or [severity, options]).`;
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options)))
    return 'Rule options must be an object: [severity, { ... }].';
  return { severity, options: options as Record<string, unknown> | undefined };
}

function mergeRules(
  unverified: UnverifiedRule[],
  target: Record<string, RuleSetting>,
  rules: Record<string, RuleEntry>,
  file: string,
  tree: Node | undefined,
  knownRuleIds: ReadonlySet<string>,
  at: Array<string | number> | undefined,
): void {
  for (const [id, entry] of Object.entries(rules)) {
    if (!knownRuleIds.has(id)) {
      // Perhaps a custom rule's id: checked once the custom rules are loaded (verifyRuleIds).
      const suggestion = closest(id, [...knownRuleIds]);
      const setting = parseRuleEntry(entry);
      unverified.push({
        id,
        error: errorAt(
          file,
          tree,
          [...(at ?? ['rules']), id],
          `Unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} Run "trial-records rules" for the list.`,
          true,
        ),
        options: typeof setting === 'string' ? undefined : setting.options,
        optionsError: (problem) => errorAt(file, tree, [...(at ?? ['rules']), id, 1], `Rule "${id}": ${problem}`),
      });
    }
    const setting = parseRuleEntry(entry);
    if (typeof setting === 'string') throw errorAt(file, tree, [...(at ?? ['rules']), id], `Rule "${id}": ${setting}`);
    const optionsProblem = setting.options && ruleOptionsProblem(id, setting.options);
    if (optionsProblem) throw errorAt(file, tree, [...(at ?? ['rules']), id, 1], `Rule "${id}": ${optionsProblem}`);
    target[id] = { severity: setting.severity, options: setting.options ?? target[id]?.options };
  }
}

function resolveOverride(
  unverified: UnverifiedRule[],
  override: unknown,
  index: number,
  file: string,
  tree: Node | undefined,
  knownRuleIds: ReadonlySet<string>,
): ResolvedOverride {
  const entry = isPlainObject(override) ? override : {};
  const files = toList(entry.files);
  if (files.length === 0 || files.some((glob) => typeof glob !== 'string')) {
    throw errorAt(
      file,
      tree,
      ['overrides', index],
      'Each override needs "files": a list of globs, optionally with "#/json/pointer".',
    );
  }
  const unknownKey = Object.keys(entry).find((key) => key !== 'files' && key !== 'rules');
  if (unknownKey !== undefined)
    throw errorAt(
      file,
      tree,
      ['overrides', index, unknownKey],
      `Unknown key "${unknownKey}" in an override; an override has "files" and "rules".`,
      true,
    );
  const rules: Record<string, RuleSetting> = {};
  mergeRules(
    unverified,
    rules,
    ruleSettingsAt(entry.rules, file, tree, ['overrides', index, 'rules']),
    file,
    tree,
    knownRuleIds,
    ['overrides', index, 'rules'],
  );
  return { patterns: (files as string[]).map(splitPointer), rules, base: dirname(file) };
}
