// The location and contact format rules on the 820 published records of the registry sample: every
// country and U.S. state passes; contact-format's findings are the ones its docs count, all warnings.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SAMPLE_DIR, sampleRecordNames } from './fixtures';
import { groupFindings, rulesWithIds } from './corpus-findings';
import { REGISTRY_COUNTRIES } from '../../../server/src/rules/support/places';
import { readFileSync } from 'node:fs';

const rules = rulesWithIds(['location-country', 'location-state', 'contact-format', 'link-format']);

/** What the registry accepted and published: odd but no error (see contact-format's docs). */
const EXPECTED_CONTACT_FINDINGS: Record<string, number> = {
  'NCT03606070.json': 1,
  'NCT04224974.json': 1,
  'NCT04411043.json': 1,
  'NCT04613596.json': 1,
  'NCT04707807.json': 2,
  'NCT05084469.json': 1,
  'NCT05366504.json': 1,
  'NCT05615597.json': 2,
  'NCT05857098.json': 2,
  'NCT06150508.json': 2,
  'NCT06349226.json': 4,
  'NCT06442020.json': 4,
  'NCT06532149.json': 1,
  'NCT06620835.json': 1,
};

describe('location and contact formats on the registry sample', () => {
  const names = sampleRecordNames();

  it('finds every country of the sample in the registry list', () => {
    const countries = new Set<string>();
    for (const name of names) {
      const record = JSON.parse(readFileSync(join(SAMPLE_DIR, name), 'utf8'));
      for (const location of record.protocolSection?.contactsLocationsModule?.locations ?? [])
        if (location.country) countries.add(location.country);
    }
    expect(countries.size).toBe(88);
    expect([...countries].filter((country) => !REGISTRY_COUNTRIES.includes(country))).toEqual([]);
  });

  it('reports no error, and only the counted contact warnings', () => {
    const found: Record<string, number> = {};
    for (const name of names) {
      const findings = groupFindings(rules, join(SAMPLE_DIR, name));
      expect(
        findings.filter((finding) => finding.severity === 'error' || finding.ruleId !== 'contact-format'),
        name,
      ).toEqual([]);
      if (findings.length > 0) found[name] = findings.length;
    }
    expect(found).toEqual(EXPECTED_CONTACT_FINDINGS);
  });
});
