/**
 * Gmail thread adapter: its addresses, and variants of the gmail-thread fixture made here by
 * string replacement, so the adapter is shown to read the page's structure, not its values.
 */
import { describe, expect, it } from 'vitest';
import { pageDocument } from '../../../scripts/extract-node';
import { extractPage } from '../../../extractors/extract-page';
import { gmail } from '../../../extractors/platforms/gmail';
import { normalizeCapture } from '../../../lib/normalize';
import { isEmptyCapture } from '../../../lib/capture';
import { loadFixture } from '../../support/fixtures';
import { describeAddresses, pageReader, swap } from '../../support/adapter-tests';

const fx = loadFixture('gmail-thread');
const capture = pageReader(gmail, fx);

describeAddresses(gmail, {
  name: 'match patterns cover only the mailbox',
  check: (matches) => {
    expect(matches).toEqual(['https://mail.google.com/mail/*']);
  },
});

describe('gmail thread structure', () => {
  it('reads another buyer written into the same structure', () => {
    const html = swap(fx.html, [
      ['Johan Lindqvist', 'Aino Virtanen'],
      ['johan.lindqvist@nordvikmarine.se', 'aino.virtanen@kotkaboatparts.fi'],
      ['Nordvik Marine Supply AB', 'Kotka Boat Parts Oy'],
      ['Hamnvägen 12, 417 64 Göteborg, Sweden', 'Satamakatu 4, 48100 Kotka, Finland'],
      ['+46 31 712 45 80', '+358 5 218 4470'],
      ['+46 70 348 21 96', '+358 40 561 2239'],
      ['https://www.nordvikmarine.se', 'https://www.kotkaboatparts.fi'],
      ['data-legacy-thread-id="19a8f4c2b7e3d105"', 'data-legacy-thread-id="18ff02a9c1d4e777"'],
      ['title="Tue, Nov 17, 2026, 3:42 PM"', 'title="Mon, Nov 16, 2026, 9:05 AM"'],
    ]);
    const c = capture(html);
    expect(c.buyer).toMatchObject({
      name: 'Aino Virtanen',
      company: 'Kotka Boat Parts Oy',
      country: 'FI',
      emails: ['aino.virtanen@kotkaboatparts.fi'],
      phones: ['+35852184470', '+358405612239'],
      whatsapp: '+358405612239',
      website: 'https://www.kotkaboatparts.fi',
    });
    // A thread id is the mailbox's, not an inquiry id.
    expect(c.inquiry.platformInquiryId).toBeNull();
    expect(c.inquiry.receivedAt).toBe('2026-11-16T01:05:00Z');
    expect(JSON.stringify(c)).not.toContain('Tina Xu');
  });

  it('reads page times in the browser zone', () => {
    expect(capture(fx.html, fx.url, 'Europe/Stockholm').inquiry.receivedAt).toBe('2026-11-17T14:42:00Z');
  });

  it('finds the buyer without any account marker (the first sender wrote in)', () => {
    const html = swap(fx.html, [
      ['aria-label="Google Account: Tina Xu (tina.xu@haiyumarine-qd.com)"', 'aria-label="Account"'],
      ['<title>Inquiry: 316 stainless steel deck hinges - 2,000 pcs - tina.xu@haiyumarine-qd.com - Haiyu Marine Mail</title>', '<title>Mail</title>'],
      ['name="me"', 'name="Tina"'],
      ['var GLOBALS = [null, null, 417, "tina.xu@haiyumarine-qd.com"', 'var GLOBALS = [null, null, 417, ""'],
    ]);
    const c = capture(html);
    expect(c.buyer.name).toBe('Johan Lindqvist');
    expect(c.buyer.emails).toEqual(['johan.lindqvist@nordvikmarine.se']);
    expect(c.inquiry.message).not.toContain('USD 3.85/pc');
  });

  it('takes the buyer as the other correspondent when the seller wrote first', () => {
    // Swap who is who: the seller's message now comes first in the thread.
    const doc = pageDocument(fx.html, fx.url);
    const list = doc.querySelector('[role="list"]')!;
    const items = Array.from(list.children);
    list.insertBefore(items[1]!, items[0]!);
    list.removeChild(items[2]!);
    list.removeChild(items[0]!);
    process.env.TZ = fx.timeZone;
    const c = normalizeCapture(extractPage([gmail], doc, fx.url));
    expect(c.buyer.name).toBe('Johan Lindqvist');
    expect(c.buyer.emails).toEqual(['johan.lindqvist@nordvikmarine.se']);
    // He has not written: no message, no time, and nothing of the seller's.
    expect(c.inquiry.message).toBeNull();
    expect(c.inquiry.receivedAt).toBeNull();
    expect(JSON.stringify(c.buyer)).not.toMatch(/8613605324718|Haiyu/);
  });

  it('drops a masked number from the signature', () => {
    const html = swap(fx.html, [['WhatsApp: +46 70 348 21 96', 'WhatsApp: +46 70 *** 21 96']]);
    const c = capture(html);
    expect(c.buyer.whatsapp).toBeNull();
    expect(c.buyer.phones).toEqual(['+46317124580']);
  });

  it('cuts quoted seller text even when the quote is shown', () => {
    // "Show trimmed content" clicked: the quotes are visible and no longer in .h5.
    const html = swap(fx.html, [['<div class="h5" style="display:none">', '<div class="shown">']]);
    const c = capture(html);
    const all = JSON.stringify(c);
    for (const bad of ['USD 3.85/pc', '+8613605324718', 'tina.xu@haiyumarine-qd.com', 'Qingdao Haiyu']) expect(all).not.toContain(bad);
    expect(c.inquiry.message).toContain('Please also quote a 100 x 50 mm version');
  });

  it('gives an empty capture on the inbox list', () => {
    // The list shown, the thread gone.
    const doc = pageDocument(fx.html, 'https://mail.google.com/mail/u/0/#inbox');
    doc.querySelector('.ae4')!.setAttribute('style', 'display:block');
    doc.querySelector('.ae4')!.removeAttribute('aria-hidden');
    doc.querySelector('h2.hP')!.closest('[role="main"]')!.remove();
    const c = extractPage([gmail], doc, 'https://mail.google.com/mail/u/0/#inbox');
    expect(c.platform).toBe('gmail');
    expect(isEmptyCapture(c)).toBe(true);
    expect(JSON.stringify(c)).not.toContain('Maria Koskinen');
  });

  it('survives empty and garbage documents', () => {
    for (const html of ['', '<html><body><h2 class="hP"></h2><div data-message-id="x"><span class="gD" email="">?</span></div>', '<<<>>>&&&<h2 class=hP>x']) {
      const c = capture(html);
      expect(c.platform).toBe('gmail');
      expect(c.buyer.emails).toEqual([]);
      expect(c.buyer.phones).toEqual([]);
    }
  });
});
