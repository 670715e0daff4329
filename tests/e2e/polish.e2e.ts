/**
 * No two texts run together anywhere in the panel, in English and in Chinese: every view (This
 * page with a capture, the buyer's card with its history and next step, Buyers, Today, Data,
 * Settings) is laid out in Chromium and checked for neighbouring texts with no gap between them
 * ("No backup yetBack up now", "Mark dormantMark lost").
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemoPage } from '../../scripts/demo/demo-page';
import { readCaptureForm, saveCapture, T } from './harness';
import { browserPerTest } from './test-browser';
import { RUN_TOGETHER_SCRIPT } from './run-together';

const demo = loadDemoPage();

const session = browserPerTest();

async function runTogether(panel: Page, view: string): Promise<string[]> {
  await panel.waitForTimeout(300);
  const found = (await panel.evaluate(RUN_TOGETHER_SCRIPT)) as string[];
  return found.map((f) => `${view}: ${f}`);
}

async function walk(panel: Page): Promise<string[]> {
  const found: string[] = [];
  await readCaptureForm(panel);
  found.push(...(await runTogether(panel, 'this page')));
  await saveCapture(panel);
  found.push(...(await runTogether(panel, 'this page, saved')));
  await panel.locator(T.tabBuyers).click();
  await panel.locator(T.buyerRow).first().waitFor({ state: 'visible', timeout: 15_000 });
  found.push(...(await runTogether(panel, 'buyers')));
  await panel.locator(T.buyerRow).first().click();
  await panel.locator('[data-testid="buyer-card"]').waitFor({ state: 'visible', timeout: 15_000 });
  await panel.locator('[data-testid="buyer-next-step"] [data-testid="today-step"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  found.push(...(await runTogether(panel, 'buyer card')));
  await panel.locator(T.tabToday).click();
  await panel.locator('[data-testid="today-view"] [data-testid="today-step"]').first().waitFor({ state: 'visible', timeout: 15_000 });
  found.push(...(await runTogether(panel, 'today')));
  await panel.locator('[data-testid="tab-data"]').click();
  await panel.waitForTimeout(1_000);
  found.push(...(await runTogether(panel, 'data')));
  await panel.locator(T.tabSettings).click();
  await panel.locator('[data-testid="settings-form"]').waitFor({ state: 'visible', timeout: 15_000 });
  found.push(...(await runTogether(panel, 'settings')));
  return found;
}

describe('no texts run together in the panel', () => {
  for (const lang of ['en', 'zh-CN']) {
    it(`in ${lang}`, async () => {
      const { panel } = await session.launchOpen(demo, { mode: 'e2e', lang });
      // No backup yet: the reminder and its button are both shown above the tabs.
      await panel.locator('[data-testid="backup-status-open"]').waitFor({ state: 'visible', timeout: 15_000 });
      expect(await walk(panel)).toEqual([]);
    });
  }
});
