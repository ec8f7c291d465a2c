// "New Trial Record": the skeleton for each study type and status is valid JSON once inserted, and its
// only findings are the blanks to fill, one finding per place.
import { describe, expect, it } from 'vitest';
import { insertedText, newRecordSnippet, STARTING_STATUSES, type NewStudyType } from '../../../client/src/newRecord';
import { validateText } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';

const TODAY = '2026-12-07';
const MONTH = TODAY.slice(0, 7);

function findingsOf(type: NewStudyType, status: string) {
  return validateText(insertedText(newRecordSnippet(type, status, MONTH)), { today: TODAY, rules: builtinRules });
}

describe('newRecordSnippet', () => {
  for (const type of Object.keys(STARTING_STATUSES) as NewStudyType[]) {
    for (const status of STARTING_STATUSES[type]) {
      it(`${type}, ${status}: valid JSON whose errors are only missing fields, one finding per place`, () => {
        const findings = findingsOf(type, status);
        expect(findings.filter((finding) => finding.ruleId === 'syntax')).toEqual([]);
        const errors = findings.filter((finding) => finding.severity === 'error');
        expect(
          errors
            .map((finding) => `${finding.ruleId}: ${finding.message}`)
            .filter((line) => !line.startsWith('required-fields')),
        ).toEqual([]);
        const places = findings.map((finding) => `${finding.range.start.line}:${finding.range.start.character}`);
        expect(places.length).toBe(new Set(places).size);
      });
    }
  }

  it('gives tab stops to what the curator types, choices for codes, and mirrors the arm label and the intervention name', () => {
    const snippet = newRecordSnippet('INTERVENTIONAL', 'NOT_YET_RECRUITING', MONTH);
    expect(snippet).toContain('"briefTitle": "${2}"');
    expect(snippet).toMatch(/"phases": \[\n\s+"\$\{\d+\|NA,EARLY_PHASE1,PHASE1,PHASE2,PHASE3,PHASE4\|\}"\n\s+\]/);
    expect(snippet).toMatch(/"isFdaRegulatedDrug": \$\{\d+\|false,true\|\}/);
    const label = /"label": "\$\{(\d+):Arm A\}"/.exec(snippet)![1];
    expect(snippet).toContain(`"armGroupLabels": [\n            "\${${label}}"`);
    const name = /"name": "\$\{(\d+):Study drug\}"/.exec(snippet)![1];
    expect(snippet).toContain(`"Drug: \${${name}}"`);
    // Two spaces an indentation level, one property a line.
    expect(snippet.split('\n')[1]).toBe('  "protocolSection": {');
  });

  it('takes the date types from the status, and the design fields from the study type', () => {
    const planned = JSON.parse(
      insertedText(newRecordSnippet('INTERVENTIONAL', 'NOT_YET_RECRUITING', MONTH)),
    ).protocolSection;
    expect(planned.statusModule.startDateStruct.type).toBe('ESTIMATED');
    const recruiting = JSON.parse(
      insertedText(newRecordSnippet('INTERVENTIONAL', 'RECRUITING', MONTH)),
    ).protocolSection;
    expect(recruiting.statusModule.startDateStruct.type).toBe('ACTUAL');
    expect(recruiting.statusModule.completionDateStruct.type).toBe('ESTIMATED');
    const observational = JSON.parse(
      insertedText(newRecordSnippet('OBSERVATIONAL', 'RECRUITING', MONTH)),
    ).protocolSection;
    expect(observational.designModule.phases).toBeUndefined();
    expect(observational.designModule.designInfo.observationalModel).toBe('COHORT');
    expect(observational.armsInterventionsModule.armGroups[0].type).toBeUndefined();
    const expanded = JSON.parse(insertedText(newRecordSnippet('EXPANDED_ACCESS', 'AVAILABLE', MONTH))).protocolSection;
    expect(expanded.outcomesModule).toBeUndefined();
    expect(expanded.designModule.expandedAccessTypes).toEqual({ individual: true });
  });
});
