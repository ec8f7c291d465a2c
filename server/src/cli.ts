#!/usr/bin/env node
// `trial-records`: the command-line adapter over the language service (lint, import, rules).
import { runLint, EXIT, UsageError, type CliIo } from './cli/lint';
import { runRulesCommand } from './cli/rulesCommand';
import { FileError } from './cli/files';
import { GitError } from './cli/changed';

const USAGE = `Usage: trial-records <command> [options]

Commands:
  lint [paths|globs...]   Check trial records (*.trial.json; folders are searched)
      -f, --format NAME        stylish (default), json, sarif, github, markdown, rdjson, junit, compact
      -o, --output FILE        Write the report to FILE instead of standard output
      -c, --config FILE        Use this config file instead of the nearest .trialrc.json
      --fail-on error|warning|info   Lowest severity that makes the exit code 1 (default: error)
      --max-warnings N         Exit 1 when there are more than N warnings
      --fix                    Apply the unambiguous fixes and write the files
      --today yyyy-MM-dd       The date that time-relative rules compare with
      --changed-since REF      Only findings on lines changed between the git revision REF and
                               the working tree (untracked records count as changed throughout)
      --stdin                  Lint the text on standard input instead of files
      --stdin-filepath PATH    The path that text stands for: picks the config, shown in the report
                               (with --fix, standard output gets the fixed text; the report goes to --output)
      --ignore-pattern GLOB    Leave out files and folders that folders and globs would find
                               (repeatable; "archive/" is a folder; adds to the config's "ignores")
      --concurrency auto|off|N Worker threads for many files (default: auto)
      --print-config FILE      Print the settings that apply to FILE (config, rules, ignores) as JSON
      -q, --quiet              No progress line on standard error
      --exit-zero              Exit 0 even with findings (usage and I/O errors still exit 2)
  import FILE... [-o DIR] [--force]   Turn registry pages and dumps into trial records
  rules [--format table|json|markdown|config-schema]
                             List every rule with its severity, category and source
  help                       Show this text

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config, git or I/O error.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await runLint(rest, io);
      case 'import':
        return await runImport(rest, io);
      case 'rules':
        return runRulesCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof FileError || error instanceof GitError) {
      io.stderr(`trial-records: ${error.message}\n${error instanceof UsageError ? 'Run "trial-records help" for usage.\n' : ''}`);
      return EXIT.usage;
    }
    io.stderr(`trial-records: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return EXIT.usage;
  }
}

async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const { runImportCommand } = await import('./importers/command');
  return runImportCommand([...argv], io);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    length += bytes.length;
  }
  const all = Buffer.alloc(length);
  let offset = 0;
  for (const bytes of chunks) {
    all.set(bytes, offset);
    offset += bytes.length;
  }
  return all;
}

if (require.main === module) {
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
