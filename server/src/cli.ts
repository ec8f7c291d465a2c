#!/usr/bin/env node
// `trial-records`: the command-line adapter over the language service (lint, import, rules, init, calibrate).
import { runLint, EXIT, UsageError, type CliIo } from './cli/lint';
import { runRulesCommand } from './cli/rulesCommand';
import { runInitCommand } from './cli/initCommand';
import { runCalibrateCommand } from './cli/calibrateCommand';
import { FileError, MAX_RECORD_BYTES } from './cli/files';
import { GitError } from './cli/changed';
import { asksForHelp, COMMAND_NAMES, commandUsage, USAGE } from './cli/usage';
import { TOOL_VERSION } from './version';
import { closest } from './service/similarity';
import { optimizeOnlyHotCode } from './cli/tiering';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command !== undefined && COMMAND_NAMES.includes(command) && asksForHelp(rest)) {
      io.stdout(commandUsage(command));
      return EXIT.ok;
    }
    switch (command) {
      case 'lint':
        return await runLint(rest, io);
      case 'import':
        return await runImport(rest, io);
      case 'export':
        return await runExport(rest, io);
      case 'import-report':
        return await runImportReport(rest, io);
      case 'rules':
        return runRulesCommand(rest, io);
      case 'init':
        return runInitCommand(rest, io);
      case 'calibrate':
        return await runCalibrateCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return printHelp(command, rest, io);
      case 'version':
      case '--version':
      case '-v':
        io.stdout(`trial-records ${TOOL_VERSION}\n`);
        return EXIT.ok;
      default:
        throw new UsageError(unknownCommandMessage(command));
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError || error instanceof GitError) {
      io.stderr(`trial-records: ${error.message}\n${error instanceof UsageError ? usageHint(command) : ''}`);
      return EXIT.usage;
    }
    io.stderr(
      `trial-records: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.usage;
  }
}

function printHelp(command: string | undefined, rest: readonly string[], io: CliIo): number {
  const [topic] = rest;
  if (command === 'help' && topic !== undefined) {
    if (!COMMAND_NAMES.includes(topic)) throw new UsageError(unknownCommandMessage(topic));
    io.stdout(commandUsage(topic));
    return EXIT.ok;
  }
  io.stdout(USAGE);
  return command === undefined ? EXIT.usage : EXIT.ok;
}

function usageHint(command: string | undefined): string {
  return command !== undefined && COMMAND_NAMES.includes(command)
    ? `Run "trial-records ${command} --help" for its options.\n`
    : 'Run "trial-records help" for usage.\n';
}

function unknownCommandMessage(command: string): string {
  const suggestion = command.startsWith('-') ? undefined : closest(command, [...COMMAND_NAMES, 'help', 'version']);
  return `Unknown command "${command}"${suggestion ? `; did you mean "${suggestion}"?` : '.'}`;
}

async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const { runImportCommand } = await import('./importers/command');
  return runImportCommand([...argv], io);
}

async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const { runExportCommand } = await import('./prs/command');
  return runExportCommand(argv, io);
}

async function runImportReport(argv: readonly string[], io: CliIo): Promise<number> {
  const { runImportReportCommand } = await import('./prs/report-command');
  return runImportReportCommand(argv, io);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    length += bytes.length;
    if (length > MAX_RECORD_BYTES)
      throw new FileError(
        `Standard input is over the ${MAX_RECORD_BYTES / 1024 / 1024} MB limit for records; it was not read to the end.`,
      );
  }
  const all = Buffer.alloc(length);
  let offset = 0;
  for (const bytes of chunks) {
    all.set(bytes, offset);
    offset += bytes.length;
  }
  return all;
}

/** Runs the command named in process.argv and sets the exit code (dist/trial-records.js, or `node dist/cli.js`). */
export function runCommandLine(): void {
  optimizeOnlyHotCode(process.execArgv);
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    stderrIsTty: Boolean(process.stderr.isTTY),
    readStdin,
    env: process.env,
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runCommandLine();
