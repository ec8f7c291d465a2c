// `lint --suppress-all` and friends: a baseline of accepted findings (trial-records-suppressions.json)
// lets a team adopt rules on legacy records and fail only on new findings.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { onlyRules, removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

afterAll(removeTemporaryFolders);

const BASELINE = 'trial-records-suppressions.json';
const clean = planted(corpusRecord('NCT03418623'), { '/derivedSection/miscInfoModule/modelPredictions': undefined });
const ONE_BROKEN_LABEL = { '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/0': 'Placebo arm' };
const TWO_BROKEN_LABELS = {
  ...ONE_BROKEN_LABEL,
  '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0': 'Other arm',
};
const DATES_REVERSED = { '/protocolSection/statusModule/completionDateStruct/date': '2000-01-01' };

let folder: string;

function writeRecord(name: string, changes: Record<string, unknown>): void {
  writeFileSync(join(folder, 'records', name), JSON.stringify(planted(clean, changes), null, 2));
}

beforeEach(() => {
  folder = temporaryFolder('trial-suppress-');
  mkdirSync(join(folder, 'records'));
  writeFileSync(join(folder, '.trialrc.json'), JSON.stringify(onlyRules('arm-label-reference', 'date-order')));
  writeRecord('legacy.trial.json', ONE_BROKEN_LABEL);
  writeRecord('other.trial.json', {});
});

function lint(...args: string[]) {
  const run = runCli(['lint', 'records', '--format', 'json', '--today', TODAY, ...args], folder);
  const report = run.stdout
    ? (JSON.parse(run.stdout) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string }> }> })
    : undefined;
  const rules = (file: string) =>
    report?.files
      .find((entry) => entry.path === `records/${file}`)
      ?.diagnostics.map((diagnostic) => diagnostic.ruleId) ?? [];
  return { ...run, rules };
}

function baseline(): unknown {
  return JSON.parse(readFileSync(join(folder, BASELINE), 'utf8'));
}

describe('lint --suppress-all', () => {
  it('accepts the findings of today, writes their counts per record and rule, and exits 0', () => {
    expect(lint().code).toBe(1);
    const suppressed = lint('--suppress-all');
    expect(suppressed.code).toBe(0);
    expect(suppressed.rules('legacy.trial.json')).toEqual([]);
    expect(suppressed.stderr).toContain(`wrote ${BASELINE}; 1 finding suppressed.`);
    expect(baseline()).toEqual({ 'records/legacy.trial.json': { 'arm-label-reference': { count: 1 } } });

    const again = lint();
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`1 finding suppressed by ${BASELINE}.`);
  });

  it('fails on a new finding of another rule, and reports only that one', () => {
    lint('--suppress-all');
    writeRecord('legacy.trial.json', { ...ONE_BROKEN_LABEL, ...DATES_REVERSED });
    const run = lint();
    expect(run.code).toBe(1);
    expect(run.rules('legacy.trial.json')).toEqual(['date-order']);
  });

  it('reports every finding of a rule once a record has more of them than the baseline counts', () => {
    lint('--suppress-all');
    writeRecord('legacy.trial.json', TWO_BROKEN_LABELS);
    const run = lint();
    expect(run.code).toBe(1);
    expect(run.rules('legacy.trial.json')).toEqual(['arm-label-reference', 'arm-label-reference']);
  });

  it('says when suppressed findings have gone, and --prune-suppressions drops them', () => {
    writeRecord('other.trial.json', ONE_BROKEN_LABEL);
    lint('--suppress-all');
    writeRecord('legacy.trial.json', {});
    const run = lint();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      `1 finding that ${BASELINE} suppresses no longer occur; run with --prune-suppressions`,
    );
    expect(lint('--prune-suppressions').code).toBe(0);
    expect(baseline()).toEqual({ 'records/other.trial.json': { 'arm-label-reference': { count: 1 } } });
    expect(lint().stderr).not.toContain('no longer occur');
  });

  it('--suppress-rule accepts one rule and leaves the others failing', () => {
    writeRecord('legacy.trial.json', { ...ONE_BROKEN_LABEL, ...DATES_REVERSED });
    const run = lint('--suppress-rule', 'date-order');
    expect(run.code).toBe(1);
    expect(run.rules('legacy.trial.json')).toEqual(['arm-label-reference']);
    expect(baseline()).toEqual({ 'records/legacy.trial.json': { 'date-order': { count: 1 } } });
  });

  it('keeps the file where --suppressions-location says, relative to it, from any working directory', () => {
    mkdirSync(join(folder, 'team'));
    expect(lint('--suppress-all', '--suppressions-location', 'team').code).toBe(0);
    expect(existsSync(join(folder, 'team', BASELINE))).toBe(true);
    expect(JSON.parse(readFileSync(join(folder, 'team', BASELINE), 'utf8'))).toEqual({
      '../records/legacy.trial.json': { 'arm-label-reference': { count: 1 } },
    });
    const fromRecords = runCli(
      ['lint', '.', '--format', 'json', '--today', TODAY, '--suppressions-location', '../team'],
      join(folder, 'records'),
    );
    expect(fromRecords.code).toBe(0);
  });

  it('refuses a file that is not a baseline, and never overwrites it', () => {
    writeFileSync(join(folder, BASELINE), '{"records/legacy.trial.json": {"arm-label-reference": 2}}');
    const run = lint('--suppress-all');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a baseline');
    expect(readFileSync(join(folder, BASELINE), 'utf8')).toBe(
      '{"records/legacy.trial.json": {"arm-label-reference": 2}}',
    );
    writeFileSync(join(folder, BASELINE), 'not json');
    expect(lint().stderr).toContain('is not JSON');
  });

  it('says which options cannot go together', () => {
    expect(lint('--suppress-all', '--prune-suppressions').stderr).toContain(
      '--suppress-all and --prune-suppressions each rewrite the suppressions file',
    );
    expect(lint('--suppress-all', '--changed-since', 'HEAD').stderr).toContain(
      'cannot be combined with --changed-since',
    );
    expect(lint('--suppress-rule', '').stderr).toContain('--suppress-rule needs a rule id');
  });
});
