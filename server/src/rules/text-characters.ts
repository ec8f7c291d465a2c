import { defineRule, type Fix, type RuleContext } from '../service/types';
import { listOf } from '../service/words';
import { stringsWhere, toPointer } from '../service/pointer';
import { asObject } from './study';

/**
 * C0 controls other than tab, line feed and carriage return, unpaired surrogates and U+FFFE/U+FFFF cannot
 * appear in XML 1.0 at all (the registry's upload format); DEL and the C1 controls are discouraged there and
 * invisible on the page; U+FFFD marks a character already lost in an encoding conversion.
 */
const INVALID_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every character INVALID_CHARACTER can match, without its look-arounds: a cheaper first test that most strings fail. */
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFD-\uFFFF]/;
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Only what curators write; the derived section is the registry's own. */
const CHECKED_SECTIONS = ['protocolSection', 'resultsSection'];
const SHOWN = 3;

interface InvalidCharacter {
  code: number;
  /** 1-based, counted in characters (code points) as a reader counts them. */
  position: number;
}

export default defineRule({
  meta: {
    id: 'text-characters',
    severity: 'warning',
    category: 'format',
    description: 'Text holds no control characters, replacement characters (U+FFFD) or broken surrogates',
    source: 'FMT-11',
    docs:
      'The registry rejects text blocks holding characters it cannot store ("Textblock contains an invalid character at ' +
      'position N"). This rule looks for the characters that cause it or that show the text is damaged: control characters ' +
      'other than tab and line breaks (they come along when text is copied from word processors or PDFs, and the XML ' +
      'upload format cannot carry most of them), halves of characters (unpaired surrogates), the noncharacters U+FFFE and ' +
      'U+FFFF, and the replacement character U+FFFD, which stands where a character was lost in an encoding conversion. ' +
      "Every string of the protocol and results sections is checked (the derived section is the registry's own), and the " +
      'finding names each character by its code and its position in the text. Control characters can simply be removed, ' +
      'which the fix does; a U+FFFD has to be replaced by the character that was meant, e.g. "≥" in "age ≥ 18". Keys are ' +
      'names, not text, but half a character in a key anywhere in the record is reported too: such a key cannot be written ' +
      'in UTF-8 or XML at all, so the record cannot be sent.',
    fixable: true,
  },
  check(context) {
    // Most texts hold none of these characters nor an escape for one: then no string needs a look.
    if (context.text !== undefined && !mayHoldInvalidCharacters(context.text)) return;
    const record = asObject(context.record);
    for (const section of CHECKED_SECTIONS) {
      if (!record || !Object.prototype.hasOwnProperty.call(record, section)) continue;
      // Every string is tested but pointers are built only for the few that fail: on large records
      // building them all costs several times the test itself.
      for (const { pointer, value } of stringsWhere(
        record[section],
        (text) => MAYBE_INVALID.test(text) && INVALID_CHARACTER.test(text),
        [section],
      )) {
        // A section that is itself a string is not text a curator wrote (and the schema reports it).
        if (pointer === `/${section}`) continue;
        report(context, pointer, value, invalidCharacters(value));
      }
    }
    for (const { pointer, key } of keysWithLoneSurrogates(context.record, context.text))
      reportKey(context, pointer, key);
  },
});

/** A surrogate, raw or escaped: without one in the text, no key can hold half a character. */
const RAW_SURROGATE = /[\uD800-\uDFFF]/;
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/** Where a value sits: its parent's place and its own key or index; pointers are built only for what is found. */
interface Place {
  parent?: Place;
  segment: string | number;
}

function pointerOfPlace(place: Place | undefined): string {
  const segments: Array<string | number> = [];
  for (let current = place; current; current = current.parent) segments.push(current.segment);
  return toPointer(segments.reverse());
}

/** Keys holding half a character, anywhere in the record (walked with a stack: records may nest deeply). */
function keysWithLoneSurrogates(record: unknown, text: string | undefined): Array<{ pointer: string; key: string }> {
  const found: Array<{ pointer: string; key: string }> = [];
  if (text !== undefined && !RAW_SURROGATE.test(text) && !ESCAPED_SURROGATE.test(text)) return found;
  const pending: Array<{ place?: Place; value: unknown }> = [{ value: record }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { place, value } = next;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ place: { parent: place, segment: index }, value: item }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const child: Place = { parent: place, segment: key };
      if (LONE_SURROGATE.test(key)) found.push({ pointer: pointerOfPlace(child), key });
      pending.push({ place: child, value: (value as Record<string, unknown>)[key] });
    }
  }
  return found;
}

function reportKey(context: RuleContext, pointer: string, key: string): void {
  const found = invalidCharacters(key).filter(
    (character) => isHighSurrogate(character.code) || isLowSurrogate(character.code),
  );
  const described = found.map(
    (character) => `${codeName(character.code)} (${kindOf(character.code)}) at position ${character.position}`,
  );
  context.report({
    pointer,
    target: 'key',
    message: `Key contains ${listOf(described, SHOWN)}: it cannot be written in UTF-8 or XML, so the registry cannot receive the record. Retype the key.`,
    suggestions: [
      {
        title: 'Remove the broken characters from the key',
        changes: [{ op: 'rename', pointer, newKey: removeInvalid(key) }],
      },
    ],
  });
}

/** Whether the text holds one of those characters or an escape that can stand for one (\u, \b, \f); one regex with the escapes as alternatives is slower. */
function mayHoldInvalidCharacters(text: string): boolean {
  return MAYBE_INVALID.test(text) || text.includes('\\u') || text.includes('\\b') || text.includes('\\f');
}

function report(context: RuleContext, pointer: string, value: string, found: InvalidCharacter[]): void {
  const controls = found.filter((character) => isControl(character.code));
  const described = found
    .slice(0, SHOWN)
    .map((character) => `${codeName(character.code)} (${kindOf(character.code)}) at position ${character.position}`);
  const rest = found.length - described.length;
  const message =
    found.length === 1
      ? `Character the registry does not accept in text: ${described[0]}. ${advice(found)}`
      : `Text contains ${found.length} characters the registry does not accept in text: ${listOf(rest > 0 ? [...described, `${rest} more`] : described, SHOWN + 1)}. ${advice(found)}`;
  const fix: Fix | undefined =
    controls.length > 0
      ? {
          title: 'Remove the control characters',
          changes: [{ op: 'set', pointer, value: value.replace(CONTROL_CHARACTER, '') }],
        }
      : undefined;
  const suggestions: Fix[] | undefined =
    controls.length < found.length
      ? [{ title: 'Remove every invalid character', changes: [{ op: 'set', pointer, value: removeInvalid(value) }] }]
      : undefined;
  context.report({ pointer, message, fix, suggestions });
}

function advice(found: InvalidCharacter[]): string {
  if (!found.every((character) => isControl(character.code)))
    return 'Retype the character that was meant, or remove it.';
  return found.length === 1
    ? 'Remove it: it shows as nothing or as a box.'
    : 'Remove them: they show as nothing or as boxes.';
}

function invalidCharacters(value: string): InvalidCharacter[] {
  const found: InvalidCharacter[] = [];
  let position = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    position++;
    if (isHighSurrogate(code) && isLowSurrogate(value.charCodeAt(index + 1))) {
      index++;
      continue;
    }
    if (isInvalid(code)) found.push({ code, position });
  }
  return found;
}

function removeInvalid(value: string): string {
  let kept = '';
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (isHighSurrogate(code) && isLowSurrogate(value.charCodeAt(index + 1))) {
      kept += value.slice(index, index + 2);
      index++;
    } else if (!isInvalid(code)) kept += value[index];
  }
  return kept;
}

/** A UTF-16 unit that is invalid on its own (a surrogate reaching here has no partner). */
function isInvalid(code: number): boolean {
  return (
    isControl(code) ||
    code === 0xfffd ||
    code === 0xfffe ||
    code === 0xffff ||
    isHighSurrogate(code) ||
    isLowSurrogate(code)
  );
}

function isControl(code: number): boolean {
  return (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function kindOf(code: number): string {
  if (code === 0) return 'the NUL character';
  if (isControl(code)) return 'a control character';
  if (code === 0xfffd) return 'the replacement character, left where a character was lost in an encoding conversion';
  if (code === 0xfffe || code === 0xffff) return 'a noncharacter';
  return 'half of a character whose other half is missing';
}

function codeName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
