// `trial-records init`: a starter .trialrc.json in the working directory, never over an existing one.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAME, findConfigFile } from '../config';
import { PRESET_NAMES } from '../config/presets';
import { oneOf, parseArgs, UsageError } from './args';
import type { CliIo } from './lint';

const PRESETS = PRESET_NAMES.map((name) => name.slice('trial-records:'.length));

export function runInitCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { values: { preset: [] }, booleans: { force: [] } });
  if (args.positional.length > 0)
    throw new UsageError(
      `"init" takes no paths (got "${args.positional.join(' ')}"); it writes ${CONFIG_FILE_NAME} in the working directory.`,
    );
  const presetName = oneOf(args.values.get('preset'), PRESETS, 'preset') ?? 'recommended';
  const target = join(io.cwd, CONFIG_FILE_NAME);
  if (existsSync(target) && !args.booleans.has('force')) {
    io.stderr(
      `trial-records: ${CONFIG_FILE_NAME} already exists here; it is left as it is (add --force to replace it).\n`,
    );
    return 1;
  }
  const above = findConfigFile(join(io.cwd, '..', 'record.trial.json'));
  writeFileSync(target, starterConfig(presetName, io.cwd));
  io.stdout(`Wrote ${CONFIG_FILE_NAME} (extends trial-records:${presetName}).\n`);
  if (above)
    io.stdout(
      `Records under this folder now follow it instead of ${above}; add that file to "extends" to keep its settings.\n`,
    );
  return 0;
}

function starterConfig(presetName: string, cwd: string): string {
  const schema = configSchemaPath(cwd);
  const lines = [
    '{',
    ...(schema ? [`  "$schema": ${JSON.stringify(schema)},`] : []),
    `  "extends": ["trial-records:${presetName}"],`,
    '  // "off" | "info" | "warn" | "error", or [severity, options]; `trial-records rules` lists them',
    '  "rules": {},',
    '  // folders and globs that folder walks leave out, relative to this file',
    '  "ignores": []',
    '}',
    '',
  ];
  return lines.join('\n');
}

/** The config schema shipped with this build, relative to the new file, for editors other than VS Code. */
function configSchemaPath(cwd: string): string | undefined {
  const shipped = resolve(__dirname, '..', 'schemas', 'config.schema.json');
  if (!existsSync(shipped)) return undefined;
  const path = relative(cwd, shipped).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}
