// `trial-records calibrate`: lints a folder of real (published) records and counts, per rule and
// severity, how many records each rule hits, split by the period of the record's first submission
// and of its last update. Records the registry accepted should get no error: a rule that reports
// errors on them asks for more than the registry does, or for something it did not ask then.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigService } from '../config';
import { isRealFullDate } from '../service/dates';
import type { Severity } from '../service/types';
import { periodOf, submissionDate, type RegistryPeriod, type Submission } from '../rules/support/registry-periods';
import { oneOf, parseArgs, UsageError } from './args';
import { reportConfigError, EXIT, type CliIo } from './lint';
import { RecordLinter, type LinterSetup, type LintOutcome } from './linter';
import { lintInWorkers, lintWorkerPath, workerCountFor } from './pool';
import { NO_PROGRESS, progressLine, type Progress } from './progress';
import { decodeRecordBytes, expandPaths, FileError, readRecordBytes, toDisplayPath } from './files';
import {
  CALIBRATE_FORMATS,
  CALIBRATION_FORMATTERS,
  SUBMISSIONS,
  type CalibrateFormat,
  type Calibration,
  type PeriodCounts,
  type RuleHits,
  type Split,
} from './calibrationReport';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

interface CalibrateOptions {
  patterns: string[];
  format: CalibrateFormat;
  output?: string;
  configFile?: string;
  today?: string;
}

function parseCalibrateArgs(argv: readonly string[]): CalibrateOptions {
  const args = parseArgs(argv, { values: { format: ['-f'], output: ['-o'], config: ['-c'], today: [] }, booleans: {} });
  for (const name of ['output', 'config']) {
    if (args.values.get(name)?.trim() === '') throw new UsageError(`--${name} needs a path (got an empty one).`);
  }
  const today = args.values.get('today');
  if (today !== undefined && !isRealFullDate(today))
    throw new UsageError(`--today must be a real date in yyyy-MM-dd form (got "${today}").`);
  return {
    patterns: args.positional,
    format: oneOf(args.values.get('format'), CALIBRATE_FORMATS, 'format') ?? 'text',
    output: args.values.get('output'),
    configFile: args.values.get('config'),
    today,
  };
}

export async function runCalibrateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseCalibrateArgs(argv);
  const configFile = options.configFile ? resolve(io.cwd, options.configFile) : undefined;
  let calibration: Calibration;
  try {
    const paths = recordPaths(io, options.patterns, configFile);
    if (paths.length === 0)
      throw new FileError(
        `No records to calibrate on in ${options.patterns.join(' ') || '.'} (files named *.trial.json, or .json files that hold a study).`,
      );
    const setup: LinterSetup = { cwd: io.cwd, configFile, today: options.today, fix: false, keepTextAndFixes: false };
    const progress = io.stderrIsTty ? progressLine(paths.length, io.stderr) : NO_PROGRESS;
    let outcomes: LintOutcome[];
    try {
      outcomes = await lintAll(paths, setup, progress);
    } finally {
      progress.finish();
    }
    calibration = {
      on: options.patterns.length > 0 ? options.patterns : ['.'],
      today: options.today ?? null,
      ...tally(paths, outcomes, io.cwd),
    };
  } catch (error) {
    if (error instanceof FileError) throw error;
    return reportConfigError(error, io);
  }
  for (const path of calibration.unreadable) io.stderr(`trial-records: cannot read ${path}; it is left out.\n`);
  const report = CALIBRATION_FORMATTERS[options.format](calibration);
  if (!options.output) io.stdout(report);
  else {
    try {
      writeFileSync(resolve(io.cwd, options.output), report);
    } catch (error) {
      throw new FileError(
        `Cannot write the calibration to ${options.output} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`,
      );
    }
  }
  return calibration.unreadable.length > 0 ? EXIT.usage : EXIT.ok;
}

function recordPaths(io: CliIo, patterns: readonly string[], configFile: string | undefined): string[] {
  const configs = new ConfigService();
  try {
    const request = { configFile };
    return expandPaths(io.cwd, patterns, {
      isListedRecord: (absolute) => configs.isListedRecord(absolute, request),
      isIgnored: (absolute) => configs.isIgnored(absolute, request),
    });
  } finally {
    configs.invalidate();
  }
}

function emptySplit(): Split {
  const none = (): PeriodCounts => ({ 'before-fdaaa': 0, fdaaa: 0, 'final-rule': 0, unsubmitted: 0 });
  return { records: 0, 'first-submission': none(), 'last-update': none() };
}

function count(split: Split, periods: Record<Submission, RegistryPeriod>): void {
  split.records++;
  for (const submission of SUBMISSIONS) split[submission][periods[submission]]++;
}

/** Lints every record under the settings that apply to it: on worker threads when there are many, as `lint` does. */
async function lintAll(paths: readonly string[], setup: LinterSetup, progress: Progress): Promise<LintOutcome[]> {
  const workerCount = workerCountFor(paths.length, 'auto');
  const workerScript = workerCount > 0 ? lintWorkerPath() : undefined;
  if (workerScript)
    return (await lintInWorkers(paths, setup, workerCount, workerScript, (done) => progress.update(done))).outcomes;
  const linter = new RecordLinter(setup);
  try {
    return paths.map((path, i) => {
      const outcome = linter.lintPath(path);
      progress.update(i + 1);
      return outcome;
    });
  } finally {
    linter.dispose();
  }
}

/** Counts the records each rule hits per severity, and the records linted and with errors, by period. */
export function tally(
  paths: readonly string[],
  outcomes: readonly LintOutcome[],
  cwd: string,
): Omit<Calibration, 'on' | 'today'> {
  const all = emptySplit();
  const withErrors = emptySplit();
  const unreadable: string[] = [];
  const hits = new Map<string, RuleHits>();
  outcomes.forEach((outcome, i) => {
    if ('unreadable' in outcome) {
      unreadable.push(toDisplayPath(cwd, paths[i]));
      return;
    }
    const periods = periodsOf(paths[i]);
    count(all, periods);
    const { findings } = outcome.file;
    if (findings.some((finding) => finding.severity === 'error')) count(withErrors, periods);
    const perRule = new Map<string, number>();
    for (const finding of findings)
      perRule.set(
        hitKey(finding.ruleId, finding.severity),
        (perRule.get(hitKey(finding.ruleId, finding.severity)) ?? 0) + 1,
      );
    for (const [key, findingCount] of perRule) {
      const [rule, severity] = key.split('\u0000') as [string, Severity];
      const entry = hits.get(key) ?? { rule, severity, findings: 0, ...emptySplit() };
      entry.findings += findingCount;
      count(entry, periods);
      hits.set(key, entry);
    }
  });
  const rules = [...hits.values()].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      b.records - a.records ||
      a.rule.localeCompare(b.rule),
  );
  return { all, withErrors, unreadable, rules };
}

function hitKey(rule: string, severity: Severity): string {
  return `${rule}\u0000${severity}`;
}

/** The periods of a record's submissions; a record that cannot be parsed has none (as one being written). */
function periodsOf(path: string): Record<Submission, RegistryPeriod> {
  let record: unknown;
  try {
    const read = decodeRecordBytes(readRecordBytes(path));
    record = 'text' in read ? JSON.parse(read.text) : undefined;
  } catch {
    record = undefined;
  }
  return {
    'first-submission': periodOf(submissionDate(record, 'first-submission')),
    'last-update': periodOf(submissionDate(record, 'last-update')),
  };
}
