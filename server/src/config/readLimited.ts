// Reading the files a config names (configs it extends, team schemas, custom-rule modules) only when
// they are regular files under a size limit: `/dev/zero` would grow the process without end, and
// `/dev/stdin` or a named pipe would block it (in the server, on its own LSP input).
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

/** .trialrc.json files and team schemas. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;
/** Custom-rule modules (a bundled rule may carry its libraries). */
export const MAX_RULE_FILE_BYTES = 4 * 1024 * 1024;

/** Why a file cannot be read: the sentence ends the caller's "<what> <path> ..." */
export class UnreadableFile extends Error {}

/** The file's text; throws UnreadableFile saying why (missing, not a regular file, too large, no permission). */
export function readLimitedFile(path: string, limit: number): string {
  checkRegularFile(path, limit);
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    throw new UnreadableFile(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  try {
    // Checked again on the open file: it may have been swapped since, or grow while being read.
    if (!fstatSync(descriptor).isFile()) throw new UnreadableFile('is not a regular file');
    const bytes = new Uint8Array(limit + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length <= limit; length += read)
      read = readSync(descriptor, bytes, length, bytes.length - length, null);
    if (length > limit) throw new UnreadableFile(tooLarge(length, limit));
    return new TextDecoder().decode(bytes.subarray(0, length));
  } finally {
    closeSync(descriptor);
  }
}

/** Throws UnreadableFile unless `path` is a regular file of at most `limit` bytes (without opening it: opening a pipe may block). */
export function checkRegularFile(path: string, limit: number): void {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFile(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'unknown error'})`);
  }
  if (!stats.isFile())
    throw new UnreadableFile(
      stats.isDirectory() ? 'is a folder, not a file' : 'is not a regular file (a device, pipe or socket)',
    );
  if (stats.size > limit) throw new UnreadableFile(tooLarge(stats.size, limit));
}

function tooLarge(size: number, limit: number): string {
  return `is ${describeBytes(size)}, above the ${describeBytes(limit)} limit for such files`;
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
