// The ipd-results-hygiene rules on real records: the 17 the registry accepted, the partial
// projections, and the seeds. No errors anywhere; every other finding is listed with its reason.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CORPUS_DIR } from './fixtures';
import { groupFindings, recordNames, rulesWithIds, SEEDS_DIR } from './corpus-findings';

const rules = rulesWithIds([
  'ipd-sharing-fields',
  'reference-pmid',
  'results-group-reference',
  'adverse-event-counts',
  'outcome-unit-title',
  'analysis-fields',
  'flow-milestones',
  'duplicate-values',
  'text-characters',
]);

/**
 * Records downloaded from the registry carry the references it indexed itself (type DERIVED):
 * reference-pmid points them out once per record, as a hint, at the first one.
 */
const EXPECTED: Record<string, string[]> = {
  'NCT02299791.json': ['hint reference-pmid /protocolSection/referencesModule/references/1/type'],
  'NCT02513394.json': ['hint reference-pmid /protocolSection/referencesModule/references/0/type'],
  'NCT02552212.json': ['hint reference-pmid /protocolSection/referencesModule/references/2/type'],
  'NCT03630471.json': ['hint reference-pmid /protocolSection/referencesModule/references/9/type'],
  'NCT04267848.json': ['hint reference-pmid /protocolSection/referencesModule/references/0/type'],
};

function findings(path: string): string[] {
  return groupFindings(rules, path).map((finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`);
}

describe('ipd-results-hygiene on ctgov-v2 (accepted by the registry)', () => {
  const names = recordNames(join(CORPUS_DIR, 'ctgov-v2'));
  it('reads all 17 records', () => expect(names).toHaveLength(17));
  for (const name of names) {
    it(`${name}: no errors, and only the expected hints`, () => {
      expect(findings(join(CORPUS_DIR, 'ctgov-v2', name))).toEqual(EXPECTED[name] ?? []);
    });
  }
});

describe('ipd-results-hygiene on ctgov-v2-partial (projections)', () => {
  for (const name of recordNames(join(CORPUS_DIR, 'ctgov-v2-partial'))) {
    it(`${name}: no findings`, () => expect(findings(join(CORPUS_DIR, 'ctgov-v2-partial', name))).toEqual([]));
  }
});

describe('ipd-results-hygiene on the seeds', () => {
  // The seeds have no results, no IPD statement and no DERIVED references; their text is clean.
  for (const name of recordNames(SEEDS_DIR)) {
    it(`${name}: no findings`, () => expect(findings(join(SEEDS_DIR, name))).toEqual([]));
  }
});
