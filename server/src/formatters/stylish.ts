// The default human format: findings grouped by file, aligned columns, a summary line.
import { printable, startOf, summarize, type Formatter } from './types';
import type { Severity } from '../service/types';
import { maxOf } from '../service/arrays';

const COLORS: Record<Severity | 'dim' | 'bold' | 'underline', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [36, 39],
  hint: [90, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
};

export const stylish: Formatter = (results, { color }) => {
  const paint = (style: keyof typeof COLORS, text: string) =>
    color ? `\u001b[${COLORS[style][0]}m${text}\u001b[${COLORS[style][1]}m` : text;
  const lines: string[] = [];
  for (const file of results.files) {
    if (file.findings.length === 0) continue;
    lines.push(paint('underline', printable(file.path)));
    const rows = file.findings.map((finding) => {
      const { line, column } = startOf(finding);
      return {
        position: `${line}:${column}`,
        severity: finding.severity,
        message: printable(finding.message),
        ruleId: printable(finding.ruleId),
      };
    });
    const positionWidth = maxOf(rows.map((row) => row.position.length));
    const severityWidth = maxOf(rows.map((row) => row.severity.length));
    for (const row of rows) {
      lines.push(
        `  ${paint('dim', row.position.padEnd(positionWidth))}  ${paint(row.severity, row.severity.padEnd(severityWidth))}  ${row.message}  ${paint('dim', row.ruleId)}`,
      );
    }
    lines.push('');
  }
  const summary = summarize(results);
  const total = summary.errors + summary.warnings + summary.infos + summary.hints;
  if (total === 0) {
    lines.push(`${results.files.length} file${results.files.length === 1 ? '' : 's'} checked: no problems.`);
  } else {
    const parts = [
      `${summary.errors} error${summary.errors === 1 ? '' : 's'}`,
      `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`,
    ];
    if (summary.infos) parts.push(`${summary.infos} info`);
    if (summary.hints) parts.push(`${summary.hints} hint${summary.hints === 1 ? '' : 's'}`);
    const headline = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${results.files.length} file${results.files.length === 1 ? '' : 's'}`;
    lines.push(paint(summary.errors ? 'error' : 'warning', paint('bold', headline)));
    const fixable = results.files.reduce(
      (sum, file) => sum + file.findings.filter((finding) => finding.fix || finding.fixable).length,
      0,
    );
    if (fixable > 0)
      lines.push(
        `  ${fixable === total ? (total === 1 ? 'It' : 'All of them') : `${fixable} of them`} can be fixed with \`trial-records lint --fix\`.`,
      );
  }
  return lines.join('\n') + '\n';
};
