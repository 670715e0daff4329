/**
 * Pages that are not one of the platforms:
 * - the panel says so (`unsupported-page`) and offers "Capture from this page" (`capture-generic`);
 * - "Capture from this page" reads the generic-expo-lead fixture. It runs on the e2e build
 *   (.output/chrome-mv3-e2e), which adds host access to every page only because Playwright cannot
 *   click the toolbar button that grants activeTab;
 * - a capture message sent from such a tab is refused: the panel only takes pushed captures from
 *   the platforms' pages (extractors/allowed-sites.ts). The message is forged from the tab's own
 *   extension context with scripting.executeScript, and the same forgery on a platform page is
 *   shown as a control, so the refusal is not just a message that never arrived.
 */
import { describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import { emptyCapture } from '../../lib/capture';
import { failures, judgeCapture } from '../support/fixtures';
import { loadFixture, readCaptureForm, T } from './harness';
import { browserPerTest } from './test-browser';

const fx = loadFixture('generic-expo-lead');

// The functions given to inWorker / executeScript run where `chrome` is a global.
declare const chrome: typeof extensionApi;

const session = browserPerTest();

describe('a page that is not a platform', () => {
  it('shows unsupported-page and capture-generic in the shipped build', async () => {
    const { panel } = await session.launchOpen(fx, { mode: 'prod' });
    // Away from a platform page the panel opens on the book's Today view; "This page" is one click away.
    await expect.poll(() => panel.locator(T.tabToday).getAttribute('aria-selected')).toBe('true');
    await panel.locator('[data-testid="today-view"]').waitFor({ state: 'visible', timeout: 15_000 });
    await panel.locator(T.tabThisPage).click();
    await panel.locator(T.unsupported).waitFor({ state: 'visible', timeout: 15_000 });
    await panel.locator(T.captureGeneric).waitFor({ state: 'visible', timeout: 5_000 });
    await expect(panel.locator(T.form).count()).resolves.toBe(0);
  });

  it('captures the page through "Capture from this page" (e2e build)', async () => {
    const { panel } = await session.launchOpen(fx, { mode: 'e2e' });
    await panel.locator(T.tabThisPage).click();
    await panel.locator(T.captureGeneric).waitFor({ state: 'visible', timeout: 15_000 });
    await panel.locator(T.captureGeneric).click();
    const { capture, unmapped } = await readCaptureForm(panel);
    expect(unmapped).toEqual([]);
    expect(failures(judgeCapture(capture, fx))).toEqual([]);
  });

  it('refuses a capture message sent from its tab (e2e build)', async () => {
    const browser = await session.launch(fx, { mode: 'e2e' });
    const forged = emptyCapture('alibaba', 'https://message.alibaba.com/message/maDetail.htm?imInquiryId=1');
    forged.buyer.name = 'Forged Buyer Zyx';
    forged.buyer.emails = ['forged.buyer@zyx-forgery.test'];
    const send = (tabId: number) =>
      browser.inWorker(
        ({ tabId, capture }) =>
          chrome.scripting
            .executeScript({
              target: { tabId },
              // As JSON: executeScript's argument passing drops null members, which the
              // capture schema requires.
              args: [capture],
              func: (json: string) => {
                chrome.runtime.sendMessage({ type: 'buyerbook/capture-changed', capture: JSON.parse(json) }).catch(() => {});
              },
            })
            .then(() => undefined),
        { tabId, capture: JSON.stringify(forged) },
      );

    // Control: on a platform page the same message is taken (the forgery mechanism works).
    const platformPage = await session.open({ url: forged.url, html: '<!doctype html><title>Inquiry</title><p>…</p>' });
    await platformPage.panel.waitForTimeout(1_500);
    await send(platformPage.tabId);
    await expect
      .poll(() => platformPage.panel.locator(T.form).getAttribute('data-platform', { timeout: 500 }).catch(() => null), { timeout: 10_000 })
      .toBe('alibaba');
    const taken = await readCaptureForm(platformPage.panel);
    expect(taken.capture.buyer.emails).toEqual(['forged.buyer@zyx-forgery.test']);

    // From a tab outside the allowed sites: refused, nothing of it is shown.
    const other = await session.open(fx);
    await other.panel.locator(T.tabThisPage).click();
    await other.panel.locator(T.unsupported).waitFor({ state: 'visible', timeout: 15_000 });
    await send(other.tabId);
    await other.panel.waitForTimeout(2_000);
    await expect(other.panel.locator(T.form).count()).resolves.toBe(0);
    await expect(other.panel.locator('body').innerText()).resolves.not.toContain('Forged Buyer Zyx');
    await other.panel.locator(T.unsupported).waitFor({ state: 'visible', timeout: 1_000 });
  });
});
