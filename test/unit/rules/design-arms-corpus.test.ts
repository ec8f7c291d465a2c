// The design and arms rules on every real record and seed: no errors on records the registry accepted,
// and exactly the warnings and hints listed here, each with the reason it is right.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../../server/src/service/validate';
import type { Rule } from '../../../server/src/service/types';
import { CORPUS_DIR } from './fixtures';
import allocationArmCount from '../../../server/src/rules/allocation-arm-count';
import armInterventionCoverage from '../../../server/src/rules/arm-intervention-coverage';
import armInterventionSymmetry from '../../../server/src/rules/arm-intervention-symmetry';
import armTypeRequired from '../../../server/src/rules/arm-type-required';
import bioSpecDescription from '../../../server/src/rules/bio-spec-description';
import designFieldsByStudyType from '../../../server/src/rules/design-fields-by-study-type';
import deviceFeasibilityDevice from '../../../server/src/rules/device-feasibility-device';
import maskingRoles from '../../../server/src/rules/masking-roles';
import modelArmCount from '../../../server/src/rules/model-arm-count';
import phaseNaSuggested from '../../../server/src/rules/phase-na-suggested';
import phasesInterventionalOnly from '../../../server/src/rules/phases-interventional-only';
import uniqueArmLabels from '../../../server/src/rules/unique-arm-labels';
import uniqueInterventions from '../../../server/src/rules/unique-interventions';

const RULES: Rule[] = [
  phasesInterventionalOnly,
  phaseNaSuggested,
  designFieldsByStudyType,
  maskingRoles,
  allocationArmCount,
  modelArmCount,
  bioSpecDescription,
  deviceFeasibilityDevice,
  armInterventionSymmetry,
  armInterventionCoverage,
  uniqueArmLabels,
  uniqueInterventions,
  armTypeRequired,
];
const RULE_IDS = new Set(RULES.map((rule) => rule.meta.id));
const TODAY = '2026-11-24';
const SEEDS_DIR = join(__dirname, '..', '..', '..', 'seeds');

/** Findings expected on the accepted records, by file: "<severity> <rule> <pointer>". */
const EXPECTED_ON_ACCEPTED: Record<string, string[]> = {
  // Two OTHER interventions named "ALL", one per arm of a staggered roll-out: a real duplicate the registry took.
  'NCT02299791.json': ['warning unique-interventions /protocolSection/armsInterventionsModule/interventions/1/name'],
  // SINGLE_GROUP with four treatment groups of one device: the registry accepted it, so a hint.
  'NCT04207047.json': ['hint model-arm-count /protocolSection/designModule/designInfo/interventionModel'],
};

function findingsOf(path: string): string[] {
  return validateText(readFileSync(path, 'utf8'), { today: TODAY, rules: RULES })
    .filter((finding) => RULE_IDS.has(finding.ruleId))
    .map((finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`);
}

function jsonFiles(folder: string, suffix = '.json'): string[] {
  return readdirSync(folder).filter((name) => name.endsWith(suffix)).sort();
}

describe('design and arms rules on ctgov-v2 (accepted by the registry)', () => {
  for (const name of jsonFiles(join(CORPUS_DIR, 'ctgov-v2'))) {
    it(`${name}: no errors, only the expected warnings and hints`, () => {
      expect(findingsOf(join(CORPUS_DIR, 'ctgov-v2', name))).toEqual(EXPECTED_ON_ACCEPTED[name] ?? []);
    });
  }
});

describe('design and arms rules on ctgov-v2-partial (field projections)', () => {
  for (const name of jsonFiles(join(CORPUS_DIR, 'ctgov-v2-partial'))) {
    // Projections leave out intervention types and arms, which these rules then do not judge.
    it(`${name}: no findings`, () => {
      expect(findingsOf(join(CORPUS_DIR, 'ctgov-v2-partial', name))).toEqual([]);
    });
  }
});

describe('design and arms rules on the seeds', () => {
  for (const name of jsonFiles(SEEDS_DIR, '.trial.json')) {
    it(`${name}: no findings`, () => {
      expect(findingsOf(join(SEEDS_DIR, name))).toEqual([]);
    });
  }
});
