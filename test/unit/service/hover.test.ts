import { describe, expect, it } from 'vitest';
import { doHover } from '../../../server/src/service/hover';
import { recordWithCursor } from './cursor';
import { corpusRecord, planted } from '../rules/fixtures';

const TODAY = '2026-11-24';
const hoverText = (marked: ReturnType<typeof recordWithCursor>) => {
  const hover = doHover(marked.document, marked.position, { today: TODAY });
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
};

describe('hover on a key', () => {
  it('shows the title, our description, the type, the allowed values with labels and the official link', () => {
    const text = hoverText(recordWithCursor('"phases"', '"pha|ses"'));
    expect(text).toMatch(/^\*\*Study phase\*\* `phases`/);
    expect(text).toMatch(/drug or biologic/);
    expect(text).toMatch(/Type: list of codes/);
    expect(text).toMatch(/- `PHASE2` Phase 2/);
    expect(text).toMatch(/\[Official definition\]\(https:\/\/clinicaltrials\.gov\/policy\/protocol-definitions#StudyPhase\)/);
  });

  it('shows the character limit with the current length', () => {
    const record = corpusRecord('NCT03418623');
    const title: string = record.protocolSection.identificationModule.briefTitle;
    const text = hoverText(recordWithCursor('"briefTitle"', '"brief|Title"'));
    expect(text).toContain(`Limit: 300 characters — this one has ${[...title].length}`);
  });

  it('says whether the field is required for this study type', () => {
    const interventional = hoverText(recordWithCursor('"allocation"', '"alloc|ation"'));
    expect(interventional).toMatch(/[Rr]equired/);
  });
});

describe('hover on a value', () => {
  it('gives an enum code its label and meaning', () => {
    const text = hoverText(recordWithCursor('"QUADRUPLE"', '"QUAD|RUPLE"'));
    expect(text).toMatch(/^\*\*Quadruple\*\* `QUADRUPLE`/);
    expect(text).toMatch(/four|all/i);
  });

  it("shows an arm label reference's arm: type and description", () => {
    const text = hoverText(recordWithCursor('"armGroupLabels": [\n            "Placebo"', '"armGroupLabels": [\n            "Plac|ebo"'));
    expect(text).toMatch(/\*\*Arm: Placebo\*\* — Placebo Comparator/);
    expect(text).toContain('Placebo is administered...');
  });

  it('shows the intervention an arm refers to', () => {
    const text = hoverText(recordWithCursor('"Drug: GET73"', '"Drug: GE|T73"'));
    expect(text).toMatch(/\*\*Intervention: Drug: GET73\*\*/);
    expect(text).toContain('GET73 300 mg oral capsules...');
    expect(text).toMatch(/Arms: GET73/);
  });

  it('puts a date in words, with its distance from today and from the other key dates', () => {
    const text = hoverText(recordWithCursor('"date": "2020-03-13",\n        "type": "ACTUAL"\n      },\n      "completionDateStruct"', '"date": "2020-03-1|3",\n        "type": "ACTUAL"\n      },\n      "completionDateStruct"'));
    expect(text).toContain('**Friday, 13 March 2020**');
    expect(text).toContain('6 years 8 months before today (2026-11-24).');
    expect(text).toContain('2 years after the start date (2018-03-08).');
    expect(text).toContain('The same day as the completion date (2020-03-13).');
  });

  it('says when an arm label reference names no arm', () => {
    const record = planted(corpusRecord('NCT03418623'), { '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/0': 'Placebo arm' });
    expect(hoverText(recordWithCursor('"Placebo arm"', '"Placebo a|rm"', record))).toBe('No arm is labelled "Placebo arm".');
  });
});
