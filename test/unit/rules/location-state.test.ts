import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/location-state';
import { planted, sampleRecord } from './fixtures';

// Three U.S. sites (Georgia, Missouri, Ohio) and one in India (state "Gujarat").
const record = sampleRecord('NCT03671044');
const state = '/protocolSection/contactsLocationsModule/locations/1/state';
const withState = (value: string) => planted(record, { [state]: value });

new RuleTester().run(rule, {
  valid: [
    { name: 'full state names, and a province outside the United States', record },
    { name: 'the District of Columbia', record: withState('District of Columbia') },
    {
      name: 'a province elsewhere is not checked',
      record: planted(record, { '/protocolSection/contactsLocationsModule/locations/3/state': 'GJ' }),
    },
    { name: "a missing state is the required-fields rule's concern", record: withState('') },
  ],
  invalid: [
    {
      name: 'a postal code: information, fixed to the name',
      record: withState('MO'),
      errors: [
        {
          pointer: state,
          severity: 'info',
          message: '"MO" is the postal code of Missouri; the registry keeps the state\'s full name.',
        },
      ],
      output: record,
    },
    {
      name: 'a postal code with dots, in lower case',
      record: withState('m.o.'),
      errors: [{ pointer: state, severity: 'info', message: /^"m\.o\." is the postal code of Missouri/ }],
      output: record,
    },
    {
      name: 'a name in other case: fixed',
      record: withState('MISSOURI'),
      errors: [
        { pointer: state, severity: 'info', message: 'State "MISSOURI" is written "Missouri" by the registry.' },
      ],
      output: record,
    },
    {
      name: 'a misspelt state: a warning with a suggestion',
      record: withState('Misouri'),
      errors: [
        { pointer: state, severity: 'warning', message: '"Misouri" is not a U.S. state; did you mean "Missouri"?' },
      ],
      output: withState('Misouri'),
    },
    {
      name: 'a city for a state',
      record: withState('Springfield'),
      errors: [
        {
          pointer: state,
          severity: 'warning',
          message: '"Springfield" is not a U.S. state; write the state\'s full name, e.g. "North Carolina".',
        },
      ],
    },
  ],
});
