// What makes each record of the workspace unique (NCT number, study ID, brief title), read once and
// again after files change: the checks across records of an open record compare it with these.
// The index is built after the first ask, a few files per turn of the event loop, so that reading
// a large workspace holds up neither the first findings of an opened record nor the requests.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { ConfigService } from '../config';
import { identityOf, type RecordIdentity } from '../cli/acrossRecords';
import { expandPaths, recordValue } from '../cli/files';

/** Past this many records the workspace is not indexed: reading them all would hold up the editor. */
const MAX_RECORDS = 5000;
/** Files read per turn of the event loop while the index is built. */
const FILES_PER_TURN = 20;

export interface WorkspaceRecord {
  absolutePath: string;
  /** Relative to the workspace root, with forward slashes: how findings name it. */
  path: string;
  identity: RecordIdentity;
}

export class WorkspaceRecords {
  private index: WorkspaceRecord[] | undefined;
  /** Files changed since the index was built: it is used until a new one is. */
  private stale = false;
  private building = false;
  /** Counts the forgets: a build started before one is not kept. */
  private generation = 0;

  /** `indexed` runs once a build is done: the open records' findings can now include the checks across records. */
  constructor(
    private readonly root: string,
    private readonly configs: ConfigService,
    private readonly indexed: () => void = () => undefined,
  ) {}

  /**
   * The workspace's records with their identities (none when there is no folder or too many records),
   * or undefined before the first index is built: an ask starts building it, or a fresh one.
   */
  current(): readonly WorkspaceRecord[] | undefined {
    if ((!this.index || this.stale) && !this.building) this.build();
    return this.index;
  }

  forget(): void {
    this.stale = true;
    this.building = false;
    this.generation++;
  }

  displayPath(absolutePath: string): string {
    return relative(this.root, absolutePath).split(sep).join('/');
  }

  private build(): void {
    this.building = true;
    const generation = this.generation;
    const found: WorkspaceRecord[] = [];
    const next = (paths: string[], from: number): void => {
      if (generation !== this.generation) return;
      if (from >= paths.length) {
        this.index = found;
        this.stale = false;
        this.building = false;
        this.indexed();
        return;
      }
      for (const absolutePath of paths.slice(from, from + FILES_PER_TURN)) {
        const record = this.read(absolutePath);
        if (record) found.push(record);
      }
      setImmediate(() => next(paths, from + FILES_PER_TURN));
    };
    setImmediate(() => next(this.recordPaths(), 0));
  }

  private recordPaths(): string[] {
    if (!this.root) return [];
    try {
      const paths = expandPaths(this.root, ['.'], {
        isListedRecord: (path) => this.configs.isListedRecord(path, {}),
        isIgnored: (path) => this.configs.isIgnored(path, {}),
      });
      return paths.length > MAX_RECORDS ? [] : paths;
    } catch {
      return [];
    }
  }

  private read(absolutePath: string): WorkspaceRecord | undefined {
    let identity: RecordIdentity | undefined;
    try {
      identity = identityOf(recordValue(readFileSync(absolutePath)));
    } catch {
      return undefined;
    }
    return identity ? { absolutePath, path: this.displayPath(absolutePath), identity } : undefined;
  }
}
