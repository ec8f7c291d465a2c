// Headless Chromium for the preview tests: Debian's /usr/bin/chromium driven by playwright-core,
// no network except 127.0.0.1, and a small local server that plays the webview (the page under
// the real CSP, with client/media served from the same origin as `cspSource`).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeAll, beforeEach } from 'vitest';
import { renderPreview, type PreviewProblem, type RenderOptions } from '../../client/src/preview/render';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const mediaDir = join(repoRoot, 'client', 'media');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TODAY = '2026-03-01';

export function previewCss(): string {
  return readFileSync(join(mediaDir, 'preview.css'), 'utf8');
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. The preview browser tests need it: install Debian's chromium package ` +
        '(test/provision.mjs does when it runs as root or with sudo) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Runs `setup` (launching Chromium) once for the file. When it fails, every test of the file fails
 * with the reason, so a missing browser never shows up as skipped tests.
 */
export function setUpBrowserTests(setup: () => Promise<void>): void {
  let failure: unknown;
  beforeAll(async () => {
    try {
      await setup();
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (failure) throw failure;
  });
}

/** What a page did that it must not: dialogs opened, CSP violations, requests that tried to leave. */
export interface PageWatch {
  dialogs: string[];
  violations: string[];
  offline: string[];
}

/** A context with no way out of 127.0.0.1 and a stand-in for the VS Code webview API. */
export async function openContext(browser: Browser, viewport = { width: 1200, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await context.addInitScript(() => {
    const target = window as unknown as Record<string, unknown>;
    const posted: unknown[] = [];
    let state: unknown;
    target.__posted = posted;
    target.__violations = [];
    target.acquireVsCodeApi = () => ({
      postMessage: (message: unknown) => posted.push(message),
      getState: () => state,
      setState: (next: unknown) => {
        state = next;
        target.__state = next;
      },
    });
    document.addEventListener('securitypolicyviolation', (event) => {
      (target.__violations as string[]).push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return context;
}

export function watch(page: Page): PageWatch {
  const seen: PageWatch = { dialogs: [], violations: [], offline: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('requestfailed', (request) => seen.offline.push(request.url()));
  return seen;
}

/** Serves /page (the HTML given last) and /media/* (client/media) on 127.0.0.1. */
export class WebviewServer {
  private page = '';
  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<WebviewServer> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/page') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(instance?.page ?? '');
        return;
      }
      const media = /^\/media\/(preview\.(?:css|js))$/.exec(path);
      if (media) {
        response.writeHead(200, { 'content-type': media[1].endsWith('.css') ? 'text/css' : 'text/javascript' });
        response.end(readFileSync(join(mediaDir, media[1])));
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new WebviewServer(server, `http://127.0.0.1:${port}`);
    return instance;
  }

  /** The record as the panel would show it: webview mode, nonce, stylesheet and script. */
  webviewHtml(record: unknown, problems: PreviewProblem[] = [], extra: Partial<RenderOptions> = {}): string {
    return renderPreview(record, {
      mode: 'webview',
      today: TODAY,
      problems,
      nonce: 'dGVzdC1ub25jZS0xMjM0NTY=',
      cspSource: this.origin,
      styleUri: `${this.origin}/media/preview.css`,
      scriptUri: `${this.origin}/media/preview.js`,
      documentUri: 'file:///home/curator/records/example.trial.json',
      ...extra,
    });
  }

  async show(page: Page, html: string): Promise<void> {
    this.page = html;
    await page.goto(`${this.origin}/page`, { waitUntil: 'load' });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export function exportHtml(record: unknown, problems: PreviewProblem[] = []): string {
  return renderPreview(record, { mode: 'export', today: TODAY, problems, css: previewCss() });
}
