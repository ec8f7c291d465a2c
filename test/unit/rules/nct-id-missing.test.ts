import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/nct-id-missing';
import { corpusRecord, planted } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const record = corpusRecord('NCT03418623');
const clinConnectSeed = JSON.parse(
  readFileSync(
    join(__dirname, '..', '..', '..', 'seeds', 'a-randomized-double-blind-placebo-controlled-phase-ii.trial.json'),
    'utf8',
  ),
);

new RuleTester().run(rule, {
  valid: [
    { name: 'a real record with its NCT number', record },
    { name: 'no identification module at all (required-fields reports that)', record: { protocolSection: {} } },
  ],
  invalid: [
    {
      name: 'NCT number removed',
      record: planted(record, { '/protocolSection/identificationModule/nctId': undefined }),
      errors: [{ pointer: '/protocolSection/identificationModule', severity: 'info', message: /No NCT number/ }],
    },
    {
      name: 'the ClinConnect seed, which states no NCT number',
      record: clinConnectSeed,
      errors: [{ pointer: '/protocolSection/identificationModule', message: /assigns one at first posting/ }],
    },
  ],
});
