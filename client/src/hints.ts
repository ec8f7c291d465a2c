// Inlay hints (the registry's labels, characters against limits, derived age groups and masking) and
// lenses over arms and primary outcomes, from recordHints.ts; `trialRecords.inlayHints.enabled` turns them off.
import * as vscode from 'vscode';
import { studySchema } from '../../server/src/service/studySchema';
import { lineNotes, valueHints } from './recordHints';
import { valueOf } from './textBlocks';
import { NO_HINTS_ABOVE, textLength, type Validations } from './validations';

const LANGUAGE_ID = 'trial-record';

function enabled(document: vscode.TextDocument): boolean {
  return (
    textLength(document) <= NO_HINTS_ABOVE &&
    vscode.workspace.getConfiguration('trialRecords', document.uri).get<boolean>('inlayHints.enabled', true)
  );
}

export function registerHints(context: vscode.ExtensionContext, validations: Validations): void {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    vscode.languages.registerInlayHintsProvider(
      { language: LANGUAGE_ID },
      {
        onDidChangeInlayHints: changed.event,
        async provideInlayHints(document, range, token) {
          await validations.settled(document);
          if (token.isCancellationRequested) return [];
          if (!enabled(document)) return [];
          const start = document.offsetAt(range.start);
          const end = document.offsetAt(range.end);
          return valueHints(document.getText(), studySchema, start, end).map((hint) => {
            const inlay = new vscode.InlayHint(document.positionAt(hint.offset), hint.label);
            inlay.paddingLeft = true;
            return inlay;
          });
        },
      },
    ),
    vscode.languages.registerCodeLensProvider(
      { language: LANGUAGE_ID },
      {
        onDidChangeCodeLenses: changed.event,
        async provideCodeLenses(document, token) {
          await validations.settled(document);
          if (token.isCancellationRequested) return [];
          if (!enabled(document)) return [];
          const text = document.getText();
          const record = valueOf(text);
          if (record === undefined) return [];
          return lineNotes(text, record).map((note) => {
            const position = document.positionAt(note.offset);
            return new vscode.CodeLens(new vscode.Range(position, position), { title: note.title, command: '' });
          });
        },
      },
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('trialRecords.inlayHints')) changed.fire();
    }),
  );
}
