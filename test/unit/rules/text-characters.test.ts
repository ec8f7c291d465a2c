import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/text-characters';
import { corpusRecord, planted } from './fixtures';

const title = '/protocolSection/identificationModule/briefTitle';
const label = '/protocolSection/armsInterventionsModule/armGroups/0/label';
const record = corpusRecord('NCT03418623');
const briefTitle: string = record.protocolSection.identificationModule.briefTitle;
// "Effect of GET73 on …": position 7 is the space before "of".
const withCharacterAt7 = (character: string) => `${briefTitle.slice(0, 6)}${character}${briefTitle.slice(6)}`;
// A record with a results section, for the results text.
const withResults = corpusRecord('NCT00763412');
const flowGroupTitle = '/resultsSection/participantFlowModule/groups/0/title';

new RuleTester().run(rule, {
  valid: [
    { name: 'real text with line breaks and typographic quotes (NCT03418623)', record },
    { name: 'results text (NCT00763412)', record: withResults },
    { name: 'a 1.5 MB record (NCT02513394)', record: corpusRecord('NCT02513394') },
    {
      name: 'tab, line feed and carriage return are allowed',
      record: planted(record, { [title]: `Effect\tof GET73\r\non glutamate` }),
    },
    {
      name: 'characters outside the basic plane, written as surrogate pairs',
      record: planted(record, { [title]: `${briefTitle} 😀 𝛼` }),
    },
    {
      name: "the derived section is the registry's own",
      record: planted(record, { '/derivedSection/conditionBrowseModule/meshes/0/term': 'Alcoholism\u0007' }),
    },
    {
      name: 'keys are not text: a control character in a key is left to the schema',
      record: planted(record, { '/protocolSection/identificationModule/x\u0007': 'y' }),
    },
    {
      name: 'a key with a whole character outside the basic plane',
      record: planted(record, { '/protocolSection/identificationModule/x😀': 'y' }),
    },
  ],
  invalid: [
    {
      name: 'a bell character in the brief title: removed by the fix',
      record: planted(record, { [title]: withCharacterAt7('\u0007') }),
      errors: [
        {
          pointer: title,
          severity: 'warning',
          message:
            'Character the registry does not accept in text: U+0007 (a control character) at position 7. Remove it: it shows as nothing or as a box.',
        },
      ],
      output: record,
    },
    {
      name: 'NUL and a vertical tab in an arm label',
      record: planted(record, { [label]: '\u0000GET\u000B73' }),
      errors: [
        {
          pointer: label,
          message:
            'Text contains 2 characters the registry does not accept in text: U+0000 (the NUL character) at position 1 and U+000B (a control character) at position 5. Remove them: they show as nothing or as boxes.',
        },
      ],
      output: record,
    },
    {
      name: 'a C1 control character and DEL',
      record: planted(record, { [label]: 'GET73\u0085\u007F' }),
      errors: [
        {
          pointer: label,
          message: /U\+0085 \(a control character\) at position 6 and U\+007F \(a control character\) at position 7/,
        },
      ],
      output: record,
    },
    {
      name: 'a replacement character: no automatic fix, since the meant character is lost',
      record: planted(record, { [title]: withCharacterAt7('\uFFFD') }),
      errors: [
        {
          pointer: title,
          message:
            /^Character the registry does not accept in text: U\+FFFD \(the replacement character, left where a character was lost in an encoding conversion\) at position 7\. .*Retype the character that was meant, or remove it\.$/,
        },
      ],
      output: planted(record, { [title]: withCharacterAt7('\uFFFD') }),
    },
    {
      name: 'positions count characters, not UTF-16 units: an unpaired surrogate after an emoji',
      record: planted(record, { [label]: 'G😀E\uD83DT73' }),
      errors: [
        { pointer: label, message: /U\+D83D \(half of a character whose other half is missing\) at position 4/ },
      ],
    },
    {
      name: 'a control character and a replacement character: the fix removes only the control character',
      record: planted(record, { [label]: 'GET\u000173\uFFFD' }),
      errors: [
        {
          pointer: label,
          message: /2 characters .*: U\+0001 \(a control character\) at position 4 and U\+FFFD .* at position 7\./,
        },
      ],
      output: planted(record, { [label]: 'GET73\uFFFD' }),
    },
    {
      name: 'many characters: the first three are named',
      record: planted(record, { [label]: 'G\u0001E\u0002T\u0003\u000473\u0005' }),
      errors: [
        {
          pointer: label,
          message:
            /5 characters .*: U\+0001 .* at position 2, U\+0002 .* at position 4, U\+0003 .* at position 6 and 2 more\./,
        },
      ],
      output: record,
    },
    {
      name: 'half a character in a key is reported as in a text, with the key renamed as a suggestion only',
      record: planted(record, { '/protocolSection/identificationModule/brief\uD83DTitle': 'y' }),
      errors: [
        {
          pointer: '/protocolSection/identificationModule/brief\uD83DTitle',
          severity: 'warning',
          message:
            'Key contains U+D83D (half of a character whose other half is missing) at position 6: it cannot be written in UTF-8 or XML, so the registry cannot receive the record. Retype the key.',
        },
      ],
      output: planted(record, { '/protocolSection/identificationModule/brief\uD83DTitle': 'y' }),
    },
    {
      name: 'keys are checked in every section and in arrays: a low half in the derived section',
      record: planted(record, { '/derivedSection/conditionBrowseModule/meshes/0/\uDE00': 'y' }),
      errors: [
        {
          pointer: '/derivedSection/conditionBrowseModule/meshes/0/\uDE00',
          message: /^Key contains U\+DE00 \(half of a character whose other half is missing\) at position 1:/,
        },
      ],
    },
    {
      name: 'results text is checked too',
      record: planted(withResults, { [flowGroupTitle]: 'Placebo\u001B' }),
      errors: [{ pointer: flowGroupTitle, message: /U\+001B \(a control character\) at position 8/ }],
      output: withResults,
    },
  ],
});
