// A lint worker (dist/lint-worker.js): lints the batches of paths the main thread sends, under the
// configs it loads itself, and answers with the findings only.
import { parentPort, workerData } from 'node:worker_threads';
import { configErrorMessage } from './configErrors';
import { RecordLinter, type LinterSetup, type LintOutcome } from './linter';
import type { CompactOutcome, LintJob, WorkerReply } from './pool';

const linter = new RecordLinter(workerData as LinterSetup);
const reportedCustomRules = new Set<string>();

function compact(outcome: LintOutcome): CompactOutcome {
  if ('unreadable' in outcome) return outcome;
  const compacted: CompactOutcome =
    outcome.file.text === undefined
      ? { findings: outcome.file.findings }
      : { findings: outcome.file.findings, text: outcome.file.text };
  if (outcome.unwritable !== undefined) compacted.unwritable = outcome.unwritable;
  if (outcome.content !== undefined) compacted.content = outcome.content;
  if (outcome.file.identity !== undefined) compacted.identity = outcome.file.identity;
  return compacted;
}

function lintBatch(job: LintJob): WorkerReply {
  const outcomes = job.paths.map((path) => compact(linter.lintPath(path)));
  const newCustomRules = [...linter.customRules.values()].filter((rule) => !reportedCustomRules.has(rule.id));
  for (const rule of newCustomRules) reportedCustomRules.add(rule.id);
  return {
    kind: 'batch',
    batch: job.batch,
    outcomes,
    newCustomRules: newCustomRules.map(({ id, severity, category, description, source, docs }) => ({
      id,
      severity,
      category,
      description,
      source,
      docs,
    })),
  };
}

parentPort!.on('message', (job: LintJob) => {
  let reply: WorkerReply;
  try {
    reply = lintBatch(job);
  } catch (error) {
    const message = configErrorMessage(error);
    reply =
      message !== undefined
        ? { kind: 'config-error', message }
        : { kind: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
