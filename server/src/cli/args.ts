// Command-line argument parsing: flags with values, booleans, and positional arguments.
import { closest } from '../service/similarity';
import { pushAll } from '../service/arrays';

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value, by name (without dashes), with their short aliases. */
  values: Record<string, string[]>;
  booleans: Record<string, string[]>;
}

export interface ParsedArgs {
  positional: string[];
  /** The last value of each flag. */
  values: Map<string, string>;
  /** Every value of each flag, in order, for flags that may repeat. */
  valueLists: Map<string, string[]>;
  booleans: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], values: new Map(), valueLists: new Map(), booleans: new Set() };
  const byAlias = new Map<string, { name: string; takesValue: boolean }>();
  for (const [name, aliases] of Object.entries(spec.values))
    for (const alias of [`--${name}`, ...aliases]) byAlias.set(alias, { name, takesValue: true });
  for (const [name, aliases] of Object.entries(spec.booleans))
    for (const alias of [`--${name}`, ...aliases]) byAlias.set(alias, { name, takesValue: false });
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      pushAll(parsed.positional, argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const known = byAlias.get(flag);
    if (!known) throw new UsageError(unknownOptionMessage(flag, spec));
    if (!known.takesValue) {
      parsed.booleans.add(known.name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`Option ${flag} needs a value.`);
    parsed.values.set(known.name, value);
    parsed.valueLists.set(known.name, [...(parsed.valueLists.get(known.name) ?? []), value]);
  }
  return parsed;
}

function unknownOptionMessage(flag: string, spec: FlagSpec): string {
  const names = [...Object.keys(spec.values), ...Object.keys(spec.booleans)];
  const suggestion = flag.startsWith('--') ? closest(flag.slice(2), names) : undefined;
  return `Unknown option ${flag}${suggestion ? `; did you mean --${suggestion}?` : '.'}`;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}").`);
  return value as T;
}

export function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number (got "${value}").`);
  return Number(value);
}
