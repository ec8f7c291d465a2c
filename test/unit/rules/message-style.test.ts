// Messages lead with what is wrong (see message-style.ts): on every seed and corpus record, on
// records with planted mistakes and changes, on broken texts (syntax, schema, duplicate keys), and
// in every rule's own tests, which RuleTester holds to the same check (test/setup-env.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateText } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { defineRule, type Finding } from '../../../server/src/service/types';
import { RuleTester } from '../../../server/src/testing';
import { CORPUS_DIR, corpusRecord, corpusTexts, planted } from './fixtures';
import { recordNames, SEEDS_DIR } from './corpus-findings';
import { firstClause, FIRST_CLAUSE_LIMIT, messageStyleProblem } from './message-style';

const TODAY = '2026-11-24';
const PS = '/protocolSection';
const record = corpusRecord('NCT03418623');

/** One real record with many mistakes planted, each for a different rule. */
const mistakes = planted(record, {
  [`${PS}/identificationModule/briefTitle`]: undefined,
  [`${PS}/identificationModule/officialTitle`]: undefined,
  [`${PS}/identificationModule/nctId`]: undefined,
  [`${PS}/identificationModule/briefTitel`]: 'A typo in a key',
  [`${PS}/identificationModule/orgStudyIdInfo/id`]: 'TBD',
  [`${PS}/designModule/phases`]: ['Phase 2'],
  [`${PS}/designModule/designInfo/interventionModel`]: 'SINGLE_GROUP',
  [`${PS}/eligibilityModule/minimumAge`]: '70 Years',
  [`${PS}/eligibilityModule/stdAges`]: ['CHILD'],
  [`${PS}/statusModule/overallStatus`]: 'COMPLETED',
  [`${PS}/statusModule/completionDateStruct`]: { date: '2018-01-01', type: 'ESTIMATED' },
  [`${PS}/contactsLocationsModule/locations/0/country`]: 'USA',
  [`${PS}/conditionsModule/conditions`]: ['Alcohol Use Disorder', 'Alcohol Use Disorder'],
  [`${PS}/armsInterventionsModule/armGroups/0/description`]: 'Takes a \u0007 bell character',
  [`${PS}/outcomesModule/primaryOutcomes/0/measure`]: 'Efficacy',
  [`${PS}/outcomesModule/primaryOutcomes/0/timeFrame`]: '12',
});

/** The same record changed after its start: the change rules speak too. */
const changed = planted(record, {
  [`${PS}/identificationModule/nctId`]: 'NCT03418624',
  [`${PS}/outcomesModule/primaryOutcomes/0/measure`]: 'Craving score',
  [`${PS}/statusModule/startDateStruct/date`]: '2018-05-01',
});

const BROKEN_TEXTS = [
  '',
  '\ufeff{}',
  '[]',
  '{"protocolSection": {"identificationModule": {"nctId": "NCT1"},}}',
  '{"protocolSection": {"identificationModule": {"briefTitle": "a", "briefTitle": "b"}}}',
  '{"protocolSection": {"descriptionModule": {"briefSummary": "not closed}}}',
  '{"protocolSection": 12 // a comment\n}',
];

function lint(text: string, previous?: unknown): Finding[] {
  return validateText(text, { today: TODAY, rules: builtinRules, previous });
}

function allFindings(): Finding[] {
  const texts = [
    ...recordNames(SEEDS_DIR, '.trial.json').map((name) => readFileSync(join(SEEDS_DIR, name), 'utf8')),
    ...corpusTexts().map(({ text }) => text),
    ...recordNames(join(CORPUS_DIR, 'registry-sample')).map((name) =>
      readFileSync(join(CORPUS_DIR, 'registry-sample', name), 'utf8'),
    ),
    JSON.stringify(mistakes, null, 2),
    ...BROKEN_TEXTS,
  ];
  return [...texts.flatMap((text) => lint(text)), ...lint(JSON.stringify(changed, null, 2), record)];
}

describe('messages lead with what matters', () => {
  it('the check refuses preamble and long first clauses, and lets plain messages through', () => {
    expect(messageStyleProblem('The field briefTitle of the record, which is shown first, must be set.')).toMatch(
      /opens with "The"/,
    );
    expect(messageStyleProblem("According to the registry's rules, the start date comes first.")).toMatch(
      /opens with "According"/,
    );
    expect(messageStyleProblem('This text contains a bell character.')).toMatch(/opens with "This"/);
    const rambling = `Start date ${'and some more words '.repeat(8)}is after the completion date; fix it.`;
    expect(messageStyleProblem(rambling)).toMatch(/first clause runs \d+ characters/);
    expect(messageStyleProblem('Start date is after the completion date (2021-03 > 2020-12).')).toBeUndefined();
    // Quoted values are the record's words: they do not count against the first clause.
    expect(firstClause(`Drug "${'x'.repeat(200)}" lists no other names; add them.`)).toBe(
      'Drug "…" lists no other names',
    );
    expect(firstClause('No phase given for a U.S. IND study. Give it.')).toBe('No phase given for a U.S. IND study');
  });

  it('every finding on the seeds, the corpus, planted mistakes, changes and broken texts passes the check', () => {
    const findings = allFindings();
    const rules = new Set(findings.map((finding) => finding.ruleId));
    // Enough rules speak for the check to mean something (syntax, schema and most record rules).
    expect(rules.size).toBeGreaterThanOrEqual(40);
    for (const id of ['syntax', 'schema', 'unknown-property', 'duplicate-key', 'required-fields', 'outcome-switched'])
      expect(rules).toContain(id);
    const offending = [
      ...new Set(
        findings.flatMap((finding) => {
          const problem = messageStyleProblem(finding.message);
          return problem ? [`${finding.ruleId}: ${problem}`] : [];
        }),
      ),
    ];
    expect(offending).toEqual([]);
    const longest = Math.max(...findings.map((finding) => firstClause(finding.message).length));
    expect(longest).toBeLessThanOrEqual(FIRST_CLAUSE_LIMIT);
  });

  it("holds every rule's own tests to it: RuleTester fails a case whose message opens with preamble", () => {
    expect(RuleTester.checkMessage).toBe(messageStyleProblem);
    const wordy = defineRule({
      meta: { id: 'wordy', severity: 'warning', category: 'test', description: 'wordy', source: 'test', docs: 'wordy' },
      check: (context) => context.report({ pointer: '', message: 'The record, which is a record, is wordy.' }),
    });
    const cases: Array<() => void> = [];
    RuleTester.describe = (_name, body) => body();
    RuleTester.it = (_name, body) => cases.push(body);
    try {
      new RuleTester().run(wordy, { valid: [], invalid: [{ record: {}, errors: [{ pointer: '' }] }] });
    } finally {
      RuleTester.describe = undefined;
      RuleTester.it = undefined;
    }
    expect(cases).toHaveLength(1);
    expect(cases[0]).toThrow(/opens with "The" instead of what is wrong/);
  });
});
