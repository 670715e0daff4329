/**
 * The panel side of capture that holds, in real Chromium with the built extension:
 * - "Buyerbook: use as …" on selected text fills the open form, on a platform page and on any
 *   page after "Capture from this page". Chromium's own context menu cannot be clicked headless, so
 *   the test selects the text in the page and calls the background's real click handler (exposed
 *   to the e2e build only) with it: the relay, the message to the panel and the form are the
 *   product's own. The menu items themselves are checked to exist in the browser.
 * - The keyboard command's handler opens the panel's capture of any page.
 * - A second capture of the same page (a new chat line) keeps the seller's edits.
 * - A thread switch with edits asks before replacing the draft.
 * - An over-long message is clipped, said, and saved.
 * - In the shipped build, "Capture from this page" on a page Chrome has not granted says exactly
 *   what to do (the shortcut, or the toolbar button).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import { loadFixture, readBook, readCaptureForm, saveCapture, T } from './harness';
import { browserPerTest } from './test-browser';
import { formValue as value, menuClick, pressCaptureShortcut } from './background-handlers';

declare const chrome: typeof extensionApi;

const whatsapp = loadFixture('whatsapp-chat');
const gmail = loadFixture('gmail-thread');
const lead = loadFixture('generic-expo-lead');

const session = browserPerTest();

/** Selects the first text on the page that contains `text`, and returns the selection as Chrome would give it. */
async function select(page: Page, text: string): Promise<string> {
  return page.evaluate((want) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('script, style, template') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(want) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + want.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString();
    }
    throw new Error(`"${want}" is not on the page`);
  }, text);
}

describe('pick from the page', () => {
  it('the context menu fills the open form, on a platform page and after "Capture from this page"', async () => {
    const b = await session.launch(whatsapp, { mode: 'e2e' });
    // The menu is really there: update() fails for an id Chrome does not have.
    const exists = await b.inWorker(
      (ids) => Promise.all(ids.map((id) => chrome.contextMenus.update(id, {}).then(() => true, () => false))),
      ['email', 'name', 'company', 'phone', 'whatsapp', 'wechat', 'website', 'country'].map((f) => `buyerbook-pick-${f}`),
    );
    expect(exists).toEqual([true, true, true, true, true, true, true, true]);

    const { page, panel, tabId } = await session.open(whatsapp);
    await readCaptureForm(panel);
    // The country as the buyer wrote it in chat, and a website the seller knows.
    await menuClick(b, tabId, 'country', await select(page, 'Lebanon'), whatsapp.url);
    await menuClick(b, tabId, 'website', 'www.haddad-electrical.com.lb', whatsapp.url);
    await expect.poll(() => value(panel, 'website'), { timeout: 10_000 }).toBe('https://www.haddad-electrical.com.lb');
    expect(await value(panel, 'country')).toBe('LB');
    await expect(panel.locator('[data-testid="source-website"]').getAttribute('data-source')).resolves.toBe('picked');

    // Any other page: "Capture from this page", then a pick.
    const other = await session.open(lead);
    // Away from a platform's page the panel opens on the book: "This page" is one click away.
    await other.panel.locator(T.tabThisPage).click();
    await other.panel.locator(T.captureGeneric).click();
    await readCaptureForm(other.panel);
    // The contact's phone, which the page does not call WhatsApp, sent as WhatsApp by hand.
    const picked = await select(other.page, '+31 10 415 62 87');
    await menuClick(b, other.tabId, 'whatsapp', `Phone: ${picked}`, lead.url);
    await expect.poll(() => value(other.panel, 'whatsapp'), { timeout: 10_000 }).toBe('+31104156287');
    await expect(other.panel.locator('[data-testid="source-whatsapp"]').getAttribute('data-source')).resolves.toBe('picked');
  });

  it('the keyboard command captures any page in the panel', async () => {
    const { browser: b, panel, tabId } = await session.launchOpen(lead, { mode: 'e2e' });
    // Away from a platform's page the panel opens on the book, with "This page" ready behind it;
    // the command brings it up.
    await panel.locator(T.unsupported).waitFor({ state: 'attached', timeout: 15_000 });
    await pressCaptureShortcut(b, tabId);
    const { capture } = await readCaptureForm(panel);
    expect(capture.platform).toBe('generic');
    expect(capture.buyer.emails).toEqual(lead.expect.buyer.emails);
  });
});

describe('the draft is the seller\'s', () => {
  it('a second capture of the same page (a new chat line) keeps the seller\'s edits', async () => {
    const { page, panel } = await session.launchOpen(whatsapp);
    await readCaptureForm(panel);
    await panel.locator('[data-testid="field-company"]').fill('Haddad Electric SAL');

    // The buyer writes again: a new incoming line, as WhatsApp Web renders it.
    await page.evaluate(() => {
      const rows = [...document.querySelectorAll('#main [role="row"]')].filter((r) => r.querySelector('.message-in'));
      const last = rows[rows.length - 1]!;
      const next = last.cloneNode(true) as HTMLElement;
      next.querySelector('.message-in')!.setAttribute('data-id', 'false_96171438206@c.us_3EB0FFFF000000000001');
      next.querySelector('.copyable-text')!.setAttribute('data-pre-plain-text', '[15:52, 18/11/2026] Karim Haddad: ');
      const span = next.querySelector('span.selectable-text span') ?? next.querySelector('span.selectable-text')!;
      span.textContent = 'Also please quote 2,000 meters of NYY 4x50 for the second site.';
      last.after(next);
    });
    await expect
      .poll(async () => String(await value(panel, 'message')), { timeout: 15_000 })
      .toContain('2,000 meters of NYY 4x50');
    expect(await value(panel, 'company')).toBe('Haddad Electric SAL');
    await expect(panel.locator('[data-testid="draft-merged"]').innerText()).resolves.toContain('your edits kept');
    await expect(panel.locator('[data-testid="replace-draft"]').count()).resolves.toBe(0);
  });

  it('a thread switch with edits asks before replacing the draft', async () => {
    const first = gmail.expect.buyer as { name: string; company: string; emails: string[] };
    const second = { name: 'Henrik Aasland', company: 'Aasland Båtutstyr AS', email: 'henrik.aasland@aasland-batutstyr.no' };
    // Another thread (its own ids) of another buyer in every detail: email, name, company, numbers.
    const swaps = [
      ['1849372615208473651', '1849372615208473999'],
      ['19a8f4c2b7e3d105', '19a8f4c2b7e3d999'],
      [first.emails[0]!, second.email],
      [first.name, second.name],
      [first.company, second.company],
      ['+46 31 712 45 80', '+47 22 33 44 55'],
      ['+46 70 348 21 96', '+47 912 34 567'],
    ] as const;
    const secondHtml = swaps.reduce(
      (h, [a, z]) => h.split(a).join(z),
      gmail.html,
    );
    const { page, panel } = await session.launchOpen(gmail);
    await readCaptureForm(panel);
    await panel.locator('[data-testid="field-name"]').fill(`${first.name} (Sales)`);

    await page.evaluate((html) => {
      history.pushState({}, '', location.pathname + location.search + '#inbox/FMfcgzQXKmTtVbJqRwZpLcHnDsGfWkNz');
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceChildren(...[...next.body.childNodes].map((n) => document.importNode(n, true)));
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, secondHtml);

    const ask = panel.locator('[data-testid="replace-draft"]');
    await ask.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await value(panel, 'name')).toBe(`${first.name} (Sales)`);
    expect(await value(panel, 'emails')).toEqual(first.emails);
    await panel.locator('[data-testid="replace-draft-yes"]').click();
    await expect.poll(() => value(panel, 'emails'), { timeout: 5_000 }).toEqual([second.email]);
    expect(await value(panel, 'name')).toBe(second.name);
  });
});

describe('an over-long message', () => {
  it('is clipped, said, and saved', async () => {
    await session.launch(whatsapp);
    const line = 'Spec: YJV 4x95 mm2 copper, 0.6/1 kV, armoured, 500 m drums. ';
    const long = line.repeat(Math.ceil(60_000 / line.length));
    // The buyer's last line in the open chat (the chat list shows its start too).
    const at = '<span>ok, let me check with my manager and revert tomorrow';
    const html = whatsapp.html.replace(at, `${at}. ${long}`);
    expect(html).not.toBe(whatsapp.html);
    const { panel } = await session.open({ url: whatsapp.url, html });
    const { capture } = await readCaptureForm(panel);
    expect(capture.buyer.name).toBe(whatsapp.expect.buyer.name);
    const message = String(capture.inquiry.message);
    expect(message.length).toBeLessThanOrEqual(50_000);
    expect(message).toContain('This is Karim Haddad from Haddad Electrical Supplies');
    // Clipped in the content script already (extractors/guard-capture.ts), with its marker.
    expect(message).toContain('…[truncated]');

    await saveCapture(panel);
    const book = await readBook(panel);
    expect(book.inquiries).toHaveLength(1);
    const stored = String(book.inquiries[0]!.message);
    expect(stored.length).toBeLessThanOrEqual(50_000);
    expect(stored).toContain('Spec: YJV 4x95');
  });
});

describe('the shipped build', () => {
  it('"Capture from this page" on a page Chrome has not granted says exactly what to do', async () => {
    const { browser, panel } = await session.launchOpen(lead, { mode: 'prod' });
    await panel.locator(T.tabThisPage).click();
    await panel.locator(T.captureGeneric).click();
    const failed = panel.locator('[data-testid="capture-generic-failed"]');
    await failed.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await failed.getAttribute('data-reason')).toBe('no-access');
    const shortcut = await browser.inWorker(
      () => chrome.commands.getAll().then((cs) => cs.find((c) => c.name === 'capture-page')?.shortcut ?? ''),
      null,
    );
    const text = await failed.innerText();
    expect(text).toContain(shortcut ? `press ${shortcut}` : 'chrome://extensions/shortcuts');
    expect(text).toContain('toolbar');
  });
});
