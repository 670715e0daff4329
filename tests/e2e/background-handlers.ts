/**
 * The background's own handlers of the context menu and the keyboard command, exposed to the e2e
 * build only (`buyerbookTest` in the service worker), called with what Chrome passes them:
 * Chromium's own menu and shortcuts cannot be driven headless, so the test stands in for the
 * click and the key press, and the relay, the message to the panel and the form are the
 * product's own. And what the capture form holds, as the panel shows it.
 */
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import { T, type ExtensionBrowser } from './harness';

// The functions given to inWorker run in the service worker, where `chrome` is a global.
declare const chrome: typeof extensionApi;

type TestApi = {
  onMenuClicked: (info: unknown, tab: unknown) => Promise<void>;
  onCommand: (command: string, tab: unknown) => Promise<void>;
};

/** "Buyerbook: use as <field>" clicked on `selectionText` in the tab `tabId`. */
export function menuClick(b: ExtensionBrowser, tabId: number, field: string, selectionText: string, pageUrl: string): Promise<void> {
  return b.inWorker(
    async ({ tabId, field, selectionText, pageUrl }) => {
      const api = (globalThis as unknown as { buyerbookTest: TestApi }).buyerbookTest;
      await api.onMenuClicked({ menuItemId: `buyerbook-pick-${field}`, selectionText, pageUrl, editable: false }, await chrome.tabs.get(tabId));
    },
    { tabId, field, selectionText, pageUrl },
  );
}

/** The capture shortcut (the `capture-page` command) pressed on the tab `tabId`. */
export function pressCaptureShortcut(b: ExtensionBrowser, tabId: number): Promise<void> {
  return b.inWorker(async (id) => {
    const api = (globalThis as unknown as { buyerbookTest: TestApi }).buyerbookTest;
    await api.onCommand('capture-page', await chrome.tabs.get(id));
  }, tabId);
}

/** A field's value in the open capture form (its `data-value`, JSON). */
export async function formValue(panel: Page, key: string): Promise<unknown> {
  return JSON.parse((await panel.locator(`${T.form} [data-testid="field-${key}"]`).getAttribute('data-value')) ?? 'null');
}
