// `trial-records calibrate`: the pinned counts on the registry sample, and the command on small folders.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planted, sampleRecord } from '../unit/rules/fixtures';
import { removeTemporaryFolders, ROOT, runCli, temporaryFolder } from './helpers';

const PINNED = join(ROOT, 'test', 'fixtures', 'calibration', 'registry-sample.md');
const SAMPLE = 'test/fixtures/corpus/registry-sample';
/** The date the pinned file was written with (package.json's `calibrate` script gives the same). */
const PINNED_TODAY = '2026-12-07';

afterAll(removeTemporaryFolders);

describe('trial-records calibrate on the registry sample', () => {
  const run = runCli(['calibrate', SAMPLE, '--today', PINNED_TODAY, '--format', 'markdown'], ROOT);

  it('gives the pinned counts (after changing a rule: npm run calibrate -- --output test/fixtures/calibration/registry-sample.md)', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(PINNED, 'utf8'));
  });

  it('finds no error on the 820 published records', () => {
    expect(run.stdout).toMatch(
      /^820 records linted in test\/fixtures\/corpus\/registry-sample \(today taken as 2026-12-07\); 0 with at least one error\.$/m,
    );
    expect(run.stdout).not.toMatch(/\| error \|/);
  });

  it('finds no error on the other published records of the corpus either', () => {
    const other = runCli(
      ['calibrate', 'test/fixtures/corpus/ctgov-v2', '--today', PINNED_TODAY, '--format', 'json'],
      ROOT,
    );
    const calibration = JSON.parse(other.stdout);
    expect(calibration.all.records).toBe(17);
    expect(calibration.withErrors.records).toBe(0);
  });
});

describe('trial-records calibrate', () => {
  // First submitted 2019-08-19, last updated 2022-05-17; its 11 "Percentage of Subjects" measures in "Participants" are warnings.
  const published = sampleRecord('NCT04066023');
  const status = '/protocolSection/statusModule';
  const legacy = planted(published, {
    [`${status}/studyFirstSubmitDate`]: '2005-01-10',
    [`${status}/lastUpdateSubmitDate`]: '2010-06-01',
  });
  // Being written: no submission dates, and a required field left out (an error).
  const draft = planted(published, {
    [`${status}/studyFirstSubmitDate`]: undefined,
    [`${status}/lastUpdateSubmitDate`]: undefined,
    '/protocolSection/descriptionModule/briefSummary': undefined,
  });

  function folderWith(records: Record<string, unknown>): string {
    const folder = temporaryFolder('calibrate-');
    for (const [name, record] of Object.entries(records))
      writeFileSync(join(folder, name), JSON.stringify(record, null, 2));
    return folder;
  }

  it('counts the records each rule hits by the period of their first submission and last update', () => {
    const folder = folderWith({
      'published.trial.json': published,
      'legacy.trial.json': legacy,
      'draft.trial.json': draft,
    });
    const run = runCli(['calibrate', '.', '--today', PINNED_TODAY, '--format', 'json'], folder);
    expect(run.code).toBe(0);
    const calibration = JSON.parse(run.stdout);
    expect(calibration.all).toEqual({
      records: 3,
      'first-submission': { 'before-fdaaa': 1, fdaaa: 0, 'final-rule': 1, unsubmitted: 1 },
      'last-update': { 'before-fdaaa': 0, fdaaa: 1, 'final-rule': 1, unsubmitted: 1 },
    });
    expect(calibration.withErrors).toEqual({
      records: 1,
      'first-submission': { 'before-fdaaa': 0, fdaaa: 0, 'final-rule': 0, unsubmitted: 1 },
      'last-update': { 'before-fdaaa': 0, fdaaa: 0, 'final-rule': 0, unsubmitted: 1 },
    });
    const hits = (rule: string, severity: string) =>
      calibration.rules.find(
        (entry: { rule: string; severity: string }) => entry.rule === rule && entry.severity === severity,
      );
    expect(hits('required-fields', 'error')).toMatchObject({
      records: 1,
      findings: 1,
      'first-submission': { unsubmitted: 1 },
    });
    expect(hits('outcome-unit-title', 'warning')).toMatchObject({
      records: 3,
      findings: 33,
      'last-update': { fdaaa: 1, 'final-rule': 1, unsubmitted: 1 },
    });
    expect(calibration.rules[0].severity).toBe('error');
  });

  it('prints a table in text, with the totals and what the periods are', () => {
    const folder = folderWith({ 'published.trial.json': published, 'draft.trial.json': draft });
    const run = runCli(['calibrate', '--today', PINNED_TODAY], folder);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('2 records linted in . (today taken as 2026-12-07); 1 with at least one error.');
    expect(lines[2]).toMatch(
      /^rule\s+severity\s+records\s+first <FDAAA\s+first FDAAA\s+first FinalRule\s+first none\s+last <FDAAA/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^required-fields\s+error\s+1\s+0\s+0\s+0\s+1\s+0\s+0\s+0\s+1$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^\(with an error\)\s+1\s+0\s+0\s+0\s+1\s+0\s+0\s+0\s+1$/));
    expect(run.stdout).toContain(
      '<FDAAA = before 2007-09-27; FDAAA = 2007-09-27 to 2017-01-17; FinalRule = from 2017-01-18; none = not submitted yet.',
    );
  });

  it('follows the config: a rule turned off is not counted', () => {
    const folder = folderWith({ 'draft.trial.json': draft, '.trialrc.json': { rules: { 'required-fields': 'off' } } });
    const calibration = JSON.parse(runCli(['calibrate', '--today', PINNED_TODAY, '--format', 'json'], folder).stdout);
    expect(calibration.rules.map((entry: { rule: string }) => entry.rule)).not.toContain('required-fields');
    expect(calibration.withErrors.records).toBe(0);
  });

  it('writes the report to --output', () => {
    const folder = folderWith({ 'published.trial.json': published });
    const run = runCli(
      ['calibrate', '--today', PINNED_TODAY, '--format', 'markdown', '--output', 'calibration.md'],
      folder,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(folder, 'calibration.md'), 'utf8')).toMatch(
      /^# Calibration on published records\n\n1 record linted in \. /,
    );
  });

  it('says plainly what is wrong with its arguments', () => {
    const folder = folderWith({ 'published.trial.json': published });
    expect(runCli(['calibrate', '--format', 'sarif'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be one of text, json, markdown (got "sarif").'),
    });
    expect(runCli(['calibrate', '--today', '2026-02-30'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--today must be a real date'),
    });
    expect(runCli(['calibrate', 'missing'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No such file or folder: missing'),
    });
    const empty = temporaryFolder('calibrate-empty-');
    expect(runCli(['calibrate'], empty)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No records to calibrate on in .'),
    });
    expect(runCli(['calibrate', '--config', 'nowhere.json'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/config error/),
    });
  });

  it('has its own help', () => {
    const run = runCli(['calibrate', '--help'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: trial-records calibrate \[options\]\n\n {2}calibrate \[paths\|globs\.\.\.\]/);
    expect(runCli(['help'], ROOT).stdout).toContain('  calibrate [paths|globs...]');
  });
});
