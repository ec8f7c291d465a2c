// GitHub Actions workflow commands (::error file=…,line=…::message), escaped as the runner expects.
// GitHub shows only 10 errors and 10 warnings per step: the most severe come first, then a notice
// says how many more there are and where to see them.
import { startOf, type Formatter } from './types';
import type { Finding } from '../service/types';

const SHOWN_PER_LEVEL = 10;

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function level(finding: Finding): 'error' | 'warning' | 'notice' {
  return finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
}

const LEVEL_ORDER = { error: 0, warning: 1, notice: 2 };

export const github: Formatter = (results) => {
  const all = results.files.flatMap((file) => file.findings.map((finding) => ({ file, finding, level: level(finding) })));
  all.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const shown = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  let hidden = 0;
  for (const { file, finding, level: kind } of all) {
    if (shown[kind] >= SHOWN_PER_LEVEL) {
      hidden++;
      continue;
    }
    shown[kind]++;
    const { line, column, endLine, endColumn } = startOf(finding);
    const properties = [`file=${escapeProperty(file.path)}`, `line=${line}`, `col=${column}`, `endLine=${endLine}`, `endColumn=${endColumn}`, `title=${escapeProperty(`${finding.ruleId}`)}`];
    lines.push(`::${kind} ${properties.join(',')}::${escapeData(finding.message)}`);
  }
  if (hidden > 0) {
    lines.push(`::notice title=trial-records::${hidden} more finding${hidden === 1 ? ' is' : 's are'} not shown as annotations (GitHub shows ${SHOWN_PER_LEVEL} per level); see the job log, the step summary or the SARIF upload for all of them.`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
