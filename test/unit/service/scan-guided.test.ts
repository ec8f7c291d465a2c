// The value-guided locator and the fast tree, against jsonc-parser's full tree on real records.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, findNodeAtLocation, type Node } from 'jsonc-parser';
import { indexKeys, locateInUniqueText, treeOfValidJson } from '../../../server/src/service/scan';
import { parsePointer } from '../../../server/src/service/pointer';
import { CORPUS_DIR } from '../rules/fixtures';

const text = readFileSync(join(CORPUS_DIR, 'ctgov-v2', 'NCT02210780.json'), 'utf8');

const trees = new Map<string, Node>();

/** The reference answer: jsonc-parser's full tree. */
function expected(source: string, pointer: string) {
  if (!trees.has(source)) trees.set(source, parseTree(source)!);
  const node = findNodeAtLocation(trees.get(source)!, parsePointer(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s)))!;
  const key = node.parent?.type === 'property' ? node.parent.children![0] : undefined;
  return { keyStart: key?.offset, keyEnd: key ? key.offset + key.length : undefined, valueStart: node.offset, valueEnd: node.offset + node.length };
}

/** Every pointer of a value, in document order. */
function allPointers(value: unknown, pointer = ''): string[] {
  if (value === null || typeof value !== 'object') return [pointer];
  const children = Object.entries(value).flatMap(([key, child]) => allPointers(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return [pointer, ...children];
}

function located(source: string, pointers: string[]) {
  const value = JSON.parse(source);
  const keys = indexKeys(source, value)!;
  const found = locateInUniqueText(source, pointers, value, keys);
  return pointers.map((pointer) => {
    const place = found.get(pointer);
    return place && { keyStart: place.keyStart, keyEnd: place.keyEnd, valueStart: place.valueStart, valueEnd: place.valueEnd };
  });
}

describe('locateInUniqueText', () => {
  it('places every pointer of a real record where the full tree has it', () => {
    const pointers = allPointers(JSON.parse(text));
    expect(located(text, pointers)).toEqual(pointers.map((pointer) => expected(text, pointer)));
  });

  it('finds keys spelled with escapes, keys holding quotes and colons, and keys that repeat in other objects', () => {
    const source = '{"a": {"type": 1, "t\\u0079pe": 2}, "b\\"c": {"x : y": [{"type": "x"}, {"type": "y"}]}, "type": 3}';
    const pointers = ['/a/type', '/b"c/x : y/1/type', '/b"c', '/type', '/b"c/x : y/0'];
    // "t\u0079pe" repeats "type" in /a: counting finds more keys in the text than in the value, so no index.
    expect(indexKeys(source, JSON.parse(source))).toBeUndefined();
    const unique = source.replace('"type": 1, ', '');
    expect(located(unique, pointers)).toEqual(pointers.map((pointer) => expected(unique, pointer)));
  });

  it('leaves out pointers the record does not have, and places their ancestors when asked', () => {
    const value = JSON.parse(text);
    const found = locateInUniqueText(text, ['/protocolSection/nope/deeper'], value, indexKeys(text, value)!, { ancestorsOfMissing: true });
    expect(found.has('/protocolSection/nope/deeper')).toBe(false);
    expect(found.get('/protocolSection')?.keyStart).toBe(expected(text, '/protocolSection').keyStart);
  });
});

describe('treeOfValidJson', () => {
  function strip(node: Node | undefined): unknown {
    if (!node) return node;
    return { type: node.type, offset: node.offset, length: node.length, value: node.value, colonOffset: node.colonOffset, children: node.children?.map(strip) };
  }

  it('builds the same tree as jsonc-parser for a real record, a BOM and odd keys', () => {
    for (const source of [text, '\ufeff{"a" : [1, -2.5e3, true, null, "x\\"y", {}, []], "b\\u0041": {"": "\\ud800"}}\n', '"just a string"']) {
      expect(strip(treeOfValidJson(source))).toEqual(strip(parseTree(source)));
    }
  });
});
