// The language server: an LSP adapter over the language service (server/src/service). It owns the
// connection, the open documents, debouncing and publishing; every feature is one service call.
// Run with `node dist/server.js --stdio` (or --node-ipc, as the VS Code client does).
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ConfigService } from './config';
import { TOOL_VERSION } from './version';
import {
  codeActions,
  doComplete,
  doHover,
  documentLinks,
  documentSymbols,
  findDefinition,
  findHighlights,
  findReferences,
  FIX_ALL_KIND,
  foldingRanges,
  formatDocument,
  FormatRefused,
  prepareRename,
  rename,
  selectionRanges,
  todayUtc,
  applyFixesRepeatedly,
  wants,
  type TrialDocument,
} from './service';
import { OpenRecords } from './lsp/records';
import { requirementFor } from './rules/required-fields';
import { SettingsCache } from './lsp/settings';
import { turnOffRuleActions } from './lsp/ruleOff';
import { pushAll } from './service/arrays';
import { diagnosticsFor } from './lsp/diagnosticLimit';

const connection = createConnection(ProposedFeatures.all);
// A failure in a notification's handler has no request to answer with an error: log it and stay
// up, rather than end the process (the editor would restart it and lose every record's state).
process.on('unhandledRejection', (error) =>
  connection.console.error(`trial-records: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
);
const documents = new TextDocuments(TextDocument);
const configs = new ConfigService();
let records: OpenRecords;
let settings: SettingsCache;
/** The client applies "create file" operations in workspace edits (a new .trialrc.json). */
let canCreateFiles = false;
/** The client takes snippets in completions (tab stops, placeholders, choices). */
let takesSnippets = false;
/** The client watches files for the server when asked to (configs and custom rules). */
let watchesFilesOnRequest = false;
/** A client command that shows a rule's docs (initializationOptions.ruleDocsCommand): hovers then link to it. */
let ruleDocsCommand: string | undefined;

function ruleDocsLink(uri: string): ((ruleId: string) => string) | undefined {
  const command = ruleDocsCommand;
  return command ? (ruleId) => `command:${command}?${encodeURIComponent(JSON.stringify([uri, ruleId]))}` : undefined;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const capabilities = params.capabilities;
  const options = (params.initializationOptions ?? {}) as {
    trusted?: boolean;
    settings?: unknown;
    ruleDocsCommand?: string;
  };
  settings = new SettingsCache(connection, Boolean(capabilities.workspace?.configuration), options.settings);
  records = new OpenRecords(connection, documents, settings, configs, workspaceRoot(params));
  records.trusted = options.trusted !== false;
  ruleDocsCommand = typeof options.ruleDocsCommand === 'string' ? options.ruleDocsCommand : undefined;
  records.pullsDiagnostics = Boolean(capabilities.textDocument?.diagnostic);
  records.refreshesDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport ?? false;
  canCreateFiles = capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') ?? false;
  takesSnippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport ?? false;
  watchesFilesOnRequest = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false;
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      completionProvider: { triggerCharacters: ['"', ':'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'trial-records', version: TOOL_VERSION },
  };
  if (capabilities.textDocument?.diagnostic)
    result.capabilities.diagnosticProvider = { interFileDependencies: false, workspaceDiagnostics: false };
  return result;
});

/** Files whose change may change the findings of every open record: configs and custom rules. */
const WATCHED_FILES = ['**/.trialrc.json', '**/*.{js,mjs,cjs}'];

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  if (watchesFilesOnRequest) {
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })),
      })
      .catch(() => undefined);
  }
});

function workspaceRoot(params: InitializeParams): string {
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  return folder ? URI.parse(folder).fsPath : process.cwd();
}

// ---- diagnostics ------------------------------------------------------------------------------

documents.onDidOpen((event) => void records.publish(event.document.uri));
documents.onDidChangeContent(async (event) => {
  const { run, delay } = await settings.get(event.document.uri);
  if (run === 'onType') records.schedule(event.document.uri, delay);
});
documents.onDidSave(async (event) => {
  if ((await settings.get(event.document.uri)).run === 'onSave') void records.publish(event.document.uri);
});
documents.onDidClose((event) => {
  settings.forget(event.document.uri);
  records.close(event.document.uri);
});

connection.languages.diagnostics.on(async (params, token) => {
  const textDocument = documents.get(params.textDocument.uri);
  if (!textDocument || token.isCancellationRequested) return { kind: 'full', items: [] };
  const { version, findings } = await records.pulledFindings(textDocument);
  if (token.isCancellationRequested)
    throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The record changed; a newer pull follows.');
  return { kind: 'full', resultId: String(version), items: diagnosticsFor(findings, textDocument.uri) };
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  records.revalidateAll();
});
connection.onDidChangeWatchedFiles(() => records.revalidateAll());
// After the Lint Workspace task, whose report shares the client's problem list: publish the open records' findings again.
connection.onNotification('trialRecords/republish', () => records.revalidateAll());
connection.onNotification('trialRecords/trustChanged', (params: { trusted?: boolean }) => {
  records.trusted = params.trusted !== false;
  records.revalidateAll();
});
connection.onRequest('trialRecords/status', async (params: { uri: string }) => {
  const textDocument = documents.get(params.uri);
  if (textDocument) await records.findings(textDocument);
  return records.status(params.uri) ?? { ruleCount: 0 };
});

// ---- editor features --------------------------------------------------------------------------

/** The parsed record for a request, or undefined when it is closed, cancelled or too large for editor features. */
async function recordFor(uri: string, token?: CancellationToken): Promise<TrialDocument | undefined> {
  await records.validationUnderWay(uri);
  return currentRecord(uri, token);
}

/** The parsed record as it is now, without waiting for a validation under way (rename must answer at once). */
async function currentRecord(uri: string, token?: CancellationToken): Promise<TrialDocument | undefined> {
  const textDocument = documents.get(uri);
  if (!textDocument || token?.isCancellationRequested) return undefined;
  if (textDocument.getText().length > (await settings.get(uri)).maxFileSize) return undefined;
  return records.document(textDocument);
}

/** The date time-relative features compare with, for an open record. */
async function todayFor(uri: string): Promise<string> {
  const textDocument = documents.get(uri);
  return textDocument ? records.today(textDocument) : todayUtc();
}

connection.onCompletion(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document
    ? doComplete(document, params.position, {
        today: await todayFor(params.textDocument.uri),
        snippets: takesSnippets,
        requirementFor,
      })
    : null;
});

connection.onHover(async (params, token) => {
  const textDocument = documents.get(params.textDocument.uri);
  const document = await recordFor(params.textDocument.uri, token);
  if (!textDocument || !document) return null;
  const [today, findings, describeRule] = await Promise.all([
    records.today(textDocument),
    records.findings(textDocument),
    records.ruleDescriber(textDocument),
  ]);
  return doHover(document, params.position, {
    today,
    findings,
    describeRule,
    requirementFor,
    ruleDocsLink: ruleDocsLink(params.textDocument.uri),
  });
});

/** A rule's full docs as Markdown, for the client's rule docs command. */
connection.onRequest('trialRecords/ruleDocs', async (params: { uri: string; ruleId: string }) => {
  const textDocument = documents.get(params.uri);
  const rule = textDocument ? (await records.ruleDescriber(textDocument))(params.ruleId) : undefined;
  if (!rule) return null;
  return `# \`${rule.id}\`\n\n${rule.description}\n\n${rule.docs ?? ''}\n\nSeverity: ${rule.severity}. Category: ${rule.category}. Source: ${rule.source}.\n`;
});

connection.onCodeAction(async (params, token) => {
  const textDocument = documents.get(params.textDocument.uri);
  const document = await recordFor(params.textDocument.uri, token);
  if (!textDocument || !document) return [];
  const findings = await records.findings(textDocument);
  const revalidate = await records.revalidator(textDocument);
  const request = { range: params.range, diagnostics: params.context.diagnostics, only: params.context.only };
  const actions = codeActions(
    document,
    findings,
    request,
    () => applyFixesRepeatedly(document.text, findings, revalidate).text,
  );
  if (wants(request.only, CodeActionKind.QuickFix))
    pushAll(actions, turnOffRuleActions(params.textDocument.uri, request.diagnostics, canCreateFiles));
  return actions;
});

connection.onDefinition(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? findDefinition(document, params.position) : [];
});

connection.onReferences(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? findReferences(document, params.position, params.context.includeDeclaration) : [];
});

connection.onDocumentHighlight(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? findHighlights(document, params.position) : [];
});

connection.onPrepareRename(async (params, token) => {
  const document = await currentRecord(params.textDocument.uri, token);
  if (!document) return null;
  const result = prepareRename(document, params.position);
  if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  return result;
});

connection.onRenameRequest(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  if (!document) return null;
  const result = rename(document, params.position, params.newName);
  if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  return result;
});

connection.onDocumentSymbol(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? documentSymbols(document) : [];
});

connection.onFoldingRanges(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? foldingRanges(document) : [];
});

connection.onSelectionRanges(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? selectionRanges(document, params.positions) : [];
});

/** A record too deeply nested to format is an error the editor shows, not a crash. */
function formatOrRefuse(format: () => TextEdit[]): TextEdit[] {
  try {
    return format();
  } catch (error) {
    if (error instanceof FormatRefused) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
    throw error;
  }
}

connection.onDocumentFormatting(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? formatOrRefuse(() => formatDocument(document, params.options)) : [];
});

connection.onDocumentRangeFormatting(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? formatOrRefuse(() => formatDocument(document, params.options, params.range)) : [];
});

connection.onDocumentLinks(async (params, token) => {
  const document = await recordFor(params.textDocument.uri, token);
  return document ? documentLinks(document) : [];
});

documents.listen(connection);
connection.listen();
