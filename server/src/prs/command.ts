// `trial-records export FILE... --to prs [-o DIR] [--allow-incomplete]`: writes each record as a PRS upload
// (<name>.prs.xml) after checking it against the PRS XSDs; the only PRS file that reads and writes files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { findConfigFile } from '../config/load';
import { isPlainObject } from '../service/types';
import { recordName, sidecarOf, SidecarError, sidecarPath, type PrsSidecar } from './sidecar';
import { toPrsDocument, type ExportFinding } from './to-prs';
import { validatePrsXml } from './validate';
import { serialize } from './xml';

export interface ExportCommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = 'usage: trial-records export FILE... --to prs [-o DIR] [--allow-incomplete]\n';

interface ExportOptions {
  files: string[];
  outputDirectory?: string;
  allowIncomplete: boolean;
}

function parseArguments(argv: readonly string[]): ExportOptions | string {
  const options: ExportOptions = { files: [], allowIncomplete: false };
  let target: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--allow-incomplete') options.allowIncomplete = true;
    else if (argument === '--to') target = argv[++index];
    else if (argument.startsWith('--to=')) target = argument.slice('--to='.length);
    else if (argument === '-o' || argument === '--output') {
      const directory = argv[++index];
      if (!directory) return `${argument} needs a directory`;
      options.outputDirectory = directory;
    } else if (argument.startsWith('--output=')) options.outputDirectory = argument.slice('--output='.length);
    else if (argument.startsWith('-')) return `unknown option ${argument}`;
    else options.files.push(argument);
  }
  if (target === undefined) return 'say which format to export to: --to prs';
  if (target !== 'prs') return `cannot export to "${target}"; the one format is prs (a ClinicalTrials.gov PRS upload)`;
  if (options.files.length === 0) return 'no record given';
  return options;
}

function readJson(path: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(readFileSync(path, 'utf8'), errors, {
    allowTrailingComma: false,
    disallowComments: true,
  });
  if (errors.length > 0) throw new SidecarError(`${path}: not valid JSON (at offset ${errors[0].offset}).`);
  return value;
}

/** The "prs" object of the nearest .trialrc.json: defaults for every record under it (orgName, most often). */
function configDefaults(file: string): PrsSidecar {
  const configPath = findConfigFile(file);
  if (configPath === undefined) return {};
  const errors: ParseError[] = [];
  const config: unknown = parse(readFileSync(configPath, 'utf8'), errors, { allowTrailingComma: true });
  const defaults = isPlainObject(config) ? config.prs : undefined;
  return defaults === undefined ? {} : sidecarOf(defaults, `${configPath} (prs)`);
}

/** The PRS-only facts for a record: the config's defaults, overridden field by field by its sidecar. */
export function prsFactsFor(file: string): PrsSidecar {
  const defaults = configDefaults(file);
  const path = sidecarPath(file);
  const own = existsSync(path) ? sidecarOf(readJson(path), path) : {};
  return { ...defaults, ...own };
}

interface Prepared {
  file: string;
  target: string;
  xml: string;
  findings: ExportFinding[];
}

function prepare(file: string, directory: string, io: ExportCommandIo): Prepared | undefined {
  const path = resolve(io.cwd, file);
  let record: unknown;
  let facts: PrsSidecar;
  try {
    record = readJson(path);
    facts = prsFactsFor(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(code === 'ENOENT' ? `${file}: no such file.\n` : `${(error as Error).message}\n`);
    return undefined;
  }
  if (!isPlainObject(record) || !isPlainObject(record.protocolSection)) {
    io.stderr(`${file}: not a trial record (a JSON object with "protocolSection").\n`);
    return undefined;
  }
  const document = toPrsDocument(record, facts);
  return {
    file,
    target: join(directory, `${recordName(file)}.prs.xml`),
    xml: serialize(document.root),
    findings: document.findings,
  };
}

function describe(finding: ExportFinding): string {
  return `${finding.pointer}: ${finding.message}`;
}

export async function runExportCommand(argv: readonly string[], io: ExportCommandIo): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    io.stderr(`trial-records export: ${options}\n${USAGE}`);
    return 2;
  }
  const directory = resolve(io.cwd, options.outputDirectory ?? '.');
  const prepared = options.files.map((file) => prepare(file, directory, io));
  const ready = prepared.filter((entry): entry is Prepared => entry !== undefined);
  // Validated before anything is written: an upload PRS would reject is never left on disk.
  const problems = await validatePrsXml(ready.map((entry) => ({ fileName: entry.file, xml: entry.xml })));
  let failed = prepared.length - ready.length;
  for (const entry of ready) {
    const schemaProblems = problems.filter((problem) => problem.fileName === entry.file);
    const blocking = entry.findings.filter(
      (finding) => finding.kind === 'unmappable' || (finding.kind === 'missing' && !options.allowIncomplete),
    );
    const missing = entry.findings.filter((finding) => finding.kind === 'missing');
    const leftOut = entry.findings.filter((finding) => finding.kind === 'left-out');
    if (
      blocking.length > 0 ||
      (schemaProblems.length > 0 && !(options.allowIncomplete && blocking.length === 0 && missing.length > 0))
    ) {
      for (const finding of entry.findings) io.stderr(`${entry.file}: ${describe(finding)}\n`);
      for (const problem of schemaProblems)
        io.stderr(
          `${entry.file}: PRS schema${problem.line ? ` (line ${problem.line} of the XML)` : ''}: ${problem.message}\n`,
        );
      io.stderr(
        `${entry.file}: not exported${missing.length > 0 && !options.allowIncomplete ? ' (--allow-incomplete writes it with the missing values left empty)' : ''}.\n`,
      );
      failed++;
      continue;
    }
    try {
      mkdirSync(directory, { recursive: true });
      writeFileSync(entry.target, entry.xml);
    } catch (error) {
      io.stderr(
        `${entry.target}: cannot write it: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
      );
      failed++;
      continue;
    }
    for (const finding of missing) io.stderr(`${entry.file}: missing: ${describe(finding)}\n`);
    for (const finding of leftOut) io.stderr(`${entry.file}: left out: ${describe(finding)}\n`);
    io.stdout(
      `${entry.file} -> ${entry.target} (PRS upload${missing.length > 0 ? `, incomplete: ${missing.length} required value${missing.length === 1 ? '' : 's'} missing` : ''})\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}
