// The preview panel host: one webview per record, updated live (debounced) while typing, following
// the active trial editor, revealing JSON on click, highlighting the section under the cursor, and
// restored after a window reload by the webview serializer.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { findNodeAtOffset } from 'jsonc-parser';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderBody, renderPreview, type RenderOptions } from './render';
import { TrialDocument } from '../../../server/src/service/document';
import { nodeAtOffset, pointerOfNode } from '../../../server/src/service/tree';
import { previewProblem } from './problems';

const VIEW_TYPE = 'trialRecords.preview';
const LANGUAGE_ID = 'trial-record';
const HIGHLIGHT_DELAY = 60;

/** What preview.js keeps with vscode.setState; the serializer gets it back after a reload. */
interface PanelState {
  uri?: string;
  scrollY?: number;
}

interface WebviewMessage {
  type?: unknown;
  pointer?: unknown;
}

export class PreviewManager implements vscode.Disposable {
  /** Open previews by the URI of the record each one shows. */
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly updateTimers = new Map<string, NodeJS.Timeout>();
  /** Hidden panels miss the 'update' messages; they get a fresh page when shown again. */
  private readonly stale = new Set<vscode.WebviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Each previewed record parsed once per version: rendering, highlighting and revealing share it. */
  private readonly parsedRecords = new Map<string, TrialDocument>();
  private highlightTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    _client: LanguageClient,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: PanelState | undefined) => {
          if (typeof state?.uri !== 'string') return panel.dispose();
          try {
            const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri));
            this.adopt(panel, document);
          } catch {
            panel.dispose(); // the record was moved or deleted while the window was closed
          }
        },
      }),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleUpdate(event.document)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris)
          this.scheduleUpdate(vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.scheduleHighlight(event.textEditor)),
    );
  }

  async open(uri: vscode.Uri | undefined, column: vscode.ViewColumn): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage('Open a trial record (*.trial.json) to preview it.');
      return;
    }
    const existing = this.panels.get(document.uri.toString());
    if (existing) return existing.reveal(column);
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      this.title(document),
      { viewColumn: column, preserveFocus: column === vscode.ViewColumn.Beside },
      this.webviewOptions(),
    );
    this.adopt(panel, document);
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [this.mediaFolder()] };
  }

  private mediaFolder(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, 'client', 'media');
  }

  private title(document: vscode.TextDocument): string {
    return `Preview ${document.uri.path.split('/').pop()}`;
  }

  /** The record a panel shows now (it changes when the panel follows another editor). */
  private uriOf(panel: vscode.WebviewPanel): string | undefined {
    for (const [uri, candidate] of this.panels) if (candidate === panel) return uri;
    return undefined;
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument): void {
    panel.webview.options = this.webviewOptions();
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'client', 'images', 'trial-record.svg');
    this.panels.set(document.uri.toString(), panel);
    panel.webview.html = this.page(panel.webview, document);
    panel.onDidDispose(() => {
      const uri = this.uriOf(panel);
      if (uri) this.panels.delete(uri);
      if (uri) this.parsedRecords.delete(uri);
      this.stale.delete(panel);
    });
    panel.webview.onDidReceiveMessage((message: WebviewMessage) => {
      const uri = this.uriOf(panel);
      if (uri && message?.type === 'reveal' && typeof message.pointer === 'string')
        void this.reveal(vscode.Uri.parse(uri), message.pointer);
    });
    panel.onDidChangeViewState(() => {
      const uri = this.uriOf(panel);
      if (!panel.visible || !this.stale.has(panel) || !uri) return;
      this.stale.delete(panel);
      void vscode.workspace.openTextDocument(vscode.Uri.parse(uri)).then((current) => {
        if (this.uriOf(panel) === uri) panel.webview.html = this.page(panel.webview, current);
      });
    });
  }

  private parse(document: vscode.TextDocument): TrialDocument {
    const uri = document.uri.toString();
    const cached = this.parsedRecords.get(uri);
    if (cached?.version === document.version) return cached;
    const parsed = new TrialDocument(document.getText(), document.version);
    this.parsedRecords.set(uri, parsed);
    return parsed;
  }

  /** The record's value and its diagnostics, each with its finding's pointer (see problems.ts). */
  private snapshot(document: vscode.TextDocument): Pick<RenderOptions, 'today' | 'problems'> & { record: unknown } {
    const parsed = this.parse(document);
    const problems = vscode.languages
      .getDiagnostics(document.uri)
      .map((diagnostic) =>
        previewProblem(diagnostic, () => pointerAt(parsed, document.offsetAt(diagnostic.range.start))),
      );
    return { record: parsed.value, problems, today: localToday() };
  }

  private page(webview: vscode.Webview, document: vscode.TextDocument): string {
    const media = this.mediaFolder();
    const { record, ...options } = this.snapshot(document);
    return renderPreview(record, {
      ...options,
      mode: 'webview',
      nonce: randomBytes(16).toString('base64'),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      documentUri: document.uri.toString(),
    });
  }

  private scheduleUpdate(document: vscode.TextDocument | undefined): void {
    if (!document) return;
    const uri = document.uri.toString();
    if (!this.panels.has(uri)) return;
    clearTimeout(this.updateTimers.get(uri));
    const delay = vscode.workspace.getConfiguration('trialRecords').get<number>('preview.delay', 300);
    this.updateTimers.set(
      uri,
      setTimeout(() => {
        this.updateTimers.delete(uri);
        this.update(document);
      }, delay),
    );
  }

  private update(document: vscode.TextDocument): void {
    const panel = this.panels.get(document.uri.toString());
    if (!panel) return;
    if (!panel.visible) {
      this.stale.add(panel);
      return;
    }
    const { record, ...options } = this.snapshot(document);
    void panel.webview.postMessage({ type: 'update', html: renderBody(record, { ...options, mode: 'webview' }) });
  }

  /** With one preview open, it follows the active trial editor (as Markdown's preview does). */
  private follow(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (
      !document ||
      document.languageId !== LANGUAGE_ID ||
      this.panels.size !== 1 ||
      this.panels.has(document.uri.toString())
    )
      return;
    if (!vscode.workspace.getConfiguration('trialRecords').get<boolean>('preview.followActiveEditor', true)) return;
    const [[oldUri, panel]] = [...this.panels.entries()];
    clearTimeout(this.updateTimers.get(oldUri));
    this.updateTimers.delete(oldUri);
    this.panels.delete(oldUri);
    this.parsedRecords.delete(oldUri);
    this.panels.set(document.uri.toString(), panel);
    this.stale.delete(panel);
    panel.title = this.title(document);
    panel.webview.html = this.page(panel.webview, document);
  }

  private scheduleHighlight(editor: vscode.TextEditor): void {
    if (!this.panels.has(editor.document.uri.toString())) return;
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => this.highlight(editor), HIGHLIGHT_DELAY);
  }

  private highlight(editor: vscode.TextEditor): void {
    const panel = this.panels.get(editor.document.uri.toString());
    if (!panel?.visible) return;
    const node = nodeAtOffset(this.parse(editor.document).tree, editor.document.offsetAt(editor.selection.active));
    void panel.webview.postMessage({ type: 'highlight', pointer: node ? pointerOfNode(node) : '' });
  }

  private async reveal(uri: vscode.Uri, pointer: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const located = this.parse(document).locate([pointer]).get(pointer);
    const start = document.positionAt(located?.keyStart ?? located?.valueStart ?? 0);
    const end = document.positionAt(located?.valueEnd ?? located?.valueStart ?? 0);
    // Reveal in the editor that already shows the record, not in a new one.
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(
      new vscode.Range(start, end.line - start.line > 20 ? start : end),
      vscode.TextEditorRevealType.InCenterIfOutsideViewport,
    );
  }

  async exportHtml(uri: vscode.Uri | undefined): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Open a trial record (*.trial.json) to export its preview.');
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: document.uri.path.replace(/(\.trial)?\.json$/, '') + '.html' }),
      filters: { HTML: ['html'] },
    });
    if (!target) return;
    const css = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.mediaFolder(), 'preview.css')),
    );
    const { record, ...options } = this.snapshot(document);
    const html = renderPreview(record, { ...options, mode: 'export', css });
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
    } catch (error) {
      void vscode.window.showErrorMessage(
        `The preview could not be written to ${vscode.workspace.asRelativePath(target)}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    void vscode.window.showInformationMessage(`Preview exported to ${vscode.workspace.asRelativePath(target)}.`);
  }

  dispose(): void {
    for (const timer of this.updateTimers.values()) clearTimeout(timer);
    clearTimeout(this.highlightTimer);
    for (const panel of this.panels.values()) panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * The pointer of the innermost node at an offset (a key counts as its property). The document's
 * tree is built once and shared by all the diagnostics, where a scan per diagnostic would read a
 * large record again for each one.
 */
function pointerAt(document: TrialDocument, offset: number): string {
  const tree = document.tree;
  const node = tree && findNodeAtOffset(tree, offset);
  return node ? pointerOfNode(node) : '';
}

/** Today in the curator's time zone, as yyyy-MM-dd (the timeline's "today" marker). */
function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
