// Record → HTML for the preview panel and for the exported file. Pure: no vscode, no I/O. Every
// piece of record text goes through the escaping `html` tag; a section that cannot be drawn from
// an odd record shows a note instead of failing the whole page.
import { createHash, randomBytes } from 'node:crypto';
import { renderArms } from './arms';
import { renderDesign } from './design';
import { renderAdverseEvents } from './events';
import { FindingIndex } from './findings';
import { renderParticipantFlow } from './flow';
import { renderDescription, renderHeader, renderSponsor } from './header';
import { html, trusted, type Markup } from './html';
import { renderIdentifiers } from './identifiers';
import { renderBaseline, renderOutcomeResults } from './measures';
import { renderConditions, renderEligibility, renderOutcomes } from './outcomes';
import { renderContacts, renderLocations } from './places';
import { renderProblems } from './problems';
import { renderReferences } from './references';
import { renderMoreInformation, renderResultsHeading } from './results';
import { renderIpdSharing } from './sharing';
import type { PreviewProblem, RenderContext } from './section';
import { renderTimeline } from './timeline';
import { asObject, text } from './values';

export type { PreviewProblem } from './section';

export interface RenderOptions {
  /** 'webview': the panel inside VS Code (stylesheet and script from the extension); 'export': one standalone file. */
  mode: 'webview' | 'export';
  /** yyyy-MM-dd, marked on the timeline. */
  today: string;
  problems?: PreviewProblem[];
  /** Webview: a fresh nonce per page for the script. */
  nonce?: string;
  /** Webview: `webview.cspSource`. */
  cspSource?: string;
  /** Webview: `asWebviewUri` of client/media/preview.css and preview.js. */
  styleUri?: string;
  scriptUri?: string;
  /** Webview: the record's URI, kept in the webview state so the panel comes back after a reload. */
  documentUri?: string;
  /** Export: the text of client/media/preview.css, inlined. */
  css?: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** What goes inside <body>: the 'update' message replaces the body with this. */
export function renderBody(record: unknown, options: RenderOptions): string {
  const context = contextFor(record, options);
  const root = asObject(record);
  const notice = !root
    ? html`<p class="notice">This file does not hold a study record yet: its top level is ${describe(record)}, not an object with a <code>protocolSection</code>.</p>`
    : !asObject(root.protocolSection)
      ? html`<p class="notice">This record has no <code>protocolSection</code> object, so most of the registry page is empty.</p>`
      : '';
  const sections: (Markup | undefined)[] = [
    attempt('header', () => renderHeader(context)),
    attempt('sponsor', () => renderSponsor(context)),
    attempt('design', () => renderDesign(context)),
    attempt('timeline', () => renderTimeline(context)),
    attempt('description', () => renderDescription(context)),
    attempt('arms', () => renderArms(context)),
    attempt('outcomes', () => renderOutcomes(context)),
    attempt('eligibility', () => renderEligibility(context)),
    attempt('conditions', () => renderConditions(context)),
    attempt('contacts', () => renderContacts(context)),
    attempt('locations', () => renderLocations(context)),
    attempt('ipd-sharing', () => renderIpdSharing(context)),
    attempt('references', () => renderReferences(context)),
    attempt('identifiers', () => renderIdentifiers(context)),
    attempt('results', () => renderResultsHeading(context)),
    attempt('participant flow', () => renderParticipantFlow(context)),
    attempt('baseline characteristics', () => renderBaseline(context)),
    attempt('outcome measure results', () => renderOutcomeResults(context)),
    attempt('adverse events', () => renderAdverseEvents(context)),
    attempt('more information', () => renderMoreInformation(context)),
  ];
  const [header, ...cards] = sections;
  return html`${renderProblems(context)}
<main class="record">
${header}${notice}
<div class="cards">
${cards}
</div>
</main>
<footer class="colophon">Shown as of ${options.today} · Trial Records preview</footer>`.value;
}

/** A whole HTML document: the webview page, or the standalone export. */
export function renderPreview(record: unknown, options: RenderOptions): string {
  const body = renderBody(record, options);
  const title = documentTitle(record);
  const head = options.mode === 'export' ? exportHead(options) : webviewHead(options);
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body class="mode-${options.mode}"${options.mode === 'webview' && options.documentUri ? html` data-uri="${options.documentUri}"` : ''}>
${trusted(body)}
</body>
</html>
`.value;
}

function webviewHead(options: RenderOptions): Markup {
  const nonce = options.nonce ?? randomBytes(16).toString('base64');
  const source = options.cspSource ?? "'self'";
  const policy = `default-src 'none'; style-src ${source}; script-src 'nonce-${nonce}'; img-src ${source} data:; font-src ${source}; base-uri 'none'; form-action 'none'`;
  return html`<meta http-equiv="Content-Security-Policy" content="${policy}">
${options.styleUri ? html`<link rel="stylesheet" href="${options.styleUri}">` : ''}
${options.scriptUri ? html`<script nonce="${nonce}" src="${options.scriptUri}" defer></script>` : ''}`;
}

function exportHead(options: RenderOptions): Markup {
  // The stylesheet is ours, but a closing tag inside it would still end the element early.
  const css = (options.css ?? '').replace(/<\/(style)/gi, '<\\/$1');
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  const policy = `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return html`<meta http-equiv="Content-Security-Policy" content="${policy}">
<style>${trusted(css)}</style>`;
}

function contextFor(record: unknown, options: RenderOptions): RenderContext {
  const root = asObject(record) ?? {};
  const problems = (options.problems ?? []).map((problem): PreviewProblem => ({
    severity: SEVERITIES.has(problem.severity) ? problem.severity : 'info',
    message: String(problem.message),
    ruleId: String(problem.ruleId ?? ''),
    pointer: typeof problem.pointer === 'string' ? problem.pointer : '',
    ...(Array.isArray(problem.fields) ? { fields: problem.fields.filter((field) => typeof field === 'string') } : {}),
    line: Number.isFinite(problem.line) ? problem.line : 0,
  }));
  return {
    record: root,
    protocol: asObject(root.protocolSection) ?? {},
    today: options.today,
    problems,
    findings: new FindingIndex(problems),
  };
}

function attempt(name: string, render: () => Markup | undefined): Markup | undefined {
  try {
    return render();
  } catch (error) {
    return html`<section class="card render-error"><h2>${name}</h2><p class="notice">This part of the record could not be shown: ${error instanceof Error ? error.message : String(error)}</p></section>`;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'unreadable';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function documentTitle(record: unknown): string {
  const identification = asObject(asObject(asObject(record)?.protocolSection)?.identificationModule);
  const parts = [text(identification?.nctId), text(identification?.briefTitle)].filter(
    (part): part is string => part !== undefined,
  );
  return parts.length ? parts.join(' — ') : 'Trial record preview';
}
