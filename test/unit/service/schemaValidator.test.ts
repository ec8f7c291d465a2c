// The validator generated at build time (schemas/src/validator.mjs) against the study schema
// compiled now: the same ajv errors and the same findings on every corpus record, as published and
// with wrong values planted throughout.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileStudyValidator,
  studyValidator,
  translateErrors,
  validateAgainstSchema,
} from '../../../server/src/service/schema';
import { CORPUS_DIR, SAMPLE_DIR, sampleRecordNames } from '../rules/fixtures';

const compiled = compileStudyValidator();
const generated = studyValidator();

function findingsOfCompiled(value: unknown) {
  return compiled(value) ? [] : translateErrors(compiled.errors ?? [], 'schema');
}

function errorsOf(validate: typeof compiled, value: unknown) {
  validate(value);
  return (validate.errors ?? []).map(({ keyword, instancePath, schemaPath, params, message }) => ({
    keyword,
    instancePath,
    schemaPath,
    params,
    message,
  }));
}

/** Wrong values of every kind the schema checks, planted at every fifth value of the record. */
const PLANTS: Array<(value: unknown) => unknown> = [
  (value) => (typeof value === 'string' ? 42 : 'a string'), // type
  (value) => (typeof value === 'string' ? value.toLowerCase() + 'x' : value), // enum near-miss, pattern, format
  (value) => (typeof value === 'string' ? 'x'.repeat(5001) : -1), // maxLength, minimum
  (value) => (typeof value === 'string' ? '2021-02-30' : null), // a date that does not exist
  (value) => (typeof value === 'string' ? `${value} ` : [value]),
];

function plantedEverywhere(record: unknown): unknown {
  let count = 0;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).map(([key, child]) => [key, walk(child)]);
      count++;
      if (count % 7 === 0) entries.push(['unknownKey', true]); // additionalProperties
      if (count % 11 === 0) entries.shift(); // a required key gone, where the first one is required
      return Object.fromEntries(entries);
    }
    count++;
    return count % 5 === 0 ? PLANTS[(count / 5) % PLANTS.length](value) : value;
  };
  return walk(record);
}

const records = [
  ...sampleRecordNames().map((name) => ({
    name,
    value: JSON.parse(readFileSync(join(SAMPLE_DIR, name), 'utf8')) as unknown,
  })),
  ...['ctgov-v2', 'ctgov-v2-partial'].flatMap((folder) =>
    readdirSync(join(CORPUS_DIR, folder))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({
        name: `${folder}/${file}`,
        value: JSON.parse(readFileSync(join(CORPUS_DIR, folder, file), 'utf8')) as unknown,
      })),
  ),
];

describe('the generated study validator', () => {
  it('reports the same errors and findings as the compiled schema on every corpus record', () => {
    let withErrors = 0;
    for (const { name, value } of records) {
      const errors = errorsOf(generated, value);
      expect(errors, name).toEqual(errorsOf(compiled, value));
      expect(validateAgainstSchema(value), name).toEqual(findingsOfCompiled(value));
      if (errors.length > 0) withErrors++;
    }
    expect(withErrors).toBeGreaterThan(0);
  });

  it('reports the same findings with wrong values planted throughout every tenth record', () => {
    const keywords = new Set<string>();
    for (const { name, value } of records.filter((_, index) => index % 10 === 0)) {
      const mutant = plantedEverywhere(value);
      const errors = errorsOf(generated, mutant);
      for (const error of errors) keywords.add(error.keyword);
      expect(errors, name).toEqual(errorsOf(compiled, mutant));
      expect(validateAgainstSchema(mutant), name).toEqual(findingsOfCompiled(mutant));
    }
    expect([...keywords].sort()).toEqual(
      expect.arrayContaining([
        'additionalProperties',
        'enum',
        'format',
        'maxLength',
        'minimum',
        'pattern',
        'required',
        'type',
      ]),
    );
  });

  it('counts maxLength in characters, as the compiled schema does: a text of 300 emoji (600 UTF-16 units) is a valid brief title', () => {
    const withTitle = (briefTitle: string) => ({ protocolSection: { identificationModule: { briefTitle } } });
    const maxLengthErrors = (validate: typeof generated, title: string) =>
      errorsOf(validate, withTitle(title)).filter((error) => error.keyword === 'maxLength');
    for (const [title, errors] of [
      ['😀'.repeat(300), 0],
      ['😀'.repeat(301), 1],
      ['a'.repeat(300), 0],
      ['a'.repeat(301), 1],
      ['a'.repeat(299) + '😀', 0],
    ] as const) {
      expect(maxLengthErrors(generated, title), `${title.length} units`).toHaveLength(errors);
      expect(maxLengthErrors(generated, title)).toEqual(maxLengthErrors(compiled, title));
    }
  });
});
