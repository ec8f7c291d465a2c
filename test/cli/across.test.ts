// Checks across the records one run lints: the same NCT number, organization study ID or brief title
// in two records (issue 23), each reported on both records, naming the other.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRecord, planted, sampleRecord } from '../unit/rules/fixtures';
import { removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

afterAll(removeTemporaryFolders);

const ID = '/protocolSection/identificationModule';
const first = corpusRecord('NCT03418623');
const organization = first.protocolSection.identificationModule.organization.fullName as string;
/** Another real record, moved to the first one's organization. */
const second = planted(sampleRecord('NCT00122499'), { [`${ID}/organization/fullName`]: organization });
let folder: string;

function write(path: string, record: unknown): void {
  mkdirSync(join(folder, path, '..'), { recursive: true });
  writeFileSync(join(folder, path), JSON.stringify(record, null, 2));
}

function lint(...args: string[]): Record<string, string[]> {
  const run = runCli(['lint', '.', '--format', 'json', '--today', TODAY, '--exit-zero', ...args], folder);
  const report = JSON.parse(run.stdout) as {
    files: Array<{ path: string; diagnostics: Array<{ ruleId: string; message: string }> }>;
  };
  const across = ['duplicate-nct-id', 'duplicate-org-study-id', 'duplicate-brief-title'];
  return Object.fromEntries(
    report.files.map((file) => [
      file.path,
      file.diagnostics.filter((d) => across.includes(d.ruleId)).map((d) => `${d.ruleId}: ${d.message}`),
    ]),
  );
}

beforeEach(() => {
  folder = temporaryFolder('trial-across-');
});

describe('checks across records', () => {
  it('finds a record copied under another name by its NCT number, on both, naming the other (and not its ID and title again)', () => {
    write('a/first.trial.json', first);
    write('b/copy.trial.json', first);
    const found = lint();
    expect(found['a/first.trial.json']).toEqual([
      'duplicate-nct-id: NCT03418623 is also the NCT number of b/copy.trial.json: the registry gives a study one number and one record; keep the study in one file.',
    ]);
    expect(found['b/copy.trial.json']).toEqual([
      expect.stringMatching(/^duplicate-nct-id: NCT03418623 is also the NCT number of a\/first\.trial\.json/),
    ]);
  });

  it("finds an organization's study ID used twice within the organization, and not across organizations", () => {
    const sameId = planted(second, {
      [`${ID}/orgStudyIdInfo/id`]: first.protocolSection.identificationModule.orgStudyIdInfo.id,
    });
    write('first.trial.json', first);
    write('second.trial.json', sameId);
    write(
      'elsewhere.trial.json',
      planted(sameId, { [`${ID}/nctId`]: 'NCT09999999', [`${ID}/organization/fullName`]: 'Another University' }),
    );
    const found = lint();
    expect(found['first.trial.json']).toEqual([
      `duplicate-org-study-id: Organization's study ID "GET73 ¹H-MRS" is also that of second.trial.json: PRS wants it unique within the organization.`,
    ]);
    expect(found['second.trial.json']).toEqual([
      expect.stringMatching(/^duplicate-org-study-id: .* is also that of first\.trial\.json/),
    ]);
    expect(found['elsewhere.trial.json']).toEqual([]);
  });

  it('compares brief titles without letter case and extra spaces', () => {
    const title = first.protocolSection.identificationModule.briefTitle as string;
    write('first.trial.json', first);
    write(
      'second.trial.json',
      planted(second, { [`${ID}/briefTitle`]: `  ${title.toUpperCase().replace(/ /g, '  ')} ` }),
    );
    expect(lint()['first.trial.json']).toEqual([
      'duplicate-brief-title: second.trial.json has the same brief title: PRS wants brief titles unique within the organization, so that people can tell the studies apart.',
    ]);
  });

  it('checks each folder apart with "uniqueWithin": "folder", and a config turns a check off like any rule', () => {
    write('org-a/first.trial.json', first);
    write('org-b/copy.trial.json', first);
    writeFileSync(join(folder, '.trialrc.json'), JSON.stringify({ uniqueWithin: 'folder' }));
    expect(Object.values(lint()).flat()).toEqual([]);
    write('org-a/copy.trial.json', first);
    expect(lint()['org-a/copy.trial.json']).toHaveLength(1);
    writeFileSync(
      join(folder, '.trialrc.json'),
      JSON.stringify({ uniqueWithin: 'folder', rules: { 'duplicate-nct-id': 'off' } }),
    );
    expect(Object.values(lint()).flat()).toEqual([]);
    writeFileSync(join(folder, '.trialrc.json'), JSON.stringify({ uniqueWithin: 'everywhere' }));
    const broken = runCli(['lint', '.'], folder);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('"uniqueWithin" must be "repository" or "folder".');
  });

  it('works the same with worker threads and from the cache', () => {
    write('a/first.trial.json', first);
    write('b/copy.trial.json', first);
    expect(lint('--concurrency', '2')['b/copy.trial.json']).toHaveLength(1);
    expect(lint('--cache')['b/copy.trial.json']).toHaveLength(1);
    // The second run reads both records' findings and identities from the cache.
    expect(lint('--cache')['b/copy.trial.json']).toHaveLength(1);
  });
});
