/**
 * Where a browser test gets its browser: the built extension launched in Chromium for a fixture (its
 * time zone) and build, pages served at their real addresses, the panel opened as a tab bound to
 * the page's tab (?tabId=), and the browser closed once its tests are done, whatever happened in
 * them. Two lifetimes: one browser per test (a clean profile each time) or one per describe block
 * (a book that grows from test to test).
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchFor, openWithPanel, type ExtensionBrowser, type Fixture, type LaunchOptions } from './harness';

/** What a browser is launched for: a fixture's time zone (null: the default zone). */
export type LaunchFor = Pick<Fixture, 'timeZone'> | null;

/** A page to serve at its real address. */
export interface PageSource {
  url: string;
  html: string;
}

export interface Opened {
  page: Page;
  panel: Page;
  tabId: number;
}

export interface TestBrowser {
  /** The browser launched for the tests now running (an error when there is none). */
  readonly browser: ExtensionBrowser;
  /** Serve `src` at its address (no network), open it in a new tab and the panel bound to that tab. */
  open(src: PageSource): Promise<Opened>;
}

export interface BrowserPerTest extends TestBrowser {
  /** Launch this test's browser; it is closed after the test. */
  launch(fx: LaunchFor, opts?: LaunchOptions): Promise<ExtensionBrowser>;
  /** Launch this test's browser for a fixture and open the fixture's page with the panel. */
  launchOpen(fx: LaunchFor & PageSource, opts?: LaunchOptions): Promise<Opened & { browser: ExtensionBrowser }>;
}

function testBrowser(current: () => ExtensionBrowser | null): TestBrowser {
  const browser = () => {
    const b = current();
    if (!b) throw new Error('no browser launched for this test');
    return b;
  };
  return {
    get browser() {
      return browser();
    },
    open: (src) => openWithPanel(browser(), src.url, src.html),
  };
}

/**
 * A browser of its own for each test that launches one. After the test it must have made no
 * network request (`checkLeaks: false` for a test that makes some on purpose), and it is closed
 * even when the test or that check failed.
 */
export function browserPerTest(o: { checkLeaks?: boolean } = {}): BrowserPerTest {
  let current: ExtensionBrowser | null = null;
  afterEach(async () => {
    const b = current;
    current = null;
    if (!b) return;
    try {
      if (o.checkLeaks !== false) expect(b.guard.leaks, 'network requests the browser made').toEqual([]);
    } finally {
      await b.close();
    }
  });
  const base = testBrowser(() => current);
  const launch = async (fx: LaunchFor, opts?: LaunchOptions) => {
    if (current) throw new Error('this test has launched its browser already');
    current = await launchFor(fx, opts);
    return current;
  };
  return Object.assign(base, {
    launch,
    async launchOpen(fx: LaunchFor & PageSource, opts?: LaunchOptions) {
      const browser = await launch(fx, opts);
      return { browser, ...(await openWithPanel(browser, fx.url, fx.html)) };
    },
  });
}

/** One browser for every test of the describe block (or file) this is called in, closed after them. */
export function browserPerBlock(fx: LaunchFor, opts?: LaunchOptions): TestBrowser {
  let current: ExtensionBrowser | null = null;
  beforeAll(async () => {
    current = await launchFor(fx, opts);
  });
  afterAll(async () => {
    await current?.close();
    current = null;
  });
  return testBrowser(() => current);
}

/** A block's last test: its browser made no network request while the tests before it ran. */
export function itMadeNoNetworkRequest(t: TestBrowser): void {
  it('made no network request', () => {
    expect(t.browser.guard.leaks).toEqual([]);
  });
}
