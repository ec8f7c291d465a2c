// The server's word that a record's version has been validated and its findings published
// (trialRecords/validated): the status item shows it, and the client's own work on a large record
// waits for it, so that parsing the record here never holds up its findings.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface Validated {
  uri: string;
  version: number;
  durationMs: number;
  count: number;
}

/** Above this many characters a record's inlay hints and lenses wait for its findings (building the tree takes 100 ms and more). */
export const LARGE_RECORD = 500_000;
/** Above this many characters a record gets no inlay hints and lenses at all (each parses the whole text). */
export const NO_HINTS_ABOVE = 2_000_000;
/** How long after the word the work starts: the extension host hands findings on to the editor on a timer. */
const HAND_ON_MS = 50;
/** The longest they wait: a record validated only on save gets no word while it is edited. */
const LONGEST_WAIT_MS = 3000;

export class Validations implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Validated>();
  readonly onDidValidate = this.emitter.event;
  private readonly latest = new Map<string, number>();

  listen(client: LanguageClient): vscode.Disposable {
    return vscode.Disposable.from(
      client.onNotification('trialRecords/validated', (validated: Validated) => {
        this.latest.set(validated.uri, Math.max(validated.version, this.latest.get(validated.uri) ?? 0));
        this.emitter.fire(validated);
      }),
      // A record opened again starts again from version 1.
      vscode.workspace.onDidCloseTextDocument((document) => this.latest.delete(document.uri.toString())),
    );
  }

  /** Resolves at once for a small record; for a large one, once this version's findings are out (or after a while). */
  async settled(document: vscode.TextDocument): Promise<void> {
    if (textLength(document) <= LARGE_RECORD) return;
    const uri = document.uri.toString();
    const version = document.version;
    // After an edit the work goes on during the server's debounce, done before the findings come.
    if (this.latest.has(uri)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      };
      const timer = setTimeout(done, LONGEST_WAIT_MS);
      const listener = this.onDidValidate((validated) => {
        // A moment later: the findings that came just before this word are passed on to the editor first.
        if (validated.uri === uri && validated.version >= version) setTimeout(done, HAND_ON_MS);
      });
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** The length of a document's text: the offset of its end, without joining its lines into one string as getText does. */
export function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(new vscode.Position(document.lineCount, 0));
}
