// Writing prose in a record: Enter and paste inside a text value keep the JSON string closed (they
// insert "\n" and escaped text), and "Edit text" opens a value in a tab of its own, as plain text with
// a live character count against the field's limit, written back escaped when that tab is saved.
import * as vscode from 'vscode';
import { toPointer } from '../../server/src/service/pointer';
import { studySchema } from '../../server/src/service/studySchema';
import {
  characterCount,
  countLabel,
  escapeForString,
  isValueString,
  longTexts,
  pathOf,
  stringAround,
  stringAtPath,
  textField,
  valuePathAt,
  type TextField,
} from './textBlocks';
import { NO_HINTS_ABOVE, textLength, type Validations } from './validations';

const LANGUAGE_ID = 'trial-record';
export const TEXT_SCHEME = 'trial-text';

export function registerTextEditing(context: vscode.ExtensionContext, validations: Validations): void {
  const texts = new TextValueFileSystem();
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  context.subscriptions.push(
    status,
    vscode.workspace.registerFileSystemProvider(TEXT_SCHEME, texts, { isCaseSensitive: true }),
    // Plain commands, not text editor commands: those may not start edits of their own after an await.
    vscode.commands.registerCommand('trialRecords.enterInText', () => withEditor(enterInText)),
    vscode.commands.registerCommand('trialRecords.pasteInText', () => withEditor(pasteInText)),
    vscode.commands.registerCommand('trialRecords.editText', (uri?: unknown, pointer?: unknown) =>
      editText(uri, pointer),
    ),
    vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, new EditTextLenses(validations)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      texts.recordChanged(event.document.uri);
      if (event.document === vscode.window.activeTextEditor?.document) showCount(status, event.document, texts);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => showCount(status, editor?.document, texts)),
  );
}

/** Whether every selection sits inside one text value, where Enter and paste must escape what they insert. */
function selectionsInTextValues(editor: vscode.TextEditor): boolean {
  return editor.selections.every((selection) => {
    if (selection.start.line !== selection.end.line) return false;
    const line = editor.document.lineAt(selection.start.line).text;
    // JSON strings never span lines, so the line alone tells whether the cursor is inside one.
    const token = stringAround(line, selection.start.character);
    return token !== undefined && isValueString(line, token) && selection.end.character < token.end;
  });
}

async function withEditor(run: (editor: vscode.TextEditor) => Promise<void>): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor) await run(editor);
}

async function enterInText(editor: vscode.TextEditor): Promise<void> {
  // Typed through the editor like any key, so that the cursor moves past it as it would.
  if (selectionsInTextValues(editor)) await vscode.commands.executeCommand('type', { text: '\\n' });
  else await vscode.commands.executeCommand('default:type', { text: '\n' });
}

async function pasteInText(editor: vscode.TextEditor): Promise<void> {
  const clipboard = await vscode.env.clipboard.readText();
  const escaped = escapeForString(clipboard);
  if (escaped === clipboard || !selectionsInTextValues(editor)) {
    await vscode.commands.executeCommand('editor.action.clipboardPasteAction');
    return;
  }
  await vscode.commands.executeCommand('paste', { text: escaped });
}

interface TextLocation {
  record: vscode.Uri;
  pointer: string;
}

/** trial-text:/<field title>.md?<record uri and pointer>: the tab's title is the field's. */
function textUri(location: TextLocation, field: TextField): vscode.Uri {
  const name = field.title.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'text';
  return vscode.Uri.from({
    scheme: TEXT_SCHEME,
    path: `/${name}.md`,
    query: JSON.stringify({ record: location.record.toString(), pointer: location.pointer }),
  });
}

function locationOf(uri: vscode.Uri): TextLocation {
  const query = JSON.parse(uri.query) as { record: string; pointer: string };
  return { record: vscode.Uri.parse(query.record), pointer: query.pointer };
}

async function editText(uri: unknown, pointer: unknown): Promise<void> {
  let location: TextLocation | undefined;
  if (uri instanceof vscode.Uri && typeof pointer === 'string') location = { record: uri, pointer };
  else {
    const editor = vscode.window.activeTextEditor;
    const path =
      editor && editor.document.languageId === LANGUAGE_ID
        ? valuePathAt(editor.document.getText(), editor.document.offsetAt(editor.selection.active))
        : undefined;
    if (!editor || !path) {
      void vscode.window.showInformationMessage(
        'Put the cursor in a text value of a trial record (a description, the eligibility criteria…) to edit it as text.',
      );
      return;
    }
    location = { record: editor.document.uri, pointer: toPointer(path) };
  }
  const field = textField(studySchema, pathOf(location.pointer));
  const document = await vscode.workspace.openTextDocument(textUri(location, field));
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

function showCount(
  status: vscode.StatusBarItem,
  document: vscode.TextDocument | undefined,
  texts: TextValueFileSystem,
): void {
  if (document?.uri.scheme !== TEXT_SCHEME) {
    status.hide();
    return;
  }
  const limit = texts.fieldOf(document.uri).limit;
  const characters = characterCount(document.getText());
  status.text = countLabel(characters, limit);
  status.tooltip =
    limit === undefined
      ? 'The registry gives this field no character limit.'
      : `The registry accepts at most ${limit.toLocaleString('en-US')} characters here.`;
  status.backgroundColor =
    limit !== undefined && characters > limit ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

/** "Edit text" over each long text value of a record. */
class EditTextLenses implements vscode.CodeLensProvider {
  constructor(private readonly validations: Validations) {}

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    await this.validations.settled(document);
    if (token.isCancellationRequested) return [];
    if (textLength(document) > NO_HINTS_ABOVE) return [];
    return longTexts(document.getText()).map((value) => {
      const field = textField(studySchema, value.path);
      const position = document.positionAt(value.offset);
      return new vscode.CodeLens(new vscode.Range(position, position), {
        title: `Edit text (${countLabel(value.characters, field.limit)})`,
        command: 'trialRecords.editText',
        arguments: [document.uri, toPointer(value.path)],
      });
    });
  }
}

/** Text values of open records as files: reading gives the decoded string, writing puts it back escaped. */
class TextValueFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** The text tabs open per record, so that an edit of the record refreshes them. */
  private readonly open = new Map<string, Set<string>>();

  fieldOf(uri: vscode.Uri): TextField {
    return textField(studySchema, pathOf(locationOf(uri).pointer));
  }

  recordChanged(record: vscode.Uri): void {
    const uris = this.open.get(record.toString());
    if (uris)
      this.changes.fire([...uris].map((uri) => ({ type: vscode.FileChangeType.Changed, uri: vscode.Uri.parse(uri) })));
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    const record = locationOf(uri).record.toString();
    const uris = this.open.get(record) ?? new Set<string>();
    uris.add(uri.toString());
    this.open.set(record, uris);
    return new vscode.Disposable(() => uris.delete(uri.toString()));
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const value = await this.read(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: Buffer.byteLength(value) };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.read(uri));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { record, pointer } = locationOf(uri);
    const document = await vscode.workspace.openTextDocument(record);
    const token = stringAtPath(document.getText(), pathOf(pointer));
    if (!token)
      throw vscode.FileSystemError.Unavailable(
        `The record no longer has a text value at ${pointer}; copy your text and open it again.`,
      );
    const value = new TextDecoder().decode(content).replace(/\r\n/g, '\n');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      record,
      new vscode.Range(document.positionAt(token.start), document.positionAt(token.end)),
      JSON.stringify(value),
    );
    if (!(await vscode.workspace.applyEdit(edit)))
      throw vscode.FileSystemError.Unavailable('The record could not be changed (is it read-only?).');
  }

  private async read(uri: vscode.Uri): Promise<string> {
    const { record, pointer } = locationOf(uri);
    const document = await vscode.workspace.openTextDocument(record);
    const token = stringAtPath(document.getText(), pathOf(pointer));
    if (!token) throw vscode.FileSystemError.FileNotFound(uri);
    return token.value;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('Text values have no folders.');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('Delete the text in the record itself.');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('A text value cannot be renamed.');
  }
}
