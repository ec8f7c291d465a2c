// The open records as the server sees them: one parse per text version shared by every request,
// the findings of the last validation, debounced validation, and publishing without stale results.
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import {
  DiagnosticRefreshRequest,
  type Connection,
  type Diagnostic,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, ConfigService, findConfigFile, type RecordSettings } from '../config';
import { TrialDocument } from '../service/document';
import { todayUtc, validateDocument, type ValidateOptions } from '../service/validate';
import type { Finding } from '../service/types';
import { ruleCatalog, type CatalogEntry } from '../rules/catalog';
import { builtinRules } from '../rules';
import type { EditorSettings, SettingsCache } from './settings';
import { withSuppressions } from './suppressed';
import { diagnosticsFor } from './diagnosticLimit';
import { MAX_CONFIG_FILE_BYTES, readLimitedFile } from '../config/readLimited';
import { CommittedRecords } from './committed';
import { WorkspaceRecords } from './workspaceRecords';
import { acrossRecordFindings, identityOf, scopeOf, type LintedRecord } from '../cli/acrossRecords';

/** The longest a record waits for edits (to any record) to pause before it is validated anyway. */
const MAX_DEFER_MS = 2000;

export interface RecordStatus {
  configPath?: string;
  ruleCount: number;
  /** The config's `ignores` match the record: it is not checked. */
  ignored?: boolean;
  customRulesNote?: string;
  configError?: string;
}

interface Validated {
  version: number;
  findings: Finding[];
  status: RecordStatus;
  /** What the record was validated with: current until the settings, the config or trust change. */
  options: ValidateOptions;
  durationMs: number;
}

export class OpenRecords {
  private readonly parsed = new Map<string, TrialDocument>();
  /** Each record as last committed in git, for the change rules. */
  private readonly committed = new CommittedRecords();
  /** The workspace's records, for the checks across records. */
  private readonly workspace: WorkspaceRecords;
  private readonly validated = new Map<string, Validated>();
  /** Records validated before the workspace was indexed, without the checks across records. */
  private readonly checkedAlone = new Set<string>();
  /** Validations under way, per record: a second ask for the same version waits for the first. */
  private readonly running = new Map<string, { version: number; result: Promise<Validated> }>();
  /** Records edited since their last validation, validated once no edit has come for the debounce delay. */
  private readonly edited = new Set<string>();
  private quietTimer: NodeJS.Timeout | undefined;
  /** When the oldest edit still waiting came: past MAX_DEFER_MS the records are validated even while edits go on. */
  private firstEditAt = 0;
  /** Records whose wait is over, validated one per turn of the event loop (edits that arrive meanwhile are applied first). */
  private readonly queue = new Set<string>();
  private draining = false;
  /** Pulls waiting for a record's scheduled validation, resolved once it has run. */
  private readonly waiting = new Map<string, Array<() => void>>();
  /** The version last published per record: a record opened gets its diagnostics once, not once per event. */
  private readonly publishedVersions = new Map<string, number>();
  /** Config files that got diagnostics, so that they can be cleared once fixed. */
  private readonly brokenConfigs = new Set<string>();
  trusted = true;
  /**
   * The client pulls diagnostics (textDocument/diagnostic): records' findings are not also pushed,
   * which some clients (Neovim 0.10+) would show twice. Config problems are still pushed.
   */
  pullsDiagnostics = false;
  /** The client re-pulls when asked (workspace/diagnostic/refresh). */
  refreshesDiagnostics = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
    private readonly configs: ConfigService,
    private readonly workspaceRoot: string,
  ) {
    this.workspace = new WorkspaceRecords(workspaceRoot, configs, () => this.revalidateAcrossRecords());
  }

  /** The parsed record for the document's current version (parsed once, shared by all requests). */
  document(textDocument: TextDocument): TrialDocument {
    const cached = this.parsed.get(textDocument.uri);
    if (cached && cached.version === textDocument.version) return cached;
    const document = new TrialDocument(textDocument.getText(), textDocument.version, textDocument.uri);
    this.parsed.set(textDocument.uri, document);
    return document;
  }

  /** Findings for the current version: the last validation's when it is current, else a new one. */
  async findings(textDocument: TextDocument): Promise<Finding[]> {
    return (await this.validation(textDocument)).findings;
  }

  /**
   * The current version's validation: kept from the last one (a hover or code action may have run it),
   * the one under way (an open's publish and the status item's request come together), or run now.
   */
  private async validation(textDocument: TextDocument): Promise<Validated> {
    const last = this.validated.get(textDocument.uri);
    if (last && last.version === textDocument.version) return last;
    const running = this.running.get(textDocument.uri);
    if (running && running.version === textDocument.version) return running.result;
    const result = this.validate(textDocument).finally(() => {
      if (this.running.get(textDocument.uri)?.result === result) this.running.delete(textDocument.uri);
    });
    this.running.set(textDocument.uri, { version: textDocument.version, result });
    return result;
  }

  /**
   * Waits for the record's validation under way, if any: a record just opened gets its findings
   * before the requests that come with it (outline, folding, links) build its tree.
   */
  async validationUnderWay(uri: string): Promise<void> {
    await this.running.get(uri)?.result.catch(() => undefined);
  }

  status(uri: string): RecordStatus | undefined {
    return this.validated.get(uri)?.status;
  }

  /**
   * Findings for a pull (textDocument/diagnostic): while an edit's validation is scheduled, the
   * pull waits for it, so that a burst of edits and pulls validates each record once, for its
   * latest version.
   */
  async pulledFindings(textDocument: TextDocument): Promise<{ version: number; findings: Finding[] }> {
    const uri = textDocument.uri;
    while (this.edited.has(uri) || this.queue.has(uri))
      await new Promise<void>((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
    const current = this.documents.get(uri);
    return current
      ? { version: current.version, findings: await this.findings(current) }
      : { version: textDocument.version, findings: [] };
  }

  /**
   * Validates a record once no record has had an edit for `delay` ms: a burst of edits across many
   * records is applied first, then each record is validated once, for its latest version.
   */
  schedule(uri: string, delay: number): void {
    const now = Date.now();
    if (this.edited.size === 0) this.firstEditAt = now;
    this.edited.add(uri);
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(
      () => this.endQuietWait(),
      Math.max(0, Math.min(delay, this.firstEditAt + MAX_DEFER_MS - now)),
    );
  }

  private endQuietWait(): void {
    this.quietTimer = undefined;
    for (const uri of this.edited) this.queue.add(uri);
    this.edited.clear();
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  /** One record per turn; a record edited again meanwhile waits for its next turn. */
  private async drain(): Promise<void> {
    const [uri] = this.queue;
    if (uri === undefined) {
      this.draining = false;
      return;
    }
    this.queue.delete(uri);
    if (!this.edited.has(uri)) {
      await this.publish(uri).catch((error: unknown) =>
        this.connection.console.error(
          `trial-records: validating ${uri} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      this.wakePulls(uri);
    }
    setImmediate(() => void this.drain());
  }

  private wakePulls(uri: string): void {
    const waiters = this.waiting.get(uri);
    this.waiting.delete(uri);
    for (const wake of waiters ?? []) wake();
  }

  /** Validates the current text and publishes it, unless the text changed while settings were read or this version is out already. */
  async publish(uri: string): Promise<void> {
    const textDocument = this.documents.get(uri);
    if (!textDocument) return;
    const version = textDocument.version;
    const result = await this.validation(textDocument);
    const current = this.documents.get(uri);
    if (!current || current.version !== version || this.publishedVersions.get(uri) === version) return;
    this.publishedVersions.set(uri, version);
    const diagnostics: Diagnostic[] = diagnosticsFor(result.findings, uri);
    if (!this.pullsDiagnostics) void this.connection.sendDiagnostics({ uri, version, diagnostics });
    void this.connection.sendNotification('trialRecords/validated', {
      uri,
      version,
      durationMs: result.durationMs,
      count: diagnostics.length,
    });
  }

  private async validate(textDocument: TextDocument): Promise<Validated> {
    const started = performance.now();
    const { options, status, configFinding, suppressedFindings } = await this.validationOptions(textDocument.uri);
    const uri = URI.parse(textDocument.uri);
    const document = this.document(textDocument);
    const checked = status.ignored ? [] : validateOrReport(document, options);
    if (uri.scheme === 'file' && !status.ignored) checked.push(...this.acrossWorkspace(uri.fsPath, document, options));
    const findings = uri.scheme === 'file' ? withSuppressions(uri.fsPath, checked, suppressedFindings) : checked;
    if (configFinding) findings.unshift(configFinding);
    const validated = {
      version: textDocument.version,
      findings,
      status,
      options,
      durationMs: performance.now() - started,
    };
    if (this.documents.get(textDocument.uri)?.version === textDocument.version)
      this.validated.set(textDocument.uri, validated);
    return validated;
  }

  /** The checks across records for an open record: the same NCT number, study ID or brief title elsewhere in the workspace. */
  private acrossWorkspace(path: string, document: TrialDocument, options: ValidateOptions): Finding[] {
    const identity = identityOf(document.parsed.value);
    const indexed = identity ? this.workspace.current() : undefined;
    // Until the workspace is indexed the record is checked alone, and again once it is.
    if (identity && !indexed) this.checkedAlone.add(document.uri);
    const others = indexed?.filter((record) => record.absolutePath !== path) ?? [];
    if (!identity || others.length === 0) return [];
    const within = this.configs.settingsFor(path, { trusted: this.trusted }).config.uniqueWithin;
    const self: LintedRecord = {
      file: { path: this.workspace.displayPath(path), absolutePath: path, findings: [] },
      // Where its values are, placed only now that there are records to compare with.
      identity: identityOf(document.parsed.value, document),
      scope: scopeOf(path, within),
      severityFor: (ruleId, pointer, severity) => options.severityFor?.(ruleId, pointer, severity) ?? severity,
    };
    const rest = others.map((record): LintedRecord => ({
      file: { path: record.path, absolutePath: record.absolutePath, findings: [] },
      identity: record.identity,
      scope: scopeOf(record.absolutePath, within),
      severityFor: () => 'off',
    }));
    return acrossRecordFindings([self, ...rest]).get(self.file) ?? [];
  }

  /** What validating this record takes: its config's options (or the defaults) and the editor's size limit. */
  private async validationOptions(uri: string): Promise<{
    options: ValidateOptions;
    status: RecordStatus;
    configFinding?: Finding;
    suppressedFindings: EditorSettings['suppressedFindings'];
  }> {
    const editor = await this.settings.get(uri);
    const { settings, status, configFinding } = this.recordSettings(uri);
    const file = URI.parse(uri);
    return {
      options: {
        ...settings?.options,
        rules: settings?.options.rules ?? builtinRules,
        today: settings?.options.today ?? todayUtc(),
        maxSize: editor.maxFileSize,
        // The change rules compare the record with its last committed version, when git has one.
        previous: file.scheme === 'file' ? this.committed.valueOf(file.fsPath) : undefined,
      },
      status,
      configFinding,
      suppressedFindings: editor.suppressedFindings,
    };
  }

  /** Validates other texts of this record the same way (for "fix all", which re-checks between passes). */
  async revalidator(textDocument: TextDocument): Promise<(text: string) => Finding[]> {
    const options = await this.optionsOf(textDocument);
    return (text) => validateDocument(new TrialDocument(text), options);
  }

  /** The date time-relative features compare with: the config's `today`, else the current date. */
  async today(textDocument: TextDocument): Promise<string> {
    return (await this.optionsOf(textDocument)).today ?? todayUtc();
  }

  /** What a rule id stands for in this record: the built-in catalogue and the record's custom rules. */
  async ruleDescriber(textDocument: TextDocument): Promise<(ruleId: string) => CatalogEntry | undefined> {
    const catalog = ruleCatalog((await this.optionsOf(textDocument)).rules?.map((rule) => rule.meta));
    return (ruleId) => catalog.get(ruleId);
  }

  /** The options of the record's last validation (they hold for any version), without reading the config again. */
  private async optionsOf(textDocument: TextDocument): Promise<ValidateOptions> {
    return (this.validated.get(textDocument.uri) ?? (await this.validate(textDocument))).options;
  }

  /** The config's settings for a record; a broken config gets diagnostics on itself and one line on the record. */
  private recordSettings(uri: string): { settings?: RecordSettings; status: RecordStatus; configFinding?: Finding } {
    const path = recordPath(uri, this.workspaceRoot);
    try {
      const settings = this.configs.settingsFor(path, { trusted: this.trusted });
      this.clearConfigDiagnostics(settings.config.sources);
      return {
        settings,
        status: {
          configPath: settings.config.path,
          ruleCount: settings.rules.length,
          ignored: settings.ignored || undefined,
          customRulesNote: settings.customRulesNote,
        },
      };
    } catch (error) {
      const file = error instanceof ConfigError ? error.file : findConfigFile(path);
      const message = error instanceof Error ? error.message : String(error);
      if (file) this.reportConfigProblem(file, error);
      const finding: Finding = {
        ruleId: 'config-error',
        severity: 'warning',
        pointer: '',
        target: 'value',
        message: `The team config ${file ?? ''} cannot be used, so the default rules apply: ${message}`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      };
      return { status: { configPath: file, ruleCount: 0, configError: message }, configFinding: finding };
    }
  }

  private reportConfigProblem(file: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const offset = error instanceof ConfigError ? error.offset : 0;
    const length = error instanceof ConfigError ? Math.max(error.length, 1) : 1;
    let text = '';
    try {
      text = readLimitedFile(file, MAX_CONFIG_FILE_BYTES);
    } catch {
      // the config could not be read: the message says so, shown at its start
    }
    const located = new TrialDocument(text);
    const uri = URI.file(file).toString();
    this.brokenConfigs.add(uri);
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: [
        {
          range: located.rangeOf(offset, offset + length),
          severity: 1,
          source: 'trial-records',
          code: 'config-error',
          message,
        },
      ],
    });
  }

  private clearConfigDiagnostics(sources: readonly string[]): void {
    for (const source of sources) {
      const uri = URI.file(source).toString();
      if (this.brokenConfigs.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** After a settings, config, rule-file or trust change: forget cached results and validate again. */
  revalidateAll(): void {
    this.configs.invalidate();
    this.committed.forget();
    this.workspace.forget();
    this.validated.clear();
    this.running.clear();
    this.publishedVersions.clear();
    for (const uri of this.brokenConfigs) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.brokenConfigs.clear();
    for (const textDocument of this.documents.all()) void this.publish(textDocument.uri);
    if (this.pullsDiagnostics && this.refreshesDiagnostics)
      void this.connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  }

  /** Once the workspace is indexed: the records checked alone are validated again if they clash with another. */
  private revalidateAcrossRecords(): void {
    const clashing = [...this.checkedAlone].filter((uri) => this.clashesWithOthers(uri));
    this.checkedAlone.clear();
    for (const uri of clashing) {
      this.validated.delete(uri);
      this.running.delete(uri);
      this.publishedVersions.delete(uri);
      void this.publish(uri);
    }
    if (clashing.length > 0 && this.pullsDiagnostics && this.refreshesDiagnostics)
      void this.connection.sendRequest(DiagnosticRefreshRequest.type).catch(() => undefined);
  }

  /** Whether a record checked alone clashes with another now that the workspace is indexed (or has changed since). */
  private clashesWithOthers(uri: string): boolean {
    const textDocument = this.documents.get(uri);
    const last = this.validated.get(uri);
    if (!textDocument || !last || last.version !== textDocument.version) return Boolean(textDocument);
    return this.acrossWorkspace(URI.parse(uri).fsPath, this.document(textDocument), last.options).length > 0;
  }

  close(uri: string): void {
    this.edited.delete(uri);
    this.queue.delete(uri);
    this.wakePulls(uri);
    this.parsed.delete(uri);
    this.validated.delete(uri);
    this.running.delete(uri);
    this.checkedAlone.delete(uri);
    this.publishedVersions.delete(uri);
    if (!this.pullsDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** The findings, or one finding saying that checking failed: a failure on one record must not end the server. */
function validateOrReport(document: TrialDocument, options: ValidateOptions): Finding[] {
  try {
    return validateDocument(document, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        ruleId: 'rule-error',
        severity: 'error',
        pointer: '',
        target: 'value',
        message: `Checking this record failed (${reason}); its findings are missing.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      },
    ];
  }
}

/** The file a record's config is looked up from (untitled records: the workspace folder). */
function recordPath(uri: string, workspaceRoot: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : join(workspaceRoot, 'untitled.trial.json');
}
