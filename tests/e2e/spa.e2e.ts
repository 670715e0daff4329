/**
 * Single-page inboxes switch conversation without a page load. The capture in the panel must
 * follow the conversation that is open now, never keep (or mix in) the previous buyer.
 *
 * Gmail: the first thread is the shared gmail-thread fixture; the second is the same page with
 * another buyer (name, email, phones, company), put in place by history.pushState plus a DOM swap,
 * as Gmail does.
 *
 * LinkedIn: the seller starts on the feed (no buyer there) and opens a profile without a load; the
 * content script runs on the whole site for this reason, and the panel must show the profile.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadFixture, readCaptureForm, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const fx = loadFixture('gmail-thread');
const first = fx.expect.buyer as { name: string; company: string; emails: string[] };

const second = {
  name: 'Henrik Aasland',
  company: 'Aasland Båtutstyr AS',
  email: 'henrik.aasland@aasland-batutstyr.no',
  threadId: 'FMfcgzQXKmTtVbJqRwZpLcHnDsGfWkNz',
};

function secondThreadHtml(): string {
  const firstEmail = first.emails[0] as string;
  const pairs: [string, string][] = [
    [firstEmail, second.email],
    [first.name, second.name],
    [first.company, second.company],
    ['Johan', 'Henrik'],
  ];
  const html = pairs.reduce((h, [a, b]) => h.split(a).join(b), fx.html);
  if (html.includes(firstEmail)) throw new Error('first buyer email still in the second thread');
  return html;
}

/** Replace the open conversation in place, the way a single-page app re-renders (no innerHTML). */
async function switchConversation(page: Page, html: string, hash: string) {
  await page.evaluate(
    ({ html, hash }) => {
      history.pushState({}, '', location.pathname + location.search + hash);
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.title = next.title;
      document.body.replaceChildren(...[...next.body.childNodes].map((n) => document.importNode(n, true)));
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    { html, hash },
  );
}

async function fieldValue(panel: Page, key: string): Promise<string | null> {
  return panel.locator(`${T.form} [data-testid="field-${key}"], ${T.form} [data-testid="field-buyer.${key}"], ${T.form} [data-testid="field-buyer-${key}"]`).first().getAttribute('data-value', { timeout: 1_000 }).catch(() => null);
}

describe('single-page app: the capture follows the open conversation', () => {
  const session = browserPerBlock(fx);

  it('switches from one Gmail thread to another without a load', async () => {
    const { page, panel } = await session.open(fx);
    const before = await readCaptureForm(panel);
    expect(before.capture.buyer.emails).toEqual(first.emails);
    expect(before.capture.buyer.name).toBe(first.name);

    // A marker that a real load would wipe: the switch must happen in the same document.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await switchConversation(page, secondThreadHtml(), `#inbox/${second.threadId}`);

    // The content script re-reads on its own (mutation / location change) and the panel follows.
    await expect
      .poll(async () => JSON.parse((await fieldValue(panel, 'emails')) ?? 'null'), { timeout: 15_000, interval: 250 })
      .toEqual([second.email]);
    const after = await readCaptureForm(panel);
    expect(after.capture.buyer.name).toBe(second.name);
    expect(after.capture.buyer.company).toBe(second.company);
    const all = JSON.stringify(after.capture.buyer) + JSON.stringify(after.capture.inquiry);
    expect(all).not.toContain(first.emails[0] as string);
    expect(all).not.toContain(first.name);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await page.close();
    await panel.close();
  });

  it('follows LinkedIn from the feed to a profile opened without a load', async () => {
    const here = dirname(fileURLToPath(import.meta.url));
    // Its images would be the page's own requests, not the extension's: the guard must see none.
    const profile = readFileSync(resolve(here, '../unit/extractors/pages/linkedin-profile.html'), 'utf8').replace(/\ssrc="https:[^"]*"/g, '');
    const feed = '<!doctype html><html><head><title>Feed | LinkedIn</title></head><body><main><h1>Feed</h1><p>Posts</p></main></body></html>';
    const { page, panel } = await session.open({ url: 'https://www.linkedin.com/feed/', html: feed });
    // The feed is no buyer's page: the panel says so.
    await panel.locator('[data-testid="unsupported-page"]').waitFor({ timeout: 15_000 });
    // The router changes the address first, then renders the profile in place.
    await page.evaluate(() => history.pushState({}, '', '/in/katrin-albers-4b1a27/overlay/contact-info/'));
    await switchConversation(page, profile, '');
    await expect
      .poll(async () => JSON.parse((await fieldValue(panel, 'emails')) ?? 'null'), { timeout: 15_000, interval: 250 })
      .toEqual(['k.albers@nordhaus-kuechentechnik.de']);
    expect((await readCaptureForm(panel)).capture.buyer.name).toBe('Katrin Albers');
    await page.close();
    await panel.close();
  });

  itMadeNoNetworkRequest(session);
});
