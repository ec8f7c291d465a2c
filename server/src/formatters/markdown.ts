// A Markdown summary for $GITHUB_STEP_SUMMARY or a pull-request comment: totals, counts per rule
// and per file, then the first findings (most severe first) with file:line. In GitHub Actions the
// paths are the repository's, linked to the lines of the commit that was checked.
import {
  encodePath,
  pathInRepository,
  ruleDocsUrl,
  severityRank,
  startOf,
  summarize,
  type Formatter,
  type LintedFile,
  type LintResults,
} from './types';
import type { Finding, Severity } from '../service/types';
import { plural } from '../service/words';

export const FIRST_FINDINGS_SHOWN = 20;
export const FILE_ROWS_SHOWN = 50;

/**
 * Text from records and messages is shown as written: HTML, the characters that mean something in
 * the middle of a Markdown line (and GitHub's $ for maths) are escaped, and an "@" gets a
 * zero-width space so that a record's text never mentions a GitHub user or team.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, '\\$&')
    .replace(/@(?=\w)/g, '@\u200b');
}

function headline(results: LintResults): string {
  const summary = summarize(results);
  const total = summary.errors + summary.warnings + summary.infos + summary.hints;
  const files = plural(summary.files, 'record');
  if (summary.files === 0) return '### Trial Records: no records to check';
  if (total === 0) return `### Trial Records: no problems in ${files}`;
  const withFindings = results.files.filter((file) => file.findings.length > 0).length;
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos) parts.push(`${summary.infos} info`);
  if (summary.hints) parts.push(plural(summary.hints, 'hint'));
  return `### Trial Records: ${parts.join(', ')} in ${withFindings} of ${files}`;
}

interface RuleRow {
  ruleId: string;
  findings: number;
  files: Set<string>;
  mostSevere: Severity;
}

function ruleTable(results: LintResults): string[] {
  const rows = new Map<string, RuleRow>();
  for (const file of results.files) {
    for (const finding of file.findings) {
      const row = rows.get(finding.ruleId) ?? {
        ruleId: finding.ruleId,
        findings: 0,
        files: new Set<string>(),
        mostSevere: finding.severity,
      };
      row.findings++;
      row.files.add(file.path);
      if (severityRank(finding.severity) < severityRank(row.mostSevere)) row.mostSevere = finding.severity;
      rows.set(finding.ruleId, row);
    }
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      severityRank(a.mostSevere) - severityRank(b.mostSevere) ||
      b.findings - a.findings ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return [
    '| rule | severity | findings | files |',
    '|---|---|--:|--:|',
    ...sorted.map((row) => `| ${ruleLink(row.ruleId)} | ${row.mostSevere} | ${row.findings} | ${row.files.size} |`),
  ];
}

function countOf(file: LintedFile, severities: readonly Severity[]): number {
  return file.findings.filter((finding) => severities.includes(finding.severity)).length;
}

function fileTable(results: LintResults): string[] {
  const rows = results.files
    .filter((file) => file.findings.length > 0)
    .map((file) => ({
      file,
      errors: countOf(file, ['error']),
      warnings: countOf(file, ['warning']),
      others: countOf(file, ['info', 'hint']),
    }));
  const sorted = [...rows].sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.others - a.others);
  const lines = [
    '| file | errors | warnings | info and hints |',
    '|---|--:|--:|--:|',
    ...sorted
      .slice(0, FILE_ROWS_SHOWN)
      .map((row) => `| ${fileLink(results, row.file)} | ${row.errors} | ${row.warnings} | ${row.others} |`),
  ];
  if (sorted.length > FILE_ROWS_SHOWN)
    lines.push('', `…and ${plural(sorted.length - FILE_ROWS_SHOWN, 'more file')} with findings.`);
  return lines;
}

function firstFindings(results: LintResults): string[] {
  const all: Array<{ file: LintedFile; finding: Finding }> = results.files.flatMap((file) =>
    file.findings.map((finding) => ({ file, finding })),
  );
  const sorted = [...all].sort((a, b) => severityRank(a.finding.severity) - severityRank(b.finding.severity));
  const lines = sorted
    .slice(0, FIRST_FINDINGS_SHOWN)
    .map(
      ({ file, finding }) =>
        `- **${finding.severity}** ${fileLink(results, file, startOf(finding).line)}: ${escapeMarkdown(finding.message)} (${ruleLink(finding.ruleId)})`,
    );
  if (sorted.length > FIRST_FINDINGS_SHOWN) {
    lines.push(
      '',
      `…and ${plural(sorted.length - FIRST_FINDINGS_SHOWN, 'more finding')}: see the code scanning results (SARIF) or run \`trial-records lint\` on these files.`,
    );
  }
  return lines;
}

export const DEADLINE_ROWS_SHOWN = 50;

/** Findings about a deadline (results due, verification, estimated dates passed), soonest first: what a reviewer plans by. */
function deadlines(results: LintResults): string[] {
  const dated = results.files.flatMap((file) =>
    file.findings.filter((finding) => finding.due).map((finding) => ({ file, finding, due: finding.due! })),
  );
  if (dated.length === 0) return [];
  const sorted = [...dated].sort((a, b) => a.due.localeCompare(b.due) || a.file.path.localeCompare(b.file.path));
  const lines = [
    '#### Deadlines',
    '',
    '| due | record | what | rule |',
    '|---|---|---|---|',
    ...sorted
      .slice(0, DEADLINE_ROWS_SHOWN)
      .map(
        ({ file, finding, due }) =>
          `| ${due} | ${fileLink(results, file, startOf(finding).line)} | ${escapeMarkdown(finding.message)} | ${ruleLink(finding.ruleId)} |`,
      ),
  ];
  if (sorted.length > DEADLINE_ROWS_SHOWN)
    lines.push('', `…and ${plural(sorted.length - DEADLINE_ROWS_SHOWN, 'more deadline')}.`);
  return [...lines, ''];
}

/** The change rules' findings (lint --changed-since), per record: what the change did, for the reviewer to weigh first. */
function whatChanged(results: LintResults): string[] {
  const isChange = (finding: Finding) => results.rules.get(finding.ruleId)?.category === 'changes';
  const changedFiles = results.files.filter((file) => file.findings.some(isChange));
  if (changedFiles.length === 0) return [];
  const lines = ['#### What changed', ''];
  for (const file of changedFiles) {
    lines.push(`- ${fileLink(results, file)}`);
    for (const finding of file.findings.filter(isChange))
      lines.push(
        `  - **${finding.severity}** line ${startOf(finding).line}: ${escapeMarkdown(finding.message)} (${ruleLink(finding.ruleId)})`,
      );
  }
  return [...lines, ''];
}

export const markdown: Formatter = (results) => {
  const lines = [headline(results), ''];
  if (results.files.some((file) => file.findings.length > 0)) {
    lines.push(
      ...whatChanged(results),
      '#### By rule',
      '',
      ...ruleTable(results),
      '',
      '#### By file',
      '',
      ...fileTable(results),
      '',
      ...deadlines(results),
      '#### First findings',
      '',
      ...firstFindings(results),
      '',
    );
  }
  return lines.join('\n') + '\n';
};

/** The file (and line), linked to the checked commit's copy on GitHub when the run knows where that is. */
function fileLink(results: LintResults, file: LintedFile, line?: number): string {
  const inRepository = pathInRepository(results, file);
  const path = inRepository ?? file.path;
  const text = escapeMarkdown(line === undefined ? path : `${path}:${line}`);
  const blobUrl = results.repository?.blobUrl;
  if (!blobUrl || inRepository === undefined) return text;
  return `[${text}](${blobUrl}/${encodePath(inRepository)}${line === undefined ? '' : `#L${line}`})`;
}

/** The rule's id, linked to its documentation for our own rules. */
function ruleLink(ruleId: string): string {
  const url = ruleDocsUrl(ruleId);
  return url ? `[${escapeMarkdown(ruleId)}](${url})` : escapeMarkdown(ruleId);
}
