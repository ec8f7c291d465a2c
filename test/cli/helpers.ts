// Shared by the CLI tests: run the built dist/cli.js, and the SARIF 2.1.0 schema as a validator.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { builtinRules } from '../../server/src/rules';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const TODAY = '2026-11-24';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  cwd: string,
  input?: string | Uint8Array,
  env?: Record<string, string>,
): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let sarifValidator: ValidateFunction | undefined;

export function validateSarif(log: unknown): { valid: boolean; errors: string } {
  if (!sarifValidator) {
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  const valid = sarifValidator(log) as boolean;
  return { valid, errors: JSON.stringify(sarifValidator.errors?.slice(0, 3)) };
}

/** The checks across records: tests that lint copies of one record side by side turn them off. */
export const ACROSS_RECORD_RULES = ['duplicate-nct-id', 'duplicate-org-study-id', 'duplicate-brief-title'];

/**
 * A .trialrc.json that turns off every rule file except `kept`, and the checks across records (the
 * tests lint copies of one record side by side): format tests then see the engine's own checks
 * (syntax, schema, unknown keys) and the rules they are about, whatever rules are added later.
 */
export function onlyRules(...kept: string[]): { today: string; rules: Record<string, string> } {
  const off = [...builtinRules.map((rule) => rule.meta.id), ...ACROSS_RECORD_RULES].filter((id) => !kept.includes(id));
  return { today: TODAY, rules: Object.fromEntries(off.map((id) => [id, 'off'])) };
}

const temporaryFolders: string[] = [];

/** A new folder under the system's temporary folder, removed by removeTemporaryFolders (call it in afterAll). */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

export function removeTemporaryFolders(): void {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
