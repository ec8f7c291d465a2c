// A broken config is never ignored: its place and what is wrong, as one line for standard error.
import { readFileSync } from 'node:fs';
import { ConfigError, CustomRuleError, TeamSchemaError } from '../config';
import { lineAndColumnAt } from '../service/document';

/** Undefined when `error` is not about the config (an unexpected error, to be rethrown). */
export function configErrorMessage(error: unknown): string | undefined {
  if (error instanceof ConfigError) {
    const place = error.offset > 0 ? `:${placeIn(error.file, error.offset)}` : '';
    return `config error in ${error.file}${place}: ${error.message}`;
  }
  if (error instanceof CustomRuleError || error instanceof TeamSchemaError) return `config error: ${error.message}`;
  return undefined;
}

function placeIn(file: string, offset: number): string {
  const { line, column } = lineAndColumnAt(readFileSync(file, 'utf8'), offset);
  return `${line}:${column}`;
}

/** A config error found in a lint worker, already put into words there. */
export class ReportedConfigError extends Error {}
