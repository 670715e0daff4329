import { describe, expect, it } from 'vitest';
import { pageDocument } from '../../../scripts/extract-node';
import { readAssignedLiteral, readInlineLiteral, readJsonLd, str } from '../../../extractors/page-data';
import { requestPageGlobal, servePageGlobals } from '../../../lib/page-data-bridge';
import { parsePageTime, fromEpoch } from '../../../extractors/time';
import { findEmails, findPhones, findWhatsApp, findWeChat, isMasked, parseQuantity } from '../../../extractors/patterns';
import { isHidden, labelValue, visibleText } from '../../../extractors/dom';

describe('embedded page data', () => {
  const html = `<html><head><script>
    // a comment
    window.__card__ = { name: 'Ana \\u00c9vora', ids: [1, 2,], nested: {"k": "v"}, ok: true, none: null, /* c */ n: -1.5e2 };
    var PAGE_DATA = {"index": {"data": [{"id": 7}]}};
    window.bad = makeIt();
  </script><script type="application/ld+json">{"@type":"Organization","name":"X B.V."}</script>
  <script type="application/ld+json">not json</script></head><body></body></html>`;
  const doc = pageDocument(html, 'https://example.com/');

  it('parses JavaScript literals without running them', () => {
    expect(readInlineLiteral(doc, '__card__')).toEqual({ name: 'Ana Évora', ids: [1, 2], nested: { k: 'v' }, ok: true, none: null, n: -150 });
    expect(str(readInlineLiteral(doc, 'PAGE_DATA'), 'index', 'data', 0, 'id')).toBe('7');
  });
  it('gives undefined for what is not a literal or not there', () => {
    expect(readInlineLiteral(doc, 'bad')).toBeUndefined();
    expect(readInlineLiteral(doc, 'missing')).toBeUndefined();
  });
  it('reads JSON-LD and skips invalid blocks', () => {
    expect(readJsonLd(doc)).toEqual([{ '@type': 'Organization', name: 'X B.V.' }]);
  });
  it('never lets a literal set __proto__', () => {
    const d = pageDocument(`<script>window.x = {"__proto__": {"polluted": 1}, a: 1}</script>`, 'https://e.com/');
    const v = readInlineLiteral(d, 'x') as Record<string, unknown>;
    expect(v.a).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  });
});

describe('main-world bridge', () => {
  it('answers with the live global, which wins over the stale inline literal', () => {
    const doc = pageDocument(`<script>window.__data__ = {"buyer": "stale"}</script>`, 'https://e.com/');
    servePageGlobals(doc, { __data__: { buyer: 'live' }, fn: () => 1 });
    expect(readAssignedLiteral(doc, '__data__')).toEqual({ buyer: 'live' });
    expect(requestPageGlobal(doc, 'fn')).toBeUndefined();
  });
  it('falls back to the inline literal when no bridge answers', () => {
    const doc = pageDocument(`<script>window.__data__ = {"buyer": "inline"}</script>`, 'https://e.com/');
    expect(readAssignedLiteral(doc, '__data__')).toEqual({ buyer: 'inline' });
  });
  it('refuses names that are not identifiers and answers that are not JSON', () => {
    const doc = pageDocument('<p></p>', 'https://e.com/');
    doc.addEventListener('buyerbook:page-data-request', () => {
      doc.dispatchEvent(new doc.defaultView!.CustomEvent('buyerbook:page-data-response', { detail: '{not json' }));
    });
    expect(requestPageGlobal(doc, 'a;alert(1)')).toBeUndefined();
    expect(requestPageGlobal(doc, 'x')).toBeUndefined();
  });
});

describe('page times', () => {
  it('reads zone-less times in the browser zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      expect(parsePageTime('2026-11-19 14:37')).toBe('2026-11-19T06:37:00Z');
      expect(parsePageTime('2026年11月17日 16:24')).toBe('2026-11-17T08:24:00Z');
      expect(parsePageTime('Tue, Nov 17, 2026, 3:42 PM')).toBe('2026-11-17T07:42:00Z');
      expect(parsePageTime('[15:06, 18/11/2026]')).toBe('2026-11-18T07:06:00Z');
    } finally {
      process.env.TZ = saved;
    }
  });
  it('lets a stated offset win', () => {
    expect(parsePageTime('18 Nov 2026 17:26 (GMT+08:00)')).toBe('2026-11-18T09:26:00Z');
    expect(parsePageTime('2026-01-05 09:00 UTC-5')).toBe('2026-01-05T14:00:00Z');
  });
  it('rejects nonsense', () => {
    expect(parsePageTime('yesterday')).toBeNull();
    expect(parsePageTime('2026-13-40 10:00')).toBeNull();
    expect(fromEpoch(1795180500000)).toBe('2026-11-20T13:15:00Z');
    expect(fromEpoch(12)).toBeNull();
  });
});

describe('contact patterns', () => {
  it('finds emails but not masked ones', () => {
    expect(findEmails('write to A.B@Example.COM. or ma***@gmail.com')).toEqual(['a.b@example.com']);
  });
  it('finds phones, not dates or masked numbers', () => {
    expect(findPhones('Tel: +49 151 1234 5678, on 2026-11-19, +1 416 *** 7731')).toEqual(['+49 151 1234 5678']);
  });
  it('finds WhatsApp and WeChat', () => {
    expect(findWhatsApp('', ['https://wa.me/4915112345678'])).toBe('+4915112345678');
    expect(findWhatsApp('WhatsApp: +34 612 48 73 19')).toBe('+34 612 48 73 19');
    expect(findWeChat('微信：lucia_2026x')).toBe('lucia_2026x');
  });
  it('knows masked values', () => {
    for (const v of ['jo***@gmail.com', '+49 151 ****5678', 'Request to view', 'Not shared', '--']) expect(isMasked(v)).toBe(true);
    expect(isMasked('+4915112345678')).toBe(false);
  });
  it('reads quantities and units', () => {
    expect(parseQuantity('20,000 Piece/Pieces')).toEqual({ quantity: 20000, unit: 'pieces' });
    expect(parseQuantity('2 Sets')).toEqual({ quantity: 2, unit: 'sets' });
    expect(parseQuantity('500 套')).toEqual({ quantity: 500, unit: 'sets' });
  });
});

describe('visibility', () => {
  const doc = pageDocument(
    `<style>.pop{display:none}</style><div id="a">Shown <span class="pop">secret@x.com</span><span hidden>h</span>
     <template><b>t@x.com</b></template><dl><dt>Email：</dt><dd>buyer@x.com</dd></dl><div class="pop"><dt>Email</dt><dd>no@x.com</dd></div></div>`,
    'https://e.com/',
  );
  it('skips nodes hidden by stylesheet, attribute or template', () => {
    const text = visibleText(doc.getElementById('a'));
    expect(text).toContain('Shown');
    expect(text).not.toContain('secret@x.com');
    expect(text).not.toContain('t@x.com');
    expect(isHidden(doc.querySelector('.pop'))).toBe(true);
  });
  it('reads a labelled value with a full-width colon, ignoring hidden labels', () => {
    expect(labelValue(doc, ['Email', '邮箱'])).toBe('buyer@x.com');
  });
});
