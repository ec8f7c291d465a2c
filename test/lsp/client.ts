// A minimal LSP client for protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC
// to it, recording every publishDiagnostics so that tests can wait for the ones they expect.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    code?: string;
    message: string;
    severity?: number;
    source?: string;
    relatedInformation?: unknown[];
    codeDescription?: { href: string };
    tags?: number[];
    data?: unknown;
  }>;
}

export class TestClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** How many times the server asked the client to pull diagnostics again. */
  diagnosticRefreshes = 0;
  /** What the server asked to register (client/registerCapability). */
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  private readonly versions = new Map<string, number>();
  private readonly waiters: Array<() => void> = [];
  /** What the server answered to `initialize`. */
  initializeResult:
    { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } } | undefined;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  /**
   * `snippets: false` for a client without snippet support (as Neovim's own completion);
   * `watchFiles` for a client that watches files when the server registers for them.
   */
  static async start(
    options: {
      rootPath: string;
      pull?: boolean;
      initializationOptions?: unknown;
      configuration?: unknown;
      snippets?: boolean;
      watchFiles?: boolean;
    } = { rootPath: process.cwd() },
  ): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    // A reply the server no longer reads once the test stops it is not an error of the test.
    child.stdin!.on('error', () => undefined);
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    connection.onError(() => undefined);
    const client = new TestClient(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      client.published.push(params);
      client.wake();
    });
    connection.onNotification((method, params) => {
      client.notifications.push({ method, params });
      client.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => options.configuration ?? null),
    );
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.diagnosticRefreshes++;
      client.wake();
      return null;
    });
    connection.onRequest(
      'client/registerCapability',
      (params: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
        client.registrations.push(...params.registrations);
        client.wake();
        return null;
      },
    );
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(options.rootPath).href, name: 'test' }],
      capabilities: {
        workspace: {
          configuration: options.configuration !== undefined,
          didChangeConfiguration: { dynamicRegistration: true },
          ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
          ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
        textDocument: {
          ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          completion: { completionItem: { snippetSupport: options.snippets ?? true } },
          hover: { contentFormat: ['markdown'] },
          rename: { prepareSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  open(uri: string, text: string, languageId = 'trial-record'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  /** Replaces the whole text (a full-content change), returning the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Waits until a publishDiagnostics for `uri` satisfies `accept` (the latest one is checked first). */
  async diagnostics(
    uri: string,
    accept: (published: PublishedDiagnostics) => boolean = () => true,
    timeoutMs = 20000,
  ): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.published].reverse().find((candidate) => candidate.uri === uri);
      if (found && accept(found)) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(
          `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(found)?.slice(0, 500)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([
        this.connection.sendRequest('shutdown'),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
      await this.connection.sendNotification('exit').catch(() => undefined);
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The LSP position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}
