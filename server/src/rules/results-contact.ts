import { defineRule, type RuleContext } from '../service/types';
import { asObject, asString, FINAL_RULE_OPTIONS, type JsonObject } from './study';
import { resultsModule, resultsUnderFinalRule, RESULTS } from './support/ipd-results-hygiene';
import { isGiven, RESULTS_DEFINITIONS_URL } from './support/results-numbers';

const BASE = `${RESULTS}/moreInfoModule`;
/** The registry's limit for the overall limitations and caveats, in characters. */
const LIMITATIONS_LIMIT = 500;

export default defineRule({
  meta: {
    id: 'results-contact',
    severity: 'warning',
    category: 'results',
    description:
      'More information: a results point of contact that can be reached, complete certain-agreements answers, and limitations and caveats within 500 characters',
    source: 'RES-07 (results data element definitions: more information)',
    docs:
      "The results name a point of contact for scientific questions: a person's name or an official title, the " +
      'organization, and a phone number or an e-mail address (the e-mail is asked for studies whose primary completion ' +
      'date is on or after 2017-01-18). The certain-agreements answers say whether the principal investigators are ' +
      'employees of the sponsor (piSponsorEmployee); if not, whether an agreement restricts what they may publish ' +
      '(restrictiveAgreement); if it does, which kind of restriction (restrictionType), and for OTHER, what it is ' +
      '(otherDetails). The overall limitations and caveats take at most 500 characters. All are warnings. On the sample of ' +
      '70 records with results: every point of contact has a name or title, an organization and a phone or e-mail (the 11 ' +
      'without e-mail completed before 2017-01-18); one record (NCT04770285, updated 2024) states a restriction without ' +
      'its type and was posted all the same; the longest limitations text has 497 characters. ' +
      `See "More Information" in the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    if (!asObject(asObject(context.record)?.resultsSection)) return;
    const moreInfo = resultsModule(context.record, 'moreInfoModule');
    const contact = asObject(moreInfo?.pointOfContact);
    if (!contact) {
      context.report({
        pointer: moreInfo ? `${BASE}/pointOfContact` : BASE,
        target: 'key',
        message:
          'No results point of contact; give a name or official title, the organization, and a phone number or e-mail address for questions about the results.',
      });
    } else checkContact(context, contact);
    const agreement = asObject(moreInfo?.certainAgreement);
    if (agreement) checkAgreement(context, agreement);
    checkLimitations(context, asString(asObject(moreInfo?.limitationsAndCaveats)?.description));
  },
});

function checkContact(context: RuleContext, contact: JsonObject): void {
  const base = `${BASE}/pointOfContact`;
  const missing: Array<[string, string]> = [];
  if (!isGiven(contact.title)) missing.push(['title', 'a name or official title (title)']);
  if (!isGiven(contact.organization)) missing.push(['organization', 'the organization']);
  if (!isGiven(contact.phone) && !isGiven(contact.email))
    missing.push(['email', 'a phone number or an e-mail address']);
  else if (!isGiven(contact.email) && resultsUnderFinalRule(context))
    missing.push(['email', 'an e-mail address (asked when the primary completion is on or after 2017-01-18)']);
  for (const [key, what] of missing) {
    context.report({
      pointer: `${base}/${key}`,
      target: 'key',
      message: `Results point of contact lacks ${what}; add it, so that questions about the results reach someone.`,
    });
  }
}

function checkAgreement(context: RuleContext, agreement: JsonObject): void {
  const base = `${BASE}/certainAgreement`;
  if (agreement.piSponsorEmployee === undefined) {
    context.report({
      pointer: `${base}/piSponsorEmployee`,
      target: 'key',
      message:
        'Certain agreements do not say whether the principal investigators are employees of the sponsor; set piSponsorEmployee.',
    });
    return;
  }
  if (agreement.piSponsorEmployee === true) return;
  if (agreement.restrictiveAgreement === undefined) {
    context.report({
      pointer: `${base}/restrictiveAgreement`,
      target: 'key',
      message:
        'Certain agreements do not say whether an agreement restricts what the principal investigators may publish (they are not employees of the sponsor); set restrictiveAgreement.',
    });
    return;
  }
  if (agreement.restrictiveAgreement !== true) return;
  const type = asString(agreement.restrictionType);
  if (type === undefined) {
    context.report({
      pointer: `${base}/restrictionType`,
      target: 'key',
      message:
        'An agreement restricts what the principal investigators may publish, but its type is not given; set restrictionType (LTE60, GT60 or OTHER, with otherDetails for OTHER).',
    });
  } else if (type === 'OTHER' && !isGiven(agreement.otherDetails)) {
    context.report({
      pointer: `${base}/otherDetails`,
      target: 'key',
      message: 'Restriction on publishing of type OTHER is not described; say what it is in otherDetails.',
    });
  }
}

function checkLimitations(context: RuleContext, limitations: string | undefined): void {
  if (limitations === undefined || limitations.length <= LIMITATIONS_LIMIT) return;
  context.report({
    pointer: `${BASE}/limitationsAndCaveats/description`,
    message: `Limitations and caveats have ${limitations.length} characters; the registry takes at most ${LIMITATIONS_LIMIT}. Shorten them to the limitations that affect how the results are read.`,
  });
}
