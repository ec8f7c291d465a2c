import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/central-contact';
import { corpusRecord, planted } from './fixtures';

const contacts = '/protocolSection/contactsLocationsModule/centralContacts';
// Two central contacts, each with name, phone and email.
const complete = corpusRecord('NCT05147467');
// Built from a page that shows the central contact's name only.
const clinConnectSeed = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', 'seeds', 'a-randomized-double-blind-placebo-controlled-phase-ii.trial.json'),
    'utf8',
  ),
);

new RuleTester().run(rule, {
  valid: [
    { name: 'main and backup contacts with name, phone and email', record: complete },
    { name: 'no central contacts (sites have their own)', record: corpusRecord('NCT03418623') },
    { name: 'a backup reachable by phone only', record: planted(complete, { [`${contacts}/1/email`]: undefined }) },
    { name: 'contacts of the wrong type', record: planted(complete, { [contacts]: { name: 'Zi Chen' } }) },
  ],
  invalid: [
    {
      name: 'the main contact without email',
      record: planted(complete, { [`${contacts}/0/email`]: undefined }),
      errors: [
        {
          pointer: `${contacts}/0/email`,
          severity: 'warning',
          message:
            'Central contact "Zi Chen, Doctor" has no email address (email); the registry asks for a name, a phone number and an email address for the main central contact.',
        },
      ],
    },
    {
      name: 'a real accepted record whose backup contact is a name only',
      record: corpusRecord('NCT03475563'),
      errors: [
        {
          pointer: `${contacts}/1`,
          severity: 'warning',
          message: /^Backup central contact 1 "Imanol Otaegui" has neither a phone number nor an email address/,
        },
      ],
    },
    {
      name: 'a backup without a name',
      record: planted(complete, { [`${contacts}/1/name`]: '' }),
      errors: [{ pointer: `${contacts}/1/name`, severity: 'warning' }],
    },
    {
      name: 'the seed whose page shows only a name',
      record: clinConnectSeed,
      errors: [
        { pointer: `${contacts}/0/phone`, severity: 'warning', message: /"Jennifer Cobb" has no phone number/ },
        { pointer: `${contacts}/0/email`, severity: 'warning' },
      ],
    },
  ],
});
