// SARIF 2.1.0 for code scanning: one reportingDescriptor per rule id, results with relative URIs.
import {
  encodePath,
  pathInRepository,
  RULE_DOCS_BASE,
  ruleDocsUrl,
  SEVERITIES,
  startOf,
  type Formatter,
  type LintedFile,
  type LintResults,
} from './types';
import { mostSevereIndexes, type Finding, type Severity } from '../service/types';
import { plural } from '../service/words';
import { TOOL_VERSION } from '../version';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

function region(finding: Pick<Finding, 'range'>) {
  const { line, column, endLine, endColumn } = startOf(finding as Finding);
  return { startLine: line, startColumn: column, endLine, endColumn };
}

function ruleDescriptors(results: LintResults, used: readonly string[]) {
  return used.map((id) => {
    const meta = results.rules.get(id);
    return {
      id,
      name: id.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()),
      shortDescription: { text: meta?.description ?? id },
      fullDescription: { text: meta?.docs ?? meta?.description ?? id },
      ...help(id, meta?.docs ?? meta?.description ?? id),
      defaultConfiguration: { level: LEVELS[meta?.severity ?? 'warning'] },
      properties: {
        category: meta?.category ?? 'other',
        source: meta?.source ?? '',
        tags: ['clinical-trials', meta?.category ?? 'other'],
      },
    };
  });
}

/** The rule's help, with a link to its documentation for our own rules (a team's rules have none). */
function help(id: string, text: string) {
  const docs = ruleDocsUrl(id);
  if (!docs) return { help: { text, markdown: text } };
  return { help: { text: `${text} See ${docs}`, markdown: `${text}\n\n[Rule documentation](${docs})` }, helpUri: docs };
}

/**
 * Code scanning rejects a whole run with more results than this (and stores the 5,000 most severe
 * of those it accepts), so a larger report keeps the most severe and says what it left out.
 */
export const MAX_SARIF_RESULTS = 25_000;
/** Code scanning's limit on related locations per result. */
export const MAX_RELATED_LOCATIONS = 1_000;

interface Reported {
  file: LintedFile;
  finding: Finding;
}

/** The findings the run reports, in file order: all of them, or the most severe when there are too many. */
function reportedFindings(results: LintResults): { reported: Reported[]; leftOut: Reported[] } {
  const all: Reported[] = results.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
  if (all.length <= MAX_SARIF_RESULTS) return { reported: all, leftOut: [] };
  const kept = mostSevereIndexes(
    all.map(({ finding }) => finding.severity),
    MAX_SARIF_RESULTS,
  );
  return { reported: all.filter((_, i) => kept.has(i)), leftOut: all.filter((_, i) => !kept.has(i)) };
}

function leftOutNotice(leftOut: readonly Reported[]) {
  const counts = SEVERITIES.map(
    (severity) => [severity, leftOut.filter(({ finding }) => finding.severity === severity).length] as const,
  ).filter(([, count]) => count > 0);
  const text =
    `${leftOut.length} findings (${counts.map(([severity, count]) => plural(count, severity, severity === 'info' ? 'info' : `${severity}s`)).join(', ')}) are not in this report: code scanning accepts at most ` +
    `${MAX_SARIF_RESULTS} results per run, so the most severe were kept. Fix those first, or lint with --format json to see every finding.`;
  return { executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text } }] };
}

export const sarif: Formatter = (results) => {
  const { reported, leftOut } = reportedFindings(results);
  const used = [...new Set(reported.map(({ finding }) => finding.ruleId))].sort();
  const index = new Map(used.map((id, i) => [id, i]));
  const locations = new Map(results.files.map((file) => [file, artifactLocationOf(results, file)]));
  const sarifResults = reported.map(({ file, finding }) => {
    const artifactLocation = locations.get(file)!;
    return {
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId)!,
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(finding) } }],
      ...(finding.related?.length
        ? {
            relatedLocations: finding.related.slice(0, MAX_RELATED_LOCATIONS).map((related, i) => ({
              id: i + 1,
              message: { text: related.message },
              physicalLocation: { artifactLocation, region: region(related) },
            })),
          }
        : {}),
      properties: { pointer: finding.pointer, ...(finding.fields ? { fields: finding.fields } : {}) },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'trial-records',
            informationUri: RULE_DOCS_BASE.replace(/rules\/$/, ''),
            semanticVersion: TOOL_VERSION,
            rules: ruleDescriptors(results, used),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(results.repository?.root ?? results.cwd) } },
        ...(leftOut.length > 0 ? { invocations: [leftOutNotice(leftOut)] } : {}),
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/**
 * Relative to %SRCROOT%: the repository root in GitHub Actions (code scanning reads paths from
 * there), else the working directory. A file outside the repository gets its absolute file URI.
 */
function artifactLocationOf(results: LintResults, file: LintedFile): { uri: string; uriBaseId?: string } {
  if (!results.repository) return { uri: encodePath(file.path), uriBaseId: '%SRCROOT%' };
  const path = pathInRepository(results, file);
  return path === undefined
    ? { uri: pathToFileUri(file.absolutePath, false) }
    : { uri: encodePath(path), uriBaseId: '%SRCROOT%' };
}

function pathToFileUri(path: string, isFolder = true): string {
  const normalized = path.replace(/\\/g, '/');
  const trailingSlash = isFolder && !normalized.endsWith('/') ? '/' : '';
  return 'file://' + encodePath(normalized.startsWith('/') ? normalized : '/' + normalized) + trailingSlash;
}
