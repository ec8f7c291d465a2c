// `trial-records import FILE... [-o DIR] [--force]`: the only importer file that reads and writes files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatRecord, ImportError, importText } from './index';
import { sidecarPath } from '../prs/sidecar';

export interface ImportCommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: trial-records import FILE... [-o DIR] [--force]\n';

interface ImportOptions {
  files: string[];
  outputDirectory?: string;
  force: boolean;
}

function parseArguments(argv: string[]): ImportOptions | string {
  const options: ImportOptions = { files: [], force: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--force' || argument === '-f') options.force = true;
    else if (argument === '-o' || argument === '--output' || argument === '--out-dir') {
      const directory = argv[++index];
      if (!directory) return `${argument} needs a directory`;
      options.outputDirectory = directory;
    } else if (argument.startsWith('--output=')) options.outputDirectory = argument.slice('--output='.length);
    else if (argument.startsWith('-') && argument !== '-') return `unknown option ${argument}`;
    else options.files.push(argument);
  }
  if (options.files.length === 0) return 'no input file given';
  return options;
}

/** Imports one input file; returns whether everything in it was written. */
function importFile(file: string, directory: string, force: boolean, io: ImportCommandIo): boolean {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`${file}: ${unreadableReason(code, error)}\n`);
    return false;
  }
  let result;
  try {
    result = importText(text, file);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(`${error.message}\n`);
    return false;
  }
  for (const warning of result.warnings) io.stderr(`${file}:${warning.line}: warning: ${warning.message}\n`);
  let allWritten = true;
  for (const { fileName, record, sidecar } of result.records) {
    const target = resolve(directory, fileName);
    if (!writeJson(target, record, force, io)) {
      allWritten = false;
      continue;
    }
    io.stdout(`${file} -> ${target} (${result.format})\n`);
    if (sidecar === undefined) continue;
    // PRS-only facts go where the export looks for them.
    const sidecarTarget = sidecarPath(target);
    if (writeJson(sidecarTarget, sidecar, force, io)) io.stdout(`  PRS-only fields -> ${sidecarTarget}\n`);
    else allWritten = false;
  }
  return allWritten;
}

export async function runImportCommand(argv: string[], io: ImportCommandIo): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    io.stderr(`trial-records import: ${options}\n${USAGE}`);
    return 2;
  }
  const directory = resolve(io.cwd, options.outputDirectory ?? '.');
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    io.stderr(`${directory}: cannot create the output directory: ${(error as Error).message}\n`);
    return 2;
  }
  let failed = 0;
  for (const file of options.files) {
    if (!importFile(file, directory, options.force, io)) failed++;
  }
  return failed > 0 ? 1 : 0;
}

/** Writes the value as formatted JSON unless the file exists (without --force); says why when it does not. */
function writeJson(target: string, value: unknown, force: boolean, io: ImportCommandIo): boolean {
  if (existsSync(target) && !force) {
    io.stderr(`${target}: already exists; not overwritten (use --force to replace it)\n`);
    return false;
  }
  try {
    writeFileSync(target, formatRecord(value));
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'it is nested too deeply to write'
        : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    io.stderr(`${target}: cannot write it: ${reason}\n`);
    return false;
  }
  return true;
}

function unreadableReason(code: string | undefined, error: unknown): string {
  if (code === 'EISDIR') return 'is a folder; name the files in it to import.';
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EACCES') return 'permission denied.';
  return `cannot read it (${code ?? (error as Error).message}).`;
}
