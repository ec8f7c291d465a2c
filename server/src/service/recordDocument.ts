// What a built-in rule may ask of the document its record was read from, beyond RuleContext's
// public fields: the engine puts the document on the context under a symbol, which custom rules
// never see (their contexts are copied to a worker field by field).
import type { TrialDocument } from './document';
import { mayHoldInvalidCharacters } from './textScan';
import type { RuleContext } from './types';

export const RECORD_DOCUMENT = Symbol('record document');

/**
 * False when no string of the record can hold a character the text-characters rule reports,
 * asked of the document (which may know it from its bytes, without decoding them) or of the text.
 */
export function textMayHoldInvalidCharacters(context: RuleContext): boolean {
  const document = (context as { [RECORD_DOCUMENT]?: TrialDocument })[RECORD_DOCUMENT];
  if (document) return document.mayHoldInvalidCharacters();
  return context.text === undefined || mayHoldInvalidCharacters(context.text);
}
