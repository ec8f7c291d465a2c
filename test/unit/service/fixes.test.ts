// Fixes keep the file's layout: a value written on one line stays on one line, a file on one
// line stays on one line, and values laid out over lines keep the file's indentation.
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../server/src/service/fixes';
import { validateText } from '../../../server/src/service/validate';
import { corpusRecord } from '../rules/fixtures';

const PHASES = '/protocolSection/designModule/phases';
const set = (pointer: string, value: unknown) => ({ title: 'test', changes: [{ op: 'set' as const, pointer, value }] });
const record = corpusRecord('NCT03418623');
const pretty = JSON.stringify(record, null, 2);

describe('applyFix', () => {
  it('replaces an array written on one line in a pretty file on that line, spaced as it was', () => {
    const text = pretty.replace(/"phases": \[[^\]]*\]/, '"phases": ["PHASE1", "PHASE2", "PHASE2"]');
    const fixed = applyFix(text, set(PHASES, ['PHASE1', 'PHASE2']));
    expect(fixed).toBe(text.replace('"phases": ["PHASE1", "PHASE2", "PHASE2"]', '"phases": ["PHASE1", "PHASE2"]'));
    const unspaced = text.replace('["PHASE1", "PHASE2", "PHASE2"]', '["PHASE1","PHASE2","PHASE2"]');
    expect(applyFix(unspaced, set(PHASES, ['PHASE1', 'PHASE2']))).toBe(
      unspaced.replace('["PHASE1","PHASE2","PHASE2"]', '["PHASE1","PHASE2"]'),
    );
  });

  it('keeps a minified record on one line, for changed, added and removed values', () => {
    const minified = JSON.stringify(record);
    const changes = [
      set(PHASES, ['PHASE2', 'PHASE3']),
      set('/protocolSection/eligibilityModule/stdAges', ['ADULT', 'OLDER_ADULT']),
      set('/protocolSection/identificationModule/acronym', 'GET'),
      {
        title: 'test',
        changes: [{ op: 'remove' as const, pointer: '/protocolSection/identificationModule/briefTitle' }],
      },
    ];
    for (const fix of changes) {
      const fixed = applyFix(minified, fix);
      expect(fixed).not.toMatch(/\n/);
      expect(validateText(fixed, { rules: [] }).filter((finding) => finding.ruleId === 'syntax')).toEqual([]);
    }
    expect(JSON.parse(applyFix(minified, changes[0])).protocolSection.designModule.phases).toEqual([
      'PHASE2',
      'PHASE3',
    ]);
    expect(applyFix(minified, changes[0])).toContain('"phases":["PHASE2","PHASE3"]');
  });

  it("lays an array that was over several lines out again with the file's indentation", () => {
    const text = JSON.stringify(record, null, 4).replace(
      /"phases": \[[^\]]*\]/,
      '"phases": [\n                "PHASE2",\n                "PHASE2"\n            ]',
    );
    const fixed = applyFix(text, set(PHASES, ['PHASE2']));
    expect(fixed).toContain('"phases": [\n                "PHASE2"\n            ]');
  });
});
