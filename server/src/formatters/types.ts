// What every output format receives: the linted files with their findings, and the rules' metadata.
import { isAbsolute, relative, sep } from 'node:path';
import { severityRank, type Finding, type RuleMeta, type Severity } from '../service/types';
import { ruleCatalog } from '../rules/catalog';
import type { RecordIdentity } from '../cli/acrossRecords';

export interface LintedFile {
  /** Relative to the working directory, with forward slashes. */
  path: string;
  absolutePath: string;
  /** The text that was linted (after --fix); absent when the file could not be read. */
  text?: string;
  findings: Finding[];
  /** What makes the record unique at the registry, for the checks across records (set by the CLI's linter). */
  identity?: RecordIdentity;
}

export interface LintResults {
  files: LintedFile[];
  rules: ReadonlyMap<
    string,
    Pick<RuleMeta, 'id' | 'severity' | 'category' | 'description' | 'source'> & { docs?: string }
  >;
  cwd: string;
  /** Set when the run happens in GitHub Actions, whose annotations and code scanning name files from the repository root. */
  repository?: Repository;
}

export interface Repository {
  /** The root of the checked-out repository. */
  root: string;
  /** Where GitHub shows the files of the checked-out commit, e.g. https://github.com/owner/name/blob/<sha>. */
  blobUrl?: string;
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text for a terminal or a CI log: control characters and bidirectional overrides that come from
 * a record (a key holding a line break, an escape sequence in an arm label) are shown escaped, so
 * that they can neither break a report's lines nor act on the terminal.
 */
export function printable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (char) => CONTROL_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A file's path from the repository root, when the run knows the repository and the file is inside it. */
export function pathInRepository(results: LintResults, file: LintedFile): string | undefined {
  const root = results.repository?.root;
  if (!root) return undefined;
  const path = relative(root, file.absolutePath);
  const outside = path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
  return outside ? undefined : path.split(sep).join('/');
}

/**
 * A path as a URI path, each segment percent-encoded: "#", "?" and ":" are part of a file name
 * here, not a fragment, a query or a scheme (encodeURI would leave them). A drive ("C:") stays.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** The lowest severities that can fail a run (--fail-on), most severe first. */
export const FAIL_LEVELS = ['error', 'warning', 'info'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface FormatContext {
  color: boolean;
  /** Findings at or above this severity fail the run (junit marks them as failures). */
  failOn: FailLevel;
}

export type Formatter = (results: LintResults, context: FormatContext) => string;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export function summarize(results: LintResults): Summary {
  const summary: Summary = { files: results.files.length, errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const file of results.files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else if (finding.severity === 'info') summary.infos++;
      else summary.hints++;
    }
  }
  return summary;
}

export function isAtOrAbove(severity: Severity, level: FailLevel): boolean {
  return severityRank(severity) <= severityRank(level);
}

export { severityRank };

/** 1-based line and column (UTF-16 code units, as editors count). */
export function startOf(finding: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
}

export const RULE_DOCS_BASE = 'https://trial-records.dev/rules/';

const OWN_RULE_IDS = new Set(ruleCatalog().keys());

/** Where one of our rules is documented; undefined for a team's own rule or schema, which we do not document. */
export function ruleDocsUrl(ruleId: string): string | undefined {
  return OWN_RULE_IDS.has(ruleId) ? RULE_DOCS_BASE + ruleId : undefined;
}
