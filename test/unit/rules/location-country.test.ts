import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/location-country';
import { planted, sampleRecord } from './fixtures';

// Three U.S. sites (Georgia, Missouri, Ohio) and one in India.
const record = sampleRecord('NCT03671044');
const country = '/protocolSection/contactsLocationsModule/locations/3/country';
const withCountry = (value: string) => planted(record, { [country]: value });

new RuleTester().run(rule, {
  valid: [
    { name: 'United States and India', record },
    { name: "the registry's own long form", record: withCountry('Korea, Republic of') },
    { name: 'a newer name the registry uses too', record: withCountry('South Korea') },
    { name: 'Türkiye, with its accent', record: withCountry('Türkiye') },
    { name: "an empty country is the required-fields rule's concern", record: withCountry('') },
    { name: "a country of the wrong type is the schema's concern", record: planted(record, { [country]: 91 }) },
  ],
  invalid: [
    {
      name: "the upload format's abbreviation USA: fixed",
      record: withCountry('USA'),
      errors: [
        { pointer: country, severity: 'warning', message: 'Country "USA" is written "United States" by the registry.' },
      ],
      output: withCountry('United States'),
    },
    {
      name: 'UK: fixed',
      record: withCountry('UK'),
      errors: [{ pointer: country, message: 'Country "UK" is written "United Kingdom" by the registry.' }],
      output: withCountry('United Kingdom'),
    },
    {
      name: 'a difference of case only: fixed',
      record: withCountry('india'),
      errors: [{ pointer: country, message: 'Country "india" is written "India" by the registry.' }],
      output: record,
    },
    {
      name: 'without the accent and in other case: fixed',
      record: withCountry("cote d'ivoire"),
      errors: [{ pointer: country, message: `Country "cote d'ivoire" is written "Côte D'Ivoire" by the registry.` }],
      output: withCountry("Côte D'Ivoire"),
    },
    {
      name: 'a typo: suggested, not fixed',
      record: withCountry('Inida'),
      errors: [
        { pointer: country, message: '"Inida" is not a country of the registry\'s list; did you mean "India"?' },
      ],
      output: withCountry('Inida'),
    },
    {
      name: 'a city for a country: no suggestion',
      record: withCountry('Ahmedabad'),
      errors: [
        {
          pointer: country,
          message:
            '"Ahmedabad" is not a country of the registry\'s list; write the country\'s English name as the registry lists it (e.g. "Korea, Republic of").',
        },
      ],
    },
  ],
});
