/**
 * The browser-test harness: the built extension in Debian's Chromium (scripts/demo/browser.ts,
 * shared with `npm start`), what is read back from the panel (scripts/demo/panel.ts), and the
 * shared fixtures of the platforms that have a content script.
 *
 * A test takes its browser from test-browser.ts (one per test or per describe block, closed
 * after them) and drives the background's test-only handlers through background-handlers.ts.
 *
 * Builds are made before the tests by the npm scripts (`npm test`); this file never builds.
 */
import type { Page } from 'playwright-core';
import type { Platform, RawCapture } from '../../lib/capture';
import { PLATFORM_MODULES } from '../../extractors/registry';
import { loadFixture, fixtureNames, type Fixture } from '../support/fixtures';
import { launchExtensionBrowser, type ExtensionBrowser, type LaunchOptions } from '../../scripts/demo/browser';

export * from '../../scripts/demo/browser';
export * from '../../scripts/demo/panel';
export { loadFixture, fixtureNames, type Fixture };

/** Platforms that have a content script: the registry's modules (the generic one is injected on demand). */
export function contentScriptPlatforms(): Platform[] {
  return PLATFORM_MODULES.map((m) => m.platform);
}

/** The shared fixtures of platforms with a content script, i.e. those the panel reads on its own. */
export function contentScriptFixtures(): Fixture[] {
  const platforms = new Set<string>(contentScriptPlatforms());
  return fixtureNames()
    .map(loadFixture)
    .filter((f) => platforms.has(f.platform));
}

/** Launch with a fixture's time zone. */
export function launchFor(fx: Pick<Fixture, 'timeZone'> | null, opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return launchExtensionBrowser({ timeZone: fx?.timeZone, ...opts });
}

/** Open a page at its real address and the panel bound to its tab. */
export async function openWithPanel(
  browser: ExtensionBrowser,
  url: string,
  html: string,
): Promise<{ page: Page; panel: Page; tabId: number }> {
  const { page, tabId } = await browser.openPage(url, html);
  const panel = await browser.openPanel(tabId);
  return { page, panel, tabId };
}

/** A one-line summary for a failure message. */
export function summarize(c: RawCapture): string {
  return JSON.stringify({ platform: c.platform, buyer: c.buyer, inquiry: { ...c.inquiry, message: c.inquiry.message?.slice(0, 80) } });
}
