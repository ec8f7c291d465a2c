// Lints one record at a time under the config that applies to it. The same code runs in the main
// thread (few files, --stdin) and in every lint worker (many files).
import { writeFileSync } from 'node:fs';
import { ConfigService, type RecordSettings } from '../config';
import { builtinRules } from '../rules';
import { TrialDocument } from '../service/document';
import { applyFixesRepeatedly } from '../service/fixes';
import { validateDocument, type ValidateOptions } from '../service/validate';
import type { Finding, RuleMeta, Severity } from '../service/types';
import type { LintedFile } from '../formatters/types';
import { identityOf, IDENTITY_POINTERS } from './acrossRecords';
import { contentHash } from './cache';
import { decodeRecordBytes, FileError, readRecordBytes, textToWrite, toDisplayPath } from './files';

const BUILTIN_RULE_IDS = new Set(builtinRules.map((rule) => rule.meta.id));

/** What a linter needs to know; plain data, so that it can be handed to a worker. */
export interface LinterSetup {
  cwd: string;
  /** An absolute config file (--config); otherwise each record's nearest .trialrc.json. */
  configFile?: string;
  today?: string;
  fix: boolean;
  /** Keep each file's text and its findings' fixes (for formats that show suggested edits). */
  keepTextAndFixes: boolean;
  /** Keep the findings' fixes, and say which bytes they are about (--cache remembers both). */
  forCache?: boolean;
  /** False for a linter that only reads the configs' severities and `uniqueWithin`: custom rules are not loaded. */
  loadsCustomRules?: boolean;
}

/** The bytes that a linted file's findings are about. */
export interface LintedContent {
  hash: string;
  size: number;
}

/**
 * A linted file (with `unwritable` when --fix could not write it back, and `content` for --cache),
 * or a file that could not be read.
 */
export type LintOutcome = { file: LintedFile; unwritable?: string; content?: LintedContent } | { unreadable: string };

export class RecordLinter {
  private readonly configs = new ConfigService();
  /** Settings of configs without file overrides are the same for every record: resolved once per run. */
  private readonly settingsByConfig = new Map<string, ValidateOptions>();
  /** A config-wide setting (overrides cannot change it), read once per config. */
  private readonly uniqueWithinByConfig = new Map<string, 'repository' | 'folder'>();
  /** Metadata of the custom rules met so far (the formats describe every rule they report). */
  readonly customRules = new Map<string, RuleMeta>();

  constructor(private readonly setup: LinterSetup) {}

  private get loadsCustomRules(): boolean {
    return this.setup.loadsCustomRules !== false;
  }

  /** Throws ConfigError, CustomRuleError or TeamSchemaError for a broken config. */
  lintPath(absolutePath: string): LintOutcome {
    let bytes: Buffer;
    try {
      bytes = readRecordBytes(absolutePath);
    } catch (error) {
      if (error instanceof FileError) return { unreadable: error.message };
      throw error;
    }
    const options = this.optionsFor(absolutePath);
    const path = toDisplayPath(this.setup.cwd, absolutePath);
    try {
      return this.lintBytesOf(absolutePath, path, bytes, options);
    } catch (error) {
      // A failure on one record is reported on it; the run goes on and keeps the others' findings.
      return this.withContent({ file: this.finish({ path, absolutePath, findings: [checkFailed(error)] }) }, bytes);
    }
  }

  private lintBytesOf(absolutePath: string, path: string, bytes: Buffer, options: ValidateOptions): LintOutcome {
    const read = decodeRecordBytes(bytes);
    if ('problem' in read)
      return this.withContent(
        { file: this.finish({ path, absolutePath, findings: [unreadableText(read.problem)] }) },
        bytes,
      );
    const linted = lintText(read.text, options, this.setup.fix);
    if (linted.text !== read.text) {
      const written = textToWrite(read, linted.text);
      const unwritable = writeProblem(absolutePath, written);
      // Not written: the report is about the file as it still is.
      if (unwritable)
        return this.withContent(
          {
            file: this.finish({
              path,
              absolutePath,
              text: read.text,
              findings: lintText(read.text, options, false).findings,
            }),
            unwritable,
          },
          bytes,
        );
      return this.withContent(
        {
          file: this.finish({ path, absolutePath, text: linted.text, findings: linted.findings }, linted.document),
        },
        Buffer.from(written),
      );
    }
    return this.withContent(
      { file: this.finish({ path, absolutePath, text: linted.text, findings: linted.findings }, linted.document) },
      bytes,
    );
  }

  /**
   * Lints text that is not read from disk (--stdin, a revision from git); `absolutePath` picks the config. No
   * `fixedText` when the bytes cannot be read as text: they are to be given back as they are.
   */
  lintBytes(
    bytes: Buffer,
    absolutePath: string,
    displayPath: string,
    previous?: unknown,
  ): { file: LintedFile; fixedText?: string } {
    const read = decodeRecordBytes(bytes);
    const settings = this.optionsFor(absolutePath);
    // The change rules compare with the record as it was (--changed-since).
    const options = previous === undefined ? settings : { ...settings, previous };
    if ('problem' in read)
      return { file: this.finish({ path: displayPath, absolutePath, findings: [unreadableText(read.problem)] }) };
    const linted = lintText(read.text, options, this.setup.fix);
    return {
      file: this.finish({ path: displayPath, absolutePath, text: linted.text, findings: linted.findings }),
      fixedText: textToWrite(read, linted.text),
    };
  }

  dispose(): void {
    this.configs.invalidate();
  }

  /** The config that applies to a record (the run's --config, else the nearest one) and the key of what is kept per config. */
  private configOf(absolutePath: string): { configFile: string | undefined; key: string } {
    const configFile = this.setup.configFile ?? this.configs.nearestConfig(absolutePath);
    return { configFile, key: configFile ?? '' };
  }

  private settingsOf(absolutePath: string, configFile: string | undefined): RecordSettings {
    return this.configs.settingsFor(absolutePath, { configFile, trusted: this.loadsCustomRules });
  }

  private optionsFor(absolutePath: string): ValidateOptions {
    const { configFile, key } = this.configOf(absolutePath);
    const shared = this.settingsByConfig.get(key);
    if (shared) return shared;
    const settings = this.settingsOf(absolutePath, configFile);
    this.rememberCustomRules(settings);
    const options: ValidateOptions = {
      ...settings.options,
      ...(this.setup.today ? { today: this.setup.today } : {}),
      placeAlso: IDENTITY_POINTERS,
    };
    if (settings.config.overrides.length === 0) this.settingsByConfig.set(key, options);
    return options;
  }

  private rememberCustomRules(settings: RecordSettings): void {
    for (const rule of settings.rules)
      if (!BUILTIN_RULE_IDS.has(rule.meta.id)) this.customRules.set(rule.meta.id, rule.meta);
  }

  /** The file as the run keeps it; with the record's document, what makes it unique (for the checks across records). */
  private finish(file: LintedFile, document?: TrialDocument): LintedFile {
    const value = document?.parsed.value;
    const identity = value === undefined ? undefined : identityOf(value, document);
    if (this.setup.keepTextAndFixes) return identity ? { ...file, identity } : file;
    const finished: LintedFile = {
      path: file.path,
      absolutePath: file.absolutePath,
      findings: this.setup.forCache ? file.findings : file.findings.map(withoutFixes),
    };
    if (identity) finished.identity = identity;
    return finished;
  }

  /** The severity the record's config gives a finding of `ruleId` at `pointer`, or 'off'. */
  severityFor(absolutePath: string, ruleId: string, pointer: string, severity: Severity): Severity | 'off' {
    return this.optionsFor(absolutePath).severityFor?.(ruleId, pointer, severity) ?? severity;
  }

  /** Where the record's config wants NCT numbers, study IDs and brief titles unique. */
  uniqueWithin(absolutePath: string): 'repository' | 'folder' {
    const { configFile, key } = this.configOf(absolutePath);
    let within = this.uniqueWithinByConfig.get(key);
    if (within === undefined) {
      within = this.settingsOf(absolutePath, configFile).config.uniqueWithin;
      this.uniqueWithinByConfig.set(key, within);
    }
    return within;
  }

  private withContent<T extends { file: LintedFile }>(outcome: T, bytes: Buffer): T & { content?: LintedContent } {
    return this.setup.forCache ? { ...outcome, content: { hash: contentHash(bytes), size: bytes.length } } : outcome;
  }
}

/** Writes the fixed text; what went wrong, in words, when it could not. */
function writeProblem(absolutePath: string, text: string): string | undefined {
  try {
    writeFileSync(absolutePath, text);
    return undefined;
  } catch (error) {
    return `Cannot write the fixes to ${absolutePath} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); it is reported as it is.`;
  }
}

function checkFailed(error: unknown): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    ruleId: 'rule-error',
    severity: 'error',
    pointer: '',
    target: 'value',
    message: `Checking this record failed (${reason}); its findings are missing, the other records were checked.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  };
}

function unreadableText(problem: string): Finding {
  return {
    ruleId: 'syntax',
    severity: 'error',
    pointer: '',
    target: 'value',
    message: problem,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  };
}

/** Fixes travel between threads only when a format shows them; a finding still says whether it has one. */
export function withoutFixes(finding: Finding): Finding {
  if (!finding.fix && !finding.suggestions) return finding;
  const { fix, suggestions: _suggestions, ...rest } = finding;
  return fix ? { ...rest, fixable: true } : rest;
}

/** Validates text, and with `fix` applies fixes pass after pass until nothing more changes, as ESLint does. */
export function lintText(
  text: string,
  options: ValidateOptions,
  fix: boolean,
): { text: string; findings: Finding[]; document: TrialDocument } {
  // The document of the last text validated: after fixes, the fixed one.
  let document = new TrialDocument(text);
  const findings = validateDocument(document, options);
  const validate = (current: string) => {
    document = new TrialDocument(current);
    return validateDocument(document, options);
  };
  const result = fix ? applyFixesRepeatedly(text, findings, validate) : { text, findings };
  return { ...result, document };
}
