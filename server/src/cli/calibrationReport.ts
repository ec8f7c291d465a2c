// What `trial-records calibrate` counts, and its formats: each a pure function from the counts to text.
import type { Severity } from '../service/types';
import {
  REGISTRY_PERIOD_NAMES,
  REGISTRY_PERIODS,
  type RegistryPeriod,
  type Submission,
} from '../rules/support/registry-periods';

export const CALIBRATE_FORMATS = ['text', 'json', 'markdown'] as const;
export type CalibrateFormat = (typeof CALIBRATE_FORMATS)[number];

export const SUBMISSIONS: readonly Submission[] = ['first-submission', 'last-update'];
const SUBMISSION_TITLES: Record<Submission, string> = {
  'first-submission': 'first submitted',
  'last-update': 'last updated',
};

export type PeriodCounts = Record<RegistryPeriod, number>;

/** Records counted by the period of their first submission and of their last update. */
export interface Split {
  records: number;
  'first-submission': PeriodCounts;
  'last-update': PeriodCounts;
}

export interface RuleHits extends Split {
  rule: string;
  severity: Severity;
  /** Findings in all (a record may have several of one rule). */
  findings: number;
}

export interface Calibration {
  /** The paths and globs calibrated on, as given. */
  on: string[];
  today: string | null;
  /** Every record linted, by period. */
  all: Split;
  /** Records with at least one error. */
  withErrors: Split;
  /** Records that could not be read, by display path. */
  unreadable: string[];
  rules: RuleHits[];
}

export const CALIBRATION_FORMATTERS: Record<CalibrateFormat, (calibration: Calibration) => string> = {
  json: (calibration) => JSON.stringify(calibration, null, 2) + '\n',
  markdown: markdownReport,
  text: textReport,
};

const PERIOD_HEADS = REGISTRY_PERIODS.map((period) => REGISTRY_PERIOD_NAMES[period]);

function periodCells(split: Split, submission: Submission): string[] {
  return REGISTRY_PERIODS.map((period) => String(split[submission][period]));
}

function heading(calibration: Calibration): string {
  const { all, withErrors } = calibration;
  const when = calibration.today ? ` (today taken as ${calibration.today})` : '';
  return `${all.records} record${all.records === 1 ? '' : 's'} linted in ${calibration.on.join(', ')}${when}; ${withErrors.records} with at least one error.`;
}

function markdownReport(calibration: Calibration): string {
  const lines = [
    '# Calibration on published records',
    '',
    heading(calibration),
    '',
    'Records by the period of their first submission (`studyFirstSubmitDate`) and of their last update (`lastUpdateSubmitDate`).',
    '',
    `| records | in all | ${PERIOD_HEADS.join(' | ')} |`,
    `|---|---:|${PERIOD_HEADS.map(() => '---:').join('|')}|`,
  ];
  for (const [name, split] of [
    ['linted', calibration.all],
    ['with an error', calibration.withErrors],
  ] as const) {
    for (const submission of SUBMISSIONS)
      lines.push(
        `| ${name}, by ${SUBMISSION_TITLES[submission]} | ${split.records} | ${periodCells(split, submission).join(' | ')} |`,
      );
  }
  lines.push('', 'Records each rule hits, per severity (findings in all in parentheses).', '');
  for (const submission of SUBMISSIONS) {
    lines.push(
      `## By ${SUBMISSION_TITLES[submission]}`,
      '',
      `| rule | severity | records (findings) | ${PERIOD_HEADS.join(' | ')} |`,
      `|---|---|---:|${PERIOD_HEADS.map(() => '---:').join('|')}|`,
    );
    for (const hit of calibration.rules)
      lines.push(
        `| \`${hit.rule}\` | ${hit.severity} | ${hit.records} (${hit.findings}) | ${periodCells(hit, submission).join(' | ')} |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

function textReport(calibration: Calibration): string {
  const columns = [
    'rule',
    'severity',
    'records',
    ...SUBMISSIONS.flatMap((submission) =>
      REGISTRY_PERIODS.map(
        (period) => `${submission === 'first-submission' ? 'first' : 'last'} ${shortPeriod(period)}`,
      ),
    ),
  ];
  const rows = calibration.rules.map((hit) => [
    hit.rule,
    hit.severity,
    String(hit.records),
    ...SUBMISSIONS.flatMap((submission) => periodCells(hit, submission)),
  ]);
  const totals = (name: string, split: Split) => [
    name,
    '',
    String(split.records),
    ...SUBMISSIONS.flatMap((submission) => periodCells(split, submission)),
  ];
  const table = [
    columns,
    ...rows,
    totals('(records linted)', calibration.all),
    totals('(with an error)', calibration.withErrors),
  ];
  const widths = columns.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const legend = REGISTRY_PERIODS.map((period) => `${shortPeriod(period)} = ${REGISTRY_PERIOD_NAMES[period]}`).join(
    '; ',
  );
  return [
    heading(calibration),
    '',
    ...table.map(line),
    '',
    `Records hit, by the period of their first submission and of their last update: ${legend}.`,
    '',
  ].join('\n');
}

function shortPeriod(period: RegistryPeriod): string {
  return { 'before-fdaaa': '<FDAAA', fdaaa: 'FDAAA', 'final-rule': 'FinalRule', unsubmitted: 'none' }[period];
}
