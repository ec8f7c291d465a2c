// `trial-records import-report REPORT --record FILE [--format NAME]`: the lines of a PRS upload report as
// findings at the fields of the record they name, in any of the lint formats.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import { formatters } from '../formatters';
import type { LintResults } from '../formatters/types';
import { nodeAtPointer } from '../service/tree';
import type { Finding, Range } from '../service/types';
import { recordName } from './sidecar';
import { parseUploadReport, placeReportLine, type PlacedReportLine } from './upload-report';

export interface ReportCommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: trial-records import-report REPORT --record FILE [--format NAME]\n';
export const PRS_UPLOAD_RULE = 'prs-upload';

function parseArguments(argv: readonly string[]): { report: string; record: string; format: string } | string {
  let report: string | undefined;
  let record: string | undefined;
  let format = 'stylish';
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--record') record = argv[++index];
    else if (argument === '--format' || argument === '-f') format = argv[++index] ?? '';
    else if (argument.startsWith('-')) return `unknown option ${argument}`;
    else if (report === undefined) report = argument;
    else return `one report at a time (got "${report}" and "${argument}")`;
  }
  if (report === undefined) return 'no report given';
  if (record === undefined) return 'say which record the report is about: --record FILE';
  if (!formatters[format]) return `unknown format "${format}"; use one of ${Object.keys(formatters).join(', ')}`;
  return { report, record, format };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function rangeOf(text: string, tree: Node | undefined, pointer: string): Range {
  const node = pointer === '' ? undefined : nodeAtPointer(tree, pointer);
  if (node === undefined) return { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { start: positionAt(text, node.offset), end: positionAt(text, node.offset + node.length) };
}

function messageOf(entry: PlacedReportLine, record: string): string {
  const prefix = entry.field === undefined ? '' : `${entry.field}: `;
  if (entry.sidecarField !== undefined)
    return `${prefix}${entry.message} (a PRS-only field: ${entry.sidecarField} in ${recordName(record)}.prs.json)`;
  if (entry.field !== undefined && entry.pointer === '')
    return `${prefix}${entry.message} (the record has no field PRS calls "${entry.field}")`;
  return `${prefix}${entry.message}`;
}

export function runImportReportCommand(argv: readonly string[], io: ReportCommandIo): number {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    io.stderr(`trial-records import-report: ${options}\n${USAGE}`);
    return 2;
  }
  let reportText: string;
  let recordText: string;
  try {
    reportText = readFileSync(resolve(io.cwd, options.report), 'utf8');
    recordText = readFileSync(resolve(io.cwd, options.record), 'utf8');
  } catch (error) {
    const problem = error as NodeJS.ErrnoException;
    io.stderr(
      `trial-records import-report: ${problem.path ?? ''}: ${problem.code === 'ENOENT' ? 'no such file' : (problem.code ?? problem.message)}.\n`,
    );
    return 2;
  }
  const entries = parseUploadReport(reportText);
  if (entries.length === 0) {
    io.stderr(`${options.report}: no ERROR, WARNING or NOTE lines; is this a PRS upload report?\n`);
    return 2;
  }
  const tree = parseTree(recordText);
  let record: unknown;
  try {
    record = JSON.parse(recordText);
  } catch {
    io.stderr(`${options.record}: not valid JSON; the report's lines cannot be placed.\n`);
    return 2;
  }
  const findings: Finding[] = entries.map((entry) => {
    const placed = placeReportLine(record, entry);
    return {
      ruleId: PRS_UPLOAD_RULE,
      severity: placed.severity,
      pointer: placed.pointer,
      target: 'value',
      message: messageOf(placed, options.record),
      range: rangeOf(recordText, tree, placed.pointer),
    };
  });
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const absolutePath = resolve(io.cwd, options.record);
  const results: LintResults = {
    cwd: io.cwd,
    files: [{ path: relative(io.cwd, absolutePath).split(sep).join('/'), absolutePath, text: recordText, findings }],
    rules: new Map([
      [
        PRS_UPLOAD_RULE,
        {
          id: PRS_UPLOAD_RULE,
          severity: 'error',
          category: 'registry',
          description: 'A line of the PRS upload report',
          source: 'ClinicalTrials.gov PRS upload report',
        },
      ],
    ]),
  };
  io.stdout(formatters[options.format](results, { color: false, failOn: 'error' }));
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
