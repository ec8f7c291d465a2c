// client/media/preview.js in headless Chromium, with a stand-in for the VS Code webview API:
// clicks post 'reveal' with the pointer of what was clicked, 'highlight' marks the section (and
// opens folded groups, scrolls when needed), 'update' replaces the body and keeps the scroll
// position, and the state keeps the record's URI for the serializer.
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderBody } from '../../client/src/preview/render';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { launchChromium, openContext, setUpBrowserTests, TODAY, WebviewServer } from './browser';

let browser: Browser;
let context: BrowserContext;
let server: WebviewServer;
let page: Page;

const record = corpusRecord('NCT02552212');

setUpBrowserTests(async () => {
  browser = await launchChromium();
  context = await openContext(browser);
  server = await WebviewServer.start();
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function load(): Promise<void> {
  await server.show(page, server.webviewHtml(record));
  await page.evaluate(() => ((window as unknown as { __posted: unknown[] }).__posted.length = 0));
}

function posted(): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
}

function send(message: unknown): Promise<void> {
  return page.evaluate((data) => window.postMessage(data, '*'), message);
}

describe('preview.js in the webview', () => {
  it('keeps the record URI in the webview state, and the scroll position', async () => {
    await load();
    expect(await page.evaluate(() => (window as unknown as { __state: unknown }).__state)).toEqual({
      uri: 'file:///home/curator/records/example.trial.json',
    });
    await page.evaluate(() => window.scrollTo(0, 900));
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __state: { scrollY?: number } }).__state.scrollY))
      .toBe(900);
  });

  it('posts the pointer of the innermost element clicked', async () => {
    await load();
    await page.locator('table.matrix td.linked').first().click();
    await page.locator('#design .facts dt', { hasText: 'Allocation' }).click();
    await page.locator('#timeline h2').click();
    await page.locator('.badge.status').click();
    expect(await posted()).toEqual([
      { type: 'reveal', pointer: '/protocolSection/armsInterventionsModule/armGroups/0/interventionNames/0' },
      { type: 'reveal', pointer: '/protocolSection/designModule/designInfo/allocation' },
      { type: 'reveal', pointer: '/protocolSection/statusModule' },
      { type: 'reveal', pointer: '/protocolSection/statusModule/overallStatus' },
    ]);
  });

  it('does not jump when a link is followed or text is being selected', async () => {
    await load();
    // Keep the page where it is: the test only asks whether preview.js posted anything.
    await page.evaluate(() => window.addEventListener('click', (event) => event.preventDefault()));
    await page.locator('a.pmid').first().click();
    await page.locator('a.registry-link').click();
    await page.evaluate(() => {
      const title = document.getElementById('brief-title')!;
      window.getSelection()!.selectAllChildren(title);
      title.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    expect(await posted()).toEqual([]);
  });

  it('highlights the section and the item holding the pointer, opening folded groups and scrolling to it', async () => {
    await load();
    await send({ type: 'highlight', pointer: '/protocolSection/designModule/designInfo/maskingInfo/whoMasked/2' });
    expect(await page.locator('.highlight').evaluateAll((elements) => elements.map((element) => element.id))).toEqual([
      'design',
    ]);
    expect(await page.locator('.highlight-item').getAttribute('data-pointer')).toBe(
      '/protocolSection/designModule/designInfo/maskingInfo',
    );

    // Site 60 sits in a country group folded because the study has more than 60 sites.
    const site = page.locator('[data-pointer="/protocolSection/contactsLocationsModule/locations/60"]');
    expect(await site.isVisible()).toBe(false);
    await send({ type: 'highlight', pointer: '/protocolSection/contactsLocationsModule/locations/60/city' });
    await expect.poll(() => site.isVisible()).toBe(true);
    expect(await page.locator('.highlight').evaluateAll((elements) => elements.map((element) => element.id))).toEqual([
      'locations',
    ]);
    expect(await site.evaluate((element) => element.classList.contains('highlight-item'))).toBe(true);
    const box = await site.boundingBox();
    expect(box!.y).toBeGreaterThan(0);
    expect(box!.y).toBeLessThan(900);

    // A date is both a marker on each chart and an item of the list: all of them light up.
    await send({ type: 'highlight', pointer: '/protocolSection/statusModule/primaryCompletionDateStruct/date' });
    expect(
      await page
        .locator('.highlight-item')
        .evaluateAll((elements) => elements.map((element) => element.tagName.toLowerCase())),
    ).toEqual(['g', 'g', 'li']);
    expect(await page.locator('.highlight').evaluateAll((elements) => elements.map((element) => element.id))).toEqual([
      'timeline',
    ]);

    // Problems have pointers too, but the highlight looks only in the record.
    await send({ type: 'highlight', pointer: '/hasResults' });
    expect(await page.locator('.highlight, .highlight-item').count()).toBe(0);
  });

  it('reveals a results cell on click, and highlights a value inside a folded outcome measure, opening it', async () => {
    await load();
    await page.locator('#baseline table.numbers tbody td').first().click();
    await page.locator('#adverse-events .other-events tbody td').nth(2).click();
    expect(await posted()).toEqual([
      { type: 'reveal', pointer: '/resultsSection/baselineCharacteristicsModule/denoms/0/counts/0' },
      { type: 'reveal', pointer: '/resultsSection/adverseEventsModule/eventGroups/2/otherNumAffected' },
    ]);

    // With 31 outcome measures only the primary ones start open.
    const folded = record.resultsSection.outcomeMeasuresModule.outcomeMeasures.findIndex(
      (measure: { type: string; classes?: unknown[] }) => measure.type !== 'PRIMARY' && measure.classes?.length,
    );
    const measure = page.locator(
      `details.outcome-result[data-pointer="/resultsSection/outcomeMeasuresModule/outcomeMeasures/${folded}"]`,
    );
    expect(await measure.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    const value = `/resultsSection/outcomeMeasuresModule/outcomeMeasures/${folded}/classes/0/categories/0/measurements/0`;
    await send({ type: 'highlight', pointer: `${value}/value` });
    await expect.poll(() => measure.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    expect(
      await page
        .locator('.highlight-item')
        .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-pointer'))),
    ).toEqual([value]);
    expect(await page.locator('.highlight').evaluateAll((elements) => elements.map((element) => element.id))).toEqual([
      'outcome-results',
    ]);
  });

  it('replaces the body on update, keeping the scroll position and the highlight', async () => {
    await load();
    await send({ type: 'highlight', pointer: '/protocolSection/outcomesModule/primaryOutcomes/0' });
    await page.evaluate(() => window.scrollTo(0, 1500));
    const changed = planted(record, {
      '/protocolSection/identificationModule/briefTitle': 'A new brief title typed in the editor',
    });
    await send({ type: 'update', html: renderBody(changed, { mode: 'webview', today: TODAY }) });
    await expect.poll(() => page.locator('#brief-title').innerText()).toBe('A new brief title typed in the editor');
    expect(await page.evaluate(() => window.scrollY)).toBe(1500);
    expect(await page.locator('#outcomes.highlight').count()).toBe(1);
    expect(await page.locator('body').getAttribute('data-uri')).toBe('file:///home/curator/records/example.trial.json');
  });

  it('ignores messages that are not its own', async () => {
    await load();
    const before = await page.locator('body').innerHTML();
    await send('update');
    await send({ type: 'update', html: 42 });
    await send({ type: 'highlight' });
    expect(await page.locator('body').innerHTML()).toBe(before);
  });
});
