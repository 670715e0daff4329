/**
 * A request the seller makes on a page (the context menu's "use as …", the capture shortcut) is
 * tied to the document it was made on, in real Chromium with the built extension: the background
 * names the tab's top document (Chrome's documentId) while handling it, and the panel takes it only
 * while that document is still in the tab. The stale case is the relay as the background sends it
 * when the tab loads another document between the seller's click and the panel's turn: the
 * document's real id is taken from Chrome, the page is loaded again (a new document at the same
 * address), then the request naming the old document is sent from the service worker, as the
 * background does: refused. The same request made on the page now in the tab, through the
 * background's real handlers (exposed to the e2e build only, background-handlers.ts: Chromium's
 * own menu and shortcuts cannot be driven headless), is taken.
 */
import { describe, expect, it } from 'vitest';
import type { browser as extensionApi } from 'wxt/browser';
import { loadFixture, readCaptureForm, T, type ExtensionBrowser } from './harness';
import { browserPerTest } from './test-browser';
import { formValue as value, menuClick, pressCaptureShortcut } from './background-handlers';

declare const chrome: typeof extensionApi;

const whatsapp = loadFixture('whatsapp-chat');
const lead = loadFixture('generic-expo-lead');

const session = browserPerTest();

/** The document in the tab's top frame now, as Chrome names it. */
function documentNow(b: ExtensionBrowser, tabId: number): Promise<string> {
  return b.inWorker(async (id) => {
    const [r] = await chrome.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, func: () => true });
    return (r as unknown as { documentId: string }).documentId;
  }, tabId);
}

/** What the background relays to the panel, sent from the service worker itself. */
function relay(b: ExtensionBrowser, tabId: number, request: object) {
  return b.inWorker(
    ({ tabId, request }) => chrome.runtime.sendMessage({ type: 'buyerbook/panel-request', tabId, request }).catch(() => undefined),
    { tabId, request },
  );
}

describe('a relayed request from a page the tab has left', () => {
  it('a pick made before the page loaded again is refused; one made on the page now in the tab is taken', async () => {
    const { browser: b, page, panel, tabId } = await session.launchOpen(whatsapp, { mode: 'e2e' });
    await readCaptureForm(panel);
    const before = await documentNow(b, tabId);
    await page.reload({ waitUntil: 'load' });
    expect(await documentNow(b, tabId)).not.toBe(before);
    await relay(b, tabId, { kind: 'pick', field: 'website', text: 'www.stale-document.example', pageUrl: whatsapp.url, documentId: before });
    await panel.waitForTimeout(1_500);
    expect(await value(panel, 'website')).not.toBe('https://www.stale-document.example');

    await menuClick(b, tabId, 'website', 'www.haddad-electrical.com.lb', whatsapp.url);
    await expect.poll(() => value(panel, 'website'), { timeout: 10_000 }).toBe('https://www.haddad-electrical.com.lb');
  });

  it("the shortcut's capture of a page loaded again since is refused; pressed on the page now in the tab, it captures", async () => {
    const { browser: b, page, panel, tabId } = await session.launchOpen(lead, { mode: 'e2e' });
    // Away from a platform's page the panel opens on the book; a request it takes brings up
    // "This page" with the capture.
    await panel.locator(T.unsupported).waitFor({ state: 'attached', timeout: 15_000 });
    const before = await documentNow(b, tabId);
    await page.reload({ waitUntil: 'load' });
    await relay(b, tabId, { kind: 'capture', documentId: before });
    await panel.waitForTimeout(1_500);
    expect(await panel.locator(T.form).count()).toBe(0);

    await pressCaptureShortcut(b, tabId);
    const { capture } = await readCaptureForm(panel);
    expect(capture.platform).toBe('generic');
    expect(capture.buyer.emails).toEqual(lead.expect.buyer.emails);
  });
});
