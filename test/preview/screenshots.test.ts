// Two seeds rendered as the webview shows them, in headless Chromium at 1200×900, saved as full-page
// PNGs under test/preview/out/ (light, plus one dark) for a person to look at; the test checks that
// the title, the matrix and the timeline are there and visible.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewProblem } from '../../client/src/preview/render';
import { validateText } from '../../server/src/service/validate';
import { builtinRules } from '../../server/src/rules';
import { planted } from '../unit/rules/fixtures';
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
      expect(await page.locator('#brief-title').innerText()).toBe(record.protocolSection.identificationModule.briefTitle);
      await expectVisible(page, 'table.matrix');
      await expectVisible(page, 'svg.timeline-chart.wide');
      expect(await page.locator('svg.timeline-chart.compact').isVisible(), 'the compact chart is for narrow panels').toBe(false);
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

  it('renders the end-to-end test\'s planted NCT06375005 with its problems and the broken reference', async () => {
    const record = planted(seed('NCT06375005'), {
      '/protocolSection/designModule/phases/0': 'Phase 2',
      '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0': 'Mycophenolate Mofetil + Telitacicep',
    });
    const problems: PreviewProblem[] = validateText(JSON.stringify(record, null, 2), { rules: builtinRules, today: TODAY }).map((finding) => ({
      severity: finding.severity,
      message: finding.message,
      ruleId: finding.ruleId,
      pointer: finding.pointer,
      line: finding.range.start.line + 1,
    }));
    expect(problems.map((problem) => problem.ruleId)).toEqual(expect.arrayContaining(['schema', 'arm-label-reference']));
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
