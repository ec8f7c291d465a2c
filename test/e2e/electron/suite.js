// Runs inside a downloaded VS Code (Electron) via @vscode/test-electron: opens a record with a
// planted phase typo and waits for the extension's diagnostics.
const assert = require('node:assert');
const path = require('node:path');
const vscode = require('vscode');

exports.run = async function run() {
  const file = path.join(__dirname, '..', '..', 'fixtures', 'e2e', 'phase-typo.trial.json');
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document);
  assert.strictEqual(document.languageId, 'trial-record');
  const deadline = Date.now() + 30000;
  let diagnostics = [];
  while (Date.now() < deadline) {
    diagnostics = vscode.languages.getDiagnostics(document.uri);
    if (diagnostics.some((d) => String(d.code && d.code.value ? d.code.value : d.code) === 'schema')) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.ok(diagnostics.some((d) => /did you mean "PHASE2"/.test(d.message)), JSON.stringify(diagnostics.map((d) => d.message)));
};
