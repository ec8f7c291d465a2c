// Text values as text: the pure part of Enter, paste and "Edit text" (client/src/textBlocks.ts).
import { describe, expect, it } from 'vitest';
import {
  characterCount,
  countLabel,
  escapeForString,
  isValueString,
  longTexts,
  pathOf,
  stringAround,
  stringAtPath,
  textField,
  valuePathAt,
} from '../../../client/src/textBlocks';
import { toPointer as pointerOf } from '../../../server/src/service/pointer';
import { corpusRecord } from '../rules/fixtures';
import studySchema from '../../../schemas/study.schema.json';

const record = corpusRecord('NCT03418623');
const text = JSON.stringify(record, null, 2);
const criteria = record.protocolSection.eligibilityModule.eligibilityCriteria as string;
const criteriaJson = JSON.stringify(criteria);

describe('stringAround', () => {
  const line = '    "eligibilityCriteria": "Inclusion Criteria:\\n* Adults",';

  it('finds the value string around a cursor, and tells a key from a value', () => {
    const cursor = line.indexOf('Adults');
    const token = stringAround(line, cursor)!;
    expect(line.slice(token.start, token.end)).toBe('"Inclusion Criteria:\\n* Adults"');
    expect(token.value).toBe('Inclusion Criteria:\n* Adults');
    expect(isValueString(line, token)).toBe(true);
    const key = stringAround(line, line.indexOf('eligibility') + 2)!;
    expect(isValueString(line, key)).toBe(false);
  });

  it('is undefined on the quotes themselves, outside strings and in a string left open', () => {
    expect(stringAround(line, line.indexOf(': "') + 2)).toBeUndefined(); // just before the opening quote
    expect(stringAround(line, line.length)).toBeUndefined();
    expect(stringAround('    "briefTitle": "A study of', 25)).toBeUndefined();
  });

  it('counts the position just before the closing quote as inside', () => {
    const end = line.lastIndexOf('"');
    expect(stringAround(line, end)?.value).toBe('Inclusion Criteria:\n* Adults');
    expect(stringAround(line, end + 1)).toBeUndefined();
  });
});

describe('escaping and paths', () => {
  it('escapes line breaks, tabs, quotes and backslashes as JSON needs them', () => {
    expect(escapeForString('Line one\r\nLine "two"\tC:\\x')).toBe('Line one\\r\\nLine \\"two\\"\\tC:\\\\x');
  });

  it('turns pointers into paths and back, with ~ and / escaped', () => {
    expect(pathOf('/protocolSection/armsInterventionsModule/armGroups/1/description')).toEqual([
      'protocolSection',
      'armsInterventionsModule',
      'armGroups',
      1,
      'description',
    ]);
    expect(pointerOf(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(pathOf(pointerOf(['a/b', 'c~d', 0]))).toEqual(['a/b', 'c~d', 0]);
  });
});

describe('text values of a real record', () => {
  it('finds the value under the cursor and its place in the text', () => {
    const offset = text.indexOf(criteriaJson) + 5;
    const path = valuePathAt(text, offset)!;
    expect(pointerOf(path)).toBe('/protocolSection/eligibilityModule/eligibilityCriteria');
    const token = stringAtPath(text, path)!;
    expect(text.slice(token.start, token.end)).toBe(criteriaJson);
    expect(token.value).toBe(criteria);
    expect(valuePathAt(text, text.indexOf('"eligibilityCriteria"') + 3)).toBeUndefined();
  });

  it('lists the long text values (with line breaks or long), not codes and short names', () => {
    const pointers = longTexts(text).map((value) => pointerOf(value.path));
    expect(pointers).toContain('/protocolSection/eligibilityModule/eligibilityCriteria');
    // This copy's summary is cut to a few words: too short for a tab of its own.
    expect(pointers).not.toContain('/protocolSection/descriptionModule/briefSummary');
    expect(pointers).not.toContain('/protocolSection/identificationModule/nctId');
    const other = longTexts(JSON.stringify(corpusRecord('NCT05147467'), null, 2)).map((value) => pointerOf(value.path));
    expect(other).toContain('/protocolSection/descriptionModule/briefSummary');
    const entry = longTexts(text).find(
      (value) => pointerOf(value.path) === '/protocolSection/eligibilityModule/eligibilityCriteria',
    )!;
    expect(text.slice(entry.offset, entry.offset + entry.length)).toBe(criteriaJson);
    expect(entry.characters).toBe(characterCount(criteria));
  });

  it('finds every long value of real records, read from the parsed value, including one with a raw line break', () => {
    const expected = (value: unknown, path: Array<string | number> = []): string[] => {
      if (typeof value === 'string') return value.includes('\n') || value.length > 120 ? [pointerOf(path)] : [];
      if (value === null || typeof value !== 'object') return [];
      return Object.entries(value).flatMap(([key, child]) =>
        expected(child, [...path, Array.isArray(value) ? Number(key) : key]),
      );
    };
    for (const id of ['NCT02513394', 'NCT05147467', 'NCT02210780']) {
      const record = corpusRecord(id);
      const pretty = JSON.stringify(record, null, 2);
      const found = longTexts(pretty).map((value) => pointerOf(value.path));
      expect(found.length).toBeGreaterThan(3);
      expect(found).toEqual(expected(record));
      expect(longTexts(JSON.stringify(record)).map((value) => pointerOf(value.path))).toEqual(found);
    }
    // Broken text (a raw line break in the criteria): the other long values are still listed.
    const pretty = JSON.stringify(corpusRecord('NCT05147467'), null, 2);
    const lineBreak = pretty.indexOf('\\n', pretty.indexOf('"eligibilityCriteria"'));
    const broken = pretty.slice(0, lineBreak) + '\n' + pretty.slice(lineBreak + 2);
    const inBroken = longTexts(broken).map((value) => pointerOf(value.path));
    expect(inBroken).toContain('/protocolSection/descriptionModule/detailedDescription');
    expect(inBroken).toContain('/protocolSection/outcomesModule/otherOutcomes/1/description');
  });

  it("gives a field's limit and title from the study schema", () => {
    const field = textField(studySchema as never, ['protocolSection', 'eligibilityModule', 'eligibilityCriteria']);
    expect(field.limit).toBe(20000);
    expect(field.title).toMatch(/eligibility/i);
    expect(
      textField(studySchema as never, ['protocolSection', 'armsInterventionsModule', 'armGroups', 3, 'description'])
        .limit,
    ).toBe(999);
    expect(textField(studySchema as never, ['protocolSection', 'nowhere']).limit).toBeUndefined();
  });

  it('counts characters as code points and says when a value is over its limit', () => {
    expect(characterCount('a😀\r\nb')).toBe(4);
    expect(countLabel(1234, 5000)).toBe('1,234 / 5,000 characters');
    expect(countLabel(5010, 5000)).toBe('5,010 / 5,000 characters (10 over the limit)');
    expect(countLabel(12, undefined)).toBe('12 characters');
  });
});
