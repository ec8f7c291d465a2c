// Converts study records from other formats into trial records: format detection, file names, output text.
import { importBasicInformationPage, looksLikeBasicInformationPage } from './basic-information-page';
import { importClinConnectPage, looksLikeClinConnectPage } from './clinconnect-page';
import { importClassicXml, looksLikeClassicXml } from './classic-xml';
import { importPrsXml, looksLikePrsXml, xmlRootName } from './prs-xml';
import { importPythonDict, looksLikePythonDict } from './python-dict';
import type { ImportWarning, Study } from './study-draft';
import { importTrialDetailsPage, looksLikeTrialDetailsPage } from './trial-details-page';
import { importV2Json, looksLikeV2Json } from './v2-json';
import { withShortQuotes } from '../service/words';

export type { ImportWarning } from './study-draft';

export type ImportFormat =
  | 'v2-json'
  | 'prs-xml'
  | 'classic-xml'
  | 'python-dict'
  | 'clinconnect-page'
  | 'basic-information-page'
  | 'trial-details-page';

export interface ImportedRecord {
  fileName: string;
  record: Record<string, unknown>;
  /** PRS-only facts (PRS XML), written next to the record as <name>.prs.json. */
  sidecar?: Record<string, unknown>;
}

export interface ImportResult {
  format: ImportFormat;
  records: ImportedRecord[];
  warnings: ImportWarning[];
}

export class ImportError extends Error {}

interface Importer {
  format: ImportFormat;
  description: string;
  detect(text: string): boolean;
  convert(text: string): { records: Study[]; warnings: ImportWarning[]; sidecars?: Array<Record<string, unknown>> };
}

/** In detection order: the structured formats first, since a page may quote JSON but not the reverse. */
const IMPORTERS: readonly Importer[] = [
  {
    format: 'v2-json',
    description: 'ClinicalTrials.gov API v2 JSON (a study or {"studies": [...]})',
    detect: looksLikeV2Json,
    convert: importV2Json,
  },
  {
    format: 'prs-xml',
    description: 'ClinicalTrials.gov PRS XML (<study_collection>, a PRS download or upload, results included)',
    detect: looksLikePrsXml,
    convert: importPrsXml,
  },
  {
    format: 'classic-xml',
    description: "the public site's former XML (<clinical_study>, results included)",
    detect: looksLikeClassicXml,
    convert: importClassicXml,
  },
  {
    format: 'python-dict',
    description: 'a v2 study printed as a Python dict',
    detect: looksLikePythonDict,
    convert: importPythonDict,
  },
  {
    format: 'clinconnect-page',
    description: 'a ClinConnect trial summary page',
    detect: looksLikeClinConnectPage,
    convert: importClinConnectPage,
  },
  {
    format: 'basic-information-page',
    description: 'a study page with "Basic Information" and "Study Design" sections',
    detect: looksLikeBasicInformationPage,
    convert: importBasicInformationPage,
  },
  {
    format: 'trial-details-page',
    description: 'a "Clinical Trial Details" page with "Administrative data"',
    detect: looksLikeTrialDetailsPage,
    convert: importTrialDetailsPage,
  },
];

export const SUPPORTED_FORMATS: readonly ImportFormat[] = IMPORTERS.map((importer) => importer.format);

export function detectFormat(text: string): ImportFormat | undefined {
  return IMPORTERS.find((importer) => importer.detect(text))?.format;
}

function unsupportedMessage(sourceName: string): string {
  const list = IMPORTERS.map((importer) => `  ${importer.format}: ${importer.description}`).join('\n');
  return `${sourceName}: not a format this tool can import. Supported formats:\n${list}`;
}

export function importText(text: string, sourceName: string): ImportResult {
  if (text.trim() === '') throw new ImportError(`${sourceName}: the file is empty; there is nothing to import.`);
  const importer = IMPORTERS.find((candidate) => candidate.detect(text));
  if (!importer) {
    const root = xmlRootName(text);
    if (root !== undefined)
      throw new ImportError(
        `${sourceName}: an XML file whose root element is <${root}>; PRS XML has <study_collection>, classic XML <clinical_study>.`,
      );
    throw new ImportError(unsupportedMessage(sourceName));
  }
  let converted: { records: Study[]; warnings: ImportWarning[]; sidecars?: Array<Record<string, unknown>> };
  try {
    converted = importer.convert(text);
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is nested too deeply to read' : (error as Error).message;
    throw new ImportError(`${sourceName}: could not read it as ${importer.format}: ${reason}`);
  }
  return {
    format: importer.format,
    records: withFileNames(converted.records, sourceName).map((record, index) => {
      const sidecar = converted.sidecars?.[index];
      return sidecar !== undefined && Object.keys(sidecar).length > 0 ? { ...record, sidecar } : record;
    }),
    // Warnings quote the source line: a line of a whole page's length is cut to its start.
    warnings: converted.warnings
      .map((warning) => ({ line: warning.line, message: withShortQuotes(warning.message) }))
      .sort((a, b) => a.line - b.line),
  };
}

export function formatRecord(record: unknown): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/** Lowercase a–z, 0–9 and dashes, at most 60 characters, cut at a word boundary. */
export function slugOf(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const cut = slug.slice(0, 61);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, 60)).replace(/-+$/, '');
}

function baseNameOf(record: Study, sourceName: string): string {
  const identification = (
    record.protocolSection as { identificationModule?: { nctId?: unknown; briefTitle?: unknown } } | undefined
  )?.identificationModule;
  if (typeof identification?.nctId === 'string' && /^NCT\d{8}$/.test(identification.nctId)) return identification.nctId;
  const title = typeof identification?.briefTitle === 'string' ? slugOf(identification.briefTitle) : '';
  if (title) return title;
  const source =
    sourceName
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.[^.]*$/, '') ?? '';
  return slugOf(source) || 'study';
}

function withFileNames(records: Study[], sourceName: string): ImportedRecord[] {
  const used = new Map<string, number>();
  return records.map((record) => {
    const base = baseNameOf(record, sourceName);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return { fileName: `${count === 1 ? base : `${base}-${count}`}.trial.json`, record };
  });
}
