// The design and arms rules on every real record and seed: no errors on records the registry accepted,
// and exactly the warnings and hints listed here, each with the reason it is right.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CORPUS_DIR } from './fixtures';
import { groupFindings, recordNames, rulesWithIds, SEEDS_DIR } from './corpus-findings';

const RULES = rulesWithIds([
  'phases-interventional-only',
  'phase-na-suggested',
  'design-fields-by-study-type',
  'masking-roles',
  'allocation-arm-count',
  'model-arm-count',
  'bio-spec-description',
  'device-feasibility-device',
  'arm-intervention-symmetry',
  'arm-intervention-coverage',
  'unique-arm-labels',
  'unique-interventions',
  'arm-type-required',
]);

/** Findings expected on the accepted records, by file: "<severity> <rule> <pointer>". */
const EXPECTED_ON_ACCEPTED: Record<string, string[]> = {
  // Two OTHER interventions named "ALL", one per arm of a staggered roll-out: a real duplicate the registry took.
  'NCT02299791.json': ['warning unique-interventions /protocolSection/armsInterventionsModule/interventions/1/name'],
  // SINGLE_GROUP with four treatment groups of one device: the registry accepted it, so a hint.
  'NCT04207047.json': ['hint model-arm-count /protocolSection/designModule/designInfo/interventionModel'],
};

function findingsOf(path: string): string[] {
  return groupFindings(RULES, path).map((finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`);
}

describe('design and arms rules on ctgov-v2 (accepted by the registry)', () => {
  for (const name of recordNames(join(CORPUS_DIR, 'ctgov-v2'))) {
    it(`${name}: no errors, only the expected warnings and hints`, () => {
      expect(findingsOf(join(CORPUS_DIR, 'ctgov-v2', name))).toEqual(EXPECTED_ON_ACCEPTED[name] ?? []);
    });
  }
});

describe('design and arms rules on ctgov-v2-partial (field projections)', () => {
  for (const name of recordNames(join(CORPUS_DIR, 'ctgov-v2-partial'))) {
    // Projections leave out intervention types and arms, which these rules then do not judge.
    it(`${name}: no findings`, () => {
      expect(findingsOf(join(CORPUS_DIR, 'ctgov-v2-partial', name))).toEqual([]);
    });
  }
});

describe('design and arms rules on the seeds', () => {
  for (const name of recordNames(SEEDS_DIR, '.trial.json')) {
    it(`${name}: no findings`, () => {
      expect(findingsOf(join(SEEDS_DIR, name))).toEqual([]);
    });
  }
});
