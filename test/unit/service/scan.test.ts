// Placing pointers (scan.ts), against jsonc-parser's full tree on real records: every way through the
// one locator (jumping over subtrees, reading every token, broken text), missing pointers, repeated
// keys, and the fast tree for editor features.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import {
  cannotHaveDuplicateKeys,
  locatePointers,
  treeOfValidJson,
  type LocateOptions,
  type NodeLocation,
} from '../../../server/src/service/scan';
import { parsePointer } from '../../../server/src/service/pointer';
import { CORPUS_DIR } from '../rules/fixtures';

const text = readFileSync(join(CORPUS_DIR, 'ctgov-v2', 'NCT02210780.json'), 'utf8');
const value = JSON.parse(text);

const trees = new Map<string, Node>();

/** The reference answer: jsonc-parser's full tree. */
function expected(source: string, pointer: string) {
  if (!trees.has(source)) trees.set(source, parseTree(source)!);
  const node = findNodeAtLocation(
    trees.get(source)!,
    parsePointer(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
  );
  if (!node) return undefined;
  const key = node.parent?.type === 'property' ? node.parent.children![0] : undefined;
  return {
    keyStart: key?.offset,
    keyEnd: key ? key.offset + key.length : undefined,
    valueStart: node.offset,
    valueEnd: node.offset + node.length,
  };
}

function plain(location: NodeLocation | undefined) {
  return (
    location && {
      keyStart: location.keyStart,
      keyEnd: location.keyEnd,
      valueStart: location.valueStart,
      valueEnd: location.valueEnd,
    }
  );
}

/** Every pointer of a value, in document order. */
function allPointers(node: unknown, pointer = ''): string[] {
  if (node === null || typeof node !== 'object') return [pointer];
  const children = Object.entries(node).flatMap(([key, child]) =>
    allPointers(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
  return [pointer, ...children];
}

const JUMPING: LocateOptions = { validJson: true, uniqueKeys: true };
const EVERY_TOKEN: LocateOptions = { validJson: true, uniqueKeys: false };
const BROKEN: LocateOptions = { validJson: false, uniqueKeys: false };

function located(source: string, pointers: string[], options: LocateOptions) {
  const { locations } = locatePointers(source, pointers, options);
  return pointers.map((pointer) => plain(locations.get(pointer)));
}

describe('locatePointers', () => {
  const some = [
    '/protocolSection/identificationModule/nctId',
    '/protocolSection/armsInterventionsModule/armGroups/1/label',
    '/protocolSection/armsInterventionsModule/interventions/0',
    '/derivedSection/miscInfoModule/versionHolder',
    '/hasResults',
  ];

  it('places every pointer of a real record where the full tree has it, jumping or reading every token', () => {
    const pointers = allPointers(value);
    const reference = pointers.map((pointer) => expected(text, pointer));
    expect(located(text, pointers, JUMPING)).toEqual(reference);
    expect(located(text, pointers, EVERY_TOKEN)).toEqual(reference);
  });

  it('places a few pointers the same way, one at a time and together', () => {
    const reference = some.map((pointer) => expected(text, pointer));
    expect(located(text, some, JUMPING)).toEqual(reference);
    expect(some.map((pointer) => located(text, [pointer], JUMPING)[0])).toEqual(reference);
  });

  it('places pointers in broken text where jsonc-parser tree has them', () => {
    const broken = text.replace('"briefTitle"', '"x": 1 "briefTitle"').replace(/}\s*$/, '');
    expect(located(broken, some, BROKEN)).toEqual(some.map((pointer) => expected(broken, pointer)));
  });

  it('finds keys spelled with escapes, keys holding quotes and colons, a byte-order mark and a bare string', () => {
    const source = '\ufeff{"a": {"t\\u0079pe": 2}, "b\\"c": {"x : y": [{"type": "x"}, {"type": "y"}]}, "type": 3}';
    const pointers = ['/a/type', '/b"c/x : y/1/type', '/b"c', '/type', '/b"c/x : y/0', ''];
    expect(located(source, pointers, JUMPING)).toEqual(pointers.map((pointer) => expected(source, pointer)));
    expect(located('"just a string"', [''], JUMPING)).toEqual([
      { keyStart: undefined, keyEnd: undefined, valueStart: 0, valueEnd: 15 },
    ]);
  });

  it('leaves out pointers that do not exist, and places their closest existing ancestors', () => {
    const missing = [
      '/protocolSection/nope/deeper',
      '/protocolSection/armsInterventionsModule/armGroups/99',
      '/hasResults/under/a/boolean',
    ];
    for (const options of [JUMPING, EVERY_TOKEN]) {
      const { locations } = locatePointers(text, missing, options);
      for (const pointer of missing) expect(locations.has(pointer)).toBe(false);
      for (const ancestor of [
        '/protocolSection',
        '/protocolSection/armsInterventionsModule/armGroups',
        '/hasResults',
      ]) {
        expect(plain(locations.get(ancestor)), ancestor).toEqual(expected(text, ancestor));
      }
    }
  });
});

describe('duplicate keys', () => {
  it('real records have none, and counting proves it without reading every token', () => {
    expect(locatePointers(text, [], EVERY_TOKEN).duplicates).toEqual([]);
    expect(cannotHaveDuplicateKeys(text, value)).toBe(true);
  });

  it('a repeated key is found with both places, inside arrays too', () => {
    const planted = text.replace('"label":', '"label": "x", "label":');
    expect(cannotHaveDuplicateKeys(planted, JSON.parse(planted))).toBe(false);
    const [duplicate] = locatePointers(planted, [], EVERY_TOKEN).duplicates;
    expect(duplicate.pointer).toBe('/protocolSection/armsInterventionsModule/armGroups/0/label');
    expect(planted.slice(duplicate.firstKeyStart, duplicate.firstKeyEnd)).toBe('"label"');
    expect(duplicate.keyStart).toBeGreaterThan(duplicate.firstKeyStart);
  });

  it('a key spelled with an escape repeats the plain one; a colon after an escaped quote only makes counting unsure', () => {
    const escaped = '{"a": {"type": 1, "t\\u0079pe": 2}}';
    expect(cannotHaveDuplicateKeys(escaped, JSON.parse(escaped))).toBe(false);
    expect(locatePointers(escaped, [], EVERY_TOKEN).duplicates.map((duplicate) => duplicate.pointer)).toEqual([
      '/a/type',
    ]);
    const tricky = JSON.stringify({ a: 'he said \\": no', b: { c: 1 } });
    expect(cannotHaveDuplicateKeys(tricky, JSON.parse(tricky))).toBe(false);
    expect(locatePointers(tricky, [], EVERY_TOKEN).duplicates).toEqual([]);
  });

  it('are not reported for broken text', () => {
    expect(locatePointers('{"a": 1, "a": 2', [], BROKEN).duplicates).toEqual([]);
  });
});

describe('treeOfValidJson', () => {
  function strip(node: Node | undefined): unknown {
    if (!node) return node;
    return {
      type: node.type,
      offset: node.offset,
      length: node.length,
      value: node.value,
      colonOffset: node.colonOffset,
      children: node.children?.map(strip),
    };
  }

  it('builds the same tree as jsonc-parser for a real record, a BOM and odd keys', () => {
    for (const source of [
      text,
      '\ufeff{"a" : [1, -2.5e3, true, null, "x\\"y", {}, []], "b\\u0041": {"": "\\ud800"}}\n',
      '"just a string"',
    ]) {
      expect(strip(treeOfValidJson(source))).toEqual(strip(parseTree(source)));
    }
  });
});
