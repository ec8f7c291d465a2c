// How eagerly V8 sends functions to its optimizing compiler in a CLI process (and its lint workers,
// which share the process's V8 flags).
import { setFlagsFromString } from 'node:v8';

/** The V8 flag that says how soon a function is optimized, with our value and V8's default. */
export interface TieringSetting {
  flag: string;
  ours: number;
  v8Default: number;
}

/**
 * A lint run executes most of the engine's functions a few thousand times: enough, with V8's
 * defaults, for it to optimize hundreds of them (about 370 on the 2,460 records of the realistic
 * mix, about 2.5 CPU s of compiling on background threads under Node 20), more than the optimized
 * code saves before the run ends, and on two cores those threads take time from the lint workers.
 * A higher threshold leaves only the truly hot functions to the optimizing compiler (about 80 on
 * that mix). The flag differs by V8 version, and an unknown flag makes V8 print an error, so each
 * is set only on the versions it was measured on (test/bench/lint-mix.mjs, 2 workers):
 * - V8 11 (Node 20): bytecode run before a function is considered, 2.56 → 1.80 s;
 * - V8 12 (Node 22): calls before a function is optimized, about 2.0 → 1.7 s;
 * - V8 13 (Node 24) tiers up through Maglev first and gained nothing: left as it is.
 */
export function tieringFor(v8Version: string): TieringSetting | undefined {
  const major = Number(v8Version.split('.')[0]);
  if (major === 11) return { flag: 'interrupt-budget', ours: 1_000_000, v8Default: 67_584 };
  if (major === 12) return { flag: 'invocation-count-for-turbofan', ours: 30_000, v8Default: 3_000 };
  return undefined;
}

/** Sets this V8's threshold, unless node was started with a value of its own. */
export function optimizeOnlyHotCode(execArgv: readonly string[], v8Version = process.versions.v8): void {
  const setting = tieringFor(v8Version);
  if (!setting || execArgv.some((argument) => argument.startsWith(`--${setting.flag}`))) return;
  setFlagsFromString(`--${setting.flag}=${setting.ours}`);
}
