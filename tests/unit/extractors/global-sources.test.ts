import { afterEach, describe, expect, it } from 'vitest';
import { MatchPattern } from '@webext-core/match-patterns';
import { ALL_MODULES } from '../../../extractors/registry';
import { globalSources } from '../../../extractors/platforms/global-sources';
import { extractHtml, pageDocument } from '../../../scripts/extract-node';
import { isEmptyCapture } from '../../../lib/capture';
import { loadFixture } from '../../support/fixtures';

const fx = loadFixture('globalsources-inquiry');
const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

function run(html: string, url = fx.url, tz = 'Asia/Shanghai') {
  process.env.TZ = tz;
  return extractHtml(html, url);
}

describe('global-sources detection', () => {
  for (const adapter of globalSources.adapters) {
    it(`${adapter.id}: positives detect, negatives do not`, () => {
      for (const p of adapter.examples.positive) expect(adapter.detect(new URL(p)), p).toBe(true);
      for (const n of adapter.examples.negative) expect(adapter.detect(new URL(n)), n).toBe(false);
    });
    it(`${adapter.id}: positives are in the matches and claimed by no other platform`, () => {
      const patterns = globalSources.matches.map((m) => new MatchPattern(m));
      for (const p of adapter.examples.positive) {
        expect(patterns.some((m) => m.includes(new URL(p))), p).toBe(true);
        const others = ALL_MODULES.filter((m) => m !== globalSources && m.platform !== 'generic');
        expect(others.flatMap((m) => m.adapters).filter((a) => a.detect(new URL(p))).map((a) => a.id), p).toEqual([]);
      }
    });
  }
  it('does not match the buyer-facing site', () => {
    const patterns = globalSources.matches.map((m) => new MatchPattern(m));
    expect(patterns.some((m) => m.includes(new URL('https://www.globalsources.com/manufacturers/lamp.html')))).toBe(false);
  });
});

describe('global-sources inquiry detail: structure, not values', () => {
  it('reads another buyer from the same structure', () => {
    const html = fx.html
      .replaceAll('Giulia Marchetti', 'Sofía Herrera')
      .replaceAll('Marchetti Casa S.r.l.', 'Herrera Hogar S.L.')
      .replace('<span class="bp-value">Italy</span>', '<span class="bp-value">Spain</span>')
      .replaceAll('g.marchetti@marchetticasa.it', 'sofia@herrerahogar.es')
      .replace('+39 02 8734 5129', '+34 912 345 678')
      .replaceAll('50318764207', '50399911122')
      .replaceAll('1209348871', '1288877766')
      .replace('800 Pieces', '1,200 Sets')
      .replace('18 Nov 2026 17:26 (GMT+08:00)', '2 Dec 2026 08:05 (GMT+08:00)');
    const { capture } = run(html, fx.url.replace('50318764207', '50399911122'));
    expect(capture.buyer).toMatchObject({
      name: 'Sofía Herrera',
      company: 'Herrera Hogar S.L.',
      country: 'ES',
      emails: ['sofia@herrerahogar.es'],
      phones: ['+34912345678'],
      website: null,
      platformBuyerId: null,
    });
    expect(capture.inquiry).toMatchObject({
      platformInquiryId: '50399911122',
      productId: '1288877766',
      quantity: 1200,
      unit: 'sets',
      receivedAt: '2026-12-02T00:05:00Z',
    });
  });

  it('honours the zone the page states whatever the browser zone', () => {
    expect(run(fx.html, fx.url, 'America/New_York').capture.inquiry.receivedAt).toBe('2026-11-18T09:26:00Z');
    const noZone = fx.html.replace('17:26 (GMT+08:00)', '17:26');
    expect(run(noZone, fx.url, 'Europe/Rome').capture.inquiry.receivedAt).toBe('2026-11-18T16:26:00Z');
  });

  it('takes the inquiry id from the article when the address has none', () => {
    const url = 'https://supplier.globalsources.com/supplier-center/inquiry/detail/view';
    const { capture } = run(fx.html, url);
    expect(capture.platform).toBe('global-sources');
    expect(capture.inquiry.platformInquiryId).toBe('50318764207');
  });

  it('never takes masked contact values', () => {
    const html = fx.html
      .replace('<a href="mailto:g.marchetti@marchetticasa.it">g.marchetti@marchetticasa.it</a>', 'g.m***@marchetticasa.it')
      .replace('+39 02 8734 5129', 'Request to view');
    const { raw } = run(html);
    expect(raw.buyer.emails).toEqual([]);
    expect(raw.buyer.phones).toEqual([]);
    expect(JSON.stringify(raw.buyer)).not.toMatch(/\*|Request to view/);
  });

  it('finds the profile by its heading when the box has another class, and reads website/WhatsApp rows', () => {
    const html = fx.html
      .replace('<aside class="buyer-profile">', '<aside class="side-box-7f">')
      .replace(
        '<div class="bp-row"><span class="bp-label">Annual purchases</span>',
        '<div class="bp-row"><span class="bp-label">Website</span><span class="bp-value">www.marchetticasa.it</span></div><div class="bp-row"><span class="bp-label">WhatsApp</span><span class="bp-value">+39 347 123 4567</span></div><div class="bp-row"><span class="bp-label">Annual purchases</span>',
      );
    const { capture } = run(html);
    expect(capture.buyer.company).toBe('Marchetti Casa S.r.l.');
    expect(capture.buyer.website).toBe('https://www.marchetticasa.it');
    expect(capture.buyer.whatsapp).toBe('+393471234567');
  });

  it('the seller\'s account, reply draft, other buyers and hidden colleagues stay out', () => {
    const { capture } = run(fx.html.replace('display:none;position:absolute', 'display:block;position:absolute'));
    const all = JSON.stringify(capture);
    for (const bad of ['Grace Lin', 'lumicraft', 'Carlos Mendes', 'Hye-jin Park', '{buyerName}']) expect(all).not.toContain(bad);
  });

  it('an empty or garbage document gives an empty capture without throwing', () => {
    const url = 'https://supplier.globalsources.com/supplier-center/inquiry/detail';
    for (const html of ['', '<html><body></body></html>', '<<<aside class="buyer-profile">>> <span', 'x'.repeat(5000)]) {
      const { raw } = run(html, url);
      expect(raw.platform).toBe('global-sources');
      expect(isEmptyCapture(raw)).toBe(true);
    }
    expect(() => globalSources.adapters[0]!.extract(pageDocument('', url), new URL(url))).not.toThrow();
  });
});
