// Which files to lint: paths, directories (walked for *.trial.json) and globs; reading them safely.
import {
  closeSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export const RECORD_GLOB = '**/*.trial.json';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', '.e2e']);

export class FileError extends Error {}

export function toDisplayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** What a walk has seen: the real path of the folder it started in, and of every folder a link led it to. */
interface WalkState {
  root: string;
  visited: Set<string>;
}

/**
 * Collects the accepted files under `folder`. Links are followed, to files and to folders, unless
 * they lead back inside the walked folder (what they show is found there already) or to a folder
 * seen before. A link to nothing is kept when its name is a record's: reading it reports it.
 */
function walk(
  folder: string,
  accept: (absolute: string) => boolean,
  isIgnored: (absolute: string) => boolean,
  found: string[],
  onUnreadable?: (folder: string, code: string) => void,
): void {
  const walked: WalkState = { root: realPath(folder), visited: new Set<string>() };
  // An explicit stack, not recursion: a tree of folders nested deeper than the call stack is no crash.
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      onUnreadable?.(current, (error as NodeJS.ErrnoException).code ?? 'unknown error');
      continue;
    }
    for (const entry of entries) {
      const absolute = join(current, entry.name);
      if (isIgnored(absolute)) continue;
      const kind = entry.isSymbolicLink()
        ? kindOf(absolute)
        : entry.isDirectory()
          ? 'folder'
          : entry.isFile()
            ? 'file'
            : 'other';
      if (entry.isSymbolicLink() && kind !== 'missing' && !leadsOutside(absolute, walked)) continue;
      if (kind === 'folder') {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(absolute);
      } else if ((kind === 'file' || kind === 'missing') && accept(absolute)) found.push(absolute);
    }
  }
}

/** Whether a link leads somewhere the walk has not been: outside its folder, and not to a folder a link led to before. */
function leadsOutside(link: string, state: WalkState): boolean {
  const target = realPath(link);
  if (target === state.root || target.startsWith(state.root + sep) || state.visited.has(target)) return false;
  state.visited.add(target);
  return true;
}

/** What a path leads to, following links. */
function kindOf(path: string): 'folder' | 'file' | 'missing' | 'other' {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The base folder of a glob: its leading segments without glob characters. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const index = segments.findIndex(isGlob);
  return segments.slice(0, index).join('/') || '.';
}

export interface FileSelection {
  /** Widens what counts as a record inside folders: the `files` globs of the config that applies to the file. */
  isListedRecord?: (absolute: string) => boolean;
  /** Files and folders that walks and globs leave out (the configs' `ignores`, --ignore-pattern). */
  isIgnored?: (absolute: string) => boolean;
  /** Told of each folder named on the command line that holds no record. */
  onEmptyFolder?: (pattern: string) => void;
  /** Told of each folder a walk could not read (it is skipped), with the system's error code. */
  onUnreadableFolder?: (folder: string, code: string) => void;
}

/**
 * Expands the command line's paths into absolute file paths, sorted and without repeats. Files
 * named one by one are kept even when an ignore glob matches them: they were asked for.
 */
export function expandPaths(cwd: string, patterns: readonly string[], selection: FileSelection = {}): string[] {
  const isRecordName = picomatch([RECORD_GLOB, '*.trial.json'], { dot: false });
  const isListedRecord = selection.isListedRecord ?? (() => false);
  const isRecord = (folder: string, file: string) =>
    isRecordName(toDisplayPath(folder, file)) || isListedRecord(file) || holdsStudy(file);
  const isIgnored = selection.isIgnored ?? (() => false);
  const found: string[] = [];
  for (const pattern of patterns.length ? patterns : ['.']) {
    if (isGlob(pattern)) {
      const matches = picomatch(pattern.replace(/\\/g, '/'), { dot: false });
      const base = resolve(cwd, globBase(pattern));
      if (kindOf(base) !== 'folder')
        throw new FileError(`No files match "${pattern}": ${globBase(pattern)} is not a folder.`);
      const before = found.length;
      let leftOut = false;
      const noting = (absolute: string) => {
        const ignored = isIgnored(absolute);
        if (ignored) leftOut = true;
        return ignored;
      };
      walk(
        base,
        (absolute) => matches(toDisplayPath(cwd, absolute)) || matches(absolute),
        noting,
        found,
        selection.onUnreadableFolder,
      );
      if (found.length === before)
        throw new FileError(`No files match "${pattern}"${leftOut ? ' (ignores left some out)' : ''}.`);
      continue;
    }
    const absolute = resolve(cwd, pattern);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new FileError(`No such file or folder: ${pattern}`);
    }
    if (!stats.isDirectory()) {
      found.push(absolute);
      continue;
    }
    const before = found.length;
    walk(absolute, (file) => isRecord(absolute, file), isIgnored, found, selection.onUnreadableFolder);
    if (found.length === before) selection.onEmptyFolder?.(pattern);
  }
  return [...new Set(found)].sort();
}

/**
 * A plain .json file in a folder being linted counts when it holds a study (a protocolSection key).
 * API downloads open with that key, so the first bytes usually answer without reading the file.
 */
function holdsStudy(absolute: string): boolean {
  if (!absolute.endsWith('.json')) return false;
  try {
    if (STUDY_OPENING.test(readHead(absolute, 512))) return true;
    const text = readFileSync(absolute, 'utf8');
    if (!text.includes('"protocolSection"')) return false;
    const root = JSON.parse(text) as unknown;
    return root !== null && typeof root === 'object' && 'protocolSection' in root;
  } catch {
    return false;
  }
}

const STUDY_OPENING = /^\uFEFF?\s*\{\s*"protocolSection"\s*:/;

function readHead(absolute: string, length: number): string {
  const descriptor = openSync(absolute, 'r');
  try {
    const bytes = new Uint8Array(length);
    return new TextDecoder().decode(bytes.subarray(0, readSync(descriptor, bytes, 0, length, 0)));
  } finally {
    closeSync(descriptor);
  }
}

/** `byteOrderMark`: the bytes began with one, which is not part of the text; fixes written back keep it. */
export type ReadResult = { text: string; byteOrderMark: boolean } | { problem: string };

/** Records larger than this are not read at all (above DEFAULT_MAX_SIZE only their syntax is checked anyway). */
export const MAX_RECORD_BYTES = 128 * 1024 * 1024;

/**
 * A record's bytes; a FileError saying plainly what is wrong when it cannot be read. Only regular
 * files are read: a device (/dev/zero) would grow the process without end, a pipe would block it.
 */
export function readRecordBytes(absolute: string): Buffer {
  const stats = statSync(absolute, { throwIfNoEntry: false });
  if (stats && !stats.isFile() && !stats.isDirectory())
    throw new FileError(
      `Not a regular file (a device, pipe or socket): ${absolute}; to lint standard input, use --stdin.`,
    );
  if (stats && stats.size > MAX_RECORD_BYTES)
    throw new FileError(
      `${absolute} is ${Math.round(stats.size / 1024 / 1024)} MB, above the ${MAX_RECORD_BYTES / 1024 / 1024} MB limit for records; it was not read.`,
    );
  try {
    return readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isLink(absolute))
      throw new FileError(`${absolute} is a link to ${readlinkSync(absolute)}, which does not exist.`);
    throw new FileError(
      code === 'EACCES'
        ? `Permission denied: ${absolute}`
        : code === 'EISDIR'
          ? `Is a folder, not a file: ${absolute}`
          : `Cannot read ${absolute} (${code ?? 'unknown error'}).`,
    );
  }
}

/** The record a file or a revision holds as a plain value, or undefined when it is not JSON. */
export function recordValue(bytes: Buffer): unknown {
  const read = decodeRecordBytes(bytes);
  if ('problem' in read) return undefined;
  try {
    return JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** Decodes bytes (a file, or standard input) as UTF-8; invalid bytes become a problem to report. */
export function decodeRecordBytes(bytes: Buffer): ReadResult {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return { problem: `Not UTF-8: the text is ${utf16}; save it as UTF-8.` };
  if (isUtf8(bytes)) return decodedText(bytes.toString('utf8'));
  const offset = firstInvalidUtf8Byte(bytes);
  return {
    problem: `Not valid UTF-8 (bad byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at byte ${offset}); save it as UTF-8.`,
  };
}

/**
 * How the text looks UTF-16 encoded: by its byte-order mark, or, without one, by zero bytes that
 * really make UTF-16 (an even length, and the start read as UTF-16 is JSON-like text with no
 * NUL). A lone zero byte in UTF-8 (`{` NUL `}`) is not UTF-16: it is a syntax problem.
 */
function utf16Encoding(bytes: Buffer): string | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian, with a byte-order mark)';
  if (bytes[0] !== 0 && bytes[1] === 0 && readsAsUtf16(bytes, 'utf-16le')) return 'UTF-16 (little-endian)';
  if (bytes[0] === 0 && bytes[1] !== 0 && readsAsUtf16(bytes, 'utf-16be')) return 'UTF-16 (big-endian)';
  return undefined;
}

/**
 * Bytes read this way look like one: whole code units, no broken surrogate pair, no NUL, a
 * JSON-like start, and mostly ASCII (JSON's keys and punctuation are, in any language).
 */
function readsAsUtf16(bytes: Buffer, encoding: 'utf-16le' | 'utf-16be'): boolean {
  if (bytes.length % 2 !== 0) return false;
  const head = bytes.subarray(0, Math.min(bytes.length, 512));
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(head, { stream: head.length < bytes.length });
  } catch {
    return false;
  }
  let ascii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x80) ascii++;
  return !text.includes('\u0000') && /^\s*[[{"]/.test(text) && ascii * 2 >= text.length;
}

/** A leading byte-order mark is left out of the text, as editors and TextDecoder do, so that columns match the editor's. */
function decodedText(text: string): ReadResult {
  const byteOrderMark = text.charCodeAt(0) === 0xfeff;
  return { text: byteOrderMark ? text.slice(1) : text, byteOrderMark };
}

/** The text to write back for a record read as `read`: with the byte-order mark it had. */
export function textToWrite(read: { byteOrderMark: boolean }, text: string): string {
  return read.byteOrderMark ? `\ufeff${text}` : text;
}

function firstInvalidUtf8Byte(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle + 1), { stream: true });
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  return startOfSequence(bytes, low);
}

/** The failing byte may be the one after a lead byte whose sequence it cut short: point at the lead byte. */
function startOfSequence(bytes: Buffer, index: number): number {
  if (bytes[index] >= 0x80) return index;
  let start = index;
  while (start > 0 && (bytes[start - 1] & 0xc0) === 0x80) start--;
  return start > 0 && bytes[start - 1] >= 0xc0 ? start - 1 : index;
}
