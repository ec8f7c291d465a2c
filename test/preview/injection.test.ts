// Record text is data, never markup: 30 hostile payloads planted in the text fields of a real
// record (titles, arm labels, Markdown criteria, locations, citations, links, problems, results
// groups, measures, categories, analyses, organ systems, contacts, limitations...), then
// loaded in headless Chromium under the real CSP — as the webview (with preview.js and a live
// 'update'), and as the exported file. Nothing may run, load or open; plain text shows literally.
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderBody, type PreviewProblem } from '../../client/src/preview/render';
import { corpusRecord } from '../unit/rules/fixtures';
import {
  exportHtml,
  launchChromium,
  openContext,
  setUpBrowserTests,
  TODAY,
  WebviewServer,
  watch,
  type PageWatch,
} from './browser';

const PAYLOADS: string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r="5"/></svg>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  'javascript:window.__pwned=1',
  '[read this](javascript:window.__pwned=1)',
  '[read this](vbscript:msgbox(1)) and [that](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)',
  '![chart](x" onerror="window.__pwned=1) <https://example.org/x">',
  '<a href="javascript:window.__pwned=1">link</a> <a href="&#106;avascript:window.__pwned=1">encoded</a>',
  '" onmouseover="window.__pwned=1" autofocus onfocus="window.__pwned=1" x="',
  "' onfocus='window.__pwned=1' autofocus tabindex='1' x='",
  'x` onerror=`window.__pwned=1` y=`',
  '</style><script>window.__pwned=1</script><style>',
  '</title></head><body onload="window.__pwned=1">',
  '\\3c script\\3e window.__pwned=1\\3c /script\\3e body{background:url("javascript:window.__pwned=1")}',
  '<style>@import "http://evil.example/x.css"; *{background:url(//evil.example/p.png)}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '<object data="javascript:window.__pwned=1"></object><embed src="data:text/html,<script>parent.__pwned=1</script>">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1"><base href="https://evil.example/">',
  '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &#60;b&#62;',
  '\uD800<script>window.__pwned=1</script>',
  'tail \uDC00"><img src=x onerror=window.__pwned=1> \uDBFF',
  '<!--<script>window.__pwned=1</script>--> <![CDATA[<script>window.__pwned=1</script>]]>',
  '<form action="javascript:window.__pwned=1"><button>Send</button></form>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>',
  '<template><script>window.__pwned=1</script></template><link rel="stylesheet" href="https://evil.example/s.css">',
  '\u202e<script>window.__pwned=1</script> {{constructor.constructor("window.__pwned=1")()}} ${window.__pwned=1}',
];

/** What the page should show for a payload shown as plain text (lone surrogates cannot survive UTF-8). */
function literal(payload: string): string {
  return payload.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** NCT02210780 (protocol and results) with the payload in every text field the page shows. */
function plantEverywhere(payload: string): { record: Record<string, any>; problems: PreviewProblem[] } {
  const record = corpusRecord('NCT02210780');
  const protocol = record.protocolSection;
  protocol.identificationModule.briefTitle = payload;
  protocol.identificationModule.officialTitle = `Official: ${payload}`;
  protocol.identificationModule.acronym = payload;
  protocol.statusModule.overallStatus = payload;
  protocol.statusModule.completionDateStruct.date = payload;
  protocol.sponsorCollaboratorsModule.leadSponsor.name = payload;
  protocol.sponsorCollaboratorsModule.collaborators[0].name = payload;
  protocol.descriptionModule.briefSummary = `Summary with ${payload}`;
  protocol.conditionsModule.conditions[0] = payload;
  protocol.conditionsModule.keywords = [payload];
  protocol.designModule.designInfo.maskingInfo.maskingDescription = payload;
  protocol.armsInterventionsModule.armGroups[0].label = payload;
  protocol.armsInterventionsModule.armGroups[0].description = payload;
  protocol.armsInterventionsModule.armGroups[1].interventionNames.push(payload);
  protocol.armsInterventionsModule.interventions[0].name = payload;
  protocol.armsInterventionsModule.interventions[0].otherNames[0] = payload;
  protocol.armsInterventionsModule.interventions[1].armGroupLabels.push(payload);
  protocol.outcomesModule.primaryOutcomes[0].measure = payload;
  protocol.outcomesModule.primaryOutcomes[0].timeFrame = payload;
  protocol.outcomesModule.primaryOutcomes[0].description = payload;
  protocol.eligibilityModule.eligibilityCriteria += `\n* ${payload}\n\n${payload}`;
  protocol.eligibilityModule.minimumAge = payload;
  protocol.contactsLocationsModule.locations[0].facility = payload;
  protocol.contactsLocationsModule.locations[1].country = payload;
  protocol.contactsLocationsModule.locations[2].city = payload;
  protocol.contactsLocationsModule.centralContacts = [{ name: payload, role: payload, email: payload, phone: payload }];
  protocol.contactsLocationsModule.overallOfficials[0].affiliation = payload;
  protocol.referencesModule = {
    references: [{ citation: payload, pmid: payload, type: payload }],
    seeAlsoLinks: [
      { label: payload, url: payload },
      { label: 'Registry', url: `https://example.org/?q=${payload}` },
    ],
  };
  protocol.ipdSharingStatementModule = {
    ipdSharing: payload,
    description: payload,
    infoTypes: [payload],
    timeFrame: payload,
    accessCriteria: payload,
    url: payload,
  };
  record.resultsSection.moreInfoModule = {
    limitationsAndCaveats: { description: payload },
    certainAgreement: {
      piSponsorEmployee: false,
      restrictiveAgreement: true,
      restrictionType: payload,
      otherDetails: payload,
    },
    pointOfContact: { title: payload, organization: payload, email: payload, phone: payload, phoneExt: payload },
  };
  record.resultsSection.baselineCharacteristicsModule.groups[0].title = payload;
  record.resultsSection.baselineCharacteristicsModule.measures[0].title = payload;
  record.resultsSection.baselineCharacteristicsModule.measures[0].classes[0].categories[0].measurements[0].value =
    payload;
  record.resultsSection.outcomeMeasuresModule.outcomeMeasures[0].title = payload;
  record.resultsSection.outcomeMeasuresModule.outcomeMeasures[0].groups[0].title = payload;
  record.resultsSection.participantFlowModule.groups[0].title = payload;
  record.resultsSection.participantFlowModule.periods[0].milestones[0].type = payload;
  record.resultsSection.adverseEventsModule.eventGroups[0].title = payload;
  const results = record.resultsSection;
  results.participantFlowModule.groups[0].description = payload;
  results.participantFlowModule.periods[0].dropWithdraws[0].type = payload;
  results.participantFlowModule.periods[0].milestones[1].comment = payload;
  results.baselineCharacteristicsModule.measures[0].description = payload;
  results.baselineCharacteristicsModule.measures[1].classes[0].categories[0].title = payload;
  results.outcomeMeasuresModule.outcomeMeasures[8].classes[0].title = payload;
  results.outcomeMeasuresModule.outcomeMeasures[8].classes[0].categories[0].measurements[0].comment = payload;
  results.outcomeMeasuresModule.outcomeMeasures[3].analyses[0].statisticalMethod = payload;
  results.outcomeMeasuresModule.outcomeMeasures[3].analyses[0].groupDescription = payload;
  results.outcomeMeasuresModule.outcomeMeasures[3].analyses[0].groupIds.push(payload);
  results.adverseEventsModule.seriousEvents[0].organSystem = payload;
  results.adverseEventsModule.seriousEvents[0].term = payload;
  results.adverseEventsModule.otherEvents[0].sourceVocabulary = payload;
  results.adverseEventsModule.timeFrame = payload;
  protocol.identificationModule.secondaryIdInfos = [{ id: payload, type: payload, domain: payload, link: payload }];
  protocol.referencesModule.availIpds = [{ id: payload, type: payload, url: payload, comment: payload }];
  const problems: PreviewProblem[] = [
    {
      severity: 'error',
      message: payload,
      ruleId: payload,
      pointer: `/protocolSection/identificationModule/${payload}`,
      line: 3,
    },
    {
      severity: 'warning',
      message: `Arm "${payload}" is odd`,
      ruleId: 'arm-label-reference',
      pointer: '/protocolSection/armsInterventionsModule/armGroups/0/label',
      line: 90,
    },
  ];
  return { record, problems };
}

/** Everything on the page that could run code, load something or leave, in one DOM walk. */
async function dangerousMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const origin = location.origin;
    for (const element of Array.from(document.querySelectorAll('*'))) {
      const tag = element.tagName.toLowerCase();
      if (
        [
          'iframe',
          'object',
          'embed',
          'base',
          'form',
          'template',
          'math',
          'noscript',
          'img',
          'button',
          'frame',
          'textarea',
          'input',
        ].includes(tag)
      )
        found.push(`<${tag}>`);
      if (
        tag === 'meta' &&
        element.hasAttribute('http-equiv') &&
        element.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy'
      )
        found.push('<meta http-equiv>');
      if ((tag === 'svg' || element.closest('svg')) && !element.closest('svg.timeline-chart'))
        found.push(`<${tag}> outside the timeline`);
      if (tag === 'script' && !(element as HTMLScriptElement).src.startsWith(`${origin}/media/`))
        found.push('<script> not ours');
      if (tag === 'link' && !(element as HTMLLinkElement).href.startsWith(`${origin}/media/`))
        found.push('<link> not ours');
      if (tag === 'style' && element.parentElement !== document.head) found.push('<style> in the body');
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${tag}[${name}]`);
        if (['style', 'srcdoc', 'formaction', 'autofocus', 'tabindex'].includes(name)) found.push(`${tag}[${name}]`);
        if (
          (name === 'href' || name === 'src' || name === 'action' || name === 'data') &&
          !/^(https?:|mailto:)/i.test(attribute.value.trim())
        )
          found.push(`${tag}[${name}=${attribute.value}]`);
      }
    }
    return found;
  });
}

interface Shown {
  briefTitle: string;
  plainTexts: string[];
  bodyText: string;
  /** Record text shown on hover (a group's description, a value's comment). */
  hoverTexts: string[];
}

async function shownTexts(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const textOf = (selector: string): string =>
      (document.querySelector(selector) as HTMLElement | null)?.innerText ?? '(missing)';
    return {
      briefTitle: textOf('#brief-title'),
      plainTexts: [
        textOf('.acronym'),
        textOf('#sponsor .facts dd'),
        textOf('.chip.condition'),
        textOf('.chip.keyword'),
        textOf('#outcomes .item-title'),
        textOf('[data-pointer="/protocolSection/contactsLocationsModule/locations/0"] .facility'),
        textOf('[data-pointer="/protocolSection/contactsLocationsModule/locations/2"] .place-only').split(', ')[0],
        textOf('.people .person-name'),
        textOf('.problem .message'),
        textOf('.problem .rule'),
        textOf('.numbers.adverse-events thead th.group'),
        textOf('.numbers.flow tbody th'),
        textOf('[data-pointer="/protocolSection/ipdSharingStatementModule/description"] dd'),
        textOf('[data-pointer="/protocolSection/ipdSharingStatementModule/url"] dd'),
        textOf('.chip[data-pointer="/protocolSection/ipdSharingStatementModule/infoTypes/0"]'),
        textOf('[data-pointer="/resultsSection/moreInfoModule/limitationsAndCaveats"] dd'),
        textOf('.numbers.baseline thead th:nth-child(2)'),
        textOf('.numbers.baseline .measure-title'),
        textOf('details.outcome-result .measure-title'),
        textOf('th[data-pointer="/resultsSection/participantFlowModule/periods/0/dropWithdraws/0"]'),
        textOf('th[data-pointer="/resultsSection/baselineCharacteristicsModule/measures/1/classes/0/categories/0"]'),
        textOf('th[data-pointer="/resultsSection/outcomeMeasuresModule/outcomeMeasures/8/classes/0/categories/0"]'),
        textOf(
          '[data-pointer="/resultsSection/outcomeMeasuresModule/outcomeMeasures/3/analyses/0/statisticalMethod"] dd',
        ),
        textOf(
          '[data-pointer="/resultsSection/outcomeMeasuresModule/outcomeMeasures/3/analyses/0/groupDescription"] dd',
        ),
        textOf('[data-pointer="/resultsSection/adverseEventsModule/seriousEvents/0/organSystem"]'),
        textOf('[data-pointer="/resultsSection/adverseEventsModule/seriousEvents/0"] .term'),
        textOf('[data-pointer="/resultsSection/adverseEventsModule/timeFrame"] dd'),
        textOf('[data-pointer="/protocolSection/identificationModule/secondaryIdInfos/0"] dt'),
        (Array.from(document.querySelectorAll('.country-name')) as HTMLElement[])
          .map((element) => element.innerText)
          .find((text) => text !== 'United States') ?? '(missing)',
      ],
      bodyText: document.body.innerText,
      hoverTexts: [
        document
          .querySelector('th[data-pointer="/resultsSection/participantFlowModule/groups/0"]')
          ?.getAttribute('title') ?? '(missing)',
        document
          .querySelector(
            'td[data-pointer="/resultsSection/outcomeMeasuresModule/outcomeMeasures/8/classes/0/categories/0/measurements/0"]',
          )
          ?.getAttribute('title') ?? '(missing)',
      ],
    };
  });
}

function expectLiteral(shown: Shown, payload: string): void {
  const expected = literal(payload);
  expect(shown.briefTitle).toBe(expected);
  for (const text of shown.plainTexts) expect(text).toBe(expected);
  for (const text of shown.hoverTexts) expect(text).toBe(expected);
  expect(shown.bodyText).toContain(`Official: ${expected}`);
  // The comparison names the planted group id as one that matches no group.
  expect(shown.bodyText).toContain(`${expected} (no such group)`);
}

async function expectNothingRan(page: Page, seen: PageWatch): Promise<void> {
  await page.waitForTimeout(50);
  const flags = await page.evaluate(() => {
    const target = window as unknown as Record<string, unknown>;
    return { pwned: target.__pwned, violations: target.__violations as string[], url: location.href };
  });
  expect(flags.pwned, 'a payload ran').toBeUndefined();
  expect(seen.dialogs, 'a dialog opened').toEqual([]);
  // No CSP violation at all: the payload never even became markup the policy had to stop.
  expect(flags.violations).toEqual([]);
  expect(
    seen.offline.filter((url) => !url.startsWith('http://127.0.0.1')),
    'a request tried to leave',
  ).toEqual([]);
  expect(await dangerousMarkup(page)).toEqual([]);
}

let browser: Browser;
let context: BrowserContext;
let server: WebviewServer;
let webviewPage: Page;
let webviewSeen: PageWatch;
let exportPage: Page;
let exportSeen: PageWatch;

setUpBrowserTests(async () => {
  browser = await launchChromium();
  context = await openContext(browser);
  server = await WebviewServer.start();
  webviewPage = await context.newPage();
  webviewSeen = watch(webviewPage);
  exportPage = await context.newPage();
  exportSeen = watch(exportPage);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('hostile record text in the preview (headless Chromium, real CSP)', () => {
  it('has 30 payloads', () => {
    expect(new Set(PAYLOADS).size).toBe(30);
  });

  it.each(PAYLOADS.map((payload, index) => [index + 1, payload] as const))(
    'payload %i in the webview: %s',
    async (_n, payload) => {
      const { record, problems } = plantEverywhere(payload);
      await server.show(webviewPage, server.webviewHtml(record, problems));
      await expectNothingRan(webviewPage, webviewSeen);
      expectLiteral(await shownTexts(webviewPage), payload);

      // Clicks post the pointer of what was clicked, attribute text intact.
      await webviewPage.evaluate(() => ((window as unknown as { __posted: unknown[] }).__posted.length = 0));
      await webviewPage.locator('.problem').first().click();
      await webviewPage.locator('#brief-title').click();
      expect(await webviewPage.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted)).toEqual([
        { type: 'reveal', pointer: `/protocolSection/identificationModule/${literal(payload)}` },
        { type: 'reveal', pointer: '/protocolSection/identificationModule/briefTitle' },
      ]);
    },
  );

  it.each(PAYLOADS.map((payload, index) => [index + 1, payload] as const))(
    'payload %i in a live update: %s',
    async (_n, payload) => {
      await server.show(webviewPage, server.webviewHtml(corpusRecord('NCT02210780')));
      const { record, problems } = plantEverywhere(payload);
      const body = renderBody(record, { mode: 'webview', today: TODAY, problems });
      await webviewPage.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), body);
      await webviewPage.waitForFunction(
        (expected) => document.getElementById('brief-title')?.innerText === expected,
        literal(payload),
      );
      await expectNothingRan(webviewPage, webviewSeen);
      expectLiteral(await shownTexts(webviewPage), payload);
    },
  );

  it.each(PAYLOADS.map((payload, index) => [index + 1, payload] as const))(
    'payload %i in the exported file: %s',
    async (_n, payload) => {
      const { record, problems } = plantEverywhere(payload);
      await exportPage.setContent(exportHtml(record, problems), { waitUntil: 'load' });
      await expectNothingRan(exportPage, exportSeen);
      expectLiteral(await shownTexts(exportPage), payload);
      // The exported file's own stylesheet applied under its hash.
      expect(await exportPage.locator('.cards').evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    },
  );
});
