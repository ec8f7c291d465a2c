// `lint --cache`: the findings of records that have not changed since the last run, kept in a file.
// A record's entry holds good while its bytes and everything else its findings depend on are the
// same: the engine build, the date that time-relative rules compare with, and the contents of its
// config (with what it extends), team schemas and custom rule files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigService } from '../config';
import { expandRuleFiles, ruleFilesWithLocalImports } from '../config/customRules';
import { todayUtc } from '../service/validate';
import type { Finding } from '../service/types';
import type { RecordIdentity } from './acrossRecords';
import { TOOL_VERSION } from '../version';

export const DEFAULT_CACHE_FILE = '.trialrecordscache';
const CACHE_FORMAT = 1;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** Fingerprint of what the findings depend on besides the record itself. */
  settings: string;
  findings: Finding[];
  /** What makes the record unique, for the checks across records. */
  identity?: RecordIdentity;
}

interface CacheFile {
  format: number;
  engine: string;
  entries: Record<string, CacheEntry>;
}

/** A record as linted this run, to be remembered. */
export interface FreshResult {
  absolutePath: string;
  /** The hash and length of the bytes the findings are about (after --fix, the bytes written). */
  hash: string;
  size: number;
  findings: Finding[];
  identity?: RecordIdentity;
}

export function contentHash(bytes: Buffer | string): string {
  // A view of the same memory: Node's typings of this version do not take a Buffer as BinaryLike.
  const data = typeof bytes === 'string' ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return createHash('sha256').update(data).digest('hex');
}

export class LintCache {
  private readonly entries: Map<string, CacheEntry>;
  private readonly settingsByConfig = new Map<string, string>();
  private readonly configs = new ConfigService();
  /** Why the cache file was not used, when it could not be read. */
  readonly problem?: string;
  private readonly writable: boolean;

  private constructor(
    private readonly location: string,
    private readonly engine: string,
    private readonly today: string,
    private readonly configFile: string | undefined,
    loaded: LoadedCache,
  ) {
    this.entries = loaded.entries;
    this.problem = loaded.problem;
    this.writable = loaded.writable;
  }

  /**
   * Opens the cache file at `location` (a folder gets one inside it). A missing or outdated cache
   * starts empty; a file that is not a cache is left alone, and nothing is remembered.
   */
  static open(location: string, options: { today?: string; configFile?: string }): LintCache {
    const file = isFolder(location) ? join(location, DEFAULT_CACHE_FILE) : location;
    const engine = engineFingerprint();
    return new LintCache(file, engine, options.today ?? todayUtc(), options.configFile, readCacheFile(file, engine));
  }

  /** The remembered findings of a record, when they still hold; undefined means it must be linted. */
  findingsFor(absolutePath: string): Finding[] | undefined {
    const entry = this.entries.get(absolutePath);
    if (!entry || entry.settings !== this.settingsFor(absolutePath)) return undefined;
    let stats;
    try {
      stats = statSync(absolutePath);
    } catch {
      return undefined;
    }
    if (stats.size !== entry.size) return undefined;
    if (stats.mtimeMs === entry.mtimeMs) return entry.findings;
    // Touched but perhaps not changed (a fresh checkout sets every time): the bytes decide.
    if (contentHash(readFileSync(absolutePath)) !== entry.hash) return undefined;
    entry.mtimeMs = stats.mtimeMs;
    return entry.findings;
  }

  remember(result: FreshResult): void {
    let stats;
    try {
      stats = statSync(result.absolutePath);
    } catch {
      return;
    }
    // Changed again since it was read: its findings are about bytes no longer there.
    if (stats.size !== result.size) return;
    this.entries.set(result.absolutePath, {
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      hash: result.hash,
      settings: this.settingsFor(result.absolutePath),
      findings: result.findings,
      identity: result.identity,
    });
  }

  /** The remembered identity of a record whose findings still hold (call after findingsFor). */
  identityFor(absolutePath: string): RecordIdentity | undefined {
    return this.entries.get(absolutePath)?.identity;
  }

  /** Writes the cache file (through a temporary file, so that a stopped run leaves the old one whole); the problem, in words, when it cannot. */
  save(): string | undefined {
    if (!this.writable) return undefined;
    for (const path of this.entries.keys()) if (!existsSync(path)) this.entries.delete(path);
    const file: CacheFile = { format: CACHE_FORMAT, engine: this.engine, entries: Object.fromEntries(this.entries) };
    const temporary = `${this.location}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(file));
      renameSync(temporary, this.location);
      return undefined;
    } catch (error) {
      rmSync(temporary, { force: true });
      return `Cannot write the cache to ${this.location} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); the next run lints every record again.`;
    } finally {
      this.configs.invalidate();
    }
  }

  private settingsFor(absolutePath: string): string {
    const configPath = this.configFile ?? this.configs.nearestConfig(absolutePath);
    const key = configPath ?? '';
    let settings = this.settingsByConfig.get(key);
    if (settings === undefined) {
      settings = contentHash(
        JSON.stringify({
          today: this.today,
          config: key,
          files: this.configInputs(absolutePath).map((path) => [path, hashOfFile(path)]),
        }),
      );
      this.settingsByConfig.set(key, settings);
    }
    return settings;
  }

  /** The files a record's settings are read from: its config and those it extends, team schemas, custom rules and their local imports. */
  private configInputs(absolutePath: string): string[] {
    const { config } = this.configs.settingsFor(absolutePath, { configFile: this.configFile, trusted: false });
    return [...config.sources, ...config.schemas, ...ruleFilesWithLocalImports(expandRuleFiles(config.customRules))];
  }
}

function hashOfFile(path: string): string {
  try {
    return contentHash(readFileSync(path));
  } catch {
    return 'unreadable';
  }
}

/** The version and the running build: any change to the engine or the rules forgets every entry. */
function engineFingerprint(): string {
  return `${TOOL_VERSION}:${hashOfFile(__filename)}`;
}

interface LoadedCache {
  entries: Map<string, CacheEntry>;
  problem?: string;
  /** False when the file is something else than a cache: it must not be overwritten. */
  writable: boolean;
}

function readCacheFile(location: string, engine: string): LoadedCache {
  let text: string;
  try {
    text = readFileSync(location, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: new Map(), writable: true };
    return {
      entries: new Map(),
      writable: true,
      problem: `Cannot read the cache ${location} (${code ?? 'unknown error'}); every record is linted.`,
    };
  }
  const file = parseCacheFile(text);
  if (!file)
    return {
      entries: new Map(),
      writable: false,
      problem: `${location} is not a cache this version of trial-records wrote, so it is left as it is and no cache is kept. Delete it or choose another --cache-location.`,
    };
  // Another build wrote it: its findings may differ from this build's.
  return { entries: file.engine === engine ? new Map(Object.entries(file.entries)) : new Map(), writable: true };
}

function parseCacheFile(text: string): CacheFile | undefined {
  try {
    const file = JSON.parse(text) as Partial<CacheFile>;
    if (
      file.format !== CACHE_FORMAT ||
      typeof file.engine !== 'string' ||
      typeof file.entries !== 'object' ||
      file.entries === null
    )
      return undefined;
    return file as CacheFile;
  } catch {
    return undefined;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
