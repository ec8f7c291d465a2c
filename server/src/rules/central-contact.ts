import { defineRule, type RuleContext } from '../service/types';
import { asArray, asObject, asString, POINTERS, protocolModule, type JsonObject } from './study';
import { isMissing } from './support/required-outcomes-eligibility';

const CONTACTS = `${POINTERS.contacts}/centralContacts`;

const CONTACT_FIELDS = [
  { key: 'name', words: 'name' },
  { key: 'phone', words: 'phone number' },
  { key: 'email', words: 'email address' },
] as const;

function contactWords(contact: JsonObject, index: number): string {
  const name = asString(contact.name)?.trim();
  const which = index === 0 ? 'Central contact' : `Backup central contact ${index}`;
  return name ? `${which} "${name}"` : which;
}

/** The main contact: the registry asks for a name, a phone and an email. */
function checkMainContact(context: RuleContext, contact: JsonObject): void {
  for (const field of CONTACT_FIELDS) {
    if (!isMissing(contact[field.key])) continue;
    const pointer = `${CONTACTS}/0/${field.key}`;
    context.report({
      pointer,
      message: `${contactWords(contact, 0)} has no ${field.words} (${field.key}); the registry asks for a name, a phone number and an email address for the main central contact.`,
      suggestions: [{ title: `Insert an empty ${field.words}`, changes: [{ op: 'set', pointer, value: '' }] }],
    });
  }
}

/** A backup contact needs a name and at least one way to reach them. */
function checkBackupContact(context: RuleContext, contact: JsonObject, index: number): void {
  const pointer = `${CONTACTS}/${index}`;
  if (isMissing(contact.name)) {
    context.report({
      pointer: `${pointer}/name`,
      message: `${contactWords(contact, index)} has no name (name); say whom to ask for.`,
    });
  }
  if (isMissing(contact.phone) && isMissing(contact.email)) {
    context.report({
      pointer,
      message: `${contactWords(contact, index)} has neither a phone number nor an email address: no one can reach them through the record; add at least one.`,
      suggestions: [
        { title: 'Insert an empty phone number', changes: [{ op: 'set', pointer: `${pointer}/phone`, value: '' }] },
        { title: 'Insert an empty email address', changes: [{ op: 'set', pointer: `${pointer}/email`, value: '' }] },
      ],
    });
  }
}

export default defineRule({
  meta: {
    id: 'central-contact',
    severity: 'warning',
    category: 'required',
    description: 'The central contact has a name, phone and email; a backup contact can be reached',
    source: 'REQ-15',
    docs:
      'The central contact is whom prospective participants call or write to about the whole study. The registry asks the ' +
      'first (main) central contact for a name, a phone number and an email address; a backup contact needs a name and at ' +
      'least one of the two, since a name alone gives no way to reach anyone. Example: { "name": "Ana Silva, RN", ' +
      '"role": "CONTACT", "phone": "+351 21 000 0000", "email": "trials@example.org" }.',
    fixable: false,
  },
  check(context) {
    asArray(protocolModule(context.record, 'contactsLocationsModule')?.centralContacts).forEach((value, index) => {
      const contact = asObject(value);
      if (!contact) return;
      if (index === 0) checkMainContact(context, contact);
      else checkBackupContact(context, contact, index);
    });
  },
});
