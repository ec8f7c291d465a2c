import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/drug-other-names';
import { corpusRecord, planted } from './fixtures';

const interventions = '/protocolSection/armsInterventionsModule/interventions';
// Five drugs, each with other names.
const namedDrugs = corpusRecord('NCT04267848');

new RuleTester().run(rule, {
  valid: [
    { name: 'drugs with their other names', record: namedDrugs },
    { name: 'a placebo has no other names to give', record: corpusRecord('NCT02210780') },
    {
      name: 'other intervention types are not asked',
      record: planted(namedDrugs, { [`${interventions}/0/otherNames`]: undefined }),
    },
    {
      name: 'expanded access for individual patients is exempt',
      record: planted(namedDrugs, {
        '/protocolSection/designModule/studyType': 'EXPANDED_ACCESS',
        '/protocolSection/designModule/expandedAccessTypes': { individual: true },
        [`${interventions}/1/otherNames`]: undefined,
      }),
    },
    { name: 'interventions of the wrong type', record: planted(namedDrugs, { [interventions]: 'Carboplatin' }) },
  ],
  invalid: [
    {
      name: 'a drug with an empty list of other names',
      record: planted(namedDrugs, { [`${interventions}/1/otherNames`]: [] }),
      errors: [
        {
          pointer: `${interventions}/1/otherNames`,
          severity: 'hint',
          message:
            'Drug "Carboplatin" lists no other names (otherNames); add the brand, generic or code names it is also known by, if it has any.',
        },
      ],
    },
    {
      name: 'a list of blank names, as the suggestion inserts it, until one is filled in',
      record: planted(namedDrugs, { [`${interventions}/1/otherNames`]: ['', ' '] }),
      errors: [{ pointer: `${interventions}/1/otherNames`, message: /"Carboplatin" lists no other names/ }],
    },
    {
      name: 'a real accepted record whose investigational drug lists none (hence a hint, never an error)',
      record: corpusRecord('NCT03934567'),
      errors: [{ pointer: `${interventions}/0/otherNames`, severity: 'hint', message: /"Abexinostat"/ }],
    },
  ],
});
