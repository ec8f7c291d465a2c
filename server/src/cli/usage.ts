// The help texts: one per command, and the whole list for `trial-records help`.
const LINT = `  lint [paths|globs...]   Check trial records (*.trial.json; folders are searched)
      -f, --format NAME        stylish (default), json, sarif, github, markdown, rdjson, junit, compact
      -o, --output FILE        Write the report to FILE instead of standard output
      -c, --config FILE        Use this config file instead of the nearest .trialrc.json
      --fail-on error|warning|info   Lowest severity that makes the exit code 1 (default: error)
      --max-warnings N         Exit 1 when there are more than N warnings
      --fix                    Apply the unambiguous fixes and write the files
      --today yyyy-MM-dd       The date that time-relative rules compare with
      --changed-since REF      Only findings on lines changed between the git revision REF and
                               the working tree (untracked records count as changed throughout),
                               and errors the change brought elsewhere in a changed record
      --stdin                  Lint the text on standard input instead of files
      --stdin-filepath PATH    The path that text stands for: picks the config, shown in the report
                               (with --fix, standard output gets the fixed text; the report goes to --output)
      --ignore-pattern GLOB    Leave out files and folders that folders and globs would find
                               (repeatable; "archive/" is a folder; adds to the config's "ignores")
      --concurrency auto|off|N Worker threads for many files (default: auto)
      --cache                  Lint only records that changed since the last --cache run; the
                               others keep their findings (from .trialrecordscache)
      --cache-location PATH    The cache file, or a folder to keep it in
      --suppress-all           Accept every error and warning found now: write their counts per record
                               and rule to trial-records-suppressions.json; later runs report only more
      --suppress-rule ID       The same for one rule (repeatable)
      --prune-suppressions     Drop from the suppressions file what no longer occurs
      --suppressions-location PATH   The suppressions file, or a folder to keep it in
      --print-config FILE      Print the settings that apply to FILE (config, rules, ignores) as JSON
      --color, --no-color      Colours in the stylish format, whatever the terminal, NO_COLOR and FORCE_COLOR say
      -q, --quiet              No progress line on standard error
      --exit-zero              Exit 0 even with findings (usage and I/O errors still exit 2)
`;

const IMPORT = `  import FILE... [-o DIR] [--force]   Turn registry pages and dumps into trial records
      -o, --output DIR         Write the records into DIR (default: the working directory)
      -f, --force              Replace records that already exist
`;

const EXPORT = `  export FILE... --to prs [-o DIR] [--allow-incomplete]
                             Write each record as a ClinicalTrials.gov PRS upload (DIR/<name>.prs.xml),
                             checked against the PRS XML schemas first; PRS-only facts (organization,
                             IND/IDE, review board) come from <name>.prs.json beside the record or the
                             config's "prs" object. Exit 1 when a record cannot become a valid upload
      --to prs                 The format (the only one)
      -o, --output DIR         Write the uploads into DIR (default: the working directory)
      --allow-incomplete       Write a record even when PRS-required values are missing (named on stderr)
`;

const IMPORT_REPORT = `  import-report REPORT --record FILE [--format NAME]
                             Show the lines of a PRS upload report (ERROR / WARNING / NOTE: field -- text)
                             as findings at the record's fields, in any lint format; exit 1 on an ERROR
`;

const RULES = `  rules [id...] [--format table|json|markdown|config-schema]
                             List every rule with its severity, category and source; with ids,
                             describe those rules (what they check, options, fix, config)
`;

const INIT = `  init [--preset recommended|strict|all] [--force]
                             Write a starter .trialrc.json here (an existing one is kept without --force)
`;

const CALIBRATE = `  calibrate [paths|globs...]   Lint real (published) records and count, per rule and severity, the
                             records each rule hits, by the period of their first submission and
                             of their last update (before 2007-09-27, to 2017-01-17, from
                             2017-01-18, not submitted). Published records should get no error.
      -f, --format text|json|markdown   The report's format (default: text)
      -o, --output FILE        Write the report to FILE instead of standard output
      -c, --config FILE        Use this config file instead of the nearest .trialrc.json
      --today yyyy-MM-dd       The date that time-relative rules compare with
`;

const COMMANDS: Record<string, string> = {
  lint: LINT,
  import: IMPORT,
  export: EXPORT,
  'import-report': IMPORT_REPORT,
  rules: RULES,
  init: INIT,
  calibrate: CALIBRATE,
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

const EXIT_CODES = 'Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, config, git or I/O error.\n';

export const USAGE = `Usage: trial-records <command> [options]

Commands:
${LINT}${IMPORT}${EXPORT}${IMPORT_REPORT}${RULES}${INIT}${CALIBRATE}  help [command]             Show this text, or one command's options (also <command> --help)
  version                    Show the version (also --version)

${EXIT_CODES}`;

/** One command's options; `trial-records <command> --help` prints it. */
export function commandUsage(command: string): string {
  return `Usage: trial-records ${command} [options]\n\n${COMMANDS[command]}${command === 'lint' ? `\n${EXIT_CODES}` : ''}`;
}

/** `--help` or `-h` among a command's arguments (before a `--` that ends the options). */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
