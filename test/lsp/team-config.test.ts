// Team configuration seen from the editor: the language server and the CLI give identical
// diagnostics for the same records and config, and editing the config re-validates open records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, TestClient } from './client';
import { corpusRecord, planted } from '../unit/rules/fixtures';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];
let project: string;
let client: TestClient;

const RECORDS: Record<string, unknown> = {
  'records/typo.trial.json': planted(corpusRecord('NCT03418623'), {
    '/protocolSection/designModule/phases': ['Phase 2'],
    '/protocolSection/identificationModule/acronym': undefined,
    '/protocolSection/contactsLocationsModule/centralContacts': [
      { name: 'Dr. Ada Lovelace', role: 'CONTACT', phone: '555-0100', email: 'ada@elsewhere.net' },
    ],
  }),
  'records/combination.trial.json': planted(corpusRecord('NCT04207047'), {
    '/protocolSection/designModule/phases': ['PHASE1', 'PHASE3'],
  }),
  'legacy/old.trial.json': planted(corpusRecord('NCT00763412'), {
    '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0': 'Nope',
  }),
};

function write(path: string, content: unknown): void {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n');
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'trial-team-'));
  write('.trialrc.json', {
    today: '2026-11-24',
    extends: ['trial-records:recommended'],
    rules: { 'phase-combination': 'warn', 'estimated-date-in-past': 'off' },
    overrides: [
      { files: ['legacy/**'], rules: { 'arm-label-reference': 'info' } },
      { files: ['**/*.trial.json#/protocolSection/statusModule'], rules: { 'status-verified-date': 'off' } },
    ],
    schemas: ['./team.schema.json'],
    customRules: ['./rules/*.mjs'],
    ignores: ['fixtures/'],
  });
  write(
    'fixtures/broken.trial.json',
    planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['Phase 2'] }),
  );
  write('team.schema.json', {
    'x-rule-id': 'acronym-required',
    type: 'object',
    properties: {
      protocolSection: {
        type: 'object',
        properties: { identificationModule: { type: 'object', required: ['acronym'] } },
      },
    },
  });
  write(
    'rules/central-contact-domain.mjs',
    `export default {
  meta: { id: 'central-contact-domain', severity: 'warn', description: 'Central contacts use the sponsor domain', docs: 'Participants write to the sponsor, so the address must be one the sponsor reads.' },
  check(context) {
    const contacts = context.record?.protocolSection?.contactsLocationsModule?.centralContacts ?? [];
    contacts.forEach((contact, index) => {
      if (typeof contact.email === 'string' && !contact.email.endsWith('@example.org')) {
        context.report({ pointer: '/protocolSection/contactsLocationsModule/centralContacts/' + index + '/email', message: 'Central contacts use an @example.org address.' });
      }
    });
  },
};
`,
  );
  for (const [path, record] of Object.entries(RECORDS)) write(path, record);
  client = await TestClient.start({ rootPath: project });
});

afterAll(async () => {
  await client?.stop();
});

interface Comparable {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}

function cliFindings(): Map<string, Comparable[]> {
  let output: string;
  try {
    output = execFileSync(process.execPath, [CLI, 'lint', '.', '--format', 'json'], { cwd: project, encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(output) as { files: Array<{ path: string; diagnostics: Comparable[] }> };
  return new Map(
    report.files.map((file) => [
      file.path,
      file.diagnostics
        .map(({ ruleId, severity, line, column, message }) => ({ ruleId, severity, line, column, message }))
        .sort(byPlace),
    ]),
  );
}

function byPlace(a: Comparable, b: Comparable): number {
  return (
    a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message)
  );
}

async function serverFindings(path: string): Promise<Comparable[]> {
  const uri = fileUri(join(project, path));
  client.open(uri, readFileSync(join(project, path), 'utf8'));
  const published = await client.diagnostics(uri);
  return published.diagnostics
    .map((diagnostic) => ({
      ruleId: String(diagnostic.code),
      severity: SEVERITY_NAMES[diagnostic.severity ?? 1],
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      message: diagnostic.message,
    }))
    .sort(byPlace);
}

describe('the editor and the CLI agree', () => {
  it('give identical diagnostics for the same records and config', async () => {
    const cli = cliFindings();
    expect([...cli.keys()].sort()).toEqual(Object.keys(RECORDS).sort());
    for (const path of Object.keys(RECORDS)) expect(await serverFindings(path), path).toEqual(cli.get(path));
  });

  it('apply the config: severities, overrides by glob and pointer, team schema, custom rule', () => {
    const cli = cliFindings();
    const typo = cli.get('records/typo.trial.json')!;
    expect(typo.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['schema', 'acronym-required', 'central-contact-domain']),
    );
    expect(
      cli.get('records/combination.trial.json')!.find((finding) => finding.ruleId === 'phase-combination')?.severity,
    ).toBe('warning');
    expect(
      cli.get('legacy/old.trial.json')!.find((finding) => finding.ruleId === 'arm-label-reference')?.severity,
    ).toBe('info');
    for (const findings of cli.values())
      expect(
        findings.some(
          (finding) => finding.ruleId === 'status-verified-date' || finding.ruleId === 'estimated-date-in-past',
        ),
      ).toBe(false);
  });
});

describe("a record the config's ignores match", () => {
  it('is left out by the CLI and not checked in the editor, which says why', async () => {
    expect(cliFindings().has('fixtures/broken.trial.json')).toBe(false);
    const uri = fileUri(join(project, 'fixtures/broken.trial.json'));
    client.open(uri, readFileSync(join(project, 'fixtures/broken.trial.json'), 'utf8'));
    expect((await client.diagnostics(uri)).diagnostics).toEqual([]);
    expect(await client.request('trialRecords/status', { uri })).toMatchObject({
      ignored: true,
      configPath: join(project, '.trialrc.json'),
    });
    const checked = await client.request<{ ignored?: boolean }>('trialRecords/status', {
      uri: fileUri(join(project, 'records/typo.trial.json')),
    });
    expect(checked.ignored).toBeUndefined();
  });
});

describe('rule documentation links', () => {
  it("link our rules to their documentation and leave the team's own rules and schemas without one", async () => {
    const published = await client.diagnostics(fileUri(join(project, 'records/typo.trial.json')));
    const byRule = new Map(
      published.diagnostics.map((diagnostic) => [String(diagnostic.code), diagnostic.codeDescription?.href]),
    );
    expect(byRule.get('schema')).toBe('https://trial-records.dev/rules/schema');
    expect(byRule.has('central-contact-domain') && byRule.get('central-contact-domain')).toBe(undefined);
    expect(byRule.has('acronym-required') && byRule.get('acronym-required')).toBe(undefined);
  });
});

describe('hovering a diagnostic', () => {
  it("shows what its rule checks and why, for built-in and the team's own rules", async () => {
    const uri = fileUri(join(project, 'records/typo.trial.json'));
    const published = await client.diagnostics(uri);
    const custom = published.diagnostics.find((diagnostic) => diagnostic.code === 'central-contact-domain')!;
    const customHover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: custom.range.start,
    });
    expect(customHover.contents.value).toMatch(
      /^\*\*Rule `central-contact-domain`\*\*: Central contacts use the sponsor domain\n\nParticipants write to the sponsor/,
    );
    expect(customHover.contents.value).toContain('\n\n---\n\n**Central contact email** `email`');
    const typo = published.diagnostics.find((diagnostic) => diagnostic.code === 'schema')!;
    const schemaHover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: typo.range.start,
    });
    expect(schemaHover.contents.value).not.toContain('**Rule');
  });
});

describe('editing the config', () => {
  it('re-validates the open records', async () => {
    const uri = fileUri(join(project, 'records/combination.trial.json'));
    const before = await client.diagnostics(uri);
    expect(before.diagnostics.find((diagnostic) => diagnostic.code === 'phase-combination')?.severity).toBe(2);
    const config = JSON.parse(readFileSync(join(project, '.trialrc.json'), 'utf8'));
    config.rules['phase-combination'] = 'error';
    write('.trialrc.json', config);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(join(project, '.trialrc.json')), type: 2 }],
    });
    const after = await client.diagnostics(
      uri,
      (published) =>
        published.diagnostics.find((diagnostic) => diagnostic.code === 'phase-combination')?.severity === 1,
    );
    expect(after.diagnostics.some((diagnostic) => diagnostic.code === 'phase-combination')).toBe(true);
  });
});
