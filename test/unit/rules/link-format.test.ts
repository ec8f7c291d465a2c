import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/link-format';
import { planted, sampleRecord } from './fixtures';

// One see-also link (https://www.lillytrialguide.com/…) and the IPD sharing URL https://vivli.org/.
const record = sampleRecord('NCT02397473');
const link = '/protocolSection/referencesModule/seeAlsoLinks/0/url';
const ipdUrl = '/protocolSection/ipdSharingStatementModule/url';
const availableIpds = '/protocolSection/referencesModule/availIpds';
const availableIpd = `${availableIpds}/0`;

new RuleTester().run(rule, {
  valid: [
    { name: 'real links', record },
    {
      name: 'an http link with a query and an escaped ampersand',
      record: planted(record, { [link]: 'http://www.example.org/a?b=1&amp;c=2' }),
    },
    {
      name: 'an available IPD with its URL',
      record: planted(record, {
        [availableIpds]: [{ id: 'CGAL', type: 'Study Protocol', url: 'https://vivli.org/ourmember/lilly/' }],
      }),
    },
    { name: "an empty URL is another rule's concern", record: planted(record, { [link]: '' }) },
  ],
  invalid: [
    {
      name: 'a link without its scheme: an error, with https:// suggested',
      record: planted(record, { [link]: 'www.lillytrialguide.com/en-US/studies' }),
      errors: [
        {
          pointer: link,
          severity: 'error',
          message:
            '"www.lillytrialguide.com/en-US/studies" lacks its scheme; write the complete address starting with http:// or https://, e.g. "https://www.lillytrialguide.com/en-US/studies".',
        },
      ],
    },
    {
      name: 'an available IPD URL without its scheme: an error',
      record: planted(record, { [availableIpds]: [{ type: 'Study Protocol', url: 'vivli.org' }] }),
      errors: [{ pointer: `${availableIpd}/url`, severity: 'error', message: /^"vivli\.org" lacks its scheme/ }],
    },
    {
      name: 'the IPD sharing URL without its scheme: a warning',
      record: planted(record, { [ipdUrl]: 'vivli.org/' }),
      errors: [{ pointer: ipdUrl, severity: 'warning', message: /^"vivli\.org\/" lacks its scheme/ }],
    },
    {
      name: 'a host with a port is a missing scheme, not a scheme of its own',
      record: planted(record, { [link]: 'www.example.org:8080/study' }),
      errors: [{ pointer: link, severity: 'error', message: /^"www\.example\.org:8080\/study" lacks its scheme/ }],
    },
    {
      name: 'an ftp address',
      record: planted(record, { [link]: 'ftp://files.example.org/protocol.pdf' }),
      errors: [
        {
          pointer: link,
          severity: 'error',
          message:
            '"ftp://files.example.org/protocol.pdf" is not a web address (it starts with "ftp:"); the registry takes addresses starting with http:// or https://.',
        },
      ],
    },
    {
      name: 'two addresses in one field',
      record: planted(record, { [link]: 'https://www.lillytrialguide.com/ https://vivli.org/' }),
      errors: [
        {
          pointer: link,
          severity: 'warning',
          message: '2 web addresses in one field; it takes one. Give each its own link.',
        },
      ],
    },
    {
      name: 'a space inside the address',
      record: planted(record, { [link]: 'https://www.example.org/study protocol.pdf' }),
      errors: [
        {
          pointer: link,
          severity: 'warning',
          message:
            '"https://www.example.org/study protocol.pdf" contains spaces; a web address has none (write a space as %20).',
        },
      ],
    },
    {
      name: 'a host without a dot',
      record: planted(record, { [ipdUrl]: 'https://intranet/ipd' }),
      errors: [
        {
          pointer: ipdUrl,
          severity: 'warning',
          message: '"https://intranet/ipd" has no host name such as "www.example.org" after the scheme.',
        },
      ],
    },
  ],
});
