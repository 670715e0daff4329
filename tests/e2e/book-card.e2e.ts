/**
 * The buyer's card in the built extension (issue 10): three touchpoints logged with the quick
 * buttons, a proposed stage accepted in one click, a delete undone (the same row back), and the
 * WhatsApp chat link's address. The book is read back with the raw IndexedDB API.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadFixture, readBook, saveCapture, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const fx = loadFixture('alibaba-detail-zh');
const name = String(fx.expect.buyer.name);
const whatsapp = String(fx.expect.buyer.whatsapp);

const inDetail = (panel: Page, testId: string) => panel.locator(`${T.buyerDetail} [data-testid="${testId}"]`);
const kindsLogged = async (panel: Page) =>
  (await readBook(panel)).touchpoints
    .filter((t) => t.kind !== 'inquiry')
    .sort((a, b) => Number(a.at) - Number(b.at))
    .map((t) => t.kind);

describe('the buyer card', () => {
  const session = browserPerBlock(fx);

  it('logs three touchpoints with quick buttons, takes a proposed stage, undoes a delete, links WhatsApp to wa.me', async () => {
    const { panel } = await session.open(fx);
    await saveCapture(panel);
    await panel.locator(T.tabBuyers).click();
    await panel.locator(T.buyerRow).filter({ hasText: name }).first().click();
    await panel.locator(T.buyerDetail).waitFor();

    // Two clicks a contact: the quick button, then (for the quote) the proposed stage.
    await inDetail(panel, 'quick-replied').click();
    await expect.poll(() => kindsLogged(panel)).toEqual(['first-reply']);
    await inDetail(panel, 'quick-quote-sent').click();
    await expect.poll(() => kindsLogged(panel)).toEqual(['first-reply', 'quote-sent']);
    const proposal = inDetail(panel, 'stage-proposal');
    await expect.poll(() => proposal.getAttribute('data-value')).toBe('quoted');
    await proposal.locator('[data-testid="accept-stage"]').click();
    await expect.poll(async () => (await readBook(panel)).buyers[0]?.stage).toBe('quoted');
    await expect.poll(() => inDetail(panel, 'buyer-stage').getAttribute('data-value')).toBe('quoted');
    await inDetail(panel, 'stage-change').waitFor();
    await inDetail(panel, 'quick-followed-up').click();
    await expect.poll(() => kindsLogged(panel)).toEqual(['first-reply', 'quote-sent', 'follow-up']);
    const logged = (await readBook(panel)).touchpoints.filter((t) => t.kind !== 'inquiry');
    // The channel the buyer was last reached on: the inquiry came through Alibaba; the seller's part.
    expect(logged.map((t) => [t.channel, t.direction])).toEqual(logged.map(() => ['alibaba', 'out']));

    // Delete the newest entry: gone at once, then Undo brings back the very same row.
    const followUp = logged.find((t) => t.kind === 'follow-up')!;
    await panel.locator(`${T.buyerDetail} [data-kind="follow-up"] [data-testid="delete-touchpoint"]`).click();
    await expect.poll(() => kindsLogged(panel)).toEqual(['first-reply', 'quote-sent']);
    await inDetail(panel, 'undo').click();
    await expect.poll(() => kindsLogged(panel)).toEqual(['first-reply', 'quote-sent', 'follow-up']);
    expect((await readBook(panel)).touchpoints.find((t) => t.kind === 'follow-up')).toEqual(followUp);
    await panel.locator(`${T.buyerDetail} [data-kind="follow-up"]`).waitFor();

    // The chat link: wa.me with the international number's digits, in a new tab, no referrer.
    const link = panel.locator(`${T.buyerDetail} [data-testid="channel-whatsapp"] [data-testid="open-channel"]`);
    expect(await link.getAttribute('href')).toBe(`https://wa.me/${whatsapp.replace(/^\+/, '')}`);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    await panel.close();
  });

  itMadeNoNetworkRequest(session);
});
