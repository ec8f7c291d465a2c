// Two seeds rendered as the webview shows them, in headless Chromium at 1200×900, saved as full-page
// PNGs under test/preview/out/ (light, plus one dark) for a person to look at; the test checks that
// the title, the matrix and the timeline are there and visible. Two records with results have each
// results card saved the same way, and their long and wide tables are checked to scroll inside
// their frames under a header that stays in view.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewProblem } from '../../client/src/preview/render';
import { validateText } from '../../server/src/service/validate';
import { builtinRules } from '../../server/src/rules';
import { corpusRecord, planted, sampleRecord } from '../unit/rules/fixtures';
import { launchChromium, openContext, setUpBrowserTests, repoRoot, TODAY, WebviewServer, watch } from './browser';

const OUT = join(repoRoot, 'test', 'preview', 'out');
const SEEDS = ['NCT06375005', 'NCT07423533'];

let browser: Browser;
let context: BrowserContext;
let server: WebviewServer;

setUpBrowserTests(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  context = await openContext(browser);
  server = await WebviewServer.start();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

function seed(nctId: string): { protocolSection: { identificationModule: { briefTitle: string } } } {
  return JSON.parse(readFileSync(join(repoRoot, 'seeds', `${nctId}.trial.json`), 'utf8'));
}

async function expectVisible(page: Page, selector: string): Promise<void> {
  const element = page.locator(selector);
  expect(await element.count(), selector).toBe(1);
  expect(await element.isVisible(), `${selector} is visible`).toBe(true);
  const box = await element.boundingBox();
  expect(box && box.width > 100 && box.height > 10, `${selector} has a real size`).toBe(true);
}

describe('preview screenshots (headless Chromium, 1200×900)', () => {
  for (const nctId of SEEDS) {
    it(`renders ${nctId} with its title, arms matrix and timeline`, async () => {
      const record = seed(nctId);
      const page = await context.newPage();
      const seen = watch(page);
      await server.show(page, server.webviewHtml(record));
      await expectVisible(page, '#brief-title');
      expect(await page.locator('#brief-title').innerText()).toBe(
        record.protocolSection.identificationModule.briefTitle,
      );
      await expectVisible(page, 'table.matrix');
      await expectVisible(page, 'svg.timeline-chart.wide');
      expect(
        await page.locator('svg.timeline-chart.compact').isVisible(),
        'the compact chart is for narrow panels',
      ).toBe(false);
      expect(await page.locator('svg.timeline-chart.wide .event').count()).toBeGreaterThanOrEqual(2);
      // The stylesheet from client/media applied (the CSP let it in): cards are laid out as a grid.
      expect(await page.locator('.cards').evaluate((element) => getComputedStyle(element).display)).toBe('grid');
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(seen.dialogs).toEqual([]);
      const file = join(OUT, `${nctId}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeGreaterThan(20_000);
      await page.close();
    });
  }

  it("renders the end-to-end test's planted NCT06375005 with its problems and the broken reference", async () => {
    const record = planted(seed('NCT06375005'), {
      '/protocolSection/designModule/phases/0': 'Phase 2',
      '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0':
        'Mycophenolate Mofetil + Telitacicep',
    });
    const problems: PreviewProblem[] = validateText(JSON.stringify(record, null, 2), {
      rules: builtinRules,
      today: TODAY,
    }).map((finding) => ({
      severity: finding.severity,
      message: finding.message,
      ruleId: finding.ruleId,
      pointer: finding.pointer,
      line: finding.range.start.line + 1,
    }));
    expect(problems.map((problem) => problem.ruleId)).toEqual(
      expect.arrayContaining(['schema', 'arm-label-reference']),
    );
    const page = await context.newPage();
    await server.show(page, server.webviewHtml(record, problems));
    expect(await page.locator('.problems .problem').count()).toBe(problems.length);
    expect(await page.locator('table.matrix .broken').first().isVisible()).toBe(true);
    const file = join(OUT, 'NCT06375005-problems.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await page.close();
  });

  it('renders NCT07423533 with the dark fallbacks of the exported page', async () => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await server.show(page, server.webviewHtml(seed('NCT07423533')));
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 25, 28)');
    await expectVisible(page, 'table.matrix');
    const file = join(OUT, 'NCT07423533-dark.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await page.close();
  });
});

const RESULTS_CARDS = ['participant-flow', 'baseline', 'outcome-results', 'adverse-events', 'results-more-info'];

describe('results screenshots (headless Chromium)', () => {
  for (const nctId of ['NCT02210780', 'NCT02513394']) {
    it(`renders each results card of ${nctId}`, async () => {
      const page = await context.newPage();
      await server.show(page, server.webviewHtml(corpusRecord(nctId)));
      for (const id of RESULTS_CARDS) {
        const card = page.locator(`#${id}`);
        expect(await card.isVisible(), `#${id} is visible`).toBe(true);
        const file = join(OUT, `${nctId}-${id}.png`);
        await card.screenshot({ path: file });
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
      expect(await page.locator('#baseline table.numbers tbody td').first().isVisible()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      await page.close();
    });
  }

  it('keeps the header of a long table in view while the table scrolls (NCT02513394, 1688 other events)', async () => {
    const page = await context.newPage();
    await server.show(page, server.webviewHtml(corpusRecord('NCT02513394')));
    const events = page.locator('details.event-table').nth(1);
    expect(
      await events.evaluate((element) => (element as HTMLDetailsElement).open),
      'a table this long starts folded',
    ).toBe(false);
    await events.locator('summary').click();
    const frame = events.locator('.table-frame');
    const frameBox = (await frame.boundingBox())!;
    expect(frameBox.height).toBeLessThanOrEqual(900 * 0.8 + 2);
    await frame.evaluate((element) => (element.scrollTop = element.scrollHeight));
    const head = (await events.locator('thead th.group').first().boundingBox())!;
    expect(Math.abs(head.y - frameBox.y)).toBeLessThan(3);
    const lastRow = events.locator('tbody tr').last();
    expect(await lastRow.isVisible()).toBe(true);
    const lastBox = (await lastRow.boundingBox())!;
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(frameBox.y + frameBox.height + 1);
    await frame.screenshot({ path: join(OUT, 'NCT02513394-other-events-scrolled.png') });
    await page.close();
  });

  it('scrolls a table with many groups inside its frame, not the page, with the row heads in view (NCT04431453 at 800 px)', async () => {
    const narrow = await openContext(browser, { width: 800, height: 900 });
    const page = await narrow.newPage();
    await server.show(page, server.webviewHtml(sampleRecord('NCT04431453')));
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    const frame = page.locator('#baseline .table-frame');
    const sizes = await frame.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await frame.evaluate((element) => (element.scrollLeft = 400));
    const frameBox = (await frame.boundingBox())!;
    const rowHead = (await frame.locator('tbody th[scope="row"]').first().boundingBox())!;
    expect(Math.abs(rowHead.x - frameBox.x)).toBeLessThan(3);
    // The group's description shows on hover.
    expect(await frame.locator('thead th.group').first().getAttribute('title')).toBe(
      sampleRecord('NCT04431453').resultsSection.baselineCharacteristicsModule.groups[0].description,
    );
    await page.locator('#baseline').screenshot({ path: join(OUT, 'NCT04431453-baseline-800.png') });
    await narrow.close();
  });
});
