// "Turn off this rule for this record": a quick fix that writes an override into the nearest
// .trialrc.json (or a new one beside the record), the way ESLint's editors offer to disable a rule
// where a comment would; a JSON record has no comments to carry it.
import { dirname, join, relative, sep } from 'node:path';
import { modify, parse, type JSONPath, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { CONFIG_FILE_NAME, findConfigFile } from '../config';
import { MAX_CONFIG_FILE_BYTES, readLimitedFile } from '../config/readLimited';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { detectFormatting } from '../service/fixes';
import { isPlainObject } from '../service/types';

/**
 * Rules not offered as a one-click switch: the file is not JSON, a rule broke, or the record breaks the
 * registry's format or leaves out what it requires. One misplaced click under "Replace with PHASE2"
 * would hide every such problem of the record; turning them off stays possible in .trialrc.json.
 */
const GUARDED = new Set(['syntax', 'rule-error', 'schema', 'required-fields']);

/**
 * One action per rule among the diagnostics. `canCreateFiles`: the client applies "create file"
 * operations, needed when no config applies to the record yet.
 */
export function turnOffRuleActions(
  recordUri: string,
  diagnostics: readonly Diagnostic[],
  canCreateFiles: boolean,
): CodeAction[] {
  const ruleIds = new Set(
    diagnostics
      .filter(
        (diagnostic) =>
          diagnostic.source === DIAGNOSTIC_SOURCE &&
          typeof diagnostic.code === 'string' &&
          !GUARDED.has(diagnostic.code),
      )
      .map((diagnostic) => String(diagnostic.code)),
  );
  // An unsaved record (untitled:) has no folder for a config to apply from.
  const uri = URI.parse(recordUri);
  if (ruleIds.size === 0 || uri.scheme !== 'file') return [];
  const recordPath = uri.fsPath;
  const configPath = findConfigFile(recordPath);
  const glob = recordGlob(dirname(configPath ?? recordPath), recordPath);
  if (!glob) return [];
  const actions: CodeAction[] = [];
  for (const ruleId of ruleIds) {
    const edit = configPath
      ? editOfConfig(configPath, glob, ruleId)
      : canCreateFiles
        ? newConfig(join(dirname(recordPath), CONFIG_FILE_NAME), glob, ruleId)
        : undefined;
    if (!edit) continue;
    actions.push({
      title: `Turn off "${ruleId}" for this record (${configPath ? `in ${relative(dirname(recordPath), configPath).split(sep).join('/')}` : `in a new ${CONFIG_FILE_NAME}`})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: diagnostics.filter((diagnostic) => diagnostic.code === ruleId),
      edit,
    });
  }
  return actions;
}

/**
 * The record as an override glob, relative to the config's folder: "./name" so that it does not
 * also match records of the same name in subfolders. Glob characters are escaped; a "#" would
 * start a JSON Pointer, so such names get no action.
 */
function recordGlob(configFolder: string, recordPath: string): string | undefined {
  const path = relative(configFolder, recordPath).split(sep).join('/');
  if (path.includes('#') || path.startsWith('..')) return undefined;
  const escaped = path.replace(/[\\*?[\]{}()!+@]/g, (character) => `\\${character}`);
  return escaped.includes('/') ? escaped : `./${escaped}`;
}

/** The edit that turns the rule off in an existing config: in this record's override if it has one, else in a new one. */
function editOfConfig(configPath: string, glob: string, ruleId: string): WorkspaceEdit | undefined {
  let text: string;
  try {
    text = readLimitedFile(configPath, MAX_CONFIG_FILE_BYTES);
  } catch {
    return undefined;
  }
  const errors: ParseError[] = [];
  const config: unknown = parse(text, errors, { allowTrailingComma: true });
  // A broken config is reported on the config itself; editing it blind could make it worse.
  if (
    errors.length > 0 ||
    !isPlainObject(config) ||
    (config.overrides !== undefined && !Array.isArray(config.overrides))
  )
    return undefined;
  const overrides = (config.overrides ?? []) as unknown[];
  const own = overrides.findIndex(
    (override) =>
      isPlainObject(override) &&
      Array.isArray(override.files) &&
      override.files.length === 1 &&
      override.files[0] === glob &&
      (override.rules === undefined || isPlainObject(override.rules)),
  );
  const override = { files: [glob], rules: { [ruleId]: 'off' } };
  // Into the record's own override, else appended to the overrides, else as the first of them.
  const [path, value]: [JSONPath, unknown] =
    own >= 0
      ? [['overrides', own, 'rules', ruleId], 'off']
      : config.overrides !== undefined
        ? [['overrides', -1], override]
        : [['overrides'], [override]];
  const edits = modify(text, path, value, {
    formattingOptions: detectFormatting(text),
    isArrayInsertion: path.length === 2,
  });
  const document = TextDocument.create(URI.file(configPath).toString(), 'jsonc', 0, text);
  const textEdits: TextEdit[] = edits.map((edit) => ({
    range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) },
    newText: edit.content,
  }));
  return { changes: { [document.uri]: textEdits } };
}

function newConfig(configPath: string, glob: string, ruleId: string): WorkspaceEdit {
  const uri = URI.file(configPath).toString();
  const text = `${JSON.stringify({ overrides: [{ files: [glob], rules: { [ruleId]: 'off' } }] }, null, 2)}\n`;
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      {
        textDocument: { uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }],
      },
    ],
  };
}
