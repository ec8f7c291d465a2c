// The text scanner: pointer places (by walk and by unique key) and duplicate keys, on real text.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { cannotHaveDuplicateKeys, locatePointers, scanDocument, type NodeLocation } from '../../../server/src/service/scan';
import { parsePointer } from '../../../server/src/service/pointer';
import { CORPUS_DIR } from '../rules/fixtures';

const text = readFileSync(join(CORPUS_DIR, 'ctgov-v2', 'NCT02210780.json'), 'utf8');
const value = JSON.parse(text);
const tree = parseTree(text)!;

/** The reference answer: jsonc-parser's full tree. */
function expected(pointer: string) {
  const node = findNodeAtLocation(tree, parsePointer(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s)))!;
  const key = node.parent?.type === 'property' ? node.parent.children![0] : undefined;
  return { keyStart: key?.offset, keyEnd: key ? key.offset + key.length : undefined, valueStart: node.offset, valueEnd: node.offset + node.length };
}

/** The four numbers of a location (containers compute their end when read). */
function plain(location: NodeLocation | undefined) {
  return location && { keyStart: location.keyStart, keyEnd: location.keyEnd, valueStart: location.valueStart, valueEnd: location.valueEnd };
}

const POINTERS = [
  '',
  '/protocolSection',
  '/protocolSection/identificationModule/nctId',
  '/protocolSection/armsInterventionsModule/armGroups/1/label',
  '/protocolSection/armsInterventionsModule/interventions/0',
  '/protocolSection/statusModule/startDateStruct/date',
  '/derivedSection/miscInfoModule/modelPredictions',
  '/hasResults',
  '/resultsSection/participantFlowModule/groups/0/id',
];

describe('locatePointers', () => {
  it('agrees with a full jsonc-parser tree, with and without the parsed value', () => {
    for (const root of [undefined, value]) {
      const found = locatePointers(text, POINTERS, root);
      for (const pointer of POINTERS) expect(plain(found.get(pointer)), pointer).toEqual(expected(pointer));
    }
  });

  it('finds nested pointers under a wanted ancestor', () => {
    const pointers = ['/protocolSection/armsInterventionsModule', '/protocolSection/armsInterventionsModule/armGroups/0/label'];
    const found = locatePointers(text, pointers);
    for (const pointer of pointers) expect(plain(found.get(pointer))).toEqual(expected(pointer));
  });

  it('leaves out pointers that do not exist', () => {
    expect(locatePointers(text, ['/protocolSection/nope', '/protocolSection/armsInterventionsModule/armGroups/99'], value).size).toBe(0);
  });

  it('the one-pass scanner places the same pointers', () => {
    const { locations } = scanDocument(text, POINTERS);
    for (const pointer of POINTERS) expect(plain(locations.get(pointer)), pointer).toEqual(expected(pointer));
  });
});

describe('duplicate keys', () => {
  it('real records have none, and counting proves it without a scan', () => {
    expect(scanDocument(text).duplicates).toEqual([]);
    expect(cannotHaveDuplicateKeys(text, value)).toBe(true);
  });

  it('a repeated key is found with both places, inside arrays too', () => {
    const planted = text.replace('"label":', '"label": "x", "label":');
    expect(cannotHaveDuplicateKeys(planted, JSON.parse(planted))).toBe(false);
    const [duplicate] = scanDocument(planted).duplicates;
    expect(duplicate.pointer).toBe('/protocolSection/armsInterventionsModule/armGroups/0/label');
    expect(planted.slice(duplicate.firstKeyStart, duplicate.firstKeyEnd)).toBe('"label"');
    expect(duplicate.keyStart).toBeGreaterThan(duplicate.firstKeyStart);
  });

  it('escaped quotes and colons inside strings do not fool the count', () => {
    const tricky = JSON.stringify({ a: 'he said \\": no', b: { c: 1 } });
    expect(scanDocument(tricky).duplicates).toEqual([]);
  });
});
