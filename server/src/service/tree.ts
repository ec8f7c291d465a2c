// Navigation in the jsonc-parser tree that editor features share: the node under the cursor, its
// JSON Pointer, the node at a pointer, and how a node sits in its parent.
import { findNodeAtLocation, findNodeAtOffset, getNodePath, type Node } from 'jsonc-parser';
import { pathOf, toPointer } from './pointer';

export type { Node };

/** The innermost node at an offset (its right edge included, as a cursor after a value counts). */
export function nodeAtOffset(tree: Node | undefined, offset: number): Node | undefined {
  if (!tree) return undefined;
  try {
    return findNodeAtOffset(tree, offset, true);
  } catch {
    return undefined;
  }
}

export function pointerOfNode(node: Node): string {
  return toPointer(getNodePath(node));
}

/** The value node at a pointer, or undefined. */
export function nodeAtPointer(tree: Node | undefined, pointer: string): Node | undefined {
  if (!tree) return undefined;
  return findNodeAtLocation(tree, pathOf(pointer));
}

/** True when the node is the key of a property (not its value). */
export function isPropertyKey(node: Node): boolean {
  return node.parent?.type === 'property' && node.parent.children?.[0] === node;
}

/** The key node of a property value, when the value sits in an object. */
export function keyOfValue(node: Node): Node | undefined {
  return node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.children[0] : undefined;
}

/** The keys already present in an object node. */
export function presentKeys(object: Node): string[] {
  return (object.children ?? []).flatMap((property) => {
    const key = property.children?.[0];
    return key && typeof key.value === 'string' ? [key.value] : [];
  });
}

/** The value of a property of an object node, by key. */
export function propertyValue(object: Node | undefined, key: string): Node | undefined {
  if (object?.type !== 'object') return undefined;
  const property = object.children?.find((candidate) => candidate.children?.[0]?.value === key);
  return property?.children?.[1];
}

export function isLeaf(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null';
}
