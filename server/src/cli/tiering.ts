// How eagerly V8 sends functions to its optimizing compiler in a CLI process (and its lint workers,
// which share the process's V8 flags).
import { setFlagsFromString } from 'node:v8';

/**
 * Bytecode a function runs before V8 considers optimizing it; V8's default is 67,584.
 *
 * A lint run executes most of the engine's functions a few thousand times: enough, with the
 * default, for V8 to optimize about 370 of them on a run over 2,460 records, at about 2.5 CPU
 * seconds of compiling on background threads, more than the optimized code saves before the run
 * ends (and on two cores those threads take time from the lint workers). With this budget about
 * 80 functions, the truly hot ones, are optimized (0.26 CPU s). Measured with
 * test/bench/lint-mix.mjs; the README's Performance section has the figures.
 */
export const INTERRUPT_BUDGET = 1_000_000;

/** Sets the budget, unless node was started with a budget of its own. */
export function optimizeOnlyHotCode(execArgv: readonly string[]): void {
  if (execArgv.some((argument) => argument.startsWith('--interrupt-budget'))) return;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
