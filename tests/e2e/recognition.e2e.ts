/**
 * Issue: a buyer captured on Alibaba, then met again in a Gmail thread and in WhatsApp Web, is one
 * buyer with all three channels and the history of all three.
 *
 * The Gmail and WhatsApp pages are the shared gmail-thread and whatsapp-chat fixtures with their
 * buyer replaced, in this test, by the Alibaba buyer: Gmail by the same email address, WhatsApp by
 * the same number (and another email of the same company, so only the number can tie them).
 */
import { describe, expect, it } from 'vitest';
import { loadFixture, readBook, readCaptureForm, saveCapture, T } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const alibaba = loadFixture('alibaba-detail-zh');
const gmailFx = loadFixture('gmail-thread');
const whatsappFx = loadFixture('whatsapp-chat');

const buyer = alibaba.expect.buyer as { name: string; emails: string[]; whatsapp: string };
const email = buyer.emails[0] as string;
const number = buyer.whatsapp; // "+34612487319"
const digits = number.slice(1);
/** The same number as WhatsApp Web shows a Spanish mobile in the contact drawer. */
const spaced = `+${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 7)} ${digits.slice(7, 9)} ${digits.slice(9)}`;

const replaceAll = (html: string, pairs: [string, string][]) => pairs.reduce((h, [a, b]) => h.split(a).join(b), html);

function gmailPage(): string {
  const gb = gmailFx.expect.buyer as { name: string; emails: string[] };
  const html = replaceAll(gmailFx.html, [
    [gb.emails[0] as string, email],
    [gb.name, buyer.name],
  ]);
  if (!html.includes(email) || html.includes(gb.emails[0] as string)) throw new Error('gmail fixture: buyer email not replaced');
  return html;
}

function whatsappPage(): string {
  const wb = whatsappFx.expect.buyer as { name: string; emails: string[]; whatsapp: string };
  const oldDigits = wb.whatsapp.slice(1); // 96171438206
  const oldSpaced = '+961 71 438 206';
  if (!whatsappFx.html.includes(oldSpaced)) throw new Error('whatsapp fixture: contact number format changed');
  const html = replaceAll(whatsappFx.html, [
    [oldSpaced, spaced],
    [oldDigits, digits],
    [wb.emails[0] as string, 'compras@' + email.split('@')[1]],
    [wb.name, buyer.name],
  ]);
  if (html.includes(oldDigits)) throw new Error('whatsapp fixture: number not replaced');
  return html;
}

describe('one buyer across Alibaba, Gmail and WhatsApp', () => {
  const session = browserPerBlock(alibaba);

  const steps: { name: string; url: string; html: () => string; platform: string; channel: string }[] = [
    { name: 'alibaba', url: alibaba.url, html: () => alibaba.html, platform: 'alibaba', channel: 'alibaba' },
    { name: 'gmail', url: gmailFx.url, html: gmailPage, platform: 'gmail', channel: 'email' },
    { name: 'whatsapp', url: whatsappFx.url, html: whatsappPage, platform: 'whatsapp', channel: 'whatsapp' },
  ];

  steps.forEach((step, i) => {
    it(`${i === 0 ? 'captures' : 'recognises'} the buyer on ${step.name}`, async () => {
      const { page, panel } = await session.open({ url: step.url, html: step.html() });
      const { capture } = await readCaptureForm(panel);
      expect(capture.platform).toBe(step.platform);
      if (step.name === 'gmail') expect(capture.buyer.emails).toContain(email);
      if (step.name === 'whatsapp') expect(capture.buyer.whatsapp).toBe(number);
      if (i === 0) {
        await expect(panel.locator(T.known).count()).resolves.toBe(0);
      } else {
        await panel.locator(T.known).waitFor({ state: 'visible', timeout: 10_000 });
      }
      await saveCapture(panel);
      const book = await readBook(panel);
      expect(book.buyers, 'still one buyer').toHaveLength(1);
      expect(book.inquiries).toHaveLength(i + 1);
      expect(book.touchpoints).toHaveLength(i + 1);
      await page.close();
      await panel.close();
    });
  });

  it('holds one buyer with every channel and the history of all three', async () => {
    const { panel } = await session.open(alibaba);
    const book = await readBook(panel);
    expect(book.buyers).toHaveLength(1);
    const b = book.buyers[0] as { id: string; name: string; emails: string[]; phones: string[]; whatsapp: string; platformIds: { platform: string; id: string }[] };
    expect(b.name).toBe(buyer.name);
    expect(b.emails).toEqual(expect.arrayContaining([email, 'compras@' + email.split('@')[1]]));
    expect(b.whatsapp).toBe(number);
    expect(b.phones).toContain(number);
    expect(b.platformIds).toContainEqual({ platform: 'alibaba', id: alibaba.expect.buyer.platformBuyerId });

    expect(book.inquiries.map((q) => q.platform).sort()).toEqual(['alibaba', 'gmail', 'whatsapp']);
    expect(new Set(book.inquiries.map((q) => q.buyerId))).toEqual(new Set([b.id]));
    expect(book.touchpoints.map((t) => t.channel).sort()).toEqual(['alibaba', 'email', 'whatsapp']);
    expect(new Set(book.touchpoints.map((t) => t.buyerId))).toEqual(new Set([b.id]));

    // The panel shows the whole history on the buyer's detail.
    await panel.locator(T.tabBuyers).click();
    await panel.locator(T.buyerRow).first().waitFor({ state: 'visible', timeout: 10_000 });
    await expect(panel.locator(T.buyerRow).count()).resolves.toBe(1);
    await panel.locator(T.buyerRow).first().click();
    const detail = panel.locator(T.buyerDetail);
    await detail.waitFor({ state: 'visible', timeout: 10_000 });
    await detail.locator(T.timelineItem).nth(2).waitFor({ state: 'visible', timeout: 10_000 });
    await expect(detail.locator(T.timelineItem).count()).resolves.toBe(3);
  });

  itMadeNoNetworkRequest(session);
});
