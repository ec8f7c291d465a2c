// `trial-records lint`: expand paths, lint them (in workers when there are many), keep the changed
// lines' findings with --changed-since, format, choose the exit code. --stdin lints piped text.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigService, ignoreGlob, ignoreMatcher } from '../config';
import { FORMATS_SHOWING_FIXES, formatters } from '../formatters';
import { ruleCatalog } from '../rules/catalog';
import { builtinRules } from '../rules';
import { acrossRecordFindings, scopeOf, type RecordIdentity } from './acrossRecords';
import {
  FAIL_LEVELS,
  isAtOrAbove,
  summarize,
  type FailLevel,
  type LintedFile,
  type LintResults,
} from '../formatters/types';
import type { Finding, RuleMeta } from '../service/types';
import { isRealFullDate } from '../service/dates';
import { gitHubRepository } from './repository';
import { DEFAULT_CACHE_FILE, LintCache } from './cache';
import {
  changedLinesSince,
  fileAtRevision,
  gitWorkTreeRoot,
  keepChangedFindings,
  type ChangedLines,
  type ErrorsBefore,
} from './changed';
import { configErrorMessage, ReportedConfigError } from './configErrors';
import {
  decodeRecordBytes,
  expandPaths,
  FileError,
  readRecordBytes,
  recordValue,
  toDisplayPath,
  type FileSelection,
} from './files';
import { listOf, plural } from '../service/words';
import { RecordLinter, withoutFixes, type LinterSetup, type LintOutcome } from './linter';
import { oneOf, parseArgs, UsageError, wholeNumber } from './args';
import { lintInWorkers, lintWorkerPath, workerCountFor, type Concurrency } from './pool';
import { NO_PROGRESS, progressLine, type Progress } from './progress';
import { printedConfig } from './printConfig';
import { suppressionsPath, Suppressions, type SuppressionMode } from './suppressions';

export interface CliIo {
  cwd: string;
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** Standard output is a terminal (colours). */
  isTty: boolean;
  /** Standard error is a terminal (the progress line). */
  stderrIsTty?: boolean;
  /** Reads all of standard input (for --stdin). */
  readStdin?: () => Promise<Buffer>;
  /** The environment (GitHub Actions variables); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface LintOptions {
  patterns: string[];
  format: string;
  output?: string;
  configFile?: string;
  failOn: FailLevel;
  maxWarnings?: number;
  fix: boolean;
  today?: string;
  exitZero: boolean;
  vscodeHint: boolean;
  changedSince?: string;
  stdin: boolean;
  stdinFilepath?: string;
  quiet: boolean;
  concurrency: Concurrency;
  /** --print-config FILE: print the settings that apply to FILE instead of linting. */
  printConfig?: string;
  /** --ignore-pattern globs, relative to the working directory. */
  ignorePatterns: string[];
  /** --cache: the cache file (or folder), relative to the working directory; undefined without --cache. */
  cacheLocation?: string;
  /** --color / --no-color; undefined leaves it to the terminal and NO_COLOR / FORCE_COLOR. */
  color?: boolean;
  /** What to do with the suppressions file: apply it (the default), or write it first. */
  suppression: SuppressionMode;
  /** --suppressions-location, relative to the working directory. */
  suppressionsLocation?: string;
}

export function parseLintArgs(argv: readonly string[]): LintOptions {
  const args = parseArgs(argv, {
    values: {
      format: ['-f'],
      output: ['-o'],
      config: ['-c'],
      'fail-on': [],
      'max-warnings': [],
      today: [],
      'changed-since': [],
      'stdin-filepath': [],
      concurrency: [],
      'ignore-pattern': [],
      'print-config': [],
      'cache-location': [],
      'suppress-rule': [],
      'suppressions-location': [],
    },
    booleans: {
      fix: [],
      'exit-zero': [],
      'vscode-hint': [],
      stdin: [],
      quiet: ['-q'],
      cache: [],
      color: [],
      'no-color': [],
      'suppress-all': [],
      'prune-suppressions': [],
    },
  });
  for (const name of [
    'output',
    'config',
    'stdin-filepath',
    'print-config',
    'cache-location',
    'suppressions-location',
  ]) {
    if (args.values.get(name)?.trim() === '') throw new UsageError(`--${name} needs a path (got an empty one).`);
  }
  const format = args.values.get('format') ?? 'stylish';
  if (!formatters[format])
    throw new UsageError(`Unknown format "${format}"; use one of ${Object.keys(formatters).join(', ')}.`);
  const today = args.values.get('today');
  if (today !== undefined && !isRealFullDate(today))
    throw new UsageError(`--today must be a real date in yyyy-MM-dd form (got "${today}").`);
  const changedSince = args.values.get('changed-since');
  if (changedSince !== undefined && changedSince.trim() === '')
    throw new UsageError('--changed-since needs a git revision (a commit, branch or tag).');
  const stdin = args.booleans.has('stdin');
  const stdinFilepath = args.values.get('stdin-filepath');
  if (stdinFilepath !== undefined && !stdin)
    throw new UsageError('--stdin-filepath names the text read with --stdin: add --stdin.');
  if (stdin && args.positional.length > 0)
    throw new UsageError(`--stdin lints standard input; leave out the paths (got "${args.positional.join(' ')}").`);
  if (stdin && changedSince !== undefined)
    throw new UsageError('--changed-since compares files on disk with git; it cannot be combined with --stdin.');
  if (args.values.has('print-config') && (args.positional.length > 0 || stdin))
    throw new UsageError(
      '--print-config FILE prints the settings for one record and lints nothing; leave out the paths and --stdin.',
    );
  const ignorePatterns = args.valueLists.get('ignore-pattern') ?? [];
  if (ignorePatterns.some((pattern) => pattern.trim() === ''))
    throw new UsageError('--ignore-pattern needs a glob, such as "archive/**".');
  const cache = args.booleans.has('cache');
  if (args.values.has('cache-location') && !cache)
    throw new UsageError('--cache-location says where --cache keeps its file: add --cache.');
  if (cache && stdin) throw new UsageError('--cache remembers files on disk; it cannot be combined with --stdin.');
  if (args.booleans.has('color') && args.booleans.has('no-color'))
    throw new UsageError('--color and --no-color contradict each other: give one of them.');
  const suppression = parseSuppressionMode(args.booleans, args.valueLists.get('suppress-rule') ?? []);
  if (suppression.kind !== 'apply' && (stdin || changedSince !== undefined)) {
    throw new UsageError(
      `--${suppressionFlag(suppression)} counts every finding of the records on disk; it cannot be combined with ${stdin ? '--stdin' : '--changed-since'}.`,
    );
  }
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
    changedSince,
    stdin,
    stdinFilepath,
    quiet: args.booleans.has('quiet'),
    concurrency: parseConcurrency(args.values.get('concurrency')),
    printConfig: args.values.get('print-config'),
    ignorePatterns,
    cacheLocation: cache ? (args.values.get('cache-location') ?? DEFAULT_CACHE_FILE) : undefined,
    color: args.booleans.has('color') ? true : args.booleans.has('no-color') ? false : undefined,
    suppression,
    suppressionsLocation: args.values.get('suppressions-location'),
  };
}

function parseSuppressionMode(booleans: ReadonlySet<string>, ruleIds: readonly string[]): SuppressionMode {
  if (ruleIds.some((id) => id.trim() === ''))
    throw new UsageError('--suppress-rule needs a rule id, such as required-fields.');
  const modes: SuppressionMode[] = [];
  if (booleans.has('suppress-all')) modes.push({ kind: 'suppress-all' });
  if (ruleIds.length > 0) modes.push({ kind: 'suppress-rules', ruleIds: [...new Set(ruleIds)] });
  if (booleans.has('prune-suppressions')) modes.push({ kind: 'prune' });
  if (modes.length > 1)
    throw new UsageError(
      `${modes.map((mode) => `--${suppressionFlag(mode)}`).join(' and ')} each rewrite the suppressions file: give one of them.`,
    );
  return modes[0] ?? { kind: 'apply' };
}

function suppressionFlag(mode: SuppressionMode): string {
  return { apply: '', 'suppress-all': 'suppress-all', 'suppress-rules': 'suppress-rule', prune: 'prune-suppressions' }[
    mode.kind
  ];
}

function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const count = wholeNumber(value, 'concurrency');
  if (count === undefined || count < 1)
    throw new UsageError(`--concurrency must be auto, off or a number of workers of at least 1 (got "${value}").`);
  return count;
}

export function exitCodeFor(
  files: readonly LintedFile[],
  options: Pick<LintOptions, 'failOn' | 'maxWarnings' | 'exitZero'>,
): number {
  if (options.exitZero) return EXIT.ok;
  const all = files.flatMap((file) => file.findings);
  if (all.some((finding) => isAtOrAbove(finding.severity, options.failOn))) return EXIT.findings;
  const warnings = all.filter((finding) => finding.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

function linterSetup(options: LintOptions, cwd: string): LinterSetup {
  return {
    cwd,
    configFile: options.configFile ? resolve(cwd, options.configFile) : undefined,
    today: options.today,
    fix: options.fix,
    keepTextAndFixes: FORMATS_SHOWING_FIXES.has(options.format),
  };
}

export async function runLint(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseLintArgs(argv);
  if (options.printConfig !== undefined) return printConfig(options, io);
  if (options.stdin) return runStdinLint(options, io);
  const setup = linterSetup(options, io.cwd);
  const suppressions = Suppressions.load(suppressionsPath(io.cwd, options.suppressionsLocation));
  let paths: string[];
  const unreadable: string[] = [];
  try {
    paths = recordPaths(options, setup, {
      onEmptyFolder: (folder) =>
        io.stderr(
          `trial-records: no records in ${folder} (files named *.trial.json, or .json files that hold a study).\n`,
        ),
      onUnreadableFolder: (folder, code) => unreadable.push(`${folder} (${code})`),
    });
  } catch (error) {
    return reportConfigError(error, io);
  } finally {
    if (unreadable.length > 0)
      io.stderr(
        `trial-records: skipped ${plural(unreadable.length, 'folder')} that cannot be read: ${listOf(unreadable, 3)}.\n`,
      );
  }
  let changed: ChangedLines | undefined;
  if (options.changedSince !== undefined) {
    const changedLines = changedLinesSince(options.changedSince, io.cwd);
    paths = paths.filter((path) => changedLines.has(path));
    changed = changedLines;
  }
  let linted: { outcomes: LintOutcome[]; customRules: RuleMeta[] };
  try {
    linted =
      options.cacheLocation !== undefined
        ? await lintWithCache(paths, setup, options, io)
        : await lintWithProgress(paths, setup, options, io);
  } catch (error) {
    return reportConfigError(error, io);
  }
  let files: LintedFile[] = [];
  let ioFailed = false;
  for (const outcome of linted.outcomes) {
    if ('unreadable' in outcome) {
      io.stderr(`trial-records: ${outcome.unreadable}\n`);
      ioFailed = true;
      continue;
    }
    if (outcome.unwritable !== undefined) {
      io.stderr(`trial-records: ${outcome.unwritable}\n`);
      ioFailed = true;
    }
    files.push(outcome.file);
  }
  files = withAcrossRecordFindings(files, setup);
  if (changed) files = keepChangedFindingsSince(options.changedSince!, files, changed, setup, io.cwd);
  files = applySuppressions(suppressions, files, options, io);
  const results: LintResults = {
    files,
    rules: ruleCatalog(linted.customRules),
    cwd: io.cwd,
    repository: gitHubRepository(io.env ?? {}, io.cwd),
  };
  writeReport(results, options, io);
  if (options.vscodeHint) io.stdout(vscodeHint(results));
  if (ioFailed) return EXIT.usage;
  return exitCodeFor(files, options);
}

/** The findings of the checks across the linted records (the same NCT number, study ID or brief title), added to theirs. */
function withAcrossRecordFindings(files: LintedFile[], setup: LinterSetup): LintedFile[] {
  if (files.filter((file) => file.identity).length < 2) return files;
  // Only severities and `uniqueWithin` are read: the custom rules, run already, are not started again.
  const linter = new RecordLinter({
    ...setup,
    fix: false,
    keepTextAndFixes: false,
    forCache: false,
    loadsCustomRules: false,
  });
  try {
    const found = acrossRecordFindings(
      files.map((file) => ({
        file,
        identity: file.identity,
        scope: scopeOf(file.absolutePath, linter.uniqueWithin(file.absolutePath)),
        severityFor: (ruleId, pointer, severity) => linter.severityFor(file.absolutePath, ruleId, pointer, severity),
      })),
    );
    if (found.size === 0) return files;
    return files.map((file) => {
      const added = found.get(file);
      return added ? { ...file, findings: [...file.findings, ...added].sort(byPlace) } : file;
    });
  } finally {
    linter.dispose();
  }
}

function byPlace(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Leaves out the accepted findings, after writing the file first when asked to; says what it did on standard error. */
function applySuppressions(
  suppressions: Suppressions,
  files: LintedFile[],
  options: LintOptions,
  io: CliIo,
): LintedFile[] {
  const outcome = suppressions.run(files, options.suppression);
  const name = toDisplayPath(io.cwd, suppressions.path);
  const findings = (count: number) => `${count} finding${count === 1 ? '' : 's'}`;
  if (outcome.written) io.stderr(`trial-records: wrote ${name}; ${findings(outcome.suppressed)} suppressed.\n`);
  else if (outcome.suppressed > 0 && !options.quiet)
    io.stderr(`trial-records: ${findings(outcome.suppressed)} suppressed by ${name}.\n`);
  if (outcome.gone > 0)
    io.stderr(
      `trial-records: ${findings(outcome.gone)} that ${name} suppresses no longer occur; run with --prune-suppressions to drop them from it.\n`,
    );
  return outcome.files;
}

/** --changed-since: compares a changed file's errors with those it had at the revision, linted under the same settings. */
function keepChangedFindingsSince(
  ref: string,
  files: LintedFile[],
  changed: ChangedLines,
  setup: LinterSetup,
  cwd: string,
): LintedFile[] {
  const root = gitWorkTreeRoot(cwd)!;
  const linter = new RecordLinter({ ...setup, fix: false, keepTextAndFixes: false, forCache: false });
  const atRevision = new Map<string, Buffer | undefined>();
  const bytesAtRevision = (file: LintedFile) => {
    if (!atRevision.has(file.absolutePath))
      atRevision.set(file.absolutePath, fileAtRevision(ref, file.absolutePath, root));
    return atRevision.get(file.absolutePath);
  };
  const errorsBefore: ErrorsBefore = (file) => {
    const bytes = bytesAtRevision(file);
    return bytes === undefined ? undefined : linter.lintBytes(bytes, file.absolutePath, file.path).file.findings;
  };
  try {
    return keepChangedFindings(files, changed, errorsBefore).map((file) =>
      withChangeFindings(file, bytesAtRevision(file), linter),
    );
  } finally {
    linter.dispose();
  }
}

const CHANGE_RULE_IDS: ReadonlySet<string> = new Set(
  builtinRules.filter((rule) => rule.meta.category === 'changes').map((rule) => rule.meta.id),
);

/**
 * The change rules' findings: the record compared with its version at the revision. They are about the
 * change itself, so they are kept wherever they sit. A record new since the revision has none.
 */
function withChangeFindings(file: LintedFile, before: Buffer | undefined, linter: RecordLinter): LintedFile {
  const previous = before === undefined ? undefined : recordValue(before);
  if (previous === undefined) return file;
  let current: Buffer;
  try {
    current = readRecordBytes(file.absolutePath);
  } catch {
    return file;
  }
  const changes = linter
    .lintBytes(current, file.absolutePath, file.path, previous)
    .file.findings.filter((finding) => CHANGE_RULE_IDS.has(finding.ruleId));
  if (changes.length === 0) return file;
  return {
    ...file,
    findings: [...file.findings, ...changes].sort(byPlace),
  };
}

async function lintWithProgress(
  paths: readonly string[],
  setup: LinterSetup,
  options: LintOptions,
  io: CliIo,
): Promise<{ outcomes: LintOutcome[]; customRules: RuleMeta[] }> {
  const progress = io.stderrIsTty && !options.quiet ? progressLine(paths.length, io.stderr) : NO_PROGRESS;
  try {
    return await lintPaths(paths, setup, options.concurrency, progress);
  } finally {
    progress.finish();
  }
}

/**
 * --cache: records whose cached findings still hold are not linted; the others are, and their
 * findings are remembered. Fixable findings are linted again under --fix, to apply the fixes.
 */
async function lintWithCache(
  paths: readonly string[],
  setup: LinterSetup,
  options: LintOptions,
  io: CliIo,
): Promise<{ outcomes: LintOutcome[]; customRules: RuleMeta[] }> {
  const cache = LintCache.open(resolve(io.cwd, options.cacheLocation!), {
    today: options.today,
    configFile: setup.configFile,
  });
  if (cache.problem) io.stderr(`trial-records: ${cache.problem}\n`);
  const outcomes: LintOutcome[] = new Array(paths.length);
  const toLint: number[] = [];
  paths.forEach((path, i) => {
    const findings = cache.findingsFor(path);
    if (findings && !(setup.fix && findings.some((finding) => finding.fix)))
      outcomes[i] = cachedOutcome(path, findings, setup, cache.identityFor(path));
    else toLint.push(i);
  });
  const linted = await lintWithProgress(
    toLint.map((i) => paths[i]),
    { ...setup, forCache: true },
    options,
    io,
  );
  linted.outcomes.forEach((outcome, k) => {
    outcomes[toLint[k]] = outcome;
    if (!('file' in outcome)) return;
    if (outcome.content)
      cache.remember({
        absolutePath: outcome.file.absolutePath,
        ...outcome.content,
        findings: outcome.file.findings,
        identity: outcome.file.identity,
      });
    // Kept for the cache only: the report shows fixes in the formats that show them, as without --cache.
    if (!setup.keepTextAndFixes) outcome.file.findings = outcome.file.findings.map(withoutFixes);
  });
  const unsaved = cache.save();
  if (unsaved) io.stderr(`trial-records: ${unsaved}\n`);
  return { outcomes, customRules: linted.customRules };
}

function cachedOutcome(
  absolutePath: string,
  findings: Finding[],
  setup: LinterSetup,
  identity: RecordIdentity | undefined,
): LintOutcome {
  const file: LintedFile = { path: toDisplayPath(setup.cwd, absolutePath), absolutePath, findings };
  if (identity) file.identity = identity;
  if (!setup.keepTextAndFixes) return { file: { ...file, findings: findings.map(withoutFixes) } };
  const read = decodeRecordBytes(readRecordBytes(absolutePath));
  return { file: 'text' in read ? { ...file, text: read.text } : file };
}

/**
 * The records to lint: the project config's `files` globs widen what counts as a record in a
 * folder; --ignore-pattern and the `ignores` of the config that applies to each file or folder
 * leave some out.
 */
function recordPaths(
  options: LintOptions,
  setup: LinterSetup,
  notes: Pick<FileSelection, 'onEmptyFolder' | 'onUnreadableFolder'>,
): string[] {
  const configs = new ConfigService();
  try {
    const isIgnoredByPattern = ignoreMatcher(options.ignorePatterns.map((pattern) => ignoreGlob(setup.cwd, pattern)));
    const request = { configFile: setup.configFile };
    return expandPaths(setup.cwd, options.patterns, {
      isListedRecord: (absolute) => configs.isListedRecord(absolute, request),
      isIgnored: (absolute) => isIgnoredByPattern(absolute) || configs.isIgnored(absolute, request),
      ...notes,
    });
  } finally {
    configs.invalidate();
  }
}

async function lintPaths(
  paths: readonly string[],
  setup: LinterSetup,
  concurrency: Concurrency,
  progress: Progress,
): Promise<{ outcomes: LintOutcome[]; customRules: RuleMeta[] }> {
  const workerCount = workerCountFor(paths.length, concurrency);
  const workerScript = workerCount > 0 ? lintWorkerPath() : undefined;
  if (workerScript) return lintInWorkers(paths, setup, workerCount, workerScript, (done) => progress.update(done));
  const linter = new RecordLinter(setup);
  try {
    const outcomes = paths.map((path, i) => {
      const outcome = linter.lintPath(path);
      progress.update(i + 1);
      return outcome;
    });
    return { outcomes, customRules: [...linter.customRules.values()] };
  } finally {
    linter.dispose();
  }
}

/**
 * --stdin: lints the piped text as if it were the file --stdin-filepath names (its config, its
 * displayed path); nothing on disk is read or written. With --fix, standard output gets the
 * fixed text and the report goes only to --output.
 */
async function runStdinLint(options: LintOptions, io: CliIo): Promise<number> {
  if (!io.readStdin) throw new UsageError('--stdin is not available here.');
  const absolutePath = resolve(io.cwd, options.stdinFilepath ?? '<stdin>');
  const displayPath = options.stdinFilepath ? toDisplayPath(io.cwd, absolutePath) : '<stdin>';
  const bytes = await io.readStdin();
  const linter = new RecordLinter(linterSetup(options, io.cwd));
  let linted: ReturnType<RecordLinter['lintBytes']>;
  try {
    linted = linter.lintBytes(bytes, absolutePath, displayPath);
  } catch (error) {
    return reportConfigError(error, io);
  } finally {
    linter.dispose();
  }
  const results: LintResults = {
    files: [linted.file],
    rules: ruleCatalog([...linter.customRules.values()]),
    cwd: io.cwd,
    repository: gitHubRepository(io.env ?? {}, io.cwd),
  };
  if (options.fix) {
    // Bytes that are not UTF-8 go back untouched: an editor replaces its buffer with what it gets here.
    io.stdout(linted.fixedText ?? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    if (options.output) writeReport(results, options, io);
  } else writeReport(results, options, io);
  return exitCodeFor(results.files, options);
}

function printConfig(options: LintOptions, io: CliIo): number {
  try {
    io.stdout(JSON.stringify(printedConfig(io.cwd, options.printConfig!, options.configFile), null, 2) + '\n');
    return EXIT.ok;
  } catch (error) {
    return reportConfigError(error, io);
  }
}

function writeReport(results: LintResults, options: LintOptions, io: CliIo): void {
  const report = formatters[options.format](results, { color: wantsColor(options, io), failOn: options.failOn });
  if (!options.output) {
    io.stdout(report);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, options.output), report);
  } catch (error) {
    throw new FileError(
      `Cannot write the report to ${options.output} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`,
    );
  }
}

/**
 * Colours go to standard output only, in the stylish format: as --color or --no-color say, else
 * as the NO_COLOR and FORCE_COLOR conventions say, else when standard output is a terminal.
 */
function wantsColor(options: LintOptions, io: CliIo): boolean {
  if (options.output || options.format !== 'stylish') return false;
  if (options.color !== undefined) return options.color;
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '')
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return io.isTty;
}

/** A broken config is never ignored: its place and what is wrong, and exit code 2. */
export function reportConfigError(error: unknown, io: CliIo): number {
  const message = error instanceof ReportedConfigError ? error.message : configErrorMessage(error);
  if (message === undefined) throw error;
  io.stderr(`trial-records: ${message}\n`);
  return EXIT.usage;
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
