// Debian's Neovim 0.7, headless, as a real and independent LSP client (push diagnostics only):
// it starts `node dist/server.js --stdio`, attaches a defective record and a clean one, and dumps
// vim.diagnostic.get() as JSON. test/provision.mjs installs Neovim when it is missing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusRecord, planted } from '../unit/rules/fixtures';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const SCRIPT = join(__dirname, 'lsp-diagnostics.lua');

function neovimVersion(): string | undefined {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

describe('Neovim as the LSP client', () => {
  it('shows the rule ids and lines of a defective record, and nothing for a clean one', () => {
    const version = neovimVersion();
    if (!version)
      throw new Error(
        'nvim is not installed and test/provision.mjs could not install it (it needs root or sudo): run `apt-get install neovim`.',
      );
    const folder = mkdtempSync(join(tmpdir(), 'trial-nvim-'));
    const defective = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/designModule/phases': ['Phase 2'],
      '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/0': 'Placebo arm',
    });
    const defectiveText = JSON.stringify(defective, null, 2);
    writeFileSync(join(folder, 'defective.trial.json'), defectiveText);
    writeFileSync(join(folder, 'clean.trial.json'), JSON.stringify(corpusRecord('NCT03418623'), null, 2));
    // The two records are copies of one study: the checks across records are not what this test is about.
    const acrossRecords = {
      'duplicate-nct-id': 'off',
      'duplicate-org-study-id': 'off',
      'duplicate-brief-title': 'off',
    };
    writeFileSync(join(folder, '.trialrc.json'), JSON.stringify({ today: '2026-11-24', rules: acrossRecords }));
    const output = join(folder, 'diagnostics.json');
    const state = join(folder, '.nvim');
    const result = spawnSync(
      'nvim',
      ['--headless', '--noplugin', '-i', 'NONE', '-n', '-u', SCRIPT, 'defective.trial.json', 'clean.trial.json'],
      {
        cwd: folder,
        encoding: 'utf8',
        timeout: 60000,
        input: '',
        env: {
          ...process.env,
          LSP_CMD: JSON.stringify([process.execPath, SERVER, '--stdio']),
          DIAG_OUT: output,
          XDG_STATE_HOME: state,
          XDG_CACHE_HOME: state,
          XDG_DATA_HOME: state,
          XDG_CONFIG_HOME: state,
        },
      },
    );
    expect(result.status, `${version}: ${result.stderr}`).toBe(0);
    const diagnostics = JSON.parse(readFileSync(output, 'utf8')) as Record<
      string,
      Array<{ lnum: number; code: string; severity: number; source: string }>
    >;
    const lines = defectiveText.split('\n');
    const byCode = (name: string) => diagnostics[join(folder, name)];
    const phase = byCode('defective.trial.json').find((d) => d.code === 'schema')!;
    expect(lines[phase.lnum]).toContain('"Phase 2"');
    expect(phase.severity).toBe(1);
    const arm = byCode('defective.trial.json').find((d) => d.code === 'arm-label-reference')!;
    expect(lines[arm.lnum]).toContain('"Placebo arm"');
    expect(byCode('defective.trial.json').every((d) => d.source === 'trial-records')).toBe(true);
    expect(byCode('clean.trial.json').filter((d) => d.severity === 1)).toEqual([]);
  }, 90000);
});
