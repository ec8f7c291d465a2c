// The trial-record language service: one plain library that the language server, the CLI and the
// tests call. Each feature lives in its own file; this is the table of contents.
export { TrialDocument } from './document';
export { validateDocument, validateText, todayUtc, DEFAULT_MAX_SIZE, type ValidateOptions } from './validate';
export { doComplete, type CompletionOptions } from './completion';
export { doHover, type HoverOptions } from './hover';
export { codeActions, FIX_ALL_KIND, wants, type CodeActionRequest } from './codeActions';
export { findDefinition, findHighlights, findReferences, prepareRename, rename } from './navigation';
export { documentSymbols } from './symbols';
export { foldingRanges, selectionRanges } from './structure';
export { formatDocument, FormatRefused, type FormatOptions } from './format';
export { documentLinks } from './links';
export { dataOf, findingOf, type FindingData } from './diagnostics';
export type { RequirementLookup } from './requirements';
export { applyFixesRepeatedly } from './fixes';
export type { Finding, Severity } from './types';
