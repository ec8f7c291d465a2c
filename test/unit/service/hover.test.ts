import { describe, expect, it } from 'vitest';
import { doHover, type HoverOptions } from '../../../server/src/service/hover';
import { recordWithCursor } from './cursor';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrialDocument } from '../../../server/src/service/document';
import { validateDocument } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { ruleCatalog } from '../../../server/src/rules/catalog';
import { requirementFor } from '../../../server/src/rules/required-fields';
import type { Position } from '../../../server/src/service/types';
import { CORPUS_DIR, corpusRecord, planted } from '../rules/fixtures';

const TODAY = '2026-11-24';
const hoverText = (
  marked: ReturnType<typeof recordWithCursor>,
  options: Partial<HoverOptions> = { requirementFor },
) => {
  const hover = doHover(marked.document, marked.position, { today: TODAY, ...options });
  return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
};

describe('hover on a key', () => {
  it('shows the title, our description, the type, the allowed values with labels and the official link', () => {
    const text = hoverText(recordWithCursor('"phases"', '"pha|ses"'));
    expect(text).toMatch(/^\*\*Study phase\*\* `phases`/);
    expect(text).toMatch(/drug or biologic/);
    expect(text).toMatch(/Type: list of codes/);
    expect(text).toMatch(/- `PHASE2` Phase 2/);
    expect(text).toMatch(
      /\[Official definition\]\(https:\/\/clinicaltrials\.gov\/policy\/protocol-definitions#StudyPhase\)/,
    );
  });

  it('shows the character limit with the current length', () => {
    const record = corpusRecord('NCT03418623');
    const title: string = record.protocolSection.identificationModule.briefTitle;
    const text = hoverText(recordWithCursor('"briefTitle"', '"brief|Title"'));
    expect(text).toContain(`Limit: 300 characters — this one has ${[...title].length}`);
  });

  it('says whether the field is required for this study type, from the lookup its caller hands in', () => {
    const note = requirementFor('protocolSection.designModule.designInfo.allocation', corpusRecord('NCT03418623'));
    expect(note).toMatch(/^Required for interventional studies/);
    expect(hoverText(recordWithCursor('"allocation"', '"alloc|ation"'))).toContain(note);
    expect(hoverText(recordWithCursor('"allocation"', '"alloc|ation"'), {})).not.toContain(note);
  });
});

describe('hover on a value', () => {
  it('gives an enum code its label and meaning', () => {
    const text = hoverText(recordWithCursor('"QUADRUPLE"', '"QUAD|RUPLE"'));
    expect(text).toMatch(/^\*\*Quadruple\*\* `QUADRUPLE`/);
    expect(text).toMatch(/four|all/i);
  });

  it("shows an arm label reference's arm: type and description", () => {
    const text = hoverText(
      recordWithCursor('"armGroupLabels": [\n            "Placebo"', '"armGroupLabels": [\n            "Plac|ebo"'),
    );
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
    const text = hoverText(
      recordWithCursor(
        '"date": "2020-03-13",\n        "type": "ACTUAL"\n      },\n      "completionDateStruct"',
        '"date": "2020-03-1|3",\n        "type": "ACTUAL"\n      },\n      "completionDateStruct"',
      ),
    );
    expect(text).toContain('**Friday, 13 March 2020**');
    expect(text).toContain('6 years 8 months before today (2026-11-24).');
    expect(text).toContain('2 years after the start date (2018-03-08).');
    expect(text).toContain('The same day as the completion date (2020-03-13).');
  });

  it('says when an arm label reference names no arm', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/0': 'Placebo arm',
    });
    expect(hoverText(recordWithCursor('"Placebo arm"', '"Placebo a|rm"', record))).toBe(
      'No arm is labelled "Placebo arm".',
    );
  });
});

describe('hover over a finding', () => {
  const catalog = ruleCatalog();
  const describeRule = (id: string) => catalog.get(id);
  const docsOf = (id: string) => catalog.get(id)!.docs!;

  function hoverOver(document: TrialDocument, position: Position): string {
    const findings = validateDocument(document, { rules: builtinRules, today: TODAY });
    const hover = doHover(document, position, { today: TODAY, findings, describeRule, requirementFor });
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  }

  function partialRecord(nctId: string): TrialDocument {
    return new TrialDocument(readFileSync(join(CORPUS_DIR, 'ctgov-v2-partial', `${nctId}.json`), 'utf8'));
  }

  it('explains the rule of the finding under the cursor, then what the value is', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/designModule/phases': ['PHASE2', 'PHASE2'],
    });
    const document = new TrialDocument(JSON.stringify(record, null, 2));
    const duplicate = validateDocument(document, { rules: builtinRules, today: TODAY }).find(
      (finding) => finding.ruleId === 'duplicate-values',
    );
    expect(duplicate?.pointer).toBe('/protocolSection/designModule/phases/1');
    const parts = hoverOver(document, duplicate!.range.start).split('\n\n---\n\n');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toBe(
      `**Rule \`duplicate-values\`**: ${catalog.get('duplicate-values')!.description}\n\n${docsOf('duplicate-values')}`,
    );
    expect(parts[1]).toMatch(/^\*\*Phase 2\*\* `PHASE2`/);
  });

  it('lists every rule with a finding there once, the most severe first', () => {
    const document = partialRecord('NCT02576665');
    const findings = validateDocument(document, { rules: builtinRules, today: TODAY });
    const place = findings.find((finding) => finding.ruleId === 'why-stopped-required')!.range.start;
    const here = findings.filter(
      (finding) => finding.range.start.line === place.line && finding.range.start.character === place.character,
    );
    expect(new Set(here.map((finding) => `${finding.ruleId}/${finding.severity}`))).toEqual(
      new Set(['required-fields/error', 'required-fields/warning', 'why-stopped-required/warning']),
    );
    const text = hoverOver(document, place);
    expect(text.match(/\*\*Rule `[a-z-]+`\*\*/g)).toEqual([
      '**Rule `required-fields`**',
      '**Rule `why-stopped-required`**',
    ]);
    expect(text).toContain(docsOf('why-stopped-required'));
  });

  it('names each rule in one line with a link to its docs, for a client that shows them on a click', () => {
    const document = partialRecord('NCT02576665');
    const findings = validateDocument(document, { rules: builtinRules, today: TODAY });
    const place = findings.find((finding) => finding.ruleId === 'why-stopped-required')!.range.start;
    const link = (ruleId: string) => `command:show?${ruleId}`;
    const hover = doHover(document, place, {
      today: TODAY,
      findings,
      describeRule: (id) => catalog.get(id),
      ruleDocsLink: link,
    });
    const value = (hover?.contents as { value: string }).value;
    const rules = value.split('\n\n---\n\n').slice(0, 2);
    expect(rules).toEqual([
      `**Rule \`required-fields\`**: ${catalog.get('required-fields')!.description} ([why and how to fix](command:show?required-fields))`,
      `**Rule \`why-stopped-required\`**: ${catalog.get('why-stopped-required')!.description} ([why and how to fix](command:show?why-stopped-required))`,
    ]);
    expect(value).not.toContain(docsOf('why-stopped-required'));
  });

  it("adds nothing where no finding is, nor for schema findings, which the field's own hover explains", () => {
    const plain = recordWithCursor('"allocation"', '"alloc|ation"');
    expect(hoverOver(plain.document, plain.position)).toBe(hoverText(plain));
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/designModule/designInfo/allocation': 'RANDOM',
    });
    const wrongCode = recordWithCursor('"RANDOM"', '"RAN|DOM"', record);
    const findings = validateDocument(wrongCode.document, { rules: builtinRules, today: TODAY });
    expect(findings.some((finding) => finding.ruleId === 'schema' && finding.pointer.endsWith('/allocation'))).toBe(
      true,
    );
    expect(hoverOver(wrongCode.document, wrongCode.position)).not.toContain('**Rule');
  });

  it("explains the engine's own checks too: a repeated key", () => {
    const text = JSON.stringify(corpusRecord('NCT03418623'), null, 2).replace(
      '"briefTitle":',
      '"acronym": "X",\n      "acronym":',
    );
    const document = new TrialDocument(text);
    const repeated = validateDocument(document, { rules: builtinRules, today: TODAY }).find(
      (finding) => finding.ruleId === 'duplicate-key',
    )!;
    expect(hoverOver(document, repeated.range.start)).toContain(
      `**Rule \`duplicate-key\`**: ${catalog.get('duplicate-key')!.description}\n\n${docsOf('duplicate-key')}`,
    );
  });

  it("shows a custom rule's description once when it has no docs of its own", () => {
    const empty = new TrialDocument('{}');
    const findings = validateDocument(empty, { rules: builtinRules, today: TODAY });
    const custom = (id: string) =>
      id === 'required-fields' ? { id, description: 'Our own check', docs: 'Our own check' } : undefined;
    expect(
      doHover(empty, { line: 0, character: 0 }, { today: TODAY, findings, describeRule: custom })?.contents,
    ).toEqual({ kind: 'markdown', value: '**Rule `required-fields`**: Our own check' });
  });

  it('explains a finding on a container, where no field hover applies', () => {
    const empty = new TrialDocument('{}');
    const rootBrace = { line: 0, character: 0 };
    expect(doHover(empty, rootBrace, { today: TODAY })).toBeNull();
    expect(hoverOver(empty, rootBrace)).toBe(
      `**Rule \`required-fields\`**: ${catalog.get('required-fields')!.description}\n\n${docsOf('required-fields')}`,
    );
  });
});
