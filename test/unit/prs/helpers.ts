// Shared pieces of the PRS tests: the corpus records, a full set of PRS-only facts, the round trip and a diff.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fromPrsDocument } from '../../../server/src/prs/from-prs';
import type { PrsSidecar } from '../../../server/src/prs/sidecar';
import { toPrsDocument } from '../../../server/src/prs/to-prs';
import { readXml, serialize, type ReadElement } from '../../../server/src/prs/xml';
import { CORPUS_DIR } from '../rules/fixtures';

export const FORMATS_DIR = join(__dirname, '..', '..', 'fixtures', 'formats');

/** Every record of the three corpus folders, as folder/file. */
export function corpusRecordFiles(): string[] {
  return ['ctgov-v2', 'ctgov-v2-partial', 'registry-sample'].flatMap((folder) =>
    readdirSync(join(CORPUS_DIR, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => `${folder}/${name}`),
  );
}

export function readCorpusRecord(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as Record<string, unknown>;
}

/** Test values for every PRS-only fact, so that the round trip also carries expanded access (inside ind_info). */
export const FULL_FACTS: PrsSidecar = {
  orgName: 'TestOrg',
  isIndStudy: true,
  ind: { grantor: 'CDER', number: '000000' },
  humanSubjectsReview: { status: 'Approved' },
  responsibleInvestigatorUsername: 'test-investigator',
};

export function exportXml(record: Record<string, unknown>, facts: PrsSidecar = FULL_FACTS): string {
  return serialize(toPrsDocument(record, facts).root);
}

export function roundTrip(record: Record<string, unknown>, facts: PrsSidecar = FULL_FACTS): Record<string, unknown> {
  return fromPrsDocument(readXml(exportXml(record, facts))).studies[0].record;
}

/** The paths (list indexes as []) where two values differ. */
export function differences(expected: unknown, actual: unknown, path = ''): string[] {
  if (isDeepStrictEqual(expected, actual)) return [];
  if (expected !== null && actual !== null && typeof expected === 'object' && typeof actual === 'object') {
    const isList = Array.isArray(expected) && Array.isArray(actual);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    const found = [...keys].flatMap((key) =>
      differences(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        `${path}.${isList ? '[]' : key}`,
      ),
    );
    return [...new Set(found.length > 0 ? found : [path])];
  }
  return [path];
}

/** The element at a slash path of local names ("clinical_study/id_info/org_name"); the first of each name. */
export function elementAt(root: ReadElement, path: string): ReadElement | undefined {
  let current: ReadElement | undefined = root;
  for (const name of path.split('/')) current = current?.children.find((child) => child.name === name);
  return current;
}

export function textOf(root: ReadElement, path: string): string | undefined {
  return elementAt(root, path)?.text;
}
