// PLACEHOLDER until the preview renderer lands (issue 5): keeps the build green.
export interface PreviewProblem {
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  ruleId: string;
  pointer: string;
  line: number;
}
export interface RenderOptions {
  mode: 'webview' | 'export';
  today: string;
  problems?: PreviewProblem[];
  nonce?: string;
  cspSource?: string;
  styleUri?: string;
  scriptUri?: string;
}
export function renderBody(_record: unknown, _options: RenderOptions): string {
  return '';
}
export function renderPreview(record: unknown, options: RenderOptions): string {
  return `<!DOCTYPE html><html><body>${renderBody(record, options)}</body></html>`;
}
