// Bulk suppressions, a baseline for adopting rules on legacy records (as ESLint's
// eslint-suppressions.json): a file counts, per record and rule, the errors and warnings accepted so
// far. A later run leaves them out while a record has no more of them than counted, and reports every
// one of a rule in a record that has more (which of them is new cannot be told).
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LintedFile } from '../formatters/types';
import type { Finding } from '../service/types';
import { isPlainObject } from '../service/types';
import { FileError } from './files';

export const DEFAULT_SUPPRESSIONS_FILE = 'trial-records-suppressions.json';

/** Larger than any real baseline (a few hundred bytes a record); a bigger file is not ours. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Record (relative to the suppressions file, forward slashes) → rule → how many findings are accepted. */
type Counts = Map<string, Map<string, number>>;

/** What a run does with the file: apply it, or write it first from this run's findings. */
export type SuppressionMode =
  { kind: 'apply' } | { kind: 'suppress-all' } | { kind: 'suppress-rules'; ruleIds: string[] } | { kind: 'prune' };

export interface SuppressionOutcome {
  files: LintedFile[];
  /** Findings left out of the report. */
  suppressed: number;
  /** Accepted findings that no longer occur in the records linted (--prune-suppressions drops them). */
  gone: number;
  /** Whether the run wrote the file. */
  written: boolean;
}

function isSuppressible(finding: Finding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

export class Suppressions {
  private constructor(
    readonly path: string,
    private readonly counts: Counts,
  ) {}

  /** The file at `path`; none yet is an empty baseline. A file that is not a baseline is an error (exit 2), never overwritten. */
  static load(path: string): Suppressions {
    if (!existsSync(path)) return new Suppressions(path, new Map());
    const stat = statSync(path);
    if (!stat.isFile()) throw new FileError(`The suppressions file ${path} is not a regular file.`);
    if (stat.size > MAX_FILE_BYTES)
      throw new FileError(
        `The suppressions file ${path} is ${Math.round(stat.size / 1048576)} MB, above the 64 MB a baseline can be.`,
      );
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new FileError(
        `The suppressions file ${path} is not JSON; delete it or name another with --suppressions-location.`,
      );
    }
    return new Suppressions(path, countsFrom(value, path));
  }

  /** A record's key: its path from the suppressions file's folder. */
  private keyOf(file: Pick<LintedFile, 'absolutePath'>): string {
    const path = relative(dirname(this.path), file.absolutePath);
    return isAbsolute(path) ? file.absolutePath : path.split(sep).join('/');
  }

  run(files: LintedFile[], mode: SuppressionMode): SuppressionOutcome {
    let written = false;
    if (mode.kind !== 'apply') {
      for (const file of files) this.update(this.keyOf(file), countByRule(file.findings), mode);
      if (mode.kind === 'prune') this.dropDeletedRecords();
      this.save();
      written = true;
    }
    let suppressed = 0;
    let gone = 0;
    const kept = files.map((file) => {
      const accepted = this.counts.get(this.keyOf(file));
      if (!accepted) return file;
      const found = countByRule(file.findings);
      for (const [ruleId, count] of accepted) gone += Math.max(0, count - (found.get(ruleId) ?? 0));
      const left = this.suppressedIn(file);
      const findings = file.findings.filter((finding) => !left.has(finding));
      suppressed += file.findings.length - findings.length;
      return findings.length === file.findings.length ? file : { ...file, findings };
    });
    return { files: kept, suppressed, gone, written };
  }

  /** The findings of a record that the baseline accepts: those of each rule while there are no more than it counts. */
  suppressedIn(file: Pick<LintedFile, 'absolutePath' | 'findings'>): Set<Finding> {
    const accepted = this.counts.get(this.keyOf(file));
    if (!accepted) return new Set();
    const found = countByRule(file.findings);
    return new Set(
      file.findings.filter(
        (finding) => isSuppressible(finding) && (found.get(finding.ruleId) ?? 0) <= (accepted.get(finding.ruleId) ?? 0),
      ),
    );
  }

  private update(key: string, found: Map<string, number>, mode: SuppressionMode): void {
    const accepted = new Map(this.counts.get(key) ?? []);
    if (mode.kind === 'suppress-all') {
      accepted.clear();
      for (const [ruleId, count] of found) accepted.set(ruleId, count);
    } else if (mode.kind === 'suppress-rules') {
      for (const ruleId of mode.ruleIds) {
        const count = found.get(ruleId) ?? 0;
        if (count > 0) accepted.set(ruleId, count);
        else accepted.delete(ruleId);
      }
    } else if (mode.kind === 'prune') {
      for (const [ruleId, count] of accepted) {
        const now = Math.min(count, found.get(ruleId) ?? 0);
        if (now > 0) accepted.set(ruleId, now);
        else accepted.delete(ruleId);
      }
    }
    if (accepted.size > 0) this.counts.set(key, accepted);
    else this.counts.delete(key);
  }

  private dropDeletedRecords(): void {
    for (const key of [...this.counts.keys()])
      if (!existsSync(resolve(dirname(this.path), key))) this.counts.delete(key);
  }

  private save(): void {
    const json: Record<string, Record<string, { count: number }>> = {};
    for (const key of [...this.counts.keys()].sort()) {
      const rules: Record<string, { count: number }> = {};
      for (const ruleId of [...this.counts.get(key)!.keys()].sort())
        rules[ruleId] = { count: this.counts.get(key)!.get(ruleId)! };
      json[key] = rules;
    }
    try {
      writeFileSync(this.path, JSON.stringify(json, null, 2) + '\n');
    } catch (error) {
      throw new FileError(
        `Cannot write the suppressions file ${this.path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`,
      );
    }
  }
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings)
    if (isSuppressible(finding)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

function countsFrom(value: unknown, path: string): Counts {
  const wrongShape = () =>
    new FileError(
      `The suppressions file ${path} is not a baseline ({"records/x.trial.json": {"rule-id": {"count": 2}}}); delete it or name another with --suppressions-location.`,
    );
  if (!isPlainObject(value)) throw wrongShape();
  const counts: Counts = new Map();
  for (const [key, rules] of Object.entries(value)) {
    if (!isPlainObject(rules)) throw wrongShape();
    const byRule = new Map<string, number>();
    for (const [ruleId, entry] of Object.entries(rules)) {
      const count = isPlainObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw wrongShape();
      if (count > 0) byRule.set(ruleId, count);
    }
    if (byRule.size > 0) counts.set(key, byRule);
  }
  return counts;
}

/** The suppressions file: --suppressions-location (a file, or a folder to keep it in) or the default in the working directory. */
export function suppressionsPath(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_SUPPRESSIONS_FILE);
  const path = resolve(cwd, location);
  return existsSync(path) && statSync(path).isDirectory() ? resolve(path, DEFAULT_SUPPRESSIONS_FILE) : path;
}
