// `trial-records init`: a starter config the linter and the editor accept, never over an existing one.
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'jsonc-parser';
import { CORPUS_DIR } from '../unit/rules/fixtures';
import { removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

afterAll(removeTemporaryFolders);

describe('trial-records init', () => {
  it('writes a config that extends the chosen preset, names the shipped schema, and is what the linter then uses', () => {
    const folder = temporaryFolder('trial-init-');
    const run = runCli(['init', '--preset', 'strict'], folder);
    expect(run).toMatchObject({ code: 0, stdout: 'Wrote .trialrc.json (extends trial-records:strict).\n' });
    const config = parse(readFileSync(join(folder, '.trialrc.json'), 'utf8'));
    expect(config.extends).toEqual(['trial-records:strict']);
    const schema = resolve(folder, config.$schema);
    expect(JSON.parse(readFileSync(schema, 'utf8')).properties.extends).toBeDefined();
    copyFileSync(join(CORPUS_DIR, 'ctgov-v2', 'NCT03418623.json'), join(folder, 'NCT03418623.trial.json'));
    const printed = JSON.parse(runCli(['lint', '--print-config', 'NCT03418623.trial.json'], folder).stdout);
    expect(printed.config).toBe(join(folder, '.trialrc.json'));
    expect(printed.rules['required-fields']).toEqual({ severity: 'error', options: { finalRule: 'always' } });
    expect(runCli(['lint', '.', '--today', TODAY], folder).code).not.toBe(2);
  });

  it('keeps an existing config unless --force, and says when a config above stops applying', () => {
    const folder = temporaryFolder('trial-init-');
    writeFileSync(join(folder, '.trialrc.json'), '{ "rules": { "date-order": "off" } }');
    const refused = runCli(['init'], folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /\.trialrc\.json already exists here; it is left as it is \(add --force to replace it\)/,
    );
    expect(readFileSync(join(folder, '.trialrc.json'), 'utf8')).toBe('{ "rules": { "date-order": "off" } }');
    mkdirSync(join(folder, 'team'));
    const nested = runCli(['init'], join(folder, 'team'));
    expect(nested.stdout).toContain(
      `Records under this folder now follow it instead of ${join(folder, '.trialrc.json')}`,
    );
    expect(runCli(['init', '--force', '--preset', 'all'], folder).code).toBe(0);
    expect(parse(readFileSync(join(folder, '.trialrc.json'), 'utf8')).extends).toEqual(['trial-records:all']);
  });

  it('refuses paths and unknown presets', () => {
    const folder = temporaryFolder('trial-init-');
    expect(runCli(['init', 'records'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/"init" takes no paths/),
    });
    expect(runCli(['init', '--preset', 'lenient'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--preset must be one of recommended, strict, all/),
    });
    expect(existsSync(join(folder, '.trialrc.json'))).toBe(false);
  });
});
