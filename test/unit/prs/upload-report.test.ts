// PRS upload report lines -> findings at the record's fields (trial-records import-report).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportReportCommand } from '../../../server/src/prs/report-command';
import { parseUploadReport, placeReportLine } from '../../../server/src/prs/upload-report';
import { sampleRecord } from '../rules/fixtures';

const REPORT = [
  'Batch Summary Report',
  'ERROR: primaryCompletionDate -- Anticipated Primary Completion Date cannot be in the past.',
  'WARNING: briefTitle -- Brief Title should not be all uppercase.',
  'NOTE: orgName -- Organization name taken from the account.',
  'NOTE: Record uploaded.',
].join('\n');

describe('parseUploadReport', () => {
  it('reads severity, field and message of each ERROR / WARNING / NOTE line, with its line number', () => {
    expect(parseUploadReport(REPORT)).toEqual([
      {
        line: 2,
        severity: 'error',
        field: 'primaryCompletionDate',
        message: 'Anticipated Primary Completion Date cannot be in the past.',
      },
      { line: 3, severity: 'warning', field: 'briefTitle', message: 'Brief Title should not be all uppercase.' },
      { line: 4, severity: 'info', field: 'orgName', message: 'Organization name taken from the account.' },
      { line: 5, severity: 'info', field: undefined, message: 'Record uploaded.' },
    ]);
  });
});

describe('placeReportLine', () => {
  const record = sampleRecord('NCT00084552');
  const cases: Array<[field: string, pointer: string]> = [
    ['primaryCompletionDate', '/protocolSection/statusModule/primaryCompletionDateStruct/date'],
    ['briefTitle', '/protocolSection/identificationModule/briefTitle'],
    ['start_date', '/protocolSection/statusModule/startDateStruct/date'],
    ['enrollment', '/protocolSection/designModule/enrollmentInfo/count'],
    ['minimumAge', '/protocolSection/eligibilityModule/minimumAge'],
    ['eligibility_criteria', '/protocolSection/eligibilityModule/eligibilityCriteria'],
    ['noSuchField', ''],
  ];
  it.each(cases)('%s -> %s', (field, pointer) => {
    expect(placeReportLine(record, { line: 1, severity: 'error', field, message: 'x' }).pointer).toBe(pointer);
  });

  it('sends PRS-only fields to the sidecar', () => {
    expect(
      placeReportLine(record, { line: 1, severity: 'error', field: 'approval_status', message: 'x' }),
    ).toMatchObject({ pointer: '', sidecarField: 'humanSubjectsReview.status' });
  });
});

describe('trial-records import-report', () => {
  let directory: string;
  let out: string[];
  let err: string[];
  const io = () => ({
    cwd: directory,
    stdout: (text: string) => out.push(text),
    stderr: (text: string) => err.push(text),
  });

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'trial-prs-report-'));
    out = [];
    err = [];
    writeFileSync(join(directory, 'imrt.trial.json'), JSON.stringify(sampleRecord('NCT00084552'), null, 2));
    writeFileSync(join(directory, 'report.txt'), REPORT);
  });

  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('prints the lines as findings at their fields (json format) and exits 1 for an ERROR', () => {
    expect(runImportReportCommand(['report.txt', '--record', 'imrt.trial.json', '--format', 'json'], io())).toBe(1);
    const { files } = JSON.parse(out.join(''));
    const found = files[0].diagnostics.map(
      (diagnostic: { severity: string; line: number; pointer: string; message: string }) => [
        diagnostic.line,
        diagnostic.severity,
        diagnostic.pointer,
        diagnostic.message,
      ],
    );
    expect(found).toEqual([
      [
        1,
        'info',
        '',
        'orgName: Organization name taken from the account. (a PRS-only field: orgName in imrt.prs.json)',
      ],
      [1, 'info', '', 'Record uploaded.'],
      [
        17,
        'warning',
        '/protocolSection/identificationModule/briefTitle',
        'briefTitle: Brief Title should not be all uppercase.',
      ],
      [
        31,
        'error',
        '/protocolSection/statusModule/primaryCompletionDateStruct/date',
        'primaryCompletionDate: Anticipated Primary Completion Date cannot be in the past.',
      ],
    ]);
  });

  it('refuses a file with no report lines, and asks for --record', () => {
    writeFileSync(join(directory, 'notes.txt'), 'nothing here\n');
    expect(runImportReportCommand(['notes.txt', '--record', 'imrt.trial.json'], io())).toBe(2);
    expect(err.join('')).toContain('notes.txt: no ERROR, WARNING or NOTE lines; is this a PRS upload report?');
    expect(runImportReportCommand(['report.txt'], io())).toBe(2);
    expect(err.join('')).toContain('say which record the report is about: --record FILE');
  });
});
