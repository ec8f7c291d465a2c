import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/secondary-id-fields';
import { corpusRecord, planted, sampleRecord } from './fixtures';

const ids = '/protocolSection/identificationModule/secondaryIdInfos';
// REGISTRY and OTHER IDs with their issuers, and the NIH grant of its NIH lead sponsor.
const registryIds = corpusRecord('NCT04267848');
// An NIH collaborator (NIDCD) and its NIH grant number as the only secondary ID.
const nihCollaborator = corpusRecord('NCT05594173');

new RuleTester().run(rule, {
  valid: [
    { name: 'registry and other IDs name their issuers; the NIH sponsor gives its grant', record: registryIds },
    { name: 'an NIH collaborator with its grant number', record: nihCollaborator },
    { name: 'a EudraCT number needs no description', record: corpusRecord('NCT02552212') },
    { name: 'no secondary IDs and no federal funder', record: corpusRecord('NCT03418623') },
    {
      name: 'a grant number given as the organization study ID type counts',
      record: planted(corpusRecord('NCT02299791'), { [ids]: undefined }),
    },
    {
      name: "a list of the wrong type is the schema's finding",
      record: planted(registryIds, { [ids]: 'NCI-2020-00751' }),
    },
    {
      name: "a sponsor class that is not a string is the schema's finding, not a federal funder (nor a failure)",
      record: planted(nihCollaborator, {
        [ids]: undefined,
        '/protocolSection/sponsorCollaboratorsModule/collaborators/0/class': ['NIH'],
        '/protocolSection/sponsorCollaboratorsModule/leadSponsor/class': { toString: 1 },
      }),
    },
  ],
  invalid: [
    {
      name: 'a registry identifier without the registry',
      record: planted(registryIds, { [`${ids}/0/domain`]: undefined }),
      errors: [
        {
          pointer: `${ids}/0/domain`,
          severity: 'error',
          message:
            'Secondary ID "NCI-2020-00751" of type REGISTRY needs a description (domain) naming the registry that assigned it.',
          related: [`${ids}/0/type`],
        },
      ],
    },
    {
      name: 'an ID without a type',
      record: planted(registryIds, { [`${ids}/3/type`]: undefined }),
      errors: [{ pointer: `${ids}/3/type`, severity: 'error', message: /^Secondary ID "U10CA180821" has no type/ }],
    },
    {
      name: 'an ID without a type in a record first submitted before 2017-01-18 is a warning: the registry kept such IDs',
      record: planted(registryIds, {
        [`${ids}/3/type`]: undefined,
        '/protocolSection/statusModule/studyFirstSubmitDate': '2017-01-17',
      }),
      errors: [
        {
          pointer: `${ids}/3/type`,
          severity: 'warning',
          message:
            /has no type; .* The registry kept records first submitted before 2017-01-18 without it, and this one was first submitted 2017-01-17, so it is a warning here\.$/,
        },
      ],
    },
    {
      name: 'an ID without a type in a record not submitted yet is an error',
      record: planted(registryIds, {
        [`${ids}/3/type`]: undefined,
        '/protocolSection/statusModule/studyFirstSubmitDate': undefined,
      }),
      errors: [{ pointer: `${ids}/3/type`, severity: 'error' }],
    },
    {
      name: 'NCT01811251 (registry sample; first submitted 2012, updated 2019): its untyped EudraCT number is a warning',
      record: sampleRecord('NCT01811251'),
      errors: [
        { pointer: `${ids}/0/type`, severity: 'warning', message: /^Secondary ID "2012-003157-29" has no type;/ },
      ],
    },
    {
      name: 'an entry with a type but no ID',
      record: planted(registryIds, { [`${ids}/1/id`]: '' }),
      errors: [
        {
          pointer: `${ids}/1/id`,
          severity: 'error',
          message: 'Secondary ID 2 has type OTHER but no ID; give the identifier itself or remove the entry.',
        },
      ],
    },
    {
      name: 'an NIH collaborator but no grant number',
      record: planted(nihCollaborator, { [ids]: undefined }),
      errors: [
        {
          pointer: ids,
          severity: 'hint',
          message:
            /^No grant or contract number listed for a U\.S\. federal agency among the sponsors: National Institute on Deafness/,
          related: ['/protocolSection/sponsorCollaboratorsModule/collaborators/0/class'],
        },
      ],
    },
    {
      name: 'a federal lead sponsor whose only secondary ID is a registry number',
      record: planted(registryIds, { [`${ids}/3`]: undefined }),
      errors: [
        { pointer: ids, severity: 'hint', related: ['/protocolSection/sponsorCollaboratorsModule/leadSponsor/class'] },
      ],
    },
  ],
});
