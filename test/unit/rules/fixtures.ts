// Real corpus records with planted changes, for rule tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePointer } from '../../../server/src/service/pointer';

/** A copy of ../shared/corpus (see its PROVENANCE.md), so that a clone is self-contained. */
export const CORPUS_DIR = join(__dirname, '..', '..', 'fixtures', 'corpus');

export function corpusRecord(nctId: string, folder = 'ctgov-v2'): Record<string, any> {
  return JSON.parse(readFileSync(join(CORPUS_DIR, folder, `${nctId}.json`), 'utf8'));
}

/** Every corpus record's text, accepted and partial, named `folder/NCT….json`. */
export function corpusTexts(): Array<{ name: string; text: string }> {
  return ['ctgov-v2', 'ctgov-v2-partial'].flatMap((folder) =>
    readdirSync(join(CORPUS_DIR, folder))
      .filter((file) => file.endsWith('.json'))
      .map((file) => ({ name: `${folder}/${file}`, text: readFileSync(join(CORPUS_DIR, folder, file), 'utf8') })),
  );
}

/** A deep copy of `record` with values set (undefined deletes) at the given JSON Pointers. */
export function planted(record: unknown, changes: Record<string, unknown>): Record<string, any> {
  const copy = structuredClone(record) as Record<string, any>;
  for (const [pointer, value] of Object.entries(changes)) {
    const segments = parsePointer(pointer);
    let parent: any = copy;
    for (const segment of segments.slice(0, -1)) {
      parent[segment] ??= {};
      parent = parent[segment];
    }
    const last = segments[segments.length - 1];
    if (value === undefined) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else parent[last] = value;
  }
  return copy;
}

/** The 820 published records of ../shared/corpus/registry-sample (see its REGISTRY-SAMPLE.md). */
export const SAMPLE_DIR = join(CORPUS_DIR, 'registry-sample');

/** The file names (`NCT….json`) of the registry sample, sorted. */
export function sampleRecordNames(): string[] {
  return readdirSync(SAMPLE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort();
}

export function sampleRecord(nctId: string): Record<string, any> {
  return JSON.parse(readFileSync(join(SAMPLE_DIR, `${nctId}.json`), 'utf8'));
}
