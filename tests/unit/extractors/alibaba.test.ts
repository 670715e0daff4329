/**
 * The Alibaba adapters on variants of the shared fixture pages: other buyers and ids, the
 * embedded data removed (DOM path), masked values, label-only cards, broken documents. Each
 * variant is made here by string replacement, so the expectations follow from the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractHtml, pageDocument } from '../../../scripts/extract-node';
import { ALL_MODULES } from '../../../extractors/registry';
import { findAdapter } from '../../../extractors/extract-page';
import { alibaba } from '../../../extractors/platforms/alibaba';
import { loadFixture } from '../../support/fixtures';

const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai'; // every Alibaba fixture was saved in Beijing time
});
afterAll(() => {
  process.env.TZ = savedTz;
});

/** Replace every occurrence, and fail loudly if the fixture no longer has the text. */
function sub(html: string, ...pairs: [string | RegExp, string][]): string {
  for (const [from, to] of pairs) {
    const next = typeof from === 'string' ? html.split(from).join(to) : html.replace(from, to);
    if (next === html) throw new Error(`variant: ${String(from)} not found in the fixture`);
    html = next;
  }
  return html;
}

const run = (html: string, url: string) => extractHtml(html, url).capture;
const fx = (name: string) => loadFixture(name);

describe('alibaba addresses', () => {
  it('every adapter detects its positives and none of its negatives', () => {
    for (const a of alibaba.adapters) {
      expect(a.examples.positive.length, a.id).toBeGreaterThan(0);
      expect(a.examples.negative.length, a.id).toBeGreaterThan(0);
      for (const u of a.examples.positive) expect(a.detect(new URL(u)), `${a.id} ${u}`).toBe(true);
      for (const u of a.examples.negative) expect(a.detect(new URL(u)), `${a.id} ${u}`).toBe(false);
    }
  });

  it('a positive is picked up by its own adapter, and no other platform claims it', () => {
    for (const a of alibaba.adapters) {
      for (const u of a.examples.positive) {
        expect(findAdapter([alibaba], new URL(u))?.adapter.id, u).toBe(a.id);
        for (const m of ALL_MODULES) {
          if (m === alibaba || m.platform === 'generic') continue;
          expect(m.adapters.some((x) => x.detect(new URL(u))), `${m.platform} claims ${u}`).toBe(false);
        }
      }
    }
  });

  it('the fixture addresses and the messenger variants are detected', () => {
    for (const n of ['alibaba-detail-en', 'alibaba-list-with-detail', 'alibaba-onetalk', 'alibaba-rfq']) {
      expect(findAdapter([alibaba], new URL(fx(n).url)), n).not.toBeNull();
    }
    const id = (u: string) => findAdapter([alibaba], new URL(u))?.adapter.id ?? null;
    expect(id('https://message.alibaba.com/message/messenger.htm')).toBe('alibaba/messenger');
    expect(id('https://message.alibaba.com/message/weblitePWA.htm#/')).toBe('alibaba/messenger');
    expect(id('https://onetalk.alibaba.com/message/weblite.htm')).toBe('alibaba/onetalk');
    // The list with no inquiry open, http and look-alike hosts are not read.
    expect(id('https://message.alibaba.com/message/default.htm?imInquiryId=1#feedback/all')).toBeNull();
    expect(id('http://message.alibaba.com/message/maDetail.htm?imInquiryId=1')).toBeNull();
    expect(id('https://evilmessage.alibaba.com/message/maDetail.htm?imInquiryId=1')).toBeNull();
  });

  it('matches cover only the seller hosts', () => {
    expect(alibaba.matches).toEqual(['https://message.alibaba.com/*', 'https://onetalk.alibaba.com/*', 'https://sourcing.alibaba.com/*']);
  });
});

describe('inquiry detail (maDetail)', () => {
  it('reads another buyer from the same structure', () => {
    const f = fx('alibaba-detail-zh');
    const html = sub(
      f.html,
      ['Lucía Fernández', 'Ana Ribeiro'],
      ['Distribuciones Levante Cocina S.L.', 'Ribeiro Cozinhas Lda'],
      ['西班牙', '葡萄牙'],
      ['lucia.fernandez@levantecocina-dist.es', 'ana@ribeiro-cozinhas.pt'],
      ['+34 612487319', '+351 912 345 678'],
      ['+34 963 412 758', '+351 213 456 789'],
      ['+34 612 48 73 19', '+351 912 345 678'],
      ['https://www.levantecocina-dist.es', 'https://www.ribeiro-cozinhas.pt'],
      ['2215408763921', '2299001122334'],
      ['8042517736152', '8049990001112'],
      ['1600934472815', '1600111222333'],
      ['1794903840000', '1794990240000'], // one day later
    );
    const c = run(html, f.url.replace('8042517736152', '8049990001112'));
    expect(c.buyer).toMatchObject({
      name: 'Ana Ribeiro',
      company: 'Ribeiro Cozinhas Lda',
      country: 'PT',
      emails: ['ana@ribeiro-cozinhas.pt'],
      phones: ['+351912345678', '+351213456789'],
      whatsapp: '+351912345678',
      website: 'https://www.ribeiro-cozinhas.pt',
      platformBuyerId: '2299001122334',
    });
    expect(c.inquiry).toMatchObject({ platformInquiryId: '8049990001112', productId: '1600111222333', receivedAt: '2026-11-18T08:24:00Z' });
  });

  it('falls back to the DOM when the embedded data and data-expinfo are gone', () => {
    const f = fx('alibaba-detail-en');
    const html = sub(f.html, [/window\.__crm_card_data__ = \{[\s\S]*?\n\};/, ''], [/ data-expinfo="[^"]*"/g, '']);
    const c = run(html, f.url);
    const e = f.expect;
    expect(c.buyer.name).toBe(e.buyer.name);
    expect(c.buyer.company).toBe(e.buyer.company);
    expect(c.buyer.country).toBe('CA');
    expect(c.buyer.emails).toEqual(e.buyer.emails);
    expect(c.buyer.phones).toEqual([]);
    expect(c.buyer.platformBuyerId).toBe(e.buyer.platformBuyerId); // the card's data-buyer-aliid
    expect(c.inquiry).toMatchObject({
      platformInquiryId: e.inquiry.platformInquiryId,
      subject: e.inquiry.subject,
      productTitle: e.inquiry.productTitle,
      productId: e.inquiry.productId,
      quantity: 300,
      unit: 'sets',
      receivedAt: '2026-11-19T14:47:00Z', // "Created: Nov 19, 2026 22:47" in Beijing time
    });
    // Sides come from the layout now: the seller's reply and its signature stay out.
    expect(c.inquiry.message).toContain('Can you share your price list');
    expect(c.inquiry.message).not.toContain('Kevin');
    expect(c.inquiry.message).not.toContain('Could you leave your email');
  });

  it('takes contact details once the buyer shares them, in the card or its data', () => {
    const f = fx('alibaba-detail-en');
    const html = sub(
      f.html,
      ['<span class="masked">ma***@gmail.com</span><span class="request-contact">View contact info</span>', 'marcus.w@gmail.com'],
      ['<span class="masked">+1 416 *** 7731</span>', '+1 416 555 7731'],
      ['<div class="base-information-form-item-content"><span class="masked">Request to view</span></div>', '<div class="base-information-form-item-content">www.harbourlinetools.ca</div>'],
    );
    const c = run(html, f.url);
    expect(c.buyer.emails).toEqual(['marcus.w@gmail.com', 'm.whitfield@harbourlinetools.ca']);
    expect(c.buyer.phones).toEqual(['+14165557731']);
    expect(c.buyer.website).toBe('https://www.harbourlinetools.ca');
    // And from the embedded card data alone, when the card rows are not rendered.
    const data = sub(
      f.html,
      ['email: "ma***@gmail.com"', 'email: "marcus.w@gmail.com"'],
      ['mobile: "+1 416 *** 7731"', 'mobile: "+1 416 555 7731"'],
      [/<div class="base-information-form">[\s\S]*?<div class="contact-tip">/, '<div class="contact-tip">'],
    );
    const d = run(data, f.url);
    expect(d.buyer.emails).toEqual(['marcus.w@gmail.com', 'm.whitfield@harbourlinetools.ca']);
    expect(d.buyer.phones).toEqual(['+14165557731']);
  });

  it('never takes masked values', () => {
    const f = fx('alibaba-detail-zh');
    const html = sub(
      f.html,
      ['<a href="mailto:lucia.fernandez@levantecocina-dist.es">lucia.fernandez@levantecocina-dist.es</a>', 'lu***@levantecocina-dist.es'],
      ['+34 612487319', '+34 612 ****319'],
      ['+34 963 412 758', '申请查看'],
    );
    const c = run(html, f.url);
    expect(c.buyer.emails).toEqual([]);
    // Only the number the buyer typed in the chat is left.
    expect(c.buyer.phones).toEqual(['+34612487319']);
    expect(JSON.stringify(c)).not.toContain('***');
  });

  it('reads contact details typed in a message that also has stars or an ellipsis', () => {
    const f = fx('alibaba-detail-zh');
    const html = sub(f.html, ['It is easier to talk on WhatsApp', 'We are a 5* supplier… It is easier to talk on WhatsApp']);
    const c = run(html, f.url);
    expect(c.buyer.whatsapp).toBe('+34612487319');
    const en = fx('alibaba-detail-en');
    const e = run(sub(en.html, ['Sure, please send', 'Sure… please send']), en.url);
    expect(e.buyer.emails).toEqual(['m.whitfield@harbourlinetools.ca']);
  });

  it('leaves masked stand-ins out of the raw capture too', () => {
    const f = fx('alibaba-detail-en');
    const { raw } = extractHtml(f.html, f.url);
    expect(raw.buyer.website).toBeNull();
    expect(raw.buyer.phones).toEqual([]);
    expect(raw.buyer.emails).toEqual(['m.whitfield@harbourlinetools.ca']);
    for (const bad of ['***', 'Request to view', 'View contact info']) expect(JSON.stringify(raw)).not.toContain(bad);
  });

  it('ignores embedded card data that belongs to another buyer than the card shown', () => {
    const f = fx('alibaba-detail-en');
    const shared = sub(f.html, ['email: "ma***@gmail.com"', 'email: "marcus.w@gmail.com"']);
    expect(run(shared, f.url).buyer.emails).toContain('marcus.w@gmail.com');
    const other = sub(shared, ['buyerAliId: "2219874305512"', 'buyerAliId: "2200000000009"']);
    const c = run(other, f.url);
    expect(c.buyer.emails).toEqual(['m.whitfield@harbourlinetools.ca']);
    expect(c.buyer.platformBuyerId).toBe('2219874305512');
  });

  it('reads a card whose rows have lost their class names (labels only)', () => {
    const f = fx('alibaba-detail-zh');
    const html = sub(f.html, [/base-information-form-item-(label|content)/g, 'row-$1'], [/class="(name-text|country-flag-label)"/g, '']);
    const c = run(html, f.url);
    expect(c.buyer.company).toBe(f.expect.buyer.company);
    expect(c.buyer.country).toBe('ES');
    expect(c.buyer.emails).toEqual(f.expect.buyer.emails);
    expect(c.buyer.phones).toEqual(f.expect.buyer.phones);
    expect(c.buyer.website).toBe(f.expect.buyer.website);
    expect(c.buyer.name).toBe(f.expect.buyer.name); // from the chat header now
  });

  it('does not read machine translations, quotes or the seller as the buyer', () => {
    const zh = fx('alibaba-detail-zh');
    const c = run(zh.html, zh.url);
    expect(c.inquiry.message).not.toContain('机器翻译');
    expect(c.inquiry.message).not.toContain('Dear Lucía');
    const en = fx('alibaba-detail-en');
    const m = run(en.html, en.url).inquiry.message ?? '';
    expect(m).toContain('please send the catalog');
    expect(m).not.toContain('Could you leave your email');
  });

  it('leaves out a quote of the seller nested inside the buyer message', () => {
    const f = fx('alibaba-detail-en');
    const html = sub(f.html, [
      /(<div class="quote-container">[\s\S]*?<\/div>)\s*<div class="session-rich-content text">/,
      '<div class="session-rich-content text">$1',
    ]);
    expect(html).toContain('text"><div class="quote-container">');
    const m = run(html, f.url).inquiry.message ?? '';
    expect(m).toContain('please send the catalog');
    expect(m).not.toContain('Could you leave your email');
  });

  it('does not take the seller id as the buyer id when the card gives none', () => {
    const f = fx('alibaba-detail-zh');
    const html = sub(f.html, [' data-buyer-aliid="2215408763921"', '']);
    expect(run(html, f.url).buyer.platformBuyerId).toBe('2215408763921'); // the buyer's senderId
  });
});

describe('inquiry list with a detail open', () => {
  const f = fx('alibaba-list-with-detail');

  it('reads the open inquiry from the DOM when the embedded list is gone', () => {
    const html = sub(f.html, [/window\.feedbackListResponse = \{[\s\S]*?\n\};/, '']);
    const c = run(html, f.url);
    expect(c.buyer).toMatchObject({ name: 'Rafael Moreira Santos', country: 'BR', platformBuyerId: '2210937746182' });
    expect(c.inquiry).toMatchObject({
      platformInquiryId: '8043102958861',
      subject: 'Inquiry from Product Details Page',
      productId: '1600712398451',
      quantity: 2000,
      unit: 'pieces',
      receivedAt: '2026-11-20T13:15:00Z',
    });
  });

  it('takes only the embedded row of the open inquiry', () => {
    // The open row's embedded subject differs from the panel's: the embedded data wins, and no
    // other row's values appear.
    const html = sub(f.html, ['"subject":"Inquiry from Product Details Page","createTime":1795180500000', '"subject":"LED panels for Santos","createTime":1795180500000']);
    const c = run(html, f.url);
    expect(c.inquiry.subject).toBe('LED panels for Santos');
    const all = JSON.stringify(c);
    for (const other of ['Ahmed Al-Mansouri', 'Priya Raghunathan', '8043255108743', 'Tema port']) expect(all).not.toContain(other);
  });

  it('reads nothing while the panel still shows another inquiry than the address', () => {
    const url = f.url.replace(/8043102958861/g, '8043255108743');
    const c = run(f.html, url);
    expect(c.buyer.name).toBeNull();
    expect(c.inquiry.message).toBeNull();
  });
});

describe('OneTalk and messenger', () => {
  const f = fx('alibaba-onetalk');

  it('reads another buyer and keeps the seller account out', () => {
    const html = sub(
      f.html,
      ['Sophie Laurent', 'Greta Lindqvist'],
      ['Atelier Laurent Maison SARL', 'Lindqvist Hem AB'],
      ['<span class="v">France</span>', '<span class="v">Sweden</span>'],
      ['+33 6 47 82 19 35', '+46 70 123 45 67'],
      ['2217640385529', '2213334445556'],
      ['<span class="k">Email</span><span class="v">Not shared</span>', '<span class="k">Email</span><span class="v">greta@lindqvisthem.se</span>'],
    );
    const c = run(html, f.url);
    expect(c.buyer).toMatchObject({
      name: 'Greta Lindqvist',
      company: 'Lindqvist Hem AB',
      country: 'SE',
      emails: ['greta@lindqvisthem.se'],
      phones: ['+46701234567'],
      whatsapp: '+46701234567',
      platformBuyerId: '2213334445556',
    });
    expect(c.inquiry.platformInquiryId).toBe('8043219950347');
  });

  it('tells the sides apart by layout when the account globals and ids are gone', () => {
    const html = sub(
      f.html,
      [/window\.aliId = "\d+";/, ''],
      [/window\.currentUserAccountId = "\d+";/, ''],
      [/activeAccountId: "\d+",/, ''],
      [' data-buyer-aliid="2217640385529"', ''],
      [' data-contact-id="2217640385529"', ''],
    );
    const c = run(html, 'https://onetalk.alibaba.com/message/weblitePWA.htm#/');
    expect(c.buyer.platformBuyerId).toBe('2217640385529');
    expect(c.inquiry.message).toContain('You can reach me on WhatsApp');
    expect(c.inquiry.message).not.toContain('USD 7.90');
    expect(JSON.stringify(c)).not.toContain('2208815523640');
  });

  it('tells the sides apart by layout alone (no data-expinfo, no account globals)', () => {
    const html = sub(f.html, [/window\.aliId = "\d+";/, ''], [/ data-expinfo="[^"]*"/g, '']);
    const c = run(html, 'https://onetalk.alibaba.com/message/weblitePWA.htm#/');
    expect(c.inquiry.message).toContain('We need 1200 pieces');
    expect(c.inquiry.message).toContain('Merci!');
    expect(c.inquiry.message).not.toContain('USD 7.90');
    expect(c.inquiry.message).not.toContain('Jenny Wu');
  });

  it('keeps machine translations out of the buyer text', () => {
    const zh = fx('alibaba-detail-zh');
    const html = sub(zh.html, [/<span class="translate-label">\[机器翻译\]<\/span>/g, ''], [/ data-role="auto-translate"/g, '']);
    const m = run(html, zh.url).inquiry.message ?? '';
    expect(m).toContain('Please send the proforma invoice');
    expect(m).not.toContain('形式发票');
  });

  it('reads the same chat on the message center messenger address', () => {
    const c = run(f.html, 'https://message.alibaba.com/message/messenger.htm#/');
    expect(c.buyer.name).toBe('Sophie Laurent');
    expect(c.inquiry.receivedAt).toBe('2026-11-21T10:30:00Z');
    expect(c.buyer.platformBuyerId).toBe('2217640385529');
  });
});

describe('RFQ detail', () => {
  const f = fx('alibaba-rfq');

  it('reads the DOM when PAGE_DATA is gone', () => {
    const html = sub(f.html, [/window\.PAGE_DATA = \{[\s\S]*?\n\};/, '']);
    const c = run(html, f.url);
    expect(c.buyer).toMatchObject({ name: 'Hannah Whitcombe', country: 'AU', emails: [], phones: [] });
    expect(c.inquiry).toMatchObject({
      platformInquiryId: '1139258407',
      subject: 'Custom printed kraft paper shopping bags with twisted handles',
      quantity: 20000,
      unit: 'pieces',
      receivedAt: '2026-11-16T13:08:00Z',
      productId: null,
    });
    expect(c.inquiry.message).toContain('FSC certification preferred.');
  });

  it('reads another RFQ from PAGE_DATA, and ignores data of another RFQ than the address', () => {
    const html = sub(f.html, ['"buyerName": "Hannah Whitcombe"', '"buyerName": "Noah Fischer"'], ['"country": "Australia"', '"country": "Germany"']);
    const c = run(html, f.url);
    expect(c.buyer.name).toBe('Noah Fischer');
    expect(c.buyer.country).toBe('DE');
    const stale = sub(f.html, ['"rfqId": "1139258407"', '"rfqId": "1139000001"'], ['"buyerName": "Hannah Whitcombe"', '"buyerName": "Noah Fischer"']);
    const s = run(stale, f.url);
    expect(s.buyer.name).toBe('Hannah Whitcombe'); // the page's DOM, not the stale data
    expect(s.inquiry.platformInquiryId).toBe('1139258407');
  });
});

describe('broken pages', () => {
  const urls = [...alibaba.adapters.map((a) => a.examples.positive[0] ?? '')];
  const docs = [
    '',
    '<html><body><p>Loading…</p></body></html>',
    '<div data-expinfo="{not json"><div class="session-rich-content text"></div></div><div class="alicrm-customer-detail-card"></div>' +
      '<script>window.PAGE_DATA = {index: {data: [1, 2</script><script>window.feedbackListResponse = "x"; window.__crm_card_data__ = [1];</script>' +
      '<section class="feedback-detail-panel"><div data-expinfo="[]"></div></section>',
  ];

  it('never throw and leave the buyer empty', () => {
    for (const url of urls) {
      for (const html of docs) {
        const raw = alibaba.adapters.find((a) => a.detect(new URL(url)))!.extract(pageDocument(html, url), new URL(url));
        expect(raw.platform).toBe('alibaba');
        expect(raw.buyer).toMatchObject({ name: null, company: null, country: null, emails: [], phones: [], platformBuyerId: null });
        expect(raw.inquiry.message).toBeNull();
      }
    }
  });
});

describe('other people on the page (the last line of defence)', () => {
  it("drops another row's address even when the open buyer's text carries it", () => {
    const f = loadFixture('alibaba-list-zh-open-row');
    const html = f.html.replace('Necesitamos cinta de canto', 'Copia a t.kowalski@alu-pol.pl y rosa@mueblestapatios.mx. Necesitamos cinta de canto');
    const { capture } = extractHtml(html, f.url);
    expect(capture.buyer.emails).toEqual(['rosa@mueblestapatios.mx']);
  });

  it("keeps the open buyer's own name when another row is the same buyer's earlier inquiry", () => {
    const f = loadFixture('alibaba-list-zh-open-row');
    // The earlier row names her without the honorific the open row carries.
    const html = f.html.replace('sender: { name: "Tomasz Kowalski"', 'sender: { name: "Lucía Gómez"');
    expect(extractHtml(html, f.url).capture.buyer.name).toBe('Lucía Gómez');
  });
});
