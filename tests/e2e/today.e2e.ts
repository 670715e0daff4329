/**
 * Next steps in the real extension: capture an inquiry and see "reply" in Today; log a quote
 * (through the buyer's timeline form) and see the step move to the quote rule; Done, snooze and
 * dismiss; the toolbar badge's count, read in the service worker.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadFixture, readCaptureForm, saveCapture, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const fx = loadFixture('alibaba-detail-zh');
const STEP = '[data-testid="today-step"]';
// Today's own steps: the buyer's card shows the same step (in the Buyers tab, hidden meanwhile).
const step = (panel: Page, action: string) => panel.locator(`[data-testid="today-view"] ${STEP}[data-action="${action}"]`);
const cardStep = (panel: Page, action: string) => panel.locator(`[data-testid="buyer-next-step"] ${STEP}[data-action="${action}"]`);

describe('Today: next steps', () => {
  const session = browserPerBlock(fx);

  /** The badge text once it equals `want` (the worker redraws it on the panel's message). */
  async function badge(want: string): Promise<string> {
    let text = '';
    for (let i = 0; i < 50; i++) {
      // Runs in the service worker, where `chrome` is a global.
      text = await session.browser.inWorker(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}), null);
      if (text === want) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    return text;
  }

  it('captures an inquiry, shows the reply; a quote moves it; done, snooze, dismiss; the badge counts', async () => {
    const { panel } = await session.open(fx);
    await readCaptureForm(panel);
    await saveCapture(panel);

    // The inquiry of 2026-11-17 is unanswered: a reply is due (overdue by now), urgent.
    await panel.locator('[data-testid="tab-today"]').click();
    const reply = step(panel, 'reply');
    await reply.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(reply.innerText()).resolves.toContain(fx.expect.inquiry.subject as string);
    await expect(reply.getAttribute('data-buyer')).resolves.toBeTruthy();
    await expect(panel.locator('[data-testid="today-overdue"]').locator(STEP).count()).resolves.toBe(1);
    expect(await badge('1')).toBe('1');

    // Snooze it a day: no longer overdue, marked snoozed.
    await reply.locator('[data-testid="step-snooze-day"]').click();
    await step(panel, 'reply').filter({ hasText: 'Snoozed' }).waitFor({ state: 'visible', timeout: 10_000 });
    await expect(panel.locator('[data-testid="today-overdue"]').locator(STEP).count()).resolves.toBe(0);

    // Log a quote from the buyer's timeline: the step becomes the quote's first follow-up, in 3 days.
    await panel.locator(T.tabBuyers).click();
    await panel.locator(T.buyerRow).first().click();
    // The quick button: a quote sent, now, on the buyer's channel (components/quick-log.tsx).
    const quick = panel.locator('[data-testid="quick-quote-sent"]');
    await quick.waitFor({ state: 'visible', timeout: 10_000 });
    // The card shows the buyer's next step too: the snoozed reply, until the quote moves it.
    await cardStep(panel, 'reply').filter({ hasText: 'Snoozed' }).waitFor({ state: 'visible', timeout: 10_000 });
    await quick.click();
    await panel.locator(T.timelineItem).nth(1).waitFor({ state: 'visible', timeout: 10_000 });
    await cardStep(panel, 'follow-up-quote').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(cardStep(panel, 'reply').count()).resolves.toBe(0);
    await panel.locator('[data-testid="tab-today"]').click();
    const quote = step(panel, 'follow-up-quote');
    await quote.waitFor({ state: 'visible', timeout: 10_000 });
    await expect(step(panel, 'reply').count()).resolves.toBe(0);
    await expect(panel.locator('[data-testid="today-upcoming"]').locator(STEP).count()).resolves.toBe(1);
    await expect(quote.innerText()).resolves.toContain('(follow-up 1)');
    // Nothing is due today any more.
    expect(await badge('')).toBe('');

    // Done logs the follow-up; the next one (the second) follows. It is due seven days after the
    // quote, in the buyer's working hours: on some evenings that is past Today's week, so it is
    // looked for on the buyer's card, which shows the next step whenever it is due.
    await quote.locator('[data-testid="step-done"]').click();
    await step(panel, 'follow-up-quote').filter({ hasText: '(follow-up 1)' }).waitFor({ state: 'detached', timeout: 10_000 });
    await panel.locator(T.tabBuyers).click();
    const second = cardStep(panel, 'follow-up-quote').filter({ hasText: '(follow-up 2)' });
    await second.waitFor({ state: 'visible', timeout: 10_000 });

    // Dismiss: the third follow-up is two weeks out, so nothing is left in Today's week.
    await second.locator('[data-testid="step-dismiss"]').click();
    await second.waitFor({ state: 'detached', timeout: 10_000 });
    await panel.locator('[data-testid="tab-today"]').click();
    await panel.locator('[data-testid="today-empty"]').waitFor({ state: 'visible', timeout: 10_000 });

    // The timeline holds the inquiry, the quote and the follow-up Done logged.
    await panel.locator(T.tabBuyers).click();
    await expect(panel.locator(T.timelineItem).count()).resolves.toBe(3);
    await panel.close();
  });

  itMadeNoNetworkRequest(session);
});
