import { describe, expect, it } from 'vitest';
import { ALL_MODULES } from '../../../extractors/registry';
import { generic } from '../../../extractors/platforms/generic';
import { extractPage } from '../../../extractors/extract-page';
import { extractHtml, pageDocument } from '../../../scripts/extract-node';
import { normalizeCapture } from '../../../lib/normalize';
import { isEmptyCapture } from '../../../lib/capture';
import { loadFixture } from '../../support/fixtures';

const fx = loadFixture('generic-expo-lead');

/** As "Capture from this page" runs it: the generic module alone, on any address. */
function capture(html: string, url = 'https://www.some-buyer.example.org/contact') {
  const raw = extractPage([generic], pageDocument(html, url), url);
  return { raw, capture: normalizeCapture(raw) };
}

const page = (body: string, head = '') => `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('generic detection', () => {
  const adapter = generic.adapters[0]!;
  it('accepts every http(s) page and nothing else; declares no matches', () => {
    for (const p of adapter.examples.positive) expect(adapter.detect(new URL(p)), p).toBe(true);
    for (const n of adapter.examples.negative) expect(adapter.detect(new URL(n)), n).toBe(false);
    expect(generic.matches).toEqual([]);
  });
  it('comes last in the registry, so platform pages keep their own adapters', () => {
    expect(ALL_MODULES[ALL_MODULES.length - 1]).toBe(generic);
  });
});

describe('generic capture on the fixture, structure not values', () => {
  it('without JSON-LD, microdata and the page give the same buyer', () => {
    const html = fx.html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    const { capture: c } = extractHtml(html, fx.url);
    expect(c.buyer).toMatchObject(fx.expect.buyer);
  });

  it('without any structured data, labels, links and the signature block still give the contact', () => {
    const html = fx.html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '').replace(/ item(?:scope|type|prop)(="[^"]*")?/g, '');
    const { capture: c } = extractHtml(html, fx.url);
    expect(c.buyer.name).toBe('Marieke de Vries');
    expect(c.buyer.emails).toEqual(['info@vanderlinden-horecagroothandel.nl', 'inkoop@vanderlinden-horecagroothandel.nl']);
    expect(c.buyer.phones).toEqual(['+31104156287']);
    expect(c.buyer.website).toBe('https://www.vanderlinden-horecagroothandel.nl');
    // Not stated as a field anywhere: left empty rather than guessed from the footer.
    expect(c.buyer.company).toBeNull();
  });

  it('reads another contact person and company from the same structure', () => {
    const html = fx.html
      .replaceAll('Marieke de Vries', 'Pieter van den Berg')
      .replace('Purchasing Manager', 'Head of Procurement')
      .replaceAll('inkoop@vanderlinden-horecagroothandel.nl', 'p.vandenberg@vanderlinden-horecagroothandel.nl')
      .replace('"addressCountry": "NL"', '"addressCountry": "BE"');
    const { capture: c } = extractHtml(html, fx.url);
    expect(c.buyer.name).toBe('Pieter van den Berg');
    expect(c.buyer.emails).toContain('p.vandenberg@vanderlinden-horecagroothandel.nl');
    expect(c.buyer.country).toBe('BE');
  });

  it('un-hiding the decoys shows they are skipped by kind, not by luck', () => {
    // The cookie banner shown: still a consent provider's address.
    const html = fx.html.replace('id="cookie-banner" style="display:none" aria-hidden="true"', 'id="cookie-banner"');
    const { capture: c } = extractHtml(html, fx.url);
    for (const bad of fx.expect.mustNotContain ?? []) expect(JSON.stringify(c)).not.toContain(bad);
  });
});

describe('generic capture on other pages', () => {
  it('an email signature', () => {
    const { capture: c } = capture(
      page(`<div class="thread"><div class="mail-body">
        <p>Dear Sir or Madam,</p><p>Please quote 2,000 pcs of item GS-220, delivery to Stuttgart by March. Order ref 44871230.</p>
        <p>Best regards,<br>Jonas Weber<br>Head of Procurement<br>Weber Haushaltswaren GmbH<br>Tel. +49 (0) 711 2345 678<br>Fax +49 711 2345 679<br>Mobile/WhatsApp: +49 171 2345678<br>jonas.weber@weber-haushaltswaren.de<br>www.weber-haushaltswaren.de</p>
        </div></div><div class="footer">Powered by MailBoxCo · support@mailboxco-hosting.com · <a href="https://www.mailboxco-hosting.com">www.mailboxco-hosting.com</a></div>`),
    );
    expect(c.buyer).toMatchObject({
      name: 'Jonas Weber',
      company: 'Weber Haushaltswaren GmbH',
      emails: ['jonas.weber@weber-haushaltswaren.de'],
      whatsapp: '+491712345678',
      website: 'https://www.weber-haushaltswaren.de',
    });
    expect(c.buyer.phones).toEqual(['+497112345678', '+491712345678']);
    expect(JSON.stringify(c)).not.toContain('mailboxco');
  });

  it('a Chinese contact page', () => {
    const { capture: c } = capture(
      page(`<div class="nav">首页 | 产品中心 | 联系我们</div>
        <div class="contact-box"><h2>联系我们</h2>
        <p>公司名称：广州恒达酒店用品有限公司</p><p>联系人：陈海燕</p><p>国家：中国</p>
        <p>电话：+86 20 8765 4321</p><p>手机：+86 138 2765 4321</p><p>邮箱：chenhy@hengda-hotel.cn</p>
        <p>微信：hengda_chen88</p><p>网址：www.hengda-hotel.cn</p><p>地址：广州市白云区机场路1688号</p></div>
        <div class="footer">版权所有 © 2026 技术支持：新网络科技 web@xinwangluo-tech.cn</div>`),
      'https://www.hengda-hotel.cn/contact.html',
    );
    expect(c.buyer).toMatchObject({
      name: '陈海燕',
      company: '广州恒达酒店用品有限公司',
      country: 'CN',
      emails: ['chenhy@hengda-hotel.cn'],
      phones: ['+862087654321', '+8613827654321'],
      wechat: 'hengda_chen88',
      website: 'https://www.hengda-hotel.cn',
    });
    expect(JSON.stringify(c)).not.toContain('xinwangluo');
  });

  it('labels standing alone in table cells, but not footer headings', () => {
    const { capture: c } = capture(
      page(`<h2>Exhibitor details</h2><table class="exhibitor"><tr><th>Contact person</th><td>Lucía Fernández</td></tr>
        <tr><th>Company</th><td>Fernández Menaje S.A.</td></tr><tr><th>Country/Region</th><td>Spain</td></tr>
        <tr><th>Email</th><td>lucia@fernandezmenaje.es</td></tr><tr><th>Phone</th><td>91 234 56 78</td></tr></table>
        <footer><h4>Company</h4><a href="/about">About the organiser</a><h4>Name</h4><p>Expo Madrid 2027</p></footer>`),
    );
    expect(c.buyer).toMatchObject({ name: 'Lucía Fernández', company: 'Fernández Menaje S.A.', country: 'ES', emails: ['lucia@fernandezmenaje.es'], phones: ['+34912345678'] });
  });

  it('JSON-LD Person with ContactPoint, wa.me and LinkedIn links', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Expo Directory"},
      {"@type":"Person","name":"Amara Nwosu","jobTitle":"Procurement Lead","worksFor":{"@type":"Organization","name":"Nwosu Foods Plc"},
       "address":{"@type":"PostalAddress","addressCountry":{"@type":"Country","name":"Nigeria"}},
       "contactPoint":[{"@type":"ContactPoint","email":"mailto:amara@nwosufoods.ng","telephone":"+234 803 111 2233"}]}]}</script>`;
    const { capture: c } = capture(
      page(`<h1>Exhibitor: Nwosu Foods</h1><a href="https://wa.me/2348031112233">Chat on WhatsApp</a> <a href="https://www.linkedin.com/in/amara-nwosu-9a1/">LinkedIn</a>`, ld),
    );
    expect(c.buyer).toMatchObject({
      name: 'Amara Nwosu',
      company: 'Nwosu Foods Plc',
      country: 'NG',
      emails: ['amara@nwosufoods.ng'],
      phones: ['+2348031112233'],
      whatsapp: '+2348031112233',
      linkedin: 'https://www.linkedin.com/in/amara-nwosu-9a1',
    });
  });

  it('a page with nothing useful gives an empty capture', () => {
    const { raw } = capture(
      page(`<style>.modal{display:none}</style>
        <article><h1>Ten trends in hotel kitchens for 2027</h1><p>Published 2026-11-19 14:37. Reading time 7 min. SKU 44871230, price 1,299.00 EUR.</p>
        <p>Combi ovens keep gaining ground; see our buyer's guide for 2027 (updated 12/11/2026).</p></article>
        <form><label for="e">Email</label><input id="e" type="email" placeholder="name@company.com"><textarea placeholder="you@yours.com"></textarea><button>Subscribe</button></form>
        <div class="modal">Write to editor@hidden-news.example.net</div>
        <template><p>Tel: +44 20 7946 0000</p></template>
        <p hidden>Phone: +44 20 7946 0001</p>
        <p>Sent from noreply@newsletter-relay.net</p>`),
    );
    expect(raw.buyer.emails).toEqual([]);
    expect(raw.buyer.phones).toEqual([]);
    expect(isEmptyCapture(raw)).toBe(true);
  });

  it('empty and garbage documents do not throw', () => {
    for (const html of ['', '<<<>>>', '<script type="application/ld+json">{"@type":</script>', '\u0000'.repeat(100), page('<a href="mailto:%E0%A4%A">x</a><a href="tel:">y</a>')]) {
      expect(() => capture(html)).not.toThrow();
      expect(capture(html).raw.platform).toBe('generic');
    }
  });

  it('stays fast on a large page and reads a bounded amount', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `<div><span>Row ${i} lorem ipsum dolor sit amet</span></div>`).join('');
    const html = page(`<p>Contact: <a href="mailto:buyer@big-page-buyer.com">buyer@big-page-buyer.com</a></p>${rows}<p>late@after-the-cap.com</p>`);
    const doc = pageDocument(html, 'https://big.example.org/');
    const t0 = performance.now();
    const raw = extractPage([generic], doc, 'https://big.example.org/');
    const ms = performance.now() - t0;
    expect(raw.buyer.emails).toEqual(['buyer@big-page-buyer.com']);
    // jsdom is far slower than Chromium; this only guards against a walk that repeats per field.
    expect(ms).toBeLessThan(3000);
  });
});
