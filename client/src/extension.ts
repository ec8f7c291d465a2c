// VS Code activation: starts the language server over IPC, registers the commands, the preview
// and the language status item. Everything about records themselves lives in the server.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type ClientCapabilities,
  type FeatureState,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';
import { PreviewManager } from './preview/panel';
import { registerRecordCommands } from './commands';
import { StatusItem } from './status';
import { registerTextEditing } from './textEditing';
import { registerHints } from './hints';
import { Validations } from './validations';

export const LANGUAGE_ID = 'trial-record';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Trial Records');
  client = startClient(context, output);
  const validations = new Validations();
  const status = new StatusItem(client, validations);
  const previews = new PreviewManager(context, client);
  context.subscriptions.push(output, validations, validations.listen(client), status, previews);
  registerRecordCommands(context, { client, output, previews });
  context.subscriptions.push(vscode.commands.registerCommand(RULE_DOCS_COMMAND, showRuleDocs));
  registerTextEditing(context, validations);
  registerHints(context, validations);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void client?.sendNotification('trialRecords/trustChanged', { trusted: true }),
    ),
  );
  await client.start();
  status.listen();
}

function startClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    // A small young generation keeps the server's memory flat while records are edited, at no cost in speed.
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=4'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    // The owner of the Lint Workspace task's problems (its problem matcher) too: for a record both
    // report on, the later report replaces the other instead of listing every finding twice.
    diagnosticCollectionName: 'trial-records',
    // The server asks for the file events it needs (configs, custom rules), as it does of any client.
    synchronize: { configurationSection: 'trialRecords' },
    initializationOptions: { trusted: vscode.workspace.isTrusted, ruleDocsCommand: RULE_DOCS_COMMAND },
    // A finding's hover names its rule in one line and links to its docs through this command.
    middleware: {
      provideHover: async (document, position, token, next) => withRuleDocsLinks(await next(document, position, token)),
    },
  };
  const client = new LanguageClient('trialRecords', 'Trial Records', serverOptions, clientOptions);
  client.registerFeature(new PushedDiagnosticsOnly());
  return client;
}

/**
 * The server pushes diagnostics to every client and answers pulls from clients that offer them.
 * VS Code keeps pushed and pulled diagnostics in separate collections, so offering both would show
 * every problem twice: this client does not offer pulls.
 */
class PushedDiagnosticsOnly implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    delete capabilities.textDocument?.diagnostic;
  }
  initialize(): void {}
  getState(): FeatureState {
    return { kind: 'static' };
  }
  clear(): void {}
}

const RULE_DOCS_COMMAND = 'trialRecords.showRuleDocs';

/** Hover text may run this one command (the server's links to a rule's docs), and no other. */
function withRuleDocsLinks(hover: vscode.Hover | null | undefined): vscode.Hover | null | undefined {
  if (!hover) return hover;
  const contents = hover.contents.map((content) => {
    if (!(content instanceof vscode.MarkdownString)) return content;
    const trusted = new vscode.MarkdownString(content.value);
    trusted.isTrusted = { enabledCommands: [RULE_DOCS_COMMAND] };
    return trusted;
  });
  return new vscode.Hover(contents, hover.range);
}

/** Opens a rule's full docs (asked of the server, which knows the record's custom rules too) as a Markdown preview. */
async function showRuleDocs(uri: unknown, ruleId: unknown): Promise<void> {
  if (typeof uri !== 'string' || typeof ruleId !== 'string' || !client) return;
  const docs = await client.sendRequest<string | null>('trialRecords/ruleDocs', { uri, ruleId });
  if (!docs) return;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: docs });
  await vscode.commands
    .executeCommand('markdown.showPreviewToSide', document.uri)
    .then(undefined, () => vscode.window.showTextDocument(document, vscode.ViewColumn.Beside));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
