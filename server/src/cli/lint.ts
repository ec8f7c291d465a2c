// `trial-records lint`: expand paths, validate each file, optionally fix, format, choose the exit code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigError, ConfigService, CustomRuleError, TeamSchemaError } from '../config';
import { TrialDocument } from '../service/document';
import { validateDocument, type ValidateOptions } from '../service/validate';
import { applyFindingFixes } from '../service/fixes';
import { formatters } from '../formatters';
import { ruleCatalog } from '../rules/catalog';
import { summarize, type LintedFile, type LintResults } from '../formatters/types';
import { expandPaths, FileError, readRecordFile, toDisplayPath } from './files';
import { oneOf, parseArgs, UsageError, wholeNumber } from './args';
import type { Finding, RuleMeta, Severity } from '../service/types';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  /** Reads standard input (for --stdin). */
  readStdin?: () => Promise<string>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const FAIL_LEVELS = ['error', 'warning', 'info'] as const;
const FIX_PASSES = 10;

export interface LintOptions {
  patterns: string[];
  format: string;
  output?: string;
  configFile?: string;
  failOn: (typeof FAIL_LEVELS)[number];
  maxWarnings?: number;
  fix: boolean;
  today?: string;
  exitZero: boolean;
  vscodeHint: boolean;
}

export function parseLintArgs(argv: readonly string[]): LintOptions {
  const args = parseArgs(argv, {
    values: { format: ['-f'], output: ['-o'], config: ['-c'], 'fail-on': [], 'max-warnings': [], today: [] },
    booleans: { fix: [], 'exit-zero': [], 'vscode-hint': [] },
  });
  const format = args.values.get('format') ?? 'stylish';
  if (!formatters[format]) throw new UsageError(`Unknown format "${format}"; use one of ${Object.keys(formatters).join(', ')}.`);
  const today = args.values.get('today');
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be a date in yyyy-MM-dd form (got "${today}").`);
  return {
    patterns: args.positional,
    format,
    output: args.values.get('output'),
    configFile: args.values.get('config'),
    failOn: oneOf(args.values.get('fail-on'), FAIL_LEVELS, 'fail-on') ?? 'error',
    maxWarnings: wholeNumber(args.values.get('max-warnings'), 'max-warnings'),
    fix: args.booleans.has('fix'),
    today,
    exitZero: args.booleans.has('exit-zero'),
    vscodeHint: args.booleans.has('vscode-hint'),
  };
}

export function lintFile(absolutePath: string, cwd: string, options: ValidateOptions, fix: boolean): LintedFile {
  const read = readRecordFile(absolutePath);
  const path = toDisplayPath(cwd, absolutePath);
  if ('problem' in read) {
    const finding: Finding = { ruleId: 'syntax', severity: 'error', pointer: '', target: 'value', message: read.problem, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    return { path, absolutePath, findings: [finding] };
  }
  let text = read.text;
  let findings = validateDocument(new TrialDocument(text), options);
  if (fix) {
    const fixed = fixText(text, findings, options);
    if (fixed.text !== text) {
      writeFileSync(absolutePath, fixed.text);
      text = fixed.text;
      findings = fixed.findings;
    }
  }
  return { path, absolutePath, text, findings };
}

/** Applies fixes pass after pass until nothing more changes, as ESLint does. */
export function fixText(text: string, findings: Finding[], options: ValidateOptions): { text: string; findings: Finding[] } {
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const { text: next, applied } = applyFindingFixes(text, findings);
    if (applied === 0) break;
    text = next;
    findings = validateDocument(new TrialDocument(text), options);
  }
  return { text, findings };
}

export function exitCodeFor(files: readonly LintedFile[], options: Pick<LintOptions, 'failOn' | 'maxWarnings' | 'exitZero'>): number {
  if (options.exitZero) return EXIT.ok;
  const failing: readonly Severity[] = FAIL_LEVELS.slice(0, FAIL_LEVELS.indexOf(options.failOn) + 1);
  const all = files.flatMap((file) => file.findings);
  if (all.some((finding) => failing.includes(finding.severity))) return EXIT.findings;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseLintArgs(argv);
  const configs = new ConfigService();
  const request = { configFile: options.configFile ? resolve(io.cwd, options.configFile) : undefined, trusted: true };
  const customMetas = new Map<string, RuleMeta>();
  let paths: string[];
  try {
    const projectConfig = configs.settingsFor(join(io.cwd, '.'), request).config;
    paths = expandPaths(io.cwd, options.patterns, projectConfig.files.map((glob) => relativeGlob(io.cwd, glob)));
  } catch (error) {
    return reportConfigError(error, io);
  }
  const files: LintedFile[] = [];
  let ioFailed = false;
  for (const path of paths) {
    try {
      const settings = configs.settingsFor(path, request);
      for (const rule of settings.rules) customMetas.set(rule.meta.id, rule.meta);
      const validateOptions = { ...settings.options, ...(options.today ? { today: options.today } : {}) };
      files.push(lintFile(path, io.cwd, validateOptions, options.fix));
    } catch (error) {
      if (error instanceof FileError) {
        io.stderr(`trial-records: ${error.message}\n`);
        ioFailed = true;
        continue;
      }
      configs.invalidate();
      return reportConfigError(error, io);
    }
  }
  configs.invalidate();
  const results: LintResults = { files, rules: ruleCatalog([...customMetas.values()]), cwd: io.cwd };
  const output = formatters[options.format](results, { color: io.isTty && !options.output && options.format === 'stylish' });
  if (options.output) writeFileSync(options.output, output);
  else io.stdout(output);
  if (options.vscodeHint) io.stdout(vscodeHint(results));
  if (ioFailed) return EXIT.usage;
  return exitCodeFor(files, options);
}

function relativeGlob(cwd: string, glob: string): string {
  return relative(cwd, glob).split(sep).join('/');
}

/** A broken config is never ignored: its place and what is wrong, and exit code 2. */
export function reportConfigError(error: unknown, io: CliIo): number {
  if (error instanceof ConfigError) {
    const place = error.offset > 0 ? `:${lineAndColumn(error.file, error.offset)}` : '';
    io.stderr(`trial-records: config error in ${error.file}${place}: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof CustomRuleError || error instanceof TeamSchemaError) {
    io.stderr(`trial-records: config error: ${error.message}\n`);
    return EXIT.usage;
  }
  throw error;
}

function lineAndColumn(file: string, offset: number): string {
  const text = readFileSync(file, 'utf8').slice(0, offset);
  const line = text.split('\n').length;
  return `${line}:${offset - text.lastIndexOf('\n')}`;
}

function vscodeHint(results: LintResults): string {
  const summary = summarize(results);
  return [
    '',
    `Checked ${summary.files} seed record${summary.files === 1 ? '' : 's'}. To see these findings while you edit:`,
    '  • VS Code: `npm run package`, then Extensions → "Install from VSIX…" → trial-records-*.vsix, and open seeds/*.trial.json.',
    '  • No VS Code? `npm run editor` opens the same editor in your browser with the extension and seeds/ ready.',
    '  • Any LSP editor: run `node dist/server.js --stdio` as the language server for *.trial.json.',
    '',
  ].join('\n');
}

export { UsageError };
