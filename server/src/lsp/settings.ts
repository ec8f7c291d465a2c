// The editor settings under `trialRecords.*`, read per document from the client (workspace/
// configuration) when it can answer, else from didChangeConfiguration or the initialization options.
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_MAX_SIZE } from '../service/validate';

export interface EditorSettings {
  /** Milliseconds between the last edit and validation. */
  delay: number;
  run: 'onType' | 'onSave';
  /** Above this many characters only the syntax is checked. */
  maxFileSize: number;
  /** What becomes of findings a suppressions baseline accepts: shown dimmed as hints, or not at all. */
  suppressedFindings: 'dimmed' | 'hidden';
}

export const DEFAULT_SETTINGS: EditorSettings = {
  delay: 200,
  run: 'onType',
  maxFileSize: DEFAULT_MAX_SIZE,
  suppressedFindings: 'dimmed',
};

/** Settings as the client sends them (`{ validate: { delay }, run, maxFileSize }`), checked field by field. */
export function readSettings(raw: unknown): EditorSettings {
  const section = (raw !== null && typeof raw === 'object' ? raw : {}) as {
    validate?: { delay?: unknown };
    run?: unknown;
    maxFileSize?: unknown;
    suppressedFindings?: unknown;
  };
  const delay = section.validate?.delay;
  return {
    delay: typeof delay === 'number' && delay >= 0 ? delay : DEFAULT_SETTINGS.delay,
    run: section.run === 'onSave' ? 'onSave' : 'onType',
    maxFileSize:
      typeof section.maxFileSize === 'number' && section.maxFileSize > 0
        ? section.maxFileSize
        : DEFAULT_SETTINGS.maxFileSize,
    suppressedFindings: section.suppressedFindings === 'hidden' ? 'hidden' : 'dimmed',
  };
}

export class SettingsCache {
  private readonly byUri = new Map<string, Promise<EditorSettings>>();
  private pushed: EditorSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = readSettings(initial);
  }

  get(uri: string): Promise<EditorSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'trialRecords' }).then(
        (raw) => (raw === null || raw === undefined ? this.pushed : readSettings(raw)),
        () => this.pushed,
      );
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** A didChangeConfiguration: forget what was read; keep what was pushed for clients that push. */
  changed(pushed: unknown): void {
    this.byUri.clear();
    const section =
      pushed !== null && typeof pushed === 'object' ? (pushed as { trialRecords?: unknown }).trialRecords : undefined;
    if (section !== undefined) this.pushed = readSettings(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
