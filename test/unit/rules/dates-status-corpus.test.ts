// The dates-status rules on every real record and seed: no errors, and exactly the warnings and hints listed here.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { validateText } from '../../../server/src/service/validate';
import { CORPUS_DIR } from './fixtures';
import { groupFindings, recordNames, rulesWithIds, SEEDS_DIR, TODAY } from './corpus-findings';

const rules = rulesWithIds([
  'system-date-order',
  'actual-date-in-future',
  'estimated-date-in-past',
  'status-date-type',
  'enrollment-type-status',
  'withdrawn-enrollment',
  'last-known-status',
  'why-stopped-required',
  'status-verified-date',
  'location-status',
  'expanded-access-status',
  'has-results-consistency',
]);
const status = '/protocolSection/statusModule';
const verified = `${status}/statusVerifiedDate`;
const startDate = `${status}/startDateStruct/date`;
const primaryDate = `${status}/primaryCompletionDateStruct/date`;
const completionDate = `${status}/completionDateStruct/date`;

/** Every finding expected as of 2026-11-24, as "rule severity pointer"; records not listed have none. */
const EXPECTED: Record<string, string[]> = {
  // ACTIVE_NOT_RECRUITING, verified 2023-04; completion 2025-09 still ESTIMATED.
  'ctgov-v2/NCT02513394': [
    `estimated-date-in-past warning ${completionDate}`,
    `status-verified-date warning ${verified}`,
  ],
  // UNKNOWN (last known RECRUITING): the registry set that status; its estimates (2019-12-30) were never updated.
  'ctgov-v2/NCT03475563': [
    `estimated-date-in-past warning ${primaryDate}`,
    `estimated-date-in-past warning ${completionDate}`,
    `expanded-access-status hint ${status}/overallStatus`,
  ],
  // ACTIVE_NOT_RECRUITING, verified 2025-04; completion 2025-10-30 still ESTIMATED.
  'ctgov-v2/NCT03934567': [`estimated-date-in-past warning ${completionDate}`],
  // UNKNOWN (last known ACTIVE_NOT_RECRUITING); completion 2020-03-31 still ESTIMATED.
  'ctgov-v2/NCT04207047': [
    `estimated-date-in-past warning ${completionDate}`,
    `expanded-access-status hint ${status}/overallStatus`,
  ],
  // RECRUITING, verified 2025-08; both completion dates 2025-12-15 still ESTIMATED.
  'ctgov-v2/NCT04267848': [
    `estimated-date-in-past warning ${primaryDate}`,
    `estimated-date-in-past warning ${completionDate}`,
  ],
  // RECRUITING, verified 2024-01 and not since: completion dates 2024-09 / 2024-12 ESTIMATED; shown as Unknown status by now.
  'ctgov-v2/NCT05147467': [
    `estimated-date-in-past warning ${primaryDate}`,
    `estimated-date-in-past warning ${completionDate}`,
    `status-verified-date warning ${verified}`,
  ],
  // NOT_YET_RECRUITING, verified 2023-12: every date (start 2024-02-01) ESTIMATED and past.
  'ctgov-v2/NCT06171568': [
    `estimated-date-in-past warning ${startDate}`,
    `estimated-date-in-past warning ${primaryDate}`,
    `estimated-date-in-past warning ${completionDate}`,
    `status-verified-date warning ${verified}`,
  ],
  // A projection without whyStopped; TERMINATED, started 2016-07 (before the Final Rule): a warning.
  'ctgov-v2-partial/NCT02576665': [`why-stopped-required warning ${status}/whyStopped`],
  // The page says RECRUITING, verified March 2023, estimated primary completion Dec 30 2024 and completion Dec 30 2025.
  'seeds/NCT05765006.trial.json': [
    `estimated-date-in-past warning ${primaryDate}`,
    `estimated-date-in-past warning ${completionDate}`,
    `status-verified-date warning ${verified}`,
  ],
  // NOT_YET_RECRUITING with an estimated start of 2026-02.
  'seeds/NCT07423533.trial.json': [`estimated-date-in-past warning ${startDate}`],
};

function recordFiles(folder: string, directory: string, suffix: string): Array<{ name: string; path: string }> {
  return recordNames(directory, suffix).map((file) => ({
    name: `${folder}/${suffix === '.json' ? file.slice(0, -suffix.length) : file}`,
    path: join(directory, file),
  }));
}

function findingsOf(path: string): string[] {
  return groupFindings(rules, path, ['rule-error'])
    .map((finding) => `${finding.ruleId} ${finding.severity} ${finding.pointer}`)
    .sort();
}

const groups = [
  recordFiles('ctgov-v2', join(CORPUS_DIR, 'ctgov-v2'), '.json'),
  recordFiles('ctgov-v2-partial', join(CORPUS_DIR, 'ctgov-v2-partial'), '.json'),
  recordFiles('seeds', SEEDS_DIR, '.trial.json'),
];

describe('dates-status rules on the corpus and seeds', () => {
  it('finds all the records', () => {
    expect(groups.map((group) => group.length)).toEqual([17, 22, 5]);
  });

  for (const group of groups) {
    for (const { name, path } of group) {
      it(name, () => {
        const findings = findingsOf(path);
        expect(findings.filter((finding) => / error /.test(finding) || finding.startsWith('rule-error'))).toEqual([]);
        expect(findings).toEqual([...(EXPECTED[name] ?? [])].sort());
      });
    }
  }

  it('lists no record that does not exist', () => {
    const names = new Set(groups.flat().map((file) => file.name));
    expect(Object.keys(EXPECTED).filter((name) => !names.has(name))).toEqual([]);
  });

  it('never fails on records of any shape', () => {
    const shapes: unknown[] = [
      null,
      [],
      'study',
      42,
      {},
      { protocolSection: null },
      { protocolSection: { statusModule: [], designModule: 'x' } },
      {
        hasResults: true,
        protocolSection: {
          statusModule: { overallStatus: 5, startDateStruct: null, lastKnownStatus: {}, resultsFirstSubmitDate: [] },
        },
      },
      {
        protocolSection: {
          statusModule: { overallStatus: 'WITHDRAWN', statusVerifiedDate: null, lastUpdatePostDateStruct: [] },
          designModule: { enrollmentInfo: [] },
          contactsLocationsModule: { locations: 'all' },
        },
      },
    ];
    for (const shape of shapes) {
      const findings = validateText(JSON.stringify(shape), { today: TODAY, rules }).filter(
        (finding) => finding.ruleId === 'rule-error',
      );
      expect(findings).toEqual([]);
    }
  });
});
