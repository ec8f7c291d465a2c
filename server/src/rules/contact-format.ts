import { defineRule, type Fix, type RuleContext } from '../service/types';
import { asArray, asObject, asString, type JsonObject, POINTERS, protocolModule } from './study';
import { replaceWith } from './support/fixes';

const POINT_OF_CONTACT = '/resultsSection/moreInfoModule/pointOfContact';
/** Fewer digits than this is no phone number anywhere (the shortest national numbers have five). */
const FEWEST_DIGITS = 5;
const EXTENSION = /(?:x|ext\.?|extension)\s*\d+\s*$/i;
const PLACEHOLDER = /x{3,}|#{3,}/i;
/** One address: no spaces, one "@", a domain with a dot and a top-level label of letters (or an IDN "xn--" label). */
const EMAIL = /^[^\s@]+@(?:[^\s@.]+\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$/i;
const COUNTRY_CALLING_CODE = /^\+\d{1,3}$/;

interface Contact {
  pointer: string;
  contact: JsonObject;
}

export default defineRule({
  meta: {
    id: 'contact-format',
    severity: 'warning',
    category: 'format',
    description: 'Contact e-mail addresses, phone numbers and extensions are well formed',
    source: 'REQ-15',
    docs:
      'People use the central contacts, the site contacts and the results point of contact to reach the study team, so an ' +
      'address or number that cannot work is worth catching. See the definitions of the ' +
      '[central contact](https://clinicaltrials.gov/policy/protocol-definitions#OverallStudyContact), the ' +
      '[facility contact](https://clinicaltrials.gov/policy/protocol-definitions#FacilityContact) and the results ' +
      '[point of contact](https://clinicaltrials.gov/policy/results-definitions#Email). ' +
      'Real records write numbers in many ways ("+44 (0)20 7946 0000", "407-816-5700 ext 1044", "1-833-445-3230 ' +
      '(GILEAD-0)"), so only what is clearly broken is reported: an e-mail address without exactly one "@" or without a ' +
      'domain such as "example.org", several addresses in one field, a phone number with fewer than five digits or ' +
      'placeholder characters ("06-xxxxxxxx"), an e-mail address in the phone field, and a country calling code ("+39") in ' +
      'the extension field, where it belongs at the start of the number. A leading "mailto:" is removed by the fix; the ' +
      'rest come with suggestions. ' +
      'Evidence: of the 820 records of the registry sample (1,833 e-mail addresses, 3,833 phone numbers, 100 extensions), ' +
      '1 address with two "@", 2 numbers (a placeholder, an area code alone) and 21 extensions holding a calling code ' +
      'were published, so the registry accepts them: a warning (24 findings in 14 records).',
    fixable: true,
  },
  check(context) {
    for (const { pointer, contact } of contactsOf(context.record)) {
      const email = asString(contact.email);
      const phone = asString(contact.phone);
      const extension = asString(contact.phoneExt);
      if (email !== undefined && email.trim() !== '') checkEmail(context, `${pointer}/email`, email);
      if (phone !== undefined && phone.trim() !== '') checkPhone(context, pointer, phone, email);
      if (extension !== undefined && COUNTRY_CALLING_CODE.test(extension.trim()))
        checkExtension(context, pointer, extension.trim(), phone);
    }
  },
});

/** Every contact object of the record with its pointer (sites run to hundreds: one pass, no lists in between). */
function contactsOf(record: unknown): Contact[] {
  const module = protocolModule(record, 'contactsLocationsModule');
  const found: Contact[] = [];
  const add = (pointer: string, contact: unknown) => {
    const fields = asObject(contact);
    if (fields) found.push({ pointer, contact: fields });
  };
  asArray(module?.centralContacts).forEach((contact, index) =>
    add(`${POINTERS.contacts}/centralContacts/${index}`, contact),
  );
  asArray(module?.locations).forEach((location, site) => {
    const contacts = asObject(location)?.contacts;
    if (Array.isArray(contacts))
      contacts.forEach((contact, index) => add(`${POINTERS.contacts}/locations/${site}/contacts/${index}`, contact));
  });
  add(POINT_OF_CONTACT, asObject(asObject(asObject(record)?.resultsSection)?.moreInfoModule)?.pointOfContact);
  return found;
}

function checkEmail(context: RuleContext, pointer: string, email: string): void {
  const address = email.trim();
  if (/^mailto:/i.test(address)) {
    const bare = address.slice('mailto:'.length);
    const fix = EMAIL.test(bare) ? replaceWith(pointer, bare) : undefined;
    context.report({ pointer, message: `"${email}" starts with "mailto:"; the field holds the address alone.`, fix });
    return;
  }
  if (EMAIL.test(address)) return;
  const addresses = address.split(/[\s,;/]+/).filter((part) => part.includes('@'));
  if (addresses.length > 1) {
    context.report({
      pointer,
      message: `${addresses.length} e-mail addresses in one field; it takes one. Keep the main one and give the others to further contacts.`,
      suggestions: EMAIL.test(addresses[0]) ? [replaceWith(pointer, addresses[0])] : undefined,
    });
    return;
  }
  context.report({ pointer, message: `"${email}" is not an e-mail address: ${emailFlaw(address)}.` });
}

function emailFlaw(address: string): string {
  const ats = address.split('@').length - 1;
  if (ats !== 1) return ats === 0 ? 'it has no "@"' : `it has ${ats} "@"`;
  if (/\s/.test(address)) return 'it contains spaces';
  return 'the part after "@" is not a domain such as "example.org"';
}

function checkPhone(context: RuleContext, contactPointer: string, phone: string, email: string | undefined): void {
  const pointer = `${contactPointer}/phone`;
  if (phone.includes('@')) {
    const move: Fix = {
      title: 'Move it to the e-mail field',
      changes: [
        { op: 'set', pointer: `${contactPointer}/email`, value: phone.trim() },
        { op: 'remove', pointer },
      ],
    };
    context.report({
      pointer,
      message: `"${phone}" is an e-mail address, not a phone number.`,
      suggestions: email ? undefined : [move],
    });
    return;
  }
  if (PLACEHOLDER.test(phone)) {
    context.report({
      pointer,
      message: `"${phone}" holds placeholder characters instead of digits; write the real number.`,
    });
    return;
  }
  const digits = phone.replace(EXTENSION, '').replace(/\D/g, '').length;
  if (digits < FEWEST_DIGITS) {
    const message =
      digits === 0
        ? `"${phone}" has no digits; write the phone number or leave the field out.`
        : `"${phone}" has only ${digits} digit${digits === 1 ? '' : 's'}; no phone number is that short.`;
    context.report({ pointer, message });
  }
}

function checkExtension(context: RuleContext, contactPointer: string, code: string, phone: string | undefined): void {
  const pointer = `${contactPointer}/phoneExt`;
  const moved: Fix | undefined =
    phone && !phone.trim().startsWith('+')
      ? {
          title: `Put ${code} before the phone number`,
          changes: [
            { op: 'set', pointer: `${contactPointer}/phone`, value: `${code} ${phone.trim()}` },
            { op: 'remove', pointer },
          ],
        }
      : undefined;
  context.report({
    pointer,
    message: `Extension "${code}" is a country calling code; it belongs at the start of the phone number, and the extension field holds the digits dialled after it.`,
    suggestions: moved ? [moved] : undefined,
  });
}
