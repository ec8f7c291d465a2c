// GitHub Actions workflow commands (::error file=…,line=…::message), escaped as the runner expects.
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step: the most severe
// come first, and when some cannot be shown, one last notice says how many and where to find them
// (it takes one of the notice places, so that it is always shown itself). GitHub places an
// annotation by its path from the repository root, also when the CLI runs in a subfolder.
import { pathInRepository, startOf, type Formatter } from './types';
import type { Finding } from '../service/types';
import { plural } from '../service/words';

export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';
const LEVELS: readonly Level[] = ['error', 'warning', 'notice'];

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function levelOf(finding: Finding): Level {
  return finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
}

export const github: Formatter = (results) => {
  const all = results.files.flatMap((file) => {
    const path = pathInRepository(results, file) ?? file.path;
    return file.findings.map((finding) => ({ path, finding, level: levelOf(finding) }));
  });
  const byLevel = new Map(LEVELS.map((level) => [level, all.filter((entry) => entry.level === level)]));
  const overflows = LEVELS.some((level) => byLevel.get(level)!.length > ANNOTATIONS_PER_LEVEL);
  const room: Record<Level, number> = {
    error: ANNOTATIONS_PER_LEVEL,
    warning: ANNOTATIONS_PER_LEVEL,
    notice: overflows ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL,
  };
  const lines: string[] = [];
  const hidden: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const level of LEVELS) {
    const entries = byLevel.get(level)!;
    for (const { path, finding } of entries.slice(0, room[level])) lines.push(annotation(level, path, finding));
    hidden[level] = Math.max(0, entries.length - room[level]);
  }
  const hiddenTotal = hidden.error + hidden.warning + hidden.notice;
  if (hiddenTotal > 0) {
    const parts = [
      plural(hidden.error, 'error'),
      plural(hidden.warning, 'warning'),
      plural(hidden.notice, 'note'),
    ].filter((part) => !part.startsWith('0 '));
    lines.push(
      `::notice title=${escapeProperty(`trial-records: ${hiddenTotal} more`)}::${hiddenTotal} more finding${hiddenTotal === 1 ? '' : 's'} (${parts.join(', ')}) not shown here: GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of each kind per step. The job summary counts them all; the code scanning results (SARIF) list each one.`,
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

function annotation(level: Level, path: string, finding: Finding): string {
  const { line, column, endLine, endColumn } = startOf(finding);
  const properties = [
    `file=${escapeProperty(path)}`,
    `line=${line}`,
    `col=${column}`,
    `endLine=${endLine}`,
    `endColumn=${endColumn}`,
    `title=${escapeProperty(finding.ruleId)}`,
  ];
  return `::${level} ${properties.join(',')}::${escapeData(finding.message)}`;
}
