/**
 * An over-long inquiry is clipped, never refused: a buyer message longer than the stored limit
 * reaches the form cut with a marker (the content script's last line of defence,
 * extractors/guard-capture.ts), and saves. Before the guard, such a capture failed its schema in
 * the panel and the form stayed empty.
 */
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS } from '../../lib/capture';
import { TRUNCATED } from '../../extractors/guard-capture';
import { loadFixture, readBook, readCaptureForm, saveCapture } from './harness';
import { browserPerBlock, itMadeNoNetworkRequest } from './test-browser';

const fx = loadFixture('alibaba-detail-zh');
const OPENING = 'Could you please quote your best price for 500 pieces';
// About 70,000 characters of the buyer's own words, with control and bidi characters in them.
const filler = ' Specification line \u202efor the sink\u200b with drawings attached.'.repeat(1200);
const html = fx.html.replace(OPENING, OPENING + filler);

describe('an over-long message', () => {
  const session = browserPerBlock(fx);

  it('is clipped with a marker in the form and saved', async () => {
    expect(html.length - fx.html.length).toBeGreaterThan(CAPTURE_LIMITS.inquiry.message);
    const { panel } = await session.open({ url: fx.url, html: html });
    const { capture } = await readCaptureForm(panel);
    const message = capture.inquiry.message ?? '';
    expect(message).toContain(OPENING);
    expect(message.endsWith(TRUNCATED)).toBe(true);
    expect(message.length).toBeLessThanOrEqual(CAPTURE_LIMITS.inquiry.message);
    expect(capture.buyer.name).toBe(fx.expect.buyer.name);

    await saveCapture(panel);
    const book = await readBook(panel);
    expect(book.inquiries).toHaveLength(1);
    const saved = String(book.inquiries[0]!.message);
    expect(saved.endsWith(TRUNCATED)).toBe(true);
    expect(saved.length).toBeLessThanOrEqual(CAPTURE_LIMITS.inquiry.message);
    expect(saved).not.toMatch(/[\u202e\u200b]/);
  });

  itMadeNoNetworkRequest(session);
});
