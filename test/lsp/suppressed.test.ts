// Findings the team's suppressions baseline accepts, in the editor: dimmed hints by default, or not
// shown at all with `trialRecords.suppressedFindings: "hidden"`; never as errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, TestClient } from './client';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { removeTemporaryFolders, runCli, temporaryFolder } from '../cli/helpers';

const BROKEN_LABEL = planted(corpusRecord('NCT03418623'), {
  '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/0': 'Placebo arm',
});
let folder: string;

beforeAll(() => {
  folder = temporaryFolder('trial-suppressed-');
  writeFileSync(join(folder, '.trialrc.json'), JSON.stringify({ today: '2026-11-24' }));
  writeFileSync(join(folder, 'legacy.trial.json'), JSON.stringify(BROKEN_LABEL, null, 2));
  // The team accepts today's findings, as it would on the command line.
  expect(runCli(['lint', '.', '--suppress-all', '--format', 'json'], folder).code).toBe(0);
});

afterAll(removeTemporaryFolders);

async function diagnosticsWith(configuration: unknown) {
  const client = await TestClient.start({ rootPath: folder, configuration });
  try {
    const uri = fileUri(join(folder, 'legacy.trial.json'));
    client.open(uri, JSON.stringify(BROKEN_LABEL, null, 2));
    return (await client.diagnostics(uri)).diagnostics;
  } finally {
    await client.stop();
  }
}

describe('suppressed findings in the editor', () => {
  it('are dimmed hints that say the baseline accepts them, not errors', async () => {
    const label = (await diagnosticsWith({})).find((diagnostic) => diagnostic.code === 'arm-label-reference')!;
    expect(label.severity).toBe(4);
    expect(label.tags).toEqual([1]);
    expect(label.message).toMatch(/^Suppressed by the team's baseline: No arm is labelled "Placebo arm"/);
  });

  it('are not shown at all when the setting says hidden, and a new finding still shows in full', async () => {
    const hidden = await diagnosticsWith({ suppressedFindings: 'hidden' });
    expect(hidden.some((diagnostic) => diagnostic.code === 'arm-label-reference')).toBe(false);
    const client = await TestClient.start({ rootPath: folder, configuration: { suppressedFindings: 'hidden' } });
    try {
      const uri = fileUri(join(folder, 'legacy.trial.json'));
      const worse = planted(BROKEN_LABEL, {
        '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0': 'Other arm',
      });
      client.open(uri, JSON.stringify(worse, null, 2));
      const labels = (await client.diagnostics(uri)).diagnostics.filter(
        (diagnostic) => diagnostic.code === 'arm-label-reference',
      );
      // More than the baseline counts: every one of them shows, as errors.
      expect(labels.map((diagnostic) => diagnostic.severity)).toEqual([1, 1]);
    } finally {
      await client.stop();
    }
  });
});
