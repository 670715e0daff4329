/**
 * The scheduled backup in real Chromium: the seller turns it on in the Data tab; the background
 * has its offscreen document write the backup and saves it through the downloads API into
 * Buyerbook/, with no panel involved in the writing; the panel then shows the backup as made today.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, browser as extensionApi } from 'wxt/browser';
import { loadFixture, saveCapture } from './harness';
import { browserPerTest } from './test-browser';

// Functions passed to `inWorker` run in the extension's service worker, where `chrome` is global.
declare const chrome: typeof extensionApi;

const fx = loadFixture('alibaba-detail-en');
// After the test: no network request, and the browser closed.
const session = browserPerTest();

interface Item {
  filename: string;
  state: string;
  mime: string;
  url: string;
}

describe('scheduled backup to the Downloads folder', () => {
  it('writes Buyerbook/buyerbook-backup-<date>.jsonl from the background once the seller turns it on', async () => {
    // The e2e build: downloads granted up front (a headless browser shows no permission prompt).
    const { browser, panel } = await session.launchOpen(fx, { mode: 'e2e' });
    await saveCapture(panel);
    await panel.locator('[data-testid="tab-data"]').click();
    await expect(panel.locator('[data-testid="backup-status"]').textContent()).resolves.not.toContain('today');

    // The file name the background asks for (Playwright saves downloads under names of its own).
    await browser.inWorker(() => {
      const g = globalThis as unknown as { askedNames: string[] };
      g.askedNames = [];
      const download = chrome.downloads.download.bind(chrome.downloads);
      chrome.downloads.download = ((o: Browser.downloads.DownloadOptions) => {
        g.askedNames.push(o.filename ?? '');
        return download(o);
      }) as typeof chrome.downloads.download;
    }, null);
    await panel.locator('[data-testid="backup-schedule"]').selectOption('daily');
    const ours = () =>
      browser.inWorker(() => chrome.downloads.search({}).then((items) => items.map((i) => ({ filename: i.filename, state: i.state, mime: i.mime, url: i.url }))), null) as Promise<Item[]>;
    await expect.poll(async () => (await ours()).filter((i) => i.state === 'complete').length, { timeout: 30_000 }).toBe(1);
    const [item] = await ours();
    // Written from the offscreen document's blob: URL, never from a page or the network.
    expect(item!.url).toMatch(new RegExp(`^blob:chrome-extension://${browser.extensionId}/`));
    expect(await browser.inWorker(() => (globalThis as unknown as { askedNames: string[] }).askedNames, null)).toEqual([
      expect.stringMatching(/^Buyerbook\/buyerbook-backup-\d{4}-\d\d-\d\d\.jsonl$/),
    ]);
    expect(existsSync(item!.filename)).toBe(true);
    const text = readFileSync(item!.filename, 'utf8');
    expect(text).toContain('"format":"buyerbook-backup"');
    expect(text).toContain(String(fx.expect.buyer.name));
    // The book counts it as its last backup; the offscreen document is closed again.
    await expect.poll(() => panel.locator('[data-testid="backup-status"]').textContent(), { timeout: 10_000 }).toContain('today');
    await expect
      .poll(() => browser.inWorker(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType] }).then((c) => c.length), null))
      .toBe(0);
    // A second trigger on the same day writes nothing more.
    await panel.locator('[data-testid="backup-schedule"]').selectOption('weekly');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await ours()).toHaveLength(1);
  });
});
