// The generated study schema, loaded once, and navigation in it by JSON Pointer.
import studySchemaJson from '../../../schemas/study.schema.json';
import { parsePointer } from './pointer';

export interface SchemaNode {
  type?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: string[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  pattern?: string;
  format?: string;
  maxLength?: number;
  minimum?: number;
  'x-enum'?: string;
  'x-officialUrl'?: string;
  'x-required'?: string;
}

export const studySchema = studySchemaJson as unknown as SchemaNode & Record<string, unknown>;

/** The schema node that describes the value at `pointer` (array indexes step into `items`). */
export function schemaAt(pointer: string | readonly string[], root: SchemaNode = studySchema): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of typeof pointer === 'string' ? parsePointer(pointer) : pointer) {
    if (!node) return undefined;
    node = node.type === 'array' ? node.items : node.properties?.[segment];
  }
  return node;
}

/** The registry's display label of an enum code, from the schema's enumDescriptions. */
export function enumLabel(node: SchemaNode | undefined, code: string): string | undefined {
  const index = node?.enum?.indexOf(code) ?? -1;
  return index >= 0 ? node?.enumDescriptions?.[index] : undefined;
}
