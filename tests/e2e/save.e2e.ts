/**
 * Capture and save in one click, then prove what was stored by reading the `buyerbook` IndexedDB
 * directly (raw indexedDB in the panel's origin, not the app's own code), and find the buyer in
 * the buyers list and its detail.
 */
import { describe, expect, it } from 'vitest';
import { failures, judgeCapture } from '../support/fixtures';
import { loadFixture, readBook, readCaptureForm, saveCapture, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

// The Alibaba detail page whose buyer shares everything: email, two phones, WhatsApp, website, buyer id.
const fx = loadFixture('alibaba-detail-zh');
const exp = fx.expect;

describe('save a capture', () => {
  const session = browserPerBlock(fx);

  it('stores the buyer, the inquiry and its touchpoint, and lists the buyer', async () => {
    const { panel } = await session.open(fx);
    const { capture } = await readCaptureForm(panel);
    expect(failures(judgeCapture(capture, fx))).toEqual([]);
    await expect(panel.locator(T.known).count()).resolves.toBe(0);

    await saveCapture(panel);

    const book = await readBook(panel);
    expect(book.stores).toEqual(expect.arrayContaining(['buyers', 'inquiries', 'touchpoints']));
    expect(book.buyers).toHaveLength(1);
    const buyer = book.buyers[0]!;
    expect(buyer).toMatchObject({
      name: exp.buyer.name,
      company: exp.buyer.company,
      country: exp.buyer.country,
      emails: exp.buyer.emails,
      phones: exp.buyer.phones,
      whatsapp: exp.buyer.whatsapp,
      website: exp.buyer.website,
    });
    expect(buyer.platformIds).toEqual([{ platform: 'alibaba', id: exp.buyer.platformBuyerId }]);
    expect(buyer.stage).toBe('new');
    expect(typeof buyer.id).toBe('string');

    expect(book.inquiries).toHaveLength(1);
    const inquiry = book.inquiries[0]!;
    const receivedAt = Date.parse(exp.inquiry.receivedAt as string);
    expect(inquiry).toMatchObject({
      buyerId: buyer.id,
      platform: 'alibaba',
      platformInquiryId: exp.inquiry.platformInquiryId,
      subject: exp.inquiry.subject,
      productTitle: exp.inquiry.productTitle,
      productId: exp.inquiry.productId,
      quantity: exp.inquiry.quantity,
      unit: exp.inquiry.unit,
      receivedAt,
    });
    for (const phrase of exp.inquiry.messageContains ?? []) expect(String(inquiry.message)).toContain(phrase);

    expect(book.touchpoints).toHaveLength(1);
    expect(book.touchpoints[0]).toMatchObject({
      buyerId: buyer.id,
      channel: 'alibaba',
      direction: 'in',
      kind: 'inquiry',
      at: receivedAt,
      inquiryId: inquiry.id,
    });

    // Nothing of the seller's own identity was stored anywhere.
    const stored = JSON.stringify(book);
    for (const bad of exp.mustNotContain ?? []) expect(stored).not.toContain(bad);

    // The buyers list shows the buyer; its detail shows the history.
    await panel.locator(T.tabBuyers).click();
    const row = panel.locator(T.buyerRow).filter({ hasText: exp.buyer.name as string });
    await row.first().waitFor({ state: 'visible', timeout: 10_000 });
    await expect(panel.locator(T.buyerRow).count()).resolves.toBe(1);
    await row.first().click();
    const detail = panel.locator(T.buyerDetail);
    await detail.waitFor({ state: 'visible', timeout: 10_000 });
    // What the detail shows: its text and the values of its (editable) fields.
    const shown = await detail.evaluate((el) =>
      [(el as HTMLElement).innerText, ...[...el.querySelectorAll('input, textarea')].map((f) => (f as HTMLInputElement).value)].join('\n'),
    );
    expect(shown).toContain(exp.buyer.name as string);
    expect(shown).toContain((exp.buyer.emails as string[])[0]);
    expect(shown).toContain(exp.buyer.whatsapp as string);
    await detail.locator(T.timelineItem).first().waitFor({ state: 'visible', timeout: 10_000 });
    await expect(detail.locator(T.timelineItem).count()).resolves.toBe(1);
    await panel.close();
  });

  it('recognises the buyer on the same page again, and saving again adds no second inquiry', async () => {
    const { page, panel } = await session.open(fx);
    await readCaptureForm(panel);
    await panel.locator(T.known).waitFor({ state: 'visible', timeout: 10_000 });
    await saveCapture(panel);
    const book = await readBook(panel);
    expect(book.buyers).toHaveLength(1);
    expect(book.inquiries).toHaveLength(1);
    expect(book.touchpoints).toHaveLength(1);
    await page.close();
    await panel.close();
  });

  itMadeNoNetworkRequest(session);
});
