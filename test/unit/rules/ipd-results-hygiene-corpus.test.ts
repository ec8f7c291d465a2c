// The ipd-results-hygiene rules on real records: the 17 the registry accepted, the partial
// projections, and the seeds. No errors anywhere; every other finding is listed with its reason.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../../server/src/service/validate';
import { CORPUS_DIR } from './fixtures';
import adverseEventCounts from '../../../server/src/rules/adverse-event-counts';
import analysisFields from '../../../server/src/rules/analysis-fields';
import duplicateValues from '../../../server/src/rules/duplicate-values';
import flowMilestones from '../../../server/src/rules/flow-milestones';
import ipdSharingFields from '../../../server/src/rules/ipd-sharing-fields';
import outcomeUnitTitle from '../../../server/src/rules/outcome-unit-title';
import referencePmid from '../../../server/src/rules/reference-pmid';
import resultsGroupReference from '../../../server/src/rules/results-group-reference';
import textCharacters from '../../../server/src/rules/text-characters';

const TODAY = '2026-11-24';
const rules = [ipdSharingFields, referencePmid, resultsGroupReference, adverseEventCounts, outcomeUnitTitle, analysisFields, flowMilestones, duplicateValues, textCharacters];
const ruleIds = new Set(rules.map((rule) => rule.meta.id));
const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');

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
  return validateText(readFileSync(path, 'utf8'), { today: TODAY, rules })
    .filter((finding) => ruleIds.has(finding.ruleId))
    .map((finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`);
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
}

describe('ipd-results-hygiene on ctgov-v2 (accepted by the registry)', () => {
  const names = jsonFiles(join(CORPUS_DIR, 'ctgov-v2'));
  it('reads all 17 records', () => expect(names).toHaveLength(17));
  for (const name of names) {
    it(`${name}: no errors, and only the expected hints`, () => {
      expect(findings(join(CORPUS_DIR, 'ctgov-v2', name))).toEqual(EXPECTED[name] ?? []);
    });
  }
});

describe('ipd-results-hygiene on ctgov-v2-partial (projections)', () => {
  for (const name of jsonFiles(join(CORPUS_DIR, 'ctgov-v2-partial'))) {
    it(`${name}: no findings`, () => expect(findings(join(CORPUS_DIR, 'ctgov-v2-partial', name))).toEqual([]));
  }
});

describe('ipd-results-hygiene on the seeds', () => {
  // The seeds have no results, no IPD statement and no DERIVED references; their text is clean.
  for (const name of jsonFiles(SEEDS_DIR)) {
    it(`${name}: no findings`, () => expect(findings(join(SEEDS_DIR, name))).toEqual([]));
  }
});
