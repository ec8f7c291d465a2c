// Inlay hints and notes on real records: the registry's labels after codes, characters against limits,
// derived age groups and masking level; what each arm gets and whether results report each primary outcome.
import { describe, expect, it } from 'vitest';
import { lineNotes, valueHints } from '../../../client/src/recordHints';
import { corpusRecord, planted } from '../rules/fixtures';
import studySchema from '../../../schemas/study.schema.json';

const schema = studySchema as never;

function hintsAfter(text: string, needle: string): string[] {
  const at = text.indexOf(needle) + needle.length;
  return valueHints(text, schema)
    .filter((hint) => hint.offset === at)
    .map((hint) => hint.label);
}

describe('valueHints', () => {
  const record = corpusRecord('NCT03418623');
  const text = JSON.stringify(record, null, 2);

  it("puts the registry's label after a code, and nothing after a code that says it already", () => {
    expect(hintsAfter(text, '"PHASE2"')).toEqual(['Phase 2']);
    expect(hintsAfter(text, '"overallStatus": "COMPLETED"')).toEqual([]);
    const masked = JSON.stringify(
      planted(record, { '/protocolSection/designModule/designInfo/maskingInfo/masking': 'NONE' }),
      null,
      2,
    );
    expect(hintsAfter(masked, '"masking": "NONE"')).toEqual(['None (Open Label)']);
  });

  it('counts the characters of a limited text field against its limit', () => {
    const title = record.protocolSection.identificationModule.briefTitle as string;
    expect(hintsAfter(text, JSON.stringify(title))).toEqual([`${[...title].length}/300`]);
  });

  it('gives the age groups the registry derives from the ages, and the masking level from the masked roles', () => {
    const adults = JSON.stringify(
      planted(record, {
        '/protocolSection/eligibilityModule/minimumAge': '18 Years',
        '/protocolSection/eligibilityModule/maximumAge': '70 Years',
      }),
      null,
      2,
    );
    expect(hintsAfter(adults, '"maximumAge": "70 Years"')).toEqual(['age groups: Adult, Older adult']);
    const roles = ['PARTICIPANT', 'INVESTIGATOR'];
    const masked = JSON.stringify(
      planted(record, { '/protocolSection/designModule/designInfo/maskingInfo/whoMasked': roles }),
      null,
      2,
    );
    expect(hintsAfter(masked, JSON.stringify(roles, null, 2).replace(/\n/g, '\n          '))).toEqual([
      'masking DOUBLE (2 roles)',
    ]);
  });
});

describe('lineNotes', () => {
  it('says what each arm gets, from its intervention names', () => {
    const record = corpusRecord('NCT03418623');
    const text = JSON.stringify(record, null, 2);
    const notes = lineNotes(text, record);
    const arms = record.protocolSection.armsInterventionsModule.armGroups;
    expect(notes.map((note) => note.title)).toEqual(
      arms.map((arm: { interventionNames: string[] }) => `Gets: ${arm.interventionNames.join('; ')}`),
    );
    expect(text.slice(notes[0].offset, notes[0].offset + 1)).toBe('{');
  });

  it('says whether the results report each primary outcome, in a record with results', () => {
    const record = corpusRecord('NCT02210780');
    const text = JSON.stringify(record, null, 2);
    expect(
      lineNotes(text, record)
        .filter((note) => note.title.startsWith('Reported'))
        .map((note) => note.title),
    ).toEqual(['Reported in results: yes']);
    const renamed = planted(record, {
      '/protocolSection/outcomesModule/primaryOutcomes/0/measure': 'Something the results do not report',
    });
    expect(
      lineNotes(JSON.stringify(renamed, null, 2), renamed)
        .filter((note) => note.title.startsWith('Reported'))
        .map((note) => note.title),
    ).toEqual(['Reported in results: no']);
  });
});
