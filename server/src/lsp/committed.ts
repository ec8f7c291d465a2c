// The records as last committed in git (HEAD): what the change rules compare an open record with
// in the editor, as `lint --changed-since HEAD` does on the command line. Git is asked once per
// record and again only after a few seconds (a commit may have moved HEAD); a record outside a git
// work tree, not committed, or not JSON at HEAD has nothing to compare with.
import { dirname } from 'node:path';
import { fileAtRevision, gitWorkTreeRoot } from '../cli/changed';
import { recordValue } from '../cli/files';

/** How long what git said about a record is used before asking again. */
const FRESH_MS = 5000;

export class CommittedRecords {
  private readonly known = new Map<string, { at: number; value: unknown }>();

  /** The record at `path` as committed at HEAD, or undefined. */
  valueOf(path: string): unknown {
    const cached = this.known.get(path);
    if (cached && Date.now() - cached.at < FRESH_MS) return cached.value;
    const value = readCommitted(path);
    this.known.set(path, { at: Date.now(), value });
    return value;
  }

  forget(): void {
    this.known.clear();
  }
}

function readCommitted(path: string): unknown {
  try {
    const root = gitWorkTreeRoot(dirname(path));
    const bytes = root === undefined ? undefined : fileAtRevision('HEAD', path, root);
    return bytes === undefined ? undefined : recordValue(bytes);
  } catch {
    // No git on this machine: nothing to compare with.
    return undefined;
  }
}
