// Checks PRS upload XML against the registry's XSDs (schemas/prs/) with libxml2 compiled to WebAssembly:
// in-process, no system tool, no network (the schemas are handed over as in-memory files).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SchemaProblem {
  /** Which document of the batch (its name as given). */
  fileName: string;
  line?: number;
  message: string;
}

const PROTOCOL_SCHEMA = 'ProtocolRecordSchema.xsd';
const RESULTS_SCHEMA = 'RRSUploadSchema.xsd';

/** The folder with the XSDs: next to the bundle in a package, or at the repository root when run from source. */
function schemaFolder(): string {
  const candidates = [join(__dirname, '..', 'schemas', 'prs'), join(__dirname, '..', '..', '..', 'schemas', 'prs')];
  const found = candidates.find((candidate) => existsSync(join(candidate, PROTOCOL_SCHEMA)));
  if (found !== undefined) return found;
  throw new Error(`the PRS schemas (${PROTOCOL_SCHEMA}, ${RESULTS_SCHEMA}) are not installed next to the tool`);
}

let schemas: { protocol: string; results: string } | undefined;

function loadSchemas(): { protocol: string; results: string } {
  if (schemas === undefined) {
    const folder = schemaFolder();
    schemas = {
      protocol: readFileSync(join(folder, PROTOCOL_SCHEMA), 'utf8'),
      results: readFileSync(join(folder, RESULTS_SCHEMA), 'utf8'),
    };
  }
  return schemas;
}

/** Validates documents in one batch (one WebAssembly start for all); returns the problems of each, none when valid. */
export async function validatePrsXml(
  documents: ReadonlyArray<{ fileName: string; xml: string }>,
): Promise<SchemaProblem[]> {
  if (documents.length === 0) return [];
  const { protocol, results } = loadSchemas();
  const { validateXML } = await import('xmllint-wasm');
  const names = documents.map((_, index) => `document-${index}.xml`);
  const outcome = await validateXML({
    xml: documents.map((document, index) => ({ fileName: names[index], contents: document.xml })),
    schema: [{ fileName: PROTOCOL_SCHEMA, contents: protocol }],
    preload: [{ fileName: RESULTS_SCHEMA, contents: results }],
    // A large record (thousands of sites, full results) needs more than the default 32 MiB.
    initialMemoryPages: 256,
    maxMemoryPages: 4096,
  });
  if (outcome.valid) return [];
  return outcome.errors
    .filter((problem) => problem.loc !== null || !/fails to validate$/.test(problem.message))
    .map((problem) => {
      const index = problem.loc ? names.indexOf(problem.loc.fileName) : -1;
      return {
        fileName: index >= 0 ? documents[index].fileName : (problem.loc?.fileName ?? ''),
        line: problem.loc?.lineNumber,
        message: problem.message,
      };
    });
}
