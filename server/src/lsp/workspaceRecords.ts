// What makes each record of the workspace unique (NCT number, study ID, brief title), read once and
// again after files change: the checks across records of an open record compare it with these.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { ConfigService } from '../config';
import { identityOf, type RecordIdentity } from '../cli/acrossRecords';
import { expandPaths, recordValue } from '../cli/files';

/** Past this many records the workspace is not indexed: reading them all would hold up the editor. */
const MAX_RECORDS = 5000;

export interface WorkspaceRecord {
  absolutePath: string;
  /** Relative to the workspace root, with forward slashes: how findings name it. */
  path: string;
  identity: RecordIdentity;
}

export class WorkspaceRecords {
  private index: WorkspaceRecord[] | undefined;

  constructor(
    private readonly root: string,
    private readonly configs: ConfigService,
  ) {}

  /** The workspace's records with their identities (none when there is no folder or too many records). */
  all(): readonly WorkspaceRecord[] {
    this.index ??= this.read();
    return this.index;
  }

  forget(): void {
    this.index = undefined;
  }

  displayPath(absolutePath: string): string {
    return relative(this.root, absolutePath).split(sep).join('/');
  }

  private read(): WorkspaceRecord[] {
    if (!this.root) return [];
    let paths: string[];
    try {
      paths = expandPaths(this.root, ['.'], {
        isListedRecord: (path) => this.configs.isListedRecord(path, {}),
        isIgnored: (path) => this.configs.isIgnored(path, {}),
      });
    } catch {
      return [];
    }
    if (paths.length > MAX_RECORDS) return [];
    return paths.flatMap((absolutePath) => {
      let identity: RecordIdentity | undefined;
      try {
        identity = identityOf(recordValue(readFileSync(absolutePath)));
      } catch {
        return [];
      }
      return identity ? [{ absolutePath, path: this.displayPath(absolutePath), identity }] : [];
    });
  }
}
