// VS Code activation: starts the language server over IPC, registers the commands, the preview
// and the language status item. Everything about records themselves lives in the server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PreviewManager } from './preview/panel';
import { registerRecordCommands } from './commands';
import { StatusItem } from './status';

export const LANGUAGE_ID = 'trial-record';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Trial Records');
  client = startClient(context, output);
  const status = new StatusItem(client);
  const previews = new PreviewManager(context, client);
  context.subscriptions.push(output, status, previews);
  registerRecordCommands(context, { client, output, previews });
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('trialRecords/trustChanged', { trusted: true })),
  );
  await client.start();
  status.listen();
}

function startClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
    synchronize: {
      configurationSection: 'trialRecords',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.trialrc.json'), vscode.workspace.createFileSystemWatcher('**/*.{js,mjs,cjs}')],
    },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    // The server pushes diagnostics to every client; pulling them too would show each one twice.
    diagnosticPullOptions: { onChange: false, onSave: false, filter: () => true },
  };
  return new LanguageClient('trialRecords', 'Trial Records', serverOptions, clientOptions);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
