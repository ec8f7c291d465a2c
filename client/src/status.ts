// The language status item: which config and how many rules apply, and when the record was last validated.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Validated, Validations } from './validations';

interface RecordStatus {
  configPath?: string;
  ruleCount: number;
  ignored?: boolean;
  customRulesNote?: string;
  configError?: string;
}

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('trialRecords.status', {
    language: 'trial-record',
  });
  private readonly lastValidated = new Map<string, Validated & { at: Date }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly validations: Validations,
  ) {
    this.item.name = 'Trial Records';
    this.item.text = 'Trial Records';
    this.item.command = { title: 'Show Output', command: 'trialRecords.showOutput' };
  }

  listen(): void {
    this.disposables.push(
      this.validations.onDidValidate((validated) => {
        this.lastValidated.set(validated.uri, { ...validated, at: new Date() });
        void this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
    );
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'trial-record') return;
    const uri = document.uri.toString();
    const status = await this.client.sendRequest<RecordStatus>('trialRecords/status', { uri }).catch(() => undefined);
    const validated = this.lastValidated.get(uri);
    const config = status?.configPath
      ? vscode.workspace.asRelativePath(status.configPath)
      : 'no .trialrc.json (recommended rules)';
    this.item.text = status?.ignored
      ? `$(circle-slash) Not checked: ignored by ${config}`
      : `$(checklist) ${status?.ruleCount ?? '?'} rules · ${config}`;
    this.item.severity = status?.configError
      ? vscode.LanguageStatusSeverity.Error
      : status?.customRulesNote
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    const when = validated
      ? `validated ${validated.at.toLocaleTimeString()} in ${validated.durationMs.toFixed(0)} ms, ${validated.count} finding(s)`
      : 'not validated yet';
    this.item.detail = [status?.configError, status?.customRulesNote, when].filter(Boolean).join(' — ');
  }

  dispose(): void {
    this.item.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
