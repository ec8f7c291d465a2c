// The extension's commands: preview, export, lint workspace (a task), new record, import, PRS export, output.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { importText, formatRecord, ImportError } from '../../server/src/importers';
import type { PreviewManager } from './preview/panel';
import { newRecordSnippet, STARTING_STATUSES, type NewStudyType } from './newRecord';

interface Services {
  client: LanguageClient;
  output: vscode.OutputChannel;
  previews: PreviewManager;
}

export function registerRecordCommands(context: vscode.ExtensionContext, { client, output, previews }: Services): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register('trialRecords.openPreview', (uri) => previews.open(uri as vscode.Uri | undefined, vscode.ViewColumn.Active));
  register('trialRecords.openPreviewToSide', (uri) =>
    previews.open(uri as vscode.Uri | undefined, vscode.ViewColumn.Beside),
  );
  register('trialRecords.exportPreview', (uri) => previews.exportHtml(uri as vscode.Uri | undefined));
  register('trialRecords.showOutput', () => output.show(true));
  register('trialRecords.newRecord', () => newRecord());
  register('trialRecords.lintWorkspace', () => lintWorkspace(context));
  register('trialRecords.importRecord', () => importRecord());
  register('trialRecords.exportPrs', (uri) => exportForPrs(context, output, uri as vscode.Uri | undefined));
  context.subscriptions.push(
    vscode.tasks.registerTaskProvider('trial-records', {
      provideTasks: () => [lintTask(context)],
      resolveTask: () => undefined,
    }),
    // The task's report of an open record is of the file on disk, without rule links: the server's own replaces it.
    vscode.tasks.onDidEndTask((event) => {
      if (event.execution.task.definition.type === 'trial-records')
        void client.sendNotification('trialRecords/republish');
    }),
  );
}

function lintTask(context: vscode.ExtensionContext): vscode.Task {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const cli = context.asAbsolutePath('dist/cli.js');
  const task = new vscode.Task(
    { type: 'trial-records', task: 'lint' },
    folder ?? vscode.TaskScope.Workspace,
    'lint workspace',
    'trial-records',
    new vscode.ProcessExecution(process.execPath, [cli, 'lint', '.', '--format', 'compact', ...cacheOptions(context)], {
      cwd: folder?.uri.fsPath,
      env: { ELECTRON_RUN_AS_NODE: '1' },
    }),
    '$trial-records',
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return task;
}

/** The task re-lints only changed records, with its cache in the extension's storage for this workspace (not in the workspace itself). */
function cacheOptions(context: vscode.ExtensionContext): string[] {
  const storage = context.storageUri?.fsPath;
  if (!storage) return [];
  try {
    mkdirSync(storage, { recursive: true });
  } catch {
    return [];
  }
  return ['--cache', '--cache-location', join(storage, 'lint-cache.json')];
}

async function lintWorkspace(context: vscode.ExtensionContext): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Trial Records: linting the workspace…' },
    async () => {
      const execution = await vscode.tasks.executeTask(lintTask(context));
      await new Promise<void>((resolve) => {
        const done = vscode.tasks.onDidEndTask((event) => {
          if (event.execution === execution) {
            done.dispose();
            resolve();
          }
        });
      });
    },
  );
}

const STUDY_TYPES: ReadonlyArray<{ label: string; type: NewStudyType; detail: string }> = [
  {
    label: 'Interventional',
    type: 'INTERVENTIONAL',
    detail: 'Participants are assigned to interventions (a clinical trial)',
  },
  {
    label: 'Observational',
    type: 'OBSERVATIONAL',
    detail: 'Participants are observed; the study assigns no intervention',
  },
  {
    label: 'Expanded access',
    type: 'EXPANDED_ACCESS',
    detail: 'An investigational product offered outside a clinical trial',
  },
];

/** The registry's label of a status code ("NOT_YET_RECRUITING" → "Not yet recruiting"). */
function statusLabel(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "New Trial Record": asks the study type and status, then inserts the skeleton with its tab stops. */
async function newRecord(): Promise<void> {
  const type = await vscode.window.showQuickPick(STUDY_TYPES, { title: 'New Trial Record: study type' });
  if (!type) return;
  const status = await vscode.window.showQuickPick(
    STARTING_STATUSES[type.type].map((code) => ({ label: statusLabel(code), code })),
    { title: 'New Trial Record: overall status' },
  );
  if (!status) return;
  const document = await vscode.workspace.openTextDocument({ language: 'trial-record', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  const month = new Date().toISOString().slice(0, 7);
  await editor.insertSnippet(new vscode.SnippetString(newRecordSnippet(type.type, status.code, month)));
}

/** "Import Trial Record…": from a file or from the clipboard, into the workspace folder. */
async function importRecord(): Promise<void> {
  const source = await vscode.window.showQuickPick(['From a file…', 'From the clipboard'], {
    title: 'Import Trial Record',
  });
  if (!source) return;
  let text: string;
  let name = 'clipboard';
  if (source === 'From the clipboard') text = await vscode.env.clipboard.readText();
  else {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      title: 'Registry page or dump to import',
    });
    if (!picked?.[0]) return;
    name = picked[0].path.split('/').pop() ?? name;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(picked[0]));
    } catch (error) {
      void vscode.window.showErrorMessage(
        `${name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
  }
  try {
    const result = importText(text, name);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    for (const [index, imported] of result.records.entries()) {
      const content = formatRecord(imported.record);
      const document = folder
        ? await writeNew(vscode.Uri.joinPath(folder, imported.fileName), content)
        : await vscode.workspace.openTextDocument({ language: 'trial-record', content });
      // PRS XML brings PRS-only fields (organization, review board…): they go beside the record, where the PRS export reads them.
      if (folder && imported.sidecar)
        await writeNew(
          vscode.Uri.joinPath(folder, imported.fileName.replace(/\.trial\.json$/, '.prs.json')),
          formatRecord(imported.sidecar),
        );
      if (index === 0) await vscode.window.showTextDocument(document);
    }
    const warnings = result.warnings.map((warning) => `line ${warning.line}: ${warning.message}`);
    const summary = `Imported ${result.records.length} record(s) (${result.format})${warnings.length ? ` with ${warnings.length} warning(s)` : ''}.`;
    if (warnings.length) void vscode.window.showWarningMessage(summary, { detail: warnings.join('\n'), modal: false });
    else void vscode.window.showInformationMessage(summary);
  } catch (error) {
    void vscode.window.showErrorMessage(
      error instanceof ImportError ? error.message : `Import failed: ${String(error)}`,
    );
  }
}

async function writeNew(uri: vscode.Uri, content: string): Promise<vscode.TextDocument> {
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (exists) {
    const answer = await vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(uri)} exists. Replace it?`,
      { modal: true },
      'Replace',
    );
    if (answer !== 'Replace') return vscode.workspace.openTextDocument(uri);
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.workspace.openTextDocument(uri);
}

/**
 * "Export for PRS…": runs `trial-records export --to prs` on the record, writing <name>.prs.xml beside it;
 * what is missing or refused is listed in the output channel.
 */
async function exportForPrs(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  uri: vscode.Uri | undefined,
): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (target?.scheme !== 'file') {
    void vscode.window.showErrorMessage('Export for PRS needs a trial record saved as a file.');
    return;
  }
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === target.toString());
  if (open?.isDirty) await open.save();
  const cli = context.asAbsolutePath('dist/cli.js');
  const folder = dirname(target.fsPath);
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [cli, 'export', target.fsPath, '--to', 'prs', '-o', folder],
      { cwd: folder, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
      (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 2) : 0, stdout: out, stderr: err });
      },
    );
  });
  output.appendLine(`[export for PRS] ${vscode.workspace.asRelativePath(target)}`);
  if (stdout) output.append(stdout);
  if (stderr) output.append(stderr);
  if (code === 0) {
    const written = vscode.Uri.file(
      join(
        folder,
        target.path
          .split('/')
          .pop()!
          .replace(/\.trial\.json$|\.json$/, '') + '.prs.xml',
      ),
    );
    const choice = await vscode.window.showInformationMessage(
      `Written ${vscode.workspace.asRelativePath(written)}${stderr ? ' (see Output for what was left out)' : ''}.`,
      'Open',
    );
    if (choice === 'Open') await vscode.window.showTextDocument(written);
  } else {
    const problems = stderr
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.endsWith('not exported.') && !/not exported \(/.test(line)).length;
    const choice = await vscode.window.showErrorMessage(
      `Not exported for PRS: ${problems} problem(s), listed in the Output panel.`,
      'Show Output',
    );
    if (choice === 'Show Output') output.show(true);
  }
}
