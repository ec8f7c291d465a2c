// The preview panel host: one webview per record, updated live (debounced) while typing, following
// the active trial editor, revealing JSON on click, highlighting the section under the cursor, and
// restored after a window reload by the webview serializer.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { getLocation } from 'jsonc-parser';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderBody, renderPreview, type PreviewProblem } from './render';
import { TrialDocument } from '../../../server/src/service/document';
import { toPointer } from '../../../server/src/service/pointer';

const VIEW_TYPE = 'trialRecords.preview';
const SEVERITIES: Record<number, PreviewProblem['severity']> = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint' };

interface PanelState {
  uri: string;
}

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private updateTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    _client: LanguageClient,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: PanelState | undefined) => {
          if (!state?.uri) return panel.dispose();
          const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri));
          this.adopt(panel, document);
        },
      }),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleUpdate(event.document)),
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleUpdate(vscode.window.activeTextEditor?.document)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.highlight(event.textEditor)),
    );
  }

  async open(uri: vscode.Uri | undefined, column: vscode.ViewColumn): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'trial-record') {
      void vscode.window.showInformationMessage('Open a trial record (*.trial.json) to preview it.');
      return;
    }
    const existing = this.panels.get(document.uri.toString());
    if (existing) return existing.reveal(column);
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, this.title(document), { viewColumn: column, preserveFocus: column === vscode.ViewColumn.Beside }, this.webviewOptions());
    this.adopt(panel, document);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media')] };
  }

  private title(document: vscode.TextDocument): string {
    return `Preview ${document.uri.path.split('/').pop()}`;
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    let key = document.uri.toString();
    panel.webview.options = this.webviewOptions();
    this.panels.set(key, panel);
    panel.webview.html = this.html(panel.webview, document);
    panel.onDidDispose(() => this.panels.delete(key));
    panel.webview.onDidReceiveMessage((message: { type: string; pointer?: string }) => {
      if (message.type === 'reveal' && message.pointer !== undefined) void this.reveal(vscode.Uri.parse(key), message.pointer);
    });
    panel.onDidChangeViewState(() => {
      key = [...this.panels.entries()].find(([, candidate]) => candidate === panel)?.[0] ?? key;
    });
  }

  private record(document: vscode.TextDocument): unknown {
    return new TrialDocument(document.getText(), document.version).value;
  }

  private problems(document: vscode.TextDocument): PreviewProblem[] {
    const located = new TrialDocument(document.getText(), document.version);
    return vscode.languages.getDiagnostics(document.uri).map((diagnostic) => ({
      severity: SEVERITIES[diagnostic.severity] ?? 'info',
      message: diagnostic.message,
      ruleId: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code ?? ''),
      pointer: pointerAt(located, document.offsetAt(diagnostic.range.start)),
      line: diagnostic.range.start.line + 1,
    }));
  }

  private html(webview: vscode.Webview, document: vscode.TextDocument): string {
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
    return renderPreview(this.record(document), {
      mode: 'webview',
      today: new Date().toISOString().slice(0, 10),
      problems: this.problems(document),
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
    }).replace('<body', `<body data-uri="${encodeURIComponent(document.uri.toString())}"`);
  }

  private scheduleUpdate(document: vscode.TextDocument | undefined): void {
    if (!document || !this.panels.has(document.uri.toString())) return;
    clearTimeout(this.updateTimer);
    const delay = vscode.workspace.getConfiguration('trialRecords').get<number>('preview.delay', 300);
    this.updateTimer = setTimeout(() => this.update(document), delay);
  }

  private update(document: vscode.TextDocument): void {
    const panel = this.panels.get(document.uri.toString());
    if (!panel) return;
    const html = renderBody(this.record(document), { mode: 'webview', today: new Date().toISOString().slice(0, 10), problems: this.problems(document) });
    void panel.webview.postMessage({ type: 'update', html });
  }

  /** With one preview open, it follows the active trial editor (as Markdown's preview does). */
  private follow(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (!document || document.languageId !== 'trial-record' || this.panels.size !== 1 || this.panels.has(document.uri.toString())) return;
    if (!vscode.workspace.getConfiguration('trialRecords').get<boolean>('preview.followActiveEditor', true)) return;
    const [[oldKey, panel]] = [...this.panels.entries()];
    this.panels.delete(oldKey);
    this.panels.set(document.uri.toString(), panel);
    panel.title = this.title(document);
    panel.webview.html = this.html(panel.webview, document);
  }

  private highlight(editor: vscode.TextEditor): void {
    const panel = this.panels.get(editor.document.uri.toString());
    if (!panel) return;
    const path = getLocation(editor.document.getText(), editor.document.offsetAt(editor.selection.active)).path;
    void panel.webview.postMessage({ type: 'highlight', pointer: toPointer(path) });
  }

  private async reveal(uri: vscode.Uri, pointer: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const located = new TrialDocument(document.getText(), document.version).locate([pointer]).get(pointer);
    const start = document.positionAt(located?.keyStart ?? located?.valueStart ?? 0);
    const end = document.positionAt(located?.valueEnd ?? 0);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, end.line - start.line > 20 ? start : end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async exportHtml(uri: vscode.Uri | undefined): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return;
    const target = await vscode.window.showSaveDialog({ defaultUri: document.uri.with({ path: document.uri.path.replace(/(\.trial)?\.json$/, '.html') }), filters: { HTML: ['html'] } });
    if (!target) return;
    const html = renderPreview(this.record(document), { mode: 'export', today: new Date().toISOString().slice(0, 10), problems: this.problems(document) });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
    void vscode.window.showInformationMessage(`Preview exported to ${vscode.workspace.asRelativePath(target)}.`);
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The pointer of the innermost node at an offset, for a problem's "reveal". */
function pointerAt(document: TrialDocument, offset: number): string {
  return toPointer(getLocation(document.text, offset).path);
}
