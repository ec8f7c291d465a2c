// `trial-records export --to prs` and the PRS side of `trial-records import`, end to end in a temporary folder.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../server/src/cli';
import { runImportCommand } from '../../../server/src/importers/command';
import { runExportCommand } from '../../../server/src/prs/command';
import { readXml } from '../../../server/src/prs/xml';
import { SAMPLE_DIR } from '../rules/fixtures';
import { FORMATS_DIR, textOf } from './helpers';

let directory: string;
let out: string[];
let err: string[];
const io = () => ({
  cwd: directory,
  stdout: (text: string) => out.push(text),
  stderr: (text: string) => err.push(text),
});
const FACTS = { orgName: 'FoxChase', humanSubjectsReview: { status: 'Approved' } };

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'trial-prs-'));
  out = [];
  err = [];
  copyFileSync(join(SAMPLE_DIR, 'NCT00084552.json'), join(directory, 'imrt.trial.json'));
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('trial-records export --to prs', () => {
  it('refuses a record whose PRS-required facts are missing: names each, writes nothing, exits 1', async () => {
    expect(await runExportCommand(['imrt.trial.json', '--to', 'prs', '-o', 'out'], io())).toBe(1);
    expect(existsSync(join(directory, 'out', 'imrt.prs.xml'))).toBe(false);
    const messages = err.join('');
    expect(messages).toContain('imrt.trial.json: sidecar:/orgName: The PRS organization name');
    expect(messages).toContain('imrt.trial.json: sidecar:/humanSubjectsReview/status: ');
    expect(messages).toContain(
      'imrt.trial.json: not exported (--allow-incomplete writes it with the missing values left empty).',
    );
  }, 30_000);

  it('writes <name>.prs.xml with the sidecar next to the record', async () => {
    writeFileSync(join(directory, 'imrt.prs.json'), JSON.stringify(FACTS));
    expect(await runExportCommand(['imrt.trial.json', '--to', 'prs', '-o', 'out'], io())).toBe(0);
    const target = join(directory, 'out', 'imrt.prs.xml');
    expect(out).toEqual([`imrt.trial.json -> ${target} (PRS upload)\n`]);
    const root = readXml(readFileSync(target, 'utf8'));
    expect(textOf(root, 'clinical_study/id_info/org_name')).toBe('FoxChase');
    expect(err).toEqual([]);
  }, 30_000);

  it('takes defaults from the "prs" object of .trialrc.json, which a sidecar overrides field by field', async () => {
    writeFileSync(
      join(directory, '.trialrc.json'),
      JSON.stringify({ prs: { orgName: 'FromConfig', humanSubjectsReview: { status: 'Pending' } } }),
    );
    writeFileSync(join(directory, 'imrt.prs.json'), JSON.stringify({ orgName: 'FromSidecar' }));
    expect(await runExportCommand(['imrt.trial.json', '--to', 'prs'], io())).toBe(0);
    const root = readXml(readFileSync(join(directory, 'imrt.prs.xml'), 'utf8'));
    expect(textOf(root, 'clinical_study/id_info/org_name')).toBe('FromSidecar');
    expect(textOf(root, 'clinical_study/oversight_info/irb_info/approval_status')).toBe('Pending');
  }, 30_000);

  it('writes an incomplete upload with --allow-incomplete and says what is missing', async () => {
    expect(await runExportCommand(['imrt.trial.json', '--to=prs', '--allow-incomplete'], io())).toBe(0);
    expect(out[0]).toContain('(PRS upload, incomplete: 2 required values missing)');
    expect(err.join('')).toContain('imrt.trial.json: missing: sidecar:/orgName: ');
    expect(existsSync(join(directory, 'imrt.prs.xml'))).toBe(true);
  }, 30_000);

  it('never writes a record with a value PRS cannot take, even with --allow-incomplete', async () => {
    const record = JSON.parse(readFileSync(join(directory, 'imrt.trial.json'), 'utf8'));
    record.protocolSection.designModule.studyType = 'PILOT';
    writeFileSync(join(directory, 'imrt.trial.json'), JSON.stringify(record));
    writeFileSync(join(directory, 'imrt.prs.json'), JSON.stringify(FACTS));
    expect(await runExportCommand(['imrt.trial.json', '--to', 'prs', '--allow-incomplete'], io())).toBe(1);
    expect(err.join('')).toContain('/protocolSection/designModule/studyType: "PILOT" has no PRS value');
    expect(existsSync(join(directory, 'imrt.prs.xml'))).toBe(false);
  }, 30_000);

  it('names a sidecar field it does not know and a board status PRS does not have', async () => {
    writeFileSync(join(directory, 'imrt.prs.json'), JSON.stringify({ orgNme: 'X' }));
    expect(await runExportCommand(['imrt.trial.json', '--to', 'prs'], io())).toBe(1);
    expect(err.join('')).toContain('imrt.prs.json: "orgNme" is not a PRS sidecar field; did you mean "orgName"?');
    err = [];
    writeFileSync(
      join(directory, 'imrt.prs.json'),
      JSON.stringify({ orgName: 'X', humanSubjectsReview: { status: 'OK' } }),
    );
    expect(await runExportCommand(['imrt.trial.json', '--to', 'prs'], io())).toBe(1);
    expect(err.join('')).toContain(
      'humanSubjectsReview.status "OK" is not a PRS board status; use one of Approved, Pending, Exempt, Denied, Not required, Not yet submitted.',
    );
  }, 30_000);

  it('explains a bad sidecar, a missing file and a missing --to', async () => {
    writeFileSync(join(directory, 'imrt.prs.json'), '{"orgName": 5}');
    expect(await runExportCommand(['imrt.trial.json', 'gone.trial.json', '--to', 'prs'], io())).toBe(1);
    expect(err.join('')).toContain('imrt.prs.json: orgName must be a string.');
    expect(err.join('')).toContain('gone.trial.json: no such file.');
    err = [];
    expect(await runExportCommand(['imrt.trial.json'], io())).toBe(2);
    expect(err.join('')).toContain('say which format to export to: --to prs');
  }, 30_000);

  it('is a command of the CLI with its own help', async () => {
    const lines: string[] = [];
    const cliIo = {
      ...io(),
      stdout: (text: string | Uint8Array) => void lines.push(String(text)),
      stderr: (text: string | Uint8Array) => void err.push(String(text)),
      isTty: false,
      stderrIsTty: false,
      readStdin: async () => Buffer.alloc(0),
      env: {},
    };
    expect(await main(['export', '--help'], cliIo)).toBe(0);
    expect(lines.join('')).toContain('export FILE... --to prs [-o DIR] [--allow-incomplete]');
  });
});

describe('trial-records import of PRS XML', () => {
  it('writes the record and its PRS-only fields as <name>.prs.json, which export then reads', async () => {
    copyFileSync(
      join(FORMATS_DIR, 'prs-xml', 'shug0131__eudract_pkg__inst_extdata_1234.xml'),
      join(directory, '1234.xml'),
    );
    expect(await runImportCommand(['1234.xml'], io())).toBe(0);
    const sidecar = JSON.parse(readFileSync(join(directory, 'test-study-for-my-tool.prs.json'), 'utf8'));
    expect(sidecar.orgName).toBe('AddenbrookesH');
    expect(out[1]).toBe(`  PRS-only fields -> ${join(directory, 'test-study-for-my-tool.prs.json')}\n`);
    out = [];
    expect(await runExportCommand(['test-study-for-my-tool.trial.json', '--to', 'prs', '-o', 'back'], io())).toBe(0);
    const root = readXml(readFileSync(join(directory, 'back', 'test-study-for-my-tool.prs.xml'), 'utf8'));
    expect(textOf(root, 'clinical_study/id_info/org_name')).toBe('AddenbrookesH');
    expect(textOf(root, 'clinical_study/sponsors/resp_party/investigator_username')).toBe('djayne');
  }, 30_000);
});
