import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/responsible-party-investigator';
import { corpusRecord, planted } from './fixtures';

const party = '/protocolSection/sponsorCollaboratorsModule/responsibleParty';
// Principal investigator as responsible party, with name, title and affiliation.
const investigator = corpusRecord('NCT00711542');
const sponsor = corpusRecord('NCT03418623');
// Built from a registry page that names the responsible investigator and title but no affiliation.
const seed = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'seeds', 'NCT07008196.trial.json'), 'utf8'));

const tester = new RuleTester();
tester.run(rule, {
  valid: [
    { name: 'a principal investigator with name, title and affiliation', record: investigator },
    { name: 'the sponsor as responsible party needs no investigator', record: sponsor },
    {
      name: 'no responsible party at all (required-fields reports that)',
      record: planted(sponsor, { [party]: undefined }),
    },
    { name: 'a responsible party of the wrong type', record: planted(sponsor, { [party]: 'PRINCIPAL_INVESTIGATOR' }) },
  ],
  invalid: [
    {
      name: 'a principal investigator without affiliation',
      record: planted(investigator, { [`${party}/investigatorAffiliation`]: undefined }),
      errors: [
        {
          pointer: `${party}/investigatorAffiliation`,
          severity: 'error',
          message:
            '"Investigator affiliation" (investigatorAffiliation) is required when the responsible party is a principal investigator: give the organization the investigator belongs to.',
          related: [`${party}/type`],
        },
      ],
    },
    {
      name: 'a sponsor-investigator without title (blank) or name (null)',
      record: planted(investigator, {
        [`${party}/type`]: 'SPONSOR_INVESTIGATOR',
        [`${party}/investigatorTitle`]: ' ',
        [`${party}/investigatorFullName`]: null,
      }),
      errors: [
        {
          pointer: `${party}/investigatorFullName`,
          severity: 'error',
          message: /a sponsor-investigator: give the investigator's full name/,
        },
        { pointer: `${party}/investigatorTitle`, severity: 'error' },
      ],
    },
    {
      name: 'an older record that holds the investigator in the combined fields gets warnings',
      record: planted(investigator, {
        [`${party}/investigatorFullName`]: undefined,
        [`${party}/investigatorTitle`]: undefined,
        [`${party}/investigatorAffiliation`]: undefined,
        [`${party}/oldNameTitle`]: 'Andreas M. Zeiher, Prof. Dr.',
        [`${party}/oldOrganization`]: 'Johann Wolfgang Goethe University Hospital',
      }),
      errors: [
        {
          pointer: `${party}/investigatorFullName`,
          severity: 'warning',
          message: /only in the older combined form \(oldNameTitle: "Andreas M\. Zeiher, Prof\. Dr\."\)/,
        },
        { pointer: `${party}/investigatorTitle`, severity: 'warning' },
        { pointer: `${party}/investigatorAffiliation`, severity: 'warning', message: /oldOrganization/ },
      ],
    },
    {
      name: 'the seed built from a page that gives no affiliation',
      record: seed,
      errors: [{ pointer: `${party}/investigatorAffiliation`, severity: 'error' }],
    },
  ],
});

describe('responsible-party-investigator suggestions', () => {
  it("offers the matching overall official's affiliation, never as an automatic fix", () => {
    const [finding] = tester.findings(rule, { record: seed });
    expect(finding.fix).toBeUndefined();
    expect(finding.suggestions).toEqual([
      {
        title: 'Use "Peking Union Medical College Hospital" from the overall officials',
        changes: [
          { op: 'set', pointer: `${party}/investigatorAffiliation`, value: 'Peking Union Medical College Hospital' },
        ],
      },
    ]);
  });

  it("offers the single principal investigator's name without degrees", () => {
    const findings = tester.findings(rule, {
      record: planted(investigator, { [`${party}/investigatorFullName`]: undefined }),
    });
    expect(findings[0].suggestions?.[0].changes).toEqual([
      { op: 'set', pointer: `${party}/investigatorFullName`, value: 'Andreas M Zeiher' },
    ]);
  });
});
