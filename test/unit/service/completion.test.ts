import { describe, expect, it } from 'vitest';
import { doComplete } from '../../../server/src/service/completion';
import { requirementFor } from '../../../server/src/rules/required-fields';
import { applyTextEdits, atCursor, recordWithCursor } from './cursor';
import { corpusRecord, planted } from '../rules/fixtures';

const TODAY = '2026-11-24';
const complete = ({ document, position }: ReturnType<typeof atCursor>) =>
  doComplete(document, position, { today: TODAY, requirementFor });
const labels = (list: ReturnType<typeof doComplete>) => list.items.map((item) => item.label);
const newText = (list: ReturnType<typeof doComplete>, label: string) => {
  const edit = list.items.find((item) => item.label === label)?.textEdit;
  return edit && 'newText' in edit ? edit.newText : undefined;
};

describe('property keys', () => {
  it('offers the keys of the module at the cursor, leaving out those already present', () => {
    const record = planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': undefined });
    const list = complete(
      recordWithCursor('"studyType": "INTERVENTIONAL",', '"studyType": "INTERVENTIONAL",\n      |', record),
    );
    expect(labels(list)).toContain('phases');
    expect(labels(list)).toContain('targetDuration');
    expect(labels(list)).not.toContain('studyType');
    expect(labels(list)).not.toContain('designInfo');
    expect(newText(list, 'phases')).toBe('"phases": [$1],');
  });

  it('inserts a value skeleton by type: an enum as a choice, a date as a {date, type} struct', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/statusModule/startDateStruct': undefined,
      '/protocolSection/statusModule/overallStatus': undefined,
    });
    const list = complete(
      recordWithCursor('"statusVerifiedDate": "2020-10",', '"statusVerifiedDate": "2020-10",\n      |', record),
    );
    expect(newText(list, 'overallStatus')).toMatch(
      /^"overallStatus": "\$\{1\|ACTIVE_NOT_RECRUITING,COMPLETED,.*\|\}",$/,
    );
    // No status yet: a date still to come is the likelier.
    expect(newText(list, 'startDateStruct')).toBe(
      '"startDateStruct": {"date": "${1:yyyy-MM}", "type": "${2|ESTIMATED,ACTUAL|}"},',
    );
  });

  it("offers a new date struct's type in the order the status makes likely", () => {
    const recruiting = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/statusModule/startDateStruct': undefined,
      '/protocolSection/statusModule/completionDateStruct': undefined,
      '/protocolSection/statusModule/overallStatus': 'RECRUITING',
    });
    const list = complete(
      recordWithCursor('"statusVerifiedDate": "2020-10",', '"statusVerifiedDate": "2020-10",\n      |', recruiting),
    );
    expect(newText(list, 'startDateStruct')).toContain('"type": "${2|ACTUAL,ESTIMATED|}"');
    expect(newText(list, 'completionDateStruct')).toContain('"type": "${2|ESTIMATED,ACTUAL|}"');
    const planned = planted(recruiting, { '/protocolSection/statusModule/overallStatus': 'NOT_YET_RECRUITING' });
    const later = complete(
      recordWithCursor('"statusVerifiedDate": "2020-10",', '"statusVerifiedDate": "2020-10",\n      |', planned),
    );
    expect(newText(later, 'startDateStruct')).toContain('"type": "${2|ESTIMATED,ACTUAL|}"');
  });

  it('lays a new object out over lines of its own, and keeps the placeholders of list entries valid JSON', () => {
    const record = planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/designInfo': undefined });
    const list = complete(
      recordWithCursor('"studyType": "INTERVENTIONAL",', '"studyType": "INTERVENTIONAL",\n      |', record),
    );
    expect(newText(list, 'designInfo')).toBe('"designInfo": {\n\t$1\n},');
    const arms = complete(recordWithCursor('"armGroups": [\n', '"armGroups": [\n|'));
    expect(newText(arms, 'New arm group')).toContain('"interventionNames": ["$4"]');
  });

  it('lists the fields required for this study type first', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/designModule/phases': undefined,
      '/protocolSection/designModule/enrollmentInfo': undefined,
    });
    const list = complete(
      recordWithCursor('"studyType": "INTERVENTIONAL",', '"studyType": "INTERVENTIONAL",\n      |', record),
    );
    const enrollment = list.items.find((item) => item.label === 'enrollmentInfo')!;
    const bioSpec = list.items.find((item) => item.label === 'bioSpec')!;
    expect(enrollment.sortText! < bioSpec.sortText!).toBe(true);
    expect(enrollment.detail).toMatch(/required/);
  });

  it('completes a key after a property that lacks its comma', () => {
    const list = complete(
      atCursor(
        '{\n  "protocolSection": {\n    "designModule": {\n      "studyType": "INTERVENTIONAL"\n      "|\n    }\n  }\n}',
      ),
    );
    expect(labels(list)).toContain('phases');
    expect(labels(list)).not.toContain('studyType');
  });

  it('puts a new property in front of the key whose opening quote the cursor is just before', () => {
    const cursor = atCursor(
      '{\n  "protocolSection": {\n    "statusModule": {\n      |"overallStatus": "RECRUITING"\n    }\n  }\n}',
    );
    const list = complete(cursor);
    expect(labels(list)).not.toContain('overallStatus');
    expect(newText(list, 'whyStopped')).toBe('"whyStopped": "$1",');
    const edit = list.items.find((item) => item.label === 'whyStopped')!.textEdit as { range: never; newText: string };
    const inserted = applyTextEdits(cursor.document, [{ range: edit.range, newText: edit.newText.replace('$1', 'x') }]);
    expect(JSON.parse(inserted).protocolSection.statusModule).toEqual({ whyStopped: 'x', overallStatus: 'RECRUITING' });
  });

  it('completes a half-typed key without its closing quote', () => {
    const list = complete(atCursor('{\n  "protocolSection": {\n    "designModule": {\n      "pha|\n    }\n  }\n}'));
    const phases = list.items.find((item) => item.label === 'phases')!;
    expect(phases.textEdit).toMatchObject({
      range: { start: { line: 3, character: 6 }, end: { line: 3, character: 10 } },
    });
    expect(newText(list, 'phases')).toBe('"phases": [$1]');
  });
});

describe('values', () => {
  it('offers enum codes with the registry label as detail and a meaning as documentation', () => {
    const list = complete(recordWithCursor('"PHASE2"', '"PHASE2", "|"'));
    expect(labels(list)).toEqual(['"NA"', '"EARLY_PHASE1"', '"PHASE1"', '"PHASE3"', '"PHASE4"']);
    const phase1 = list.items.find((item) => item.label === '"PHASE1"')!;
    expect(phase1.detail).toBe('Phase 1');
    expect(JSON.stringify(phase1.documentation)).toMatch(/safety/i);
  });

  it('works inside a half-typed value with a missing closing quote and bracket', () => {
    const list = complete(
      atCursor('{\n  "protocolSection": {\n    "designModule": {\n      "phases": ["Pha|\n    }\n  }\n}'),
    );
    expect(labels(list)).toContain('"PHASE2"');
  });

  it('offers the existing arm labels inside armGroupLabels', () => {
    const list = complete(
      recordWithCursor(
        '"armGroupLabels": [\n            "GET73"\n          ]',
        '"armGroupLabels": [\n            "GET73", |\n          ]',
      ),
    );
    expect(labels(list)).toEqual(['"GET73"', '"Placebo"']);
    expect(list.items[1].detail).toBe('PLACEBO_COMPARATOR');
  });

  it('offers "<type label>: <name>" of the interventions inside interventionNames', () => {
    const list = complete(
      recordWithCursor(
        '"interventionNames": [\n            "Drug: GET73"\n          ]',
        '"interventionNames": [\n            "Drug: GET73", |\n          ]',
      ),
    );
    expect(labels(list)).toEqual(['"Drug: GET73"', '"Other: Placebo"']);
  });

  it('offers the date type that agrees with the date first', () => {
    const future = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/statusModule/completionDateStruct': { date: '2029-03', type: 'ACTUAL' },
    });
    const list = complete(
      recordWithCursor('"date": "2029-03",\n        "type": "ACTUAL"', '"date": "2029-03",\n        "type": |', future),
    );
    expect(labels(list)).toEqual(['"ESTIMATED"', '"ACTUAL"']);
    const past = complete(
      recordWithCursor('"date": "2018-03-08",\n        "type": "ACTUAL"', '"date": "2018-03-08",\n        "type": |'),
    );
    expect(labels(past)[0]).toBe('"ACTUAL"');
  });

  it('offers today and a yyyy-MM snippet for a date', () => {
    const list = complete(recordWithCursor('"statusVerifiedDate": "2020-10"', '"statusVerifiedDate": |'));
    expect(labels(list)).toEqual([`"${TODAY}"`, '"2026-11"', '"yyyy-MM"']);
    expect(newText(list, `"${TODAY}"`)).toBe(`"${TODAY}"`);
  });
});

describe('array entries', () => {
  it('offers a new arm group snippet between arms', () => {
    const list = complete(recordWithCursor('"armGroups": [\n', '"armGroups": [\n|'));
    const arm = list.items.find((item) => item.label === 'New arm group')!;
    expect(arm.insertTextFormat).toBe(2);
    expect(newText(list, 'New arm group')).toMatch(
      /"label": "\$1"[\s\S]*"type": "\$\{2\|EXPERIMENTAL,ACTIVE_COMPARATOR,/,
    );
    expect(newText(list, 'New arm group')!.endsWith(',')).toBe(true);
  });

  it('offers outcome, location and secondary id snippets in their arrays', () => {
    const record = corpusRecord('NCT03418623');
    expect(labels(complete(recordWithCursor('"primaryOutcomes": [\n', '"primaryOutcomes": [\n|', record)))).toContain(
      'New primary outcome',
    );
    expect(
      labels(complete(atCursor('{"protocolSection": {"contactsLocationsModule": {"locations": [|]}}}'))),
    ).toContain('New location');
    expect(
      labels(complete(atCursor('{"protocolSection": {"identificationModule": {"secondaryIdInfos": [|]}}}'))),
    ).toContain('New secondary id');
  });
});

describe('clients that take no snippets', () => {
  const plain = (cursor: ReturnType<typeof atCursor>) =>
    doComplete(cursor.document, cursor.position, { today: TODAY, snippets: false });

  it('get plain text: placeholders keep their default, tab stops and choices leave nothing, escapes their character', () => {
    const record = planted(corpusRecord('NCT03418623'), {
      '/protocolSection/statusModule/startDateStruct': undefined,
      '/protocolSection/statusModule/overallStatus': undefined,
    });
    const list = plain(
      recordWithCursor('"statusVerifiedDate": "2020-10",', '"statusVerifiedDate": "2020-10",\n      |', record),
    );
    expect(list.items.every((item) => item.insertTextFormat !== 2)).toBe(true);
    expect(newText(list, 'overallStatus')).toBe('"overallStatus": "",');
    expect(newText(list, 'startDateStruct')).toBe('"startDateStruct": {"date": "yyyy-MM", "type": ""},');
    const arms = plain(recordWithCursor('"armGroups": [\n', '"armGroups": [\n|'));
    const arm = newText(arms, 'New arm group')!;
    expect(arm).not.toMatch(/\$\{?\d/);
    expect(JSON.parse(arm.replace(/,$/, ''))).toMatchObject({ label: '', type: '' });
  });

  it('get a date snippet as the date it suggests', () => {
    const record = corpusRecord('NCT03418623');
    const list = plain(recordWithCursor('"statusVerifiedDate": "', '"statusVerifiedDate": "|', record));
    expect(
      list.items
        .map((item) => (item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : ''))
        .filter((text) => text.includes('$')),
    ).toEqual([]);
  });
});

it('offers the top-level sections in an empty file', () => {
  expect(labels(complete(atCursor('|')))).toEqual(
    expect.arrayContaining(['protocolSection', 'resultsSection', 'derivedSection', 'hasResults']),
  );
  expect(labels(complete(atCursor('{|}')))).toContain('protocolSection');
});
