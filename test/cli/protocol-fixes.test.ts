// `lint --fix` end to end for the protocol checks of issue 18: display labels for codes, references
// that differ in case only, countries, U.S. states and a mailto: prefix, all planted in one sample record.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planted, sampleRecord } from '../unit/rules/fixtures';
import { removeTemporaryFolders, runCli as run, temporaryFolder, TODAY } from './helpers';

afterAll(removeTemporaryFolders);

const FIXED_RULES = [
  'schema',
  'arm-label-reference',
  'intervention-name-reference',
  'location-country',
  'location-state',
  'contact-format',
];

describe('trial-records lint --fix on the protocol checks', () => {
  it('restores a sample record from labels, case slips, a country in lower case, a postal code and a mailto: prefix', () => {
    const original = sampleRecord('NCT03671044');
    const arms = '/protocolSection/armsInterventionsModule';
    const contacts = '/protocolSection/contactsLocationsModule';
    const broken = planted(original, {
      '/protocolSection/designModule/phases/0': 'Phase 3',
      '/protocolSection/designModule/designInfo/maskingInfo/masking': 'None (Open Label)',
      [`${arms}/interventions/0/armGroupLabels/0`]: 'NANOSOMAL DOCETAXEL LIPID SUSPENSION - 75 MG/M2',
      // Within a typo of the 100 mg/m2 intervention too: only the case-insensitive match decides.
      [`${arms}/armGroups/0/interventionNames/0`]: 'drug: nanosomal docetaxel lipid suspension (75 mg/m2)',
      [`${contacts}/locations/3/country`]: 'india',
      [`${contacts}/locations/1/state`]: 'MO',
      [`${contacts}/centralContacts/0/email`]: 'mailto:prashantmodi@lambda-cro.com',
    });
    const folder = temporaryFolder('trial-protocol-fix-');
    const file = join(folder, 'NCT03671044.trial.json');
    writeFileSync(file, JSON.stringify(broken, null, 2));

    const findings = JSON.parse(run(['lint', file, '--format', 'json', '--today', TODAY], folder).stdout).files[0]
      .diagnostics;
    expect(
      findings
        .filter((d: { ruleId: string }) => FIXED_RULES.includes(d.ruleId))
        .map((d: { ruleId: string }) => d.ruleId)
        .sort(),
    ).toEqual([
      'arm-label-reference',
      'contact-format',
      'intervention-name-reference',
      'location-country',
      'location-state',
      'schema',
      'schema',
    ]);
    // The stylish summary counts what --fix would fix: the seven planted findings more than in the record as published.
    const fixableIn = (text: string) => Number(/(\d+) of them can be fixed/.exec(text)?.[1] ?? 0);
    writeFileSync(join(folder, 'published.json'), JSON.stringify(original, null, 2));
    const published = fixableIn(run(['lint', 'published.json', '--today', TODAY], folder).stdout);
    expect(fixableIn(run(['lint', file, '--today', TODAY], folder).stdout)).toBe(published + 7);

    run(['lint', file, '--fix', '--today', TODAY], folder);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(original);
    const after = JSON.parse(run(['lint', file, '--format', 'json', '--today', TODAY], folder).stdout);
    expect(after.files[0].diagnostics.filter((d: { ruleId: string }) => FIXED_RULES.includes(d.ruleId))).toEqual([]);
  });
});
