// v2 JSON and Python-dict input, and the readers of dates, phases and titles shared by all importers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, formatRecord, ImportError, importText, slugOf } from '../../../server/src/importers/index';
import { parseAge, parseDate, parsePhases } from '../../../server/src/importers/labels';
import { parsePythonLiteral } from '../../../server/src/importers/python-literal';
import { at, readSeed, SEED } from './seed-files';
import { CORPUS_DIR, corpusRecord } from '../rules/fixtures';

const CORPUS = join(CORPUS_DIR, 'ctgov-v2');
const corpusText = (name: string) => readFileSync(join(CORPUS, name), 'utf8');
const FIXTURES = join(__dirname, '../../fixtures/import');

describe('v2 JSON', () => {
  it('imports a bare corpus study as one record named after its NCT number, content unchanged', () => {
    const text = corpusText('NCT05147467.json');
    expect(detectFormat(text)).toBe('v2-json');
    const result = importText(text, 'NCT05147467.json');
    expect(result.records.map((record) => record.fileName)).toEqual(['NCT05147467.trial.json']);
    expect(result.records[0].record).toEqual(JSON.parse(text));
    expect(result.warnings).toEqual([]);
  });

  it('imports {"studies": [a, b]} as one record per study', () => {
    const first = JSON.parse(corpusText('NCT00184067.json'));
    const second = JSON.parse(corpusText('NCT06171568.json'));
    const result = importText(JSON.stringify({ studies: [first, second], nextPageToken: 'x' }), 'page.json');
    expect(result.format).toBe('v2-json');
    expect(result.records.map((record) => record.fileName)).toEqual([
      'NCT00184067.trial.json',
      'NCT06171568.trial.json',
    ]);
    expect(result.records[1].record).toEqual(second);
  });

  it('puts keys in v2 order and keeps a $schema key first', () => {
    const study = JSON.parse(corpusText('NCT05147467.json'));
    const scrambled = {
      hasResults: study.hasResults,
      derivedSection: study.derivedSection,
      $schema: 'x.json',
      protocolSection: study.protocolSection,
    };
    const record = importText(JSON.stringify(scrambled), 's.json').records[0].record;
    expect(Object.keys(record)).toEqual(['$schema', 'protocolSection', 'derivedSection', 'hasResults']);
  });

  it('numbers records that share a name', () => {
    const study = { protocolSection: { identificationModule: { briefTitle: 'Same Title' } } };
    const names = importText(JSON.stringify({ studies: [study, study] }), 'x.json').records.map(
      (record) => record.fileName,
    );
    expect(names).toEqual(['same-title.trial.json', 'same-title-2.trial.json']);
  });
});

describe('Python dict', () => {
  const edgeCases = readFileSync(join(FIXTURES, 'python-dict-edge-cases.txt'), 'utf8');

  it('reads escapes, both quote kinds, None/True/False, numbers, tuples, trailing commas and joined strings', () => {
    expect(detectFormat(edgeCases)).toBe('python-dict');
    const record = importText(edgeCases, 'edge.txt').records[0].record;
    const protocol = record.protocolSection;
    expect(at(protocol, 'identificationModule', 'briefTitle')).toBe('Children\'s "Quoted" Study');
    expect(at(protocol, 'identificationModule', 'acronym')).toBe('A\\B\tC');
    expect(at(protocol, 'identificationModule', 'officialTitle')).toBe("Line one\nLine two Aé😀 A it's");
    expect(at(protocol, 'statusModule')).toEqual({
      overallStatus: 'COMPLETED',
      delayedPosting: true,
      whyStopped: null,
    });
    expect(at(protocol, 'designModule')).toEqual({
      phases: ['PHASE1', 'PHASE2'],
      enrollmentInfo: { count: 1200, type: 'ACTUAL' },
    });
    expect(at(protocol, 'contactsLocationsModule', 'locations', 0, 'geoPoint')).toEqual({ lat: -33.86785, lon: 150 });
    expect(at(protocol, 'conditionsModule')).toEqual({ conditions: ['ab'], keywords: ['tuple', 'kept'] });
    expect(record.hasResults).toBe(false);
  });

  it('gives the same record as the v2 JSON of the same study', () => {
    const study = JSON.parse(corpusText('NCT05147467.json'));
    const python = toPythonLiteral(study);
    expect(detectFormat(python)).toBe('python-dict');
    expect(formatRecord(importText(python, 'p.txt').records[0].record)).toBe(
      formatRecord(importText(JSON.stringify(study), 'j.json').records[0].record),
    );
  });

  it('keeps an unknown escape as written, like Python', () => {
    expect(parsePythonLiteral("{'a': 'x\\qy'}").value).toEqual({ a: 'x\\qy' });
  });

  it('reports an unclosed string with its line, as an ImportError', () => {
    const broken = "header\n{'protocolSection': {'identificationModule':\n  {'nctId': 'NCT00000001}}}\n";
    expect(() => importText(broken, 'broken.txt')).toThrow(ImportError);
    expect(() => importText(broken, 'broken.txt')).toThrow(/line 3: a string is not closed/);
  });

  it('refuses names that are not literals instead of evaluating them', () => {
    expect(() => parsePythonLiteral("{'a': datetime.date(2020, 1, 1)}")).toThrow(/unexpected name "datetime"/);
    expect(() => parsePythonLiteral("{'a': __import__('os')}")).toThrow(/unexpected name/);
  });

  it('warns when the header names another study than the dict', () => {
    const text = readSeed(SEED.pythonDict).replace('Study NCT ID: NCT07423533', 'Study NCT ID: NCT99999999');
    const result = importText(text, 'x.txt');
    expect(result.warnings).toEqual([{ line: 6, message: expect.stringContaining('NCT99999999') }]);
  });
});

describe('unrecognised input', () => {
  it('throws an ImportError that lists every supported format', () => {
    let error: unknown;
    try {
      importText('Just some notes about a trial.\nNothing else.\n', 'notes.txt');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as Error).message;
    expect(message).toMatch(/^notes\.txt: /);
    for (const format of [
      'v2-json',
      'python-dict',
      'clinconnect-page',
      'basic-information-page',
      'trial-details-page',
    ]) {
      expect(message).toContain(format);
    }
  });

  it('JSON that is not a study is not v2 JSON', () => {
    expect(detectFormat('{"name": "x"}')).toBeUndefined();
    expect(detectFormat('[1, {"name": "x"}]')).toBeUndefined();
  });

  it('says what is wrong with a page of studies: empty, or with entries that are not studies (imported around them)', () => {
    expect(() => importText('{"studies": []}', 'page.json')).toThrow(
      /^page\.json: could not read it as v2-json: it holds no studies/,
    );
    expect(() => importText('{"studies": [1, "x"]}', 'page.json')).toThrow(/none of its entries is a study/);
    const study = JSON.stringify(corpusRecord('NCT03418623'));
    const result = importText(`{"studies": [\n  null,\n  ${study},\n  [1]\n]}\n`, 'page.json');
    expect(result.records.map((record) => record.fileName)).toEqual(['NCT03418623.trial.json']);
    expect(result.warnings).toEqual([
      { line: 2, message: 'entry 1 of the list is not a study (null, without "protocolSection"); it was skipped.' },
      { line: 4, message: 'entry 3 of the list is not a study (a list, without "protocolSection"); it was skipped.' },
    ]);
  });

  it('says a study nested too deeply to read is, instead of overflowing', () => {
    expect(() => importText(`{"protocolSection": ${'['.repeat(100000)}${']'.repeat(100000)}}`, 'deep.json')).toThrow(
      /^deep\.json: could not read it as v2-json: it is nested too deeply to read$/,
    );
  });

  it('quotes only the start of a very long source line in a warning', () => {
    const long = `Mystery field: ${'x'.repeat(10000)}`;
    const result = importText(`Clinical Trial Details\nAdministrative data\n${long}\n`, 'page.txt');
    const warning = result.warnings.find((candidate) => candidate.line === 3)!;
    expect(warning.message).toContain(`"${long.slice(0, 80)}…" (${long.length} characters)`);
    expect(warning.message.length).toBeLessThan(300);
  });

  it('says an empty file is empty rather than of no known format', () => {
    expect(() => importText(' \n\t\n', 'blank.txt')).toThrow(
      /^blank\.txt: the file is empty; there is nothing to import\.$/,
    );
  });
});

describe('readers', () => {
  it.each([
    ['February 24, 2023', '2023-02-24'],
    ['Dec 19, 2023', '2023-12-19'],
    ['July 04, 2025', '2025-07-04'],
    ['March 2023', '2023-03'],
    ['Sept. 3, 2021', '2021-09-03'],
    ['3 March 2021', '2021-03-03'],
    ['2025-06-10', '2025-06-10'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', undefined],
    ['February 30, 2023', undefined],
    ['Ma 2023', undefined],
    ['soon', undefined],
  ])('parseDate(%j) is %j', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each([
    ['Phase 1', ['PHASE1']],
    ['Phase 1/Phase 2', ['PHASE1', 'PHASE2']],
    ['PHASE2, PHASE3', ['PHASE2', 'PHASE3']],
    ['N/A', ['NA']],
    ['Early Phase 1', ['EARLY_PHASE1']],
    ['Phase 5', undefined],
  ])('parsePhases(%j) is %j', (text, expected) => {
    expect(parsePhases(text)).toEqual(expected);
  });

  it('reads ages only with a unit', () => {
    expect(parseAge('18 Years')).toBe('18 Years');
    expect(parseAge('1 month')).toBe('1 Month');
    expect(parseAge('18')).toBeUndefined();
  });

  it('makes slugs of at most 60 characters cut at a word boundary', () => {
    const slug = slugOf(
      'A Randomized, Double-blind, Placebo-controlled Phase II Clinical Study to Evaluate the Safety',
    );
    expect(slug).toBe('a-randomized-double-blind-placebo-controlled-phase-ii');
    expect(slugOf('Short Title!')).toBe('short-title');
    expect(slugOf('x'.repeat(70))).toHaveLength(60);
  });
});

/** Prints a JSON value the way Python's repr() prints the dict json.loads gives. */
function toPythonLiteral(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
    return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
  }
  if (Array.isArray(value)) return `[${value.map(toPythonLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${toPythonLiteral(key)}: ${toPythonLiteral(item)}`)
    .join(', ')}}`;
}
