// --changed-since REF: which lines git sees as changed between REF and the working tree, and the
// findings on them. Lines added or rewritten count; a pure deletion marks no line; files that git
// does not track yet (and are not ignored) count as changed throughout. Errors elsewhere in a
// changed file are kept when the change brought them: the file at REF did not have them.
import { spawnSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';
import type { Finding, Range } from '../service/types';
import type { LintedFile } from '../formatters/types';

export class GitError extends Error {}

/** Changed 0-based line numbers by absolute path; 'all' for a file that is new throughout. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | 'all'>;

const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: MAX_GIT_OUTPUT,
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new GitError(
      missing
        ? '--changed-since needs git, and no "git" command was found.'
        : `git could not run: ${result.error.message}`,
    );
  }
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

/** The root of the git work tree holding `cwd` (as reached from `cwd`, links kept); undefined outside one. Throws GitError without git. */
export function gitWorkTreeRoot(cwd: string): string | undefined {
  const top = git(cwd, ['rev-parse', '--show-cdup']);
  return top.ok ? resolve(cwd, top.stdout.trim()) : undefined;
}

/** Asks git once for the whole repository: one diff, one list of untracked files. */
export function changedLinesSince(ref: string, cwd: string): ChangedLines {
  const root = gitWorkTreeRoot(cwd);
  if (root === undefined) throw new GitError(`--changed-since needs a git repository, and ${cwd} is not inside one.`);
  if (ref.startsWith('-') || !git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).ok) {
    throw new GitError(
      `--changed-since: git knows no commit "${ref}". In a shallow clone, fetch it first (git fetch --depth=1 origin ${ref}).`,
    );
  }
  // Paths from the repository root with the a/ b/ prefixes, whatever diff.relative, diff.noprefix or diff.mnemonicPrefix say.
  const diff = git(cwd, [
    '-c',
    'diff.relative=false',
    'diff',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--unified=0',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--no-renames',
    '--ignore-submodules',
    ref,
    '--',
  ]);
  if (!diff.ok) throw new GitError(`git diff against "${ref}" failed: ${diff.stderr.trim()}`);
  const changed = new Map<string, Set<number> | 'all'>();
  for (const [path, lines] of parseUnifiedDiff(diff.stdout)) changed.set(resolve(root, path), lines);
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
  if (untracked.ok)
    for (const path of untracked.stdout.split('\0').filter(Boolean)) changed.set(resolve(root, path), 'all');
  return changed;
}

/** The added or rewritten lines (0-based, in the new text) of each file of a zero-context diff. */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      // git ends the line with a tab when the (unquoted) path holds a space.
      const target = line.slice(4).replace(/\t$/, '');
      current = undefined;
      if (target === '/dev/null') continue;
      const path = stripPrefix(unquote(target));
      current = files.get(path) ?? new Set<number>();
      files.set(path, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let lineNumber = start; lineNumber < start + count; lineNumber++) current.add(lineNumber - 1);
    }
  }
  return files;
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

const C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  r: '\r',
  v: '\v',
};

/** git quotes unusual paths C-style ("a\tb", octal bytes for the rest). */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(...Buffer.from(C_ESCAPES[next] ?? next, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function touches(range: Range, lines: ReadonlySet<number>): boolean {
  for (let line = range.start.line; line <= range.end.line; line++) if (lines.has(line)) return true;
  return false;
}

/** A file's bytes at a revision (undefined when it did not exist there), for comparing its findings then and now. */
export function fileAtRevision(ref: string, absolutePath: string, root: string): Buffer | undefined {
  const path = relative(root, absolutePath).split(sep).join('/');
  const result = spawnSync('git', ['cat-file', 'blob', `${ref}:${path}`], { cwd: root, maxBuffer: MAX_GIT_OUTPUT });
  return result.status === 0 ? result.stdout : undefined;
}

/**
 * A finding is kept when its own range is on a changed line, or when it is an error whose related
 * place is (an end date made wrong by editing its start date).
 */
export function isOnChangedLine(finding: Finding, lines: ReadonlySet<number> | 'all'): boolean {
  if (lines === 'all') return true;
  if (touches(finding.range, lines)) return true;
  return finding.severity === 'error' && (finding.related ?? []).some((related) => touches(related.range, lines));
}

/** The errors a file had at the revision compared with; undefined when it did not exist there. */
export type ErrorsBefore = (file: LintedFile) => readonly Finding[] | undefined;

/**
 * The findings on changed lines, and the errors elsewhere in a changed file that the change
 * brought: a renamed arm label breaks the references to it, a deleted field makes a required one
 * missing. An error counts as brought when the file at the revision had fewer errors of that rule
 * at that pointer with that message.
 */
export function keepChangedFindings(
  files: readonly LintedFile[],
  changed: ChangedLines,
  errorsBefore?: ErrorsBefore,
): LintedFile[] {
  return files.map((file) => {
    const lines = changed.get(file.absolutePath);
    if (!lines) return { ...file, findings: [] };
    const onChangedLines = new Set(file.findings.filter((finding) => isOnChangedLine(finding, lines)));
    const elsewhere = file.findings.filter((finding) => finding.severity === 'error' && !onChangedLines.has(finding));
    const brought =
      elsewhere.length > 0 && errorsBefore ? errorsNotIn(elsewhere, errorsBefore(file)) : new Set<Finding>();
    return {
      ...file,
      findings: file.findings.filter((finding) => onChangedLines.has(finding) || brought.has(finding)),
    };
  });
}

function errorsNotIn(errors: readonly Finding[], before: readonly Finding[] | undefined): Set<Finding> {
  if (before === undefined) return new Set(errors);
  const remaining = new Map<string, number>();
  for (const finding of before)
    if (finding.severity === 'error') remaining.set(errorKey(finding), (remaining.get(errorKey(finding)) ?? 0) + 1);
  const brought = new Set<Finding>();
  for (const error of errors) {
    const left = remaining.get(errorKey(error)) ?? 0;
    if (left > 0) remaining.set(errorKey(error), left - 1);
    else brought.add(error);
  }
  return brought;
}

function errorKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.pointer}\u0000${finding.message}`;
}
