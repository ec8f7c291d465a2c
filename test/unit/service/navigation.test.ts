import { describe, expect, it } from 'vitest';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import {
  findDefinition,
  findHighlights,
  findReferences,
  prepareRename,
  rename,
} from '../../../server/src/service/navigation';
import { validateText } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import { applyTextEdits, recordWithCursor } from './cursor';
import { corpusRecord } from '../rules/fixtures';

const record = corpusRecord('NCT04207047');
const arms = record.protocolSection.armsInterventionsModule;
const firstArm: string = arms.armGroups[0].label;
const firstIntervention = arms.interventions[0];

function lineText(text: string, line: number): string {
  return text.split('\n')[line];
}

describe('definition and references', () => {
  it('goes from an arm label reference to the arm', () => {
    const marked = recordWithCursor(
      `"armGroupLabels": [\n            ${JSON.stringify(firstArm)}`,
      `"armGroupLabels": [\n            ${JSON.stringify(firstArm).replace('"', '"|')}`,
      record,
    );
    const [definition] = findDefinition(marked.document, marked.position);
    expect(lineText(marked.document.text, definition.range.start.line)).toContain(
      `"label": ${JSON.stringify(firstArm)}`,
    );
  });

  it('finds every intervention that lists an arm, with or without the declaration', () => {
    const marked = recordWithCursor(
      `"label": ${JSON.stringify(firstArm)}`,
      `"label": ${JSON.stringify(firstArm).replace('"', '"|')}`,
      record,
    );
    const uses = arms.interventions.filter((intervention: { armGroupLabels: string[] }) =>
      intervention.armGroupLabels.includes(firstArm),
    ).length;
    expect(findReferences(marked.document, marked.position, false)).toHaveLength(uses);
    expect(findReferences(marked.document, marked.position, true)).toHaveLength(uses + 1);
  });

  it("goes from an arm's intervention name to the intervention", () => {
    const reference = arms.armGroups[0].interventionNames[0] as string;
    const marked = recordWithCursor(JSON.stringify(reference), JSON.stringify(reference).replace('"', '"|'), record);
    const [definition] = findDefinition(marked.document, marked.position);
    const index = arms.interventions.findIndex((intervention: { name: string }) =>
      reference.endsWith(`: ${intervention.name}`),
    );
    expect(lineText(marked.document.text, definition.range.start.line)).toContain(
      `"name": ${JSON.stringify(arms.interventions[index].name)}`,
    );
  });
});

describe('highlights', () => {
  it('marks an intervention where it is declared and where arms list it, from any of them', () => {
    const reference = arms.armGroups[0].interventionNames[0] as string;
    const index = arms.interventions.findIndex((intervention: { name: string }) =>
      reference.endsWith(`: ${intervention.name}`),
    );
    const listing = arms.armGroups.filter((arm: { interventionNames?: string[] }) =>
      arm.interventionNames?.includes(reference),
    ).length;
    const fromReference = recordWithCursor(
      JSON.stringify(reference),
      JSON.stringify(reference).replace('"', '"|'),
      record,
    );
    const highlights = findHighlights(fromReference.document, fromReference.position);
    expect(highlights.map((highlight) => highlight.kind)).toEqual([
      DocumentHighlightKind.Write,
      ...Array(listing).fill(DocumentHighlightKind.Read),
    ]);
    const text = fromReference.document.text;
    expect(lineText(text, highlights[0].range.start.line)).toContain(
      `"name": ${JSON.stringify(arms.interventions[index].name)}`,
    );
    for (const highlight of highlights.slice(1))
      expect(lineText(text, highlight.range.start.line)).toContain(JSON.stringify(reference));
    const name = JSON.stringify(arms.interventions[index].name);
    const fromName = recordWithCursor(`"name": ${name}`, `"name": ${name.replace('"', '"|')}`, record);
    expect(findHighlights(fromName.document, fromName.position)).toEqual(highlights);
  });

  it('marks nothing elsewhere', () => {
    const marked = recordWithCursor('"studyType"', '"study|Type"', record);
    expect(findHighlights(marked.document, marked.position)).toEqual([]);
  });
});

describe('rename', () => {
  it('renames an arm label and every reference to it in one edit', () => {
    const marked = recordWithCursor(
      `"label": ${JSON.stringify(firstArm)}`,
      `"label": ${JSON.stringify(firstArm).replace('"', '"|')}`,
      record,
    );
    expect(prepareRename(marked.document, marked.position)).toMatchObject({ placeholder: firstArm });
    const edit = rename(marked.document, marked.position, 'Renamed arm');
    if ('error' in edit) throw new Error(edit.error);
    const renamed = JSON.parse(applyTextEdits(marked.document, edit.changes![marked.document.uri]));
    expect(renamed.protocolSection.armsInterventionsModule.armGroups[0].label).toBe('Renamed arm');
    expect(JSON.stringify(renamed)).not.toContain(JSON.stringify(firstArm));
    const after = validateText(JSON.stringify(renamed, null, 2), { rules: builtinRules, today: '2026-11-24' });
    expect(after.filter((finding) => finding.ruleId === 'arm-label-reference')).toEqual([]);
  });

  it('renames an intervention from a reference: its name and every "<type>: <name>" reference', () => {
    const reference = `Device: ${firstIntervention.name}`;
    expect(firstIntervention.type).toBe('DEVICE');
    const marked = recordWithCursor(JSON.stringify(reference), JSON.stringify(reference).replace('"', '"|'), record);
    expect(prepareRename(marked.document, marked.position)).toMatchObject({ placeholder: firstIntervention.name });
    const edit = rename(marked.document, marked.position, 'New "name"');
    if ('error' in edit) throw new Error(edit.error);
    const renamed = JSON.parse(applyTextEdits(marked.document, edit.changes![marked.document.uri]));
    expect(renamed.protocolSection.armsInterventionsModule.interventions[0].name).toBe('New "name"');
    expect(JSON.stringify(renamed)).toContain(JSON.stringify('Device: New "name"'));
    expect(
      validateText(JSON.stringify(renamed), { rules: builtinRules, today: '2026-11-24' }).filter(
        (finding) => finding.ruleId === 'intervention-name-reference',
      ),
    ).toEqual([]);
  });

  it('refuses elsewhere, and a name another arm already has', () => {
    const elsewhere = recordWithCursor('"studyType"', '"study|Type"', record);
    expect(prepareRename(elsewhere.document, elsewhere.position)).toMatchObject({
      error: expect.stringMatching(/Only arm labels and intervention names/),
    });
    const marked = recordWithCursor(
      `"label": ${JSON.stringify(firstArm)}`,
      `"label": ${JSON.stringify(firstArm).replace('"', '"|')}`,
      record,
    );
    expect(rename(marked.document, marked.position, arms.armGroups[1].label)).toMatchObject({
      error: expect.stringMatching(/already labelled/),
    });
  });
});
