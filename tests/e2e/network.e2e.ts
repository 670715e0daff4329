/**
 * Nothing leaves the seller's machine: with the extension reading every platform fixture and the
 * panel open on it, the network guard (a catch-all route plus the context's request events)
 * records no request beyond the served pages and the extension's own files.
 *
 * The seller's own work is walked too: an Outlook message captured and saved, a buyer's field
 * edited and saved, two buyers merged, all with the guard on and nothing recorded.
 *
 * The guard is first shown to catch a request, so a guard that sees nothing cannot pass as clean.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { contentScriptFixtures, loadFixture, readBook, saveCapture, T } from './harness';
import { browserPerTest } from './test-browser';

// Each test checks the guard itself: two of them make requests on purpose.
const session = browserPerTest({ checkLeaks: false });

/** Let the content script, the panel and the service worker do whatever they do on their own. */
async function settle(panel: Page) {
  await panel
    .locator([T.form, T.unsupported, T.empty, T.captureGeneric].join(', '))
    .first()
    .waitFor({ state: 'visible', timeout: 5_000 })
    .catch(() => {});
  await panel.waitForTimeout(1_000);
}

/** Every tab of the panel in turn: the buyers list, Today and settings must not fetch anything either. */
async function walkTabs(panel: Page) {
  for (const tab of [T.tabBuyers, T.tabToday, T.tabSettings, T.tabThisPage]) {
    const t = panel.locator(tab);
    if (await t.count()) await t.first().click();
    await panel.waitForTimeout(200);
  }
}

describe('network guard', () => {
  it('catches a request a page makes (self-test)', async () => {
    const browser = await session.launch(null);
    const { page, panel } = await session.open({ url: 'https://message.alibaba.com/message/default.htm', html: '<!doctype html><title>t</title><p>hello</p>' });
    await page.evaluate(() => fetch('https://tracker.buyerbook-test.invalid/collect?x=1').catch(() => 'blocked'));
    await page.evaluate(() => navigator.sendBeacon('https://beacon.buyerbook-test.invalid/b', 'x'));
    await page.waitForTimeout(500);
    expect(browser.guard.leaks.some((l) => l.includes('tracker.buyerbook-test.invalid'))).toBe(true);
    expect(browser.guard.leaks.some((l) => l.includes('beacon.buyerbook-test.invalid'))).toBe(true);
    // A favicon is the browser's own request only on a served origin and without a query. (A
    // request whose address ends in /favicon.ico is never shown to routes or request events by
    // Playwright itself, on any host; the extension pages' CSP is what stops those.)
    await page.evaluate(() => fetch('/favicon.ico?leak=1').catch(() => 'blocked'));
    // WebSocket and WebRTC are not requests the route sees: the guard watches them apart.
    await page.evaluate(() => {
      new WebSocket('wss://socket.buyerbook-test.invalid/live');
    });
    await page.evaluate(() => {
      new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.buyerbook-test.invalid:3478' }] });
    });
    await page.waitForTimeout(500);
    expect(browser.guard.leaks.some((l) => l.includes('/favicon.ico?leak=1'))).toBe(true);
    expect(browser.guard.leaks.some((l) => l.startsWith('WebSocket') && l.includes('socket.buyerbook-test.invalid'))).toBe(true);
    expect(browser.guard.leaks.some((l) => l.startsWith('WebRTC') && l.includes('stun.buyerbook-test.invalid'))).toBe(true);
    // The panel's CSP stops a connection off the extension before it becomes a request at all.
    const outcome = await panel.evaluate(() =>
      fetch('https://exfil.buyerbook-test.invalid/')
        .then(() => 'sent')
        .catch((e: Error) => 'refused: ' + e.message),
    );
    expect(outcome).toMatch(/^refused/);
    // So does the service worker's (the same CSP covers it).
    const fromWorker = await browser.inWorker(
      () =>
        fetch('https://exfil-sw.buyerbook-test.invalid/')
          .then(() => 'sent')
          .catch((e: Error) => 'refused: ' + e.message),
      null,
    );
    expect(fromWorker).toMatch(/^refused/);
    expect(browser.guard.leaks.some((l) => l.includes('exfil'))).toBe(false);
  });

  // Every platform fixture is opened with its panel, a few seconds each: the time grows with the corpus.
  it('records nothing while the extension reads every platform page and the panel shows it', async () => {
    const fixtures = contentScriptFixtures();
    expect(fixtures.length).toBeGreaterThan(0);
    const browser = await session.launch(fixtures[0] ?? null);
    for (const fx of fixtures) {
      const { page, panel } = await session.open(fx);
      await settle(panel);
      await walkTabs(panel);
      await page.close();
      await panel.close();
    }
    await new Promise((r) => setTimeout(r, 1_000));
    expect(browser.guard.leaks).toEqual([]);
    // Every page of both fixture sets, a few seconds each: over the file's default on a loaded machine.
  }, Math.max(300_000, contentScriptFixtures().length * 6_000));

  it('records nothing while the seller captures from Outlook, edits a buyer and merges two', async () => {
    const mail = loadFixture('outlook-newest-first-german');
    const other = loadFixture('outlook-chinese-ui-oldest-first');
    const browser = await session.launch(mail);
    const name = String(mail.expect.buyer.name);
    const company = String(mail.expect.buyer.company);

    // The Outlook message, captured as read.
    const first = await session.open(mail);
    await first.panel.locator(T.form).waitFor({ timeout: 15_000 });
    await expect.poll(() => first.panel.locator('[data-testid="field-name"]').inputValue()).toBe(name);
    await saveCapture(first.panel);

    // A second message from another address, which the seller files under the same name and
    // company: a new buyer (no shared contact), and a likely duplicate of the first.
    const second = await session.open(other);
    await second.panel.locator(T.form).waitFor({ timeout: 15_000 });
    await expect.poll(() => second.panel.locator('[data-testid="field-name"]').inputValue()).toBe(String(other.expect.buyer.name));
    await second.panel.locator('[data-testid="field-name"]').fill(name);
    await second.panel.locator('[data-testid="field-company"]').fill(company);
    await saveCapture(second.panel);
    await expect.poll(async () => (await readBook(second.panel)).buyers.length).toBe(2);

    // An edit of one field, saved.
    const panel = second.panel;
    await panel.locator(T.tabBuyers).click();
    await panel.locator(T.buyerRow).filter({ hasText: name }).first().click();
    await panel.locator(T.buyerDetail).waitFor();
    await panel.locator(`${T.buyerDetail} [data-testid="edit-details"]`).click();
    await panel.locator(`${T.buyerDetail} [data-testid="buyer-field-wechat"]`).fill('schmidt-lager-wx');
    await panel.locator(`${T.buyerDetail} [data-testid="save-buyer"]`).click();
    await expect.poll(async () => (await readBook(panel)).buyers.some((b) => b.wechat === 'schmidt-lager-wx')).toBe(true);

    // The merge of the two, confirmed.
    await panel.locator(`${T.buyerDetail} ${T.merge}`).first().click();
    await panel.locator('[data-testid="confirm-yes"]').click();
    await expect.poll(async () => (await readBook(panel)).buyers.length, { timeout: 15_000 }).toBe(1);
    const [merged] = (await readBook(panel)).buyers;
    expect(merged?.emails).toEqual(expect.arrayContaining([...(mail.expect.buyer.emails as string[]), ...(other.expect.buyer.emails as string[])]));
    expect(merged?.wechat).toBe('schmidt-lager-wx');
    expect((await readBook(panel)).inquiries).toHaveLength(2);

    await new Promise((r) => setTimeout(r, 1_000));
    expect(browser.guard.leaks).toEqual([]);
    // The guard was watching this very browser all along: a request off the served origins from
    // the Outlook page is caught.
    await first.page.evaluate(() => fetch('https://outlook-canary.buyerbook-test.invalid/ping').catch(() => 'blocked'));
    await expect.poll(() => browser.guard.leaks.some((l) => l.includes('outlook-canary.buyerbook-test.invalid'))).toBe(true);
  });

  it('shows every panel view without a content-security-policy violation', async () => {
    const fixtures = contentScriptFixtures();
    const browser = await session.launch(fixtures[0] ?? null);
    // Recorded in every page before its scripts run: zod's eval probe, an inline style, a script.
    await browser.context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const fx = fixtures[0]!;
    const { panel } = await session.open(fx);
    await settle(panel);
    await walkTabs(panel);
    const violations = await panel.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations);
    expect(violations, JSON.stringify(violations)).toEqual([]);
  });

  it('records nothing on a page that is not a platform', async () => {
    const browser = await session.launch(null);
    const { panel } = await session.open({
      url: 'https://www.example-buyer-company.test/contact',
      html: '<!doctype html><title>Contact</title><h1>Contact us</h1><p>sales@example-buyer-company.test</p>',
    });
    await settle(panel);
    expect(browser.guard.leaks).toEqual([]);
  });
});
