// The results checks of issue 20 on every real record with results: the 64 of the registry sample and
// the 6 of ctgov-v2. No errors; the few warnings and hints are listed with their reason (the rules' docs give the numbers).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from './fixtures';
import { groupFindings, recordNames, rulesWithIds } from './corpus-findings';

const rules = rulesWithIds([
  'flow-counts',
  'flow-enrollment',
  'analysis-values',
  'outcome-results-coverage',
  'outcome-measure-values',
  'baseline-measures',
  'adverse-event-reporting',
  'results-contact',
  'results-documents',
]);

/** Records last updated in 2010–2013 spell the registry's "Age, Continuous" as "Age Continuous": a hint. */
const AGE_SPELLING: Record<string, number> = {
  NCT00106392: 0,
  NCT00203242: 1,
  NCT00734604: 0,
  NCT00836693: 0,
  NCT00855582: 0,
  NCT00895011: 1,
  NCT01063855: 1,
  NCT01352507: 0,
};

const EXPECTED: Record<string, string[]> = {
  ...Object.fromEntries(
    Object.entries(AGE_SPELLING).map(([nct, m]) => [
      `registry-sample/${nct}.json`,
      [`hint baseline-measures /resultsSection/baselineCharacteristicsModule/measures/${m}/title`],
    ]),
  ),
  // Enrollment 31, STARTED 8 + 8, no pre-assignment or recruitment details.
  'ctgov-v2/NCT00763412.json': ['warning flow-enrollment /resultsSection/participantFlowModule/periods/0/milestones/0'],
  // 350 completed "Treatment Period 2", 337 started "Extension Phase", with no comment; and "Age Continuous".
  'registry-sample/NCT01352507.json': [
    'warning flow-enrollment /resultsSection/participantFlowModule/periods/3/milestones/0',
    'hint baseline-measures /resultsSection/baselineCharacteristicsModule/measures/0/title',
  ],
  // A restriction on publishing without its type, posted in 2024.
  'registry-sample/NCT04770285.json': [
    'warning results-contact /resultsSection/moreInfoModule/certainAgreement/restrictionType',
  ],
};

function recordsWithResults(folder: string): string[] {
  return recordNames(join(CORPUS_DIR, folder)).filter(
    (name) =>
      (JSON.parse(readFileSync(join(CORPUS_DIR, folder, name), 'utf8')) as { hasResults?: boolean }).hasResults ===
      true,
  );
}

describe('the results checks on the records with results', () => {
  const sample = recordsWithResults('registry-sample');
  const accepted = recordsWithResults('ctgov-v2');
  it('reads 64 sample records and 6 ctgov-v2 records with results', () => {
    expect(sample).toHaveLength(64);
    expect(accepted).toHaveLength(6);
  });
  for (const [folder, names] of [
    ['registry-sample', sample],
    ['ctgov-v2', accepted],
  ] as const) {
    for (const name of names) {
      it(`${folder}/${name}: no errors, only the expected findings`, () => {
        const findings = groupFindings(rules, join(CORPUS_DIR, folder, name)).map(
          (finding) => `${finding.severity} ${finding.ruleId} ${finding.pointer}`,
        );
        expect(findings).toEqual(EXPECTED[`${folder}/${name}`] ?? []);
      });
    }
  }
});
