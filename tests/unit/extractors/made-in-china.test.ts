import { afterEach, describe, expect, it } from 'vitest';
import { MatchPattern } from '@webext-core/match-patterns';
import { ALL_MODULES } from '../../../extractors/registry';
import { madeInChina } from '../../../extractors/platforms/made-in-china';
import { extractHtml, pageDocument } from '../../../scripts/extract-node';
import { isEmptyCapture } from '../../../lib/capture';
import { loadFixture } from '../../support/fixtures';

const fx = loadFixture('mic-inquiry');
const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

/** Capture in the fixture's zone (Beijing), normalised like the panel does. */
function run(html: string, url = fx.url) {
  process.env.TZ = 'Asia/Shanghai';
  return extractHtml(html, url);
}

describe('made-in-china detection', () => {
  for (const adapter of madeInChina.adapters) {
    it(`${adapter.id}: positives detect, negatives do not`, () => {
      for (const p of adapter.examples.positive) expect(adapter.detect(new URL(p)), p).toBe(true);
      for (const n of adapter.examples.negative) expect(adapter.detect(new URL(n)), n).toBe(false);
    });
    it(`${adapter.id}: positives are in the content script matches and claimed by no other platform`, () => {
      const patterns = madeInChina.matches.map((m) => new MatchPattern(m));
      for (const p of adapter.examples.positive) {
        expect(patterns.some((m) => m.includes(new URL(p))), p).toBe(true);
        const others = ALL_MODULES.filter((m) => m !== madeInChina && m.platform !== 'generic');
        expect(others.flatMap((m) => m.adapters).filter((a) => a.detect(new URL(p))).map((a) => a.id), p).toEqual([]);
      }
    });
  }
  it('matches only the back office hosts', () => {
    const patterns = madeInChina.matches.map((m) => new MatchPattern(m));
    for (const u of ['https://www.made-in-china.com/', 'https://fengyuangrain.en.made-in-china.com/product/x.html', 'https://membercenter.made-in-china.com.evil.example/'])
      expect(patterns.some((m) => m.includes(new URL(u))), u).toBe(false);
  });
  it('the inbox list is not a message detail, and a detail is not a chat', () => {
    const [detail, tm] = madeInChina.adapters;
    expect(detail!.detect(new URL('https://membercenter.made-in-china.com/messagecenter.do?xcase=inbox'))).toBe(false);
    expect(tm!.detect(new URL(fx.url))).toBe(false);
  });
});

describe('made-in-china message detail: structure, not values', () => {
  it('reads another buyer from the same structure', () => {
    const html = fx.html
      .replaceAll('Daniel Okafor', 'Aylin Demir')
      .replaceAll('Okafor Agro Machinery Ltd', 'Demir Tarım Makinaları A.Ş.')
      .replace('<div class="info-value">Nigeria</div>', '<div class="info-value">Turkey</div>')
      .replace('(Nigeria)', '(Turkey)')
      .replace('+234-1-4627185', '+90 212 555 0147')
      .replace('+234-803-5126648', '+90 532 555 0148')
      .replaceAll('daniel.okafor@okaforagro-ng.com', 'aylin@demirtarim.com.tr')
      .replaceAll('https://www.okaforagro-ng.com', 'https://demirtarim.com.tr')
      .replaceAll('eQnJyXWvSkRt', 'zZ9yX8wV7uT6')
      .replaceAll('bYtRmKqPzLwE', 'bQ1w2E3r4T5y')
      .replaceAll('kTwQbNzJhVcD', 'pR0d1234AbCd')
      .replace('<b class="purchase-qty">2</b> <span class="purchase-unit">Sets</span>', '<b class="purchase-qty">1,500</b> <span class="purchase-unit">Pieces</span>')
      .replace('2026-11-19 14:37', '2027-01-05 09:05');
    const { capture } = run(html, fx.url.replace('eQnJyXWvSkRt', 'zZ9yX8wV7uT6'));
    expect(capture.buyer).toMatchObject({
      name: 'Aylin Demir',
      company: 'Demir Tarım Makinaları A.Ş.',
      country: 'TR',
      emails: ['aylin@demirtarim.com.tr'],
      phones: ['+902125550147', '+905325550148'],
      website: 'https://demirtarim.com.tr',
      platformBuyerId: 'bQ1w2E3r4T5y',
    });
    expect(capture.inquiry).toMatchObject({
      platformInquiryId: 'zZ9yX8wV7uT6',
      productId: 'pR0d1234AbCd',
      quantity: 1500,
      unit: 'pieces',
      receivedAt: '2027-01-05T01:05:00Z',
    });
  });

  it('uses the page-stated zone, not the browser zone, for the message time', () => {
    process.env.TZ = 'Europe/Berlin';
    const { capture } = extractHtml(fx.html, fx.url);
    expect(capture.inquiry.receivedAt).toBe('2026-11-19T06:37:00Z');
    const other = fx.html.replace('(GMT+08:00) Beijing', '(GMT-05:00) Eastern Time');
    expect(extractHtml(other, fx.url).capture.inquiry.receivedAt).toBe('2026-11-19T19:37:00Z');
    // No stated zone: the browser's own zone.
    const none = fx.html.replace(/<div class="tz-tip">[^<]*<\/div>/, '');
    expect(extractHtml(none, fx.url).capture.inquiry.receivedAt).toBe('2026-11-19T13:37:00Z');
  });

  it('without hidden inputs, takes the ids from the address and the profile link', () => {
    const html = fx.html.replace(/<input type="hidden"[^>]*>/g, '');
    const { capture } = run(html);
    expect(capture.inquiry.platformInquiryId).toBe('eQnJyXWvSkRt');
    expect(capture.buyer.platformBuyerId).toBe('bYtRmKqPzLwE');
    expect(capture.inquiry.productId).toBe('kTwQbNzJhVcD');
  });

  it('never takes masked values or "--" placeholders', () => {
    const html = fx.html
      .replace('<a href="mailto:daniel.okafor@okaforagro-ng.com">daniel.okafor@okaforagro-ng.com</a>', 'da***@okaforagro-ng.com')
      .replace('+234-803-5126648', '+234 803 ****648')
      .replace('https://www.okaforagro-ng.com</a>', 'Request to view</a>');
    const { raw, capture } = run(html);
    expect(capture.buyer.emails).toEqual([]);
    expect(capture.buyer.phones).toEqual(['+23414627185']);
    expect(capture.buyer.website).toBeNull();
    expect(JSON.stringify(raw)).not.toContain('****');
    expect(raw.buyer.phones.some((p) => p.includes('--'))).toBe(false);
  });

  it('falls back to the From: row when the buyer card is missing', () => {
    const html = fx.html.replace(/<div class="buyer-info">[\s\S]*?<\/div>\s*<div class="reply-history">/, '<div class="reply-history">');
    const { capture } = run(html);
    expect(capture.buyer.name).toBe('Daniel Okafor');
    expect(capture.buyer.country).toBe('NG');
    // The company the buyer signed their own message with, marked as read from text.
    expect(capture.buyer.company).toBe('Okafor Agro Machinery Ltd');
    expect(capture.sources?.company).toBe('text');
    expect(capture.sources?.name).toBe('selector');
    expect(capture.buyer.emails).toEqual([]);
    // The seller's signature in the reply history is never read as the buyer's.
    expect(JSON.stringify(capture)).not.toContain('fengyuangrainmach');
  });

  it('finds the buyer card by its heading when the class is different', () => {
    const html = fx.html.replace('<div class="buyer-info">', '<div class="box-x91">');
    const { capture } = run(html);
    expect(capture.buyer.company).toBe('Okafor Agro Machinery Ltd');
    expect(capture.buyer.emails).toEqual(['daniel.okafor@okaforagro-ng.com']);
  });

  it('takes contacts the buyer wrote in the message when the card does not show them, and skips translations', () => {
    const html = fx.html
      .replace('<div class="info-row"><div class="info-label">Email:</div>', '<div class="info-row" hidden><div class="info-label">Email:</div>')
      .replace('Best regards,\nDaniel Okafor', 'WhatsApp: +234 803 512 6648\nEmail me at d.okafor@okafor-mail.ng\nBest regards,\nDaniel Okafor')
      .replace('Okafor Agro Machinery Ltd</div>', 'Okafor Agro Machinery Ltd<div class="translate-box">翻译：我们是尼日利亚拉各斯的农产品加工设备经销商。</div></div>');
    const { capture } = run(html);
    expect(capture.buyer.whatsapp).toBe('+2348035126648');
    expect(capture.buyer.emails).toEqual(['d.okafor@okafor-mail.ng']);
    expect(capture.inquiry.message).toContain('Email me at');
    expect(capture.inquiry.message).not.toContain('翻译');
  });

  it('reads the Chinese back office', () => {
    const url = 'https://membercenter.cn.made-in-china.com/messagecenter.do?xcase=view&mailId=cNq7Hs2LpXeR';
    const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>询价：不锈钢商用冰箱 - 询盘管理 - 中国制造网</title>
      <style>.hide{display:none}</style></head><body>
      <div class="top-bar">您好，<b>王丽</b>（会员ID：hzcoolchain）<a href="/logout.do">退出</a></div>
      <div class="mc-main">
        <div class="msg-subject">询价：不锈钢商用冰箱</div>
        <table><tr><th>发件人：</th><td><b>Pedro Alves</b>（Brazil）</td></tr><tr><th>收件人：</th><td>王丽</td></tr><tr><th>时间：</th><td>2026-12-02 09:15</td></tr></table>
        <div class="prod-box"><a href="https://hzcoolchain.en.made-in-china.com/product/Qw3eR5tY7uIo/China-Fridge.html">Stainless Steel Commercial Refrigerator 4 Doors</a><div>采购数量：<b>20</b> 台</div></div>
        <div class="msg-content">Hello, we need 20 units of the 4-door refrigerator, 220V 60Hz, delivered to Santos.</div>
        <div class="buyer-box"><h4>买家基本信息</h4>
          <dl><dt>姓名：</dt><dd>Pedro Alves</dd><dt>公司名称：</dt><dd>Alves Refrigeração Comercial Ltda</dd><dt>国家/地区：</dt><dd>巴西</dd>
          <dt>电话：</dt><dd>+55 11 3456 7890</dd><dt>手机：</dt><dd>+55 11 98765 4321</dd><dt>邮箱：</dt><dd>pedro@alvesrefrigeracao.com.br</dd><dt>网址：</dt><dd>www.alvesrefrigeracao.com.br</dd></dl>
        </div>
        <div class="reply"><textarea>王丽 sales@hzcoolchain.com</textarea></div>
        <div class="hide">转发给：张伟 zhangwei@hzcoolchain.com</div>
      </div></body></html>`;
    const { capture } = run(html, url);
    expect(capture.platform).toBe('made-in-china');
    expect(capture.buyer).toMatchObject({
      name: 'Pedro Alves',
      company: 'Alves Refrigeração Comercial Ltda',
      country: 'BR',
      emails: ['pedro@alvesrefrigeracao.com.br'],
      phones: ['+551134567890', '+5511987654321'],
      website: 'https://www.alvesrefrigeracao.com.br',
    });
    expect(capture.inquiry).toMatchObject({
      platformInquiryId: 'cNq7Hs2LpXeR',
      subject: '询价：不锈钢商用冰箱',
      productId: 'Qw3eR5tY7uIo',
      quantity: 20,
      unit: 'sets',
      receivedAt: '2026-12-02T01:15:00Z',
    });
    const all = JSON.stringify(capture);
    for (const bad of ['王丽', 'hzcoolchain.com', '张伟']) expect(all).not.toContain(bad);
  });

  it('an empty or garbage document gives an empty capture without throwing', () => {
    for (const html of ['', '<html><body></body></html>', '<<<div>>> </td></tr> <b', '\u0000\uffff'.repeat(50)]) {
      const { raw } = run(html);
      expect(raw.platform).toBe('made-in-china');
      expect(isEmptyCapture({ ...raw, inquiry: { ...raw.inquiry, platformInquiryId: null } })).toBe(true);
    }
    const adapter = madeInChina.adapters[0]!;
    expect(() => adapter.extract(pageDocument('<p>x</p>', fx.url), new URL(fx.url))).not.toThrow();
  });
});

describe('made-in-china TradeMessenger', () => {
  const url = 'https://membercenter.made-in-china.com/tm.do?xcase=open&buyerId=bK8mN2pQ4rS6';
  const page = (extra = '') => `<!DOCTYPE html><html><head><title>TradeMessenger</title></head><body>
    <div class="tm-top"><span class="user-info">Sunny Ma</span></div>
    <div class="tm-session-list">
      <div class="session-item active"><span class="nick">Karim Haddad</span></div>
      <div class="session-item"><span class="nick">Olga Petrova</span><span class="last-msg">olga@petrova-trade.ru</span></div>
    </div>
    <div class="chat-main">
      <div class="chat-header"><span class="contact-name">Karim Haddad</span> <span class="company-name">Haddad Trading FZE</span></div>
      <div class="msg-list">
        <div class="msg-item msg-left"><div class="msg-time">2026-11-20 10:02</div><div class="msg-content">Hi, do you have the 30TPD line in stock?</div></div>
        <div class="msg-item msg-right"><div class="msg-content">Yes, delivery in 25 days. Sunny, WhatsApp +86 186 3821 5507</div></div>
        <div class="msg-item msg-system"><div class="msg-content">The other party has viewed your business card.</div></div>
        <div class="msg-item msg-left"><div class="msg-content">Good. Send the offer to karim@haddad-trading.ae please.</div></div>
        ${extra}
      </div>
      <textarea class="chat-input">Dear Karim,</textarea>
    </div>
    <div class="contact-info"><div class="row"><span>Country/Region:</span><span>United Arab Emirates</span></div><div class="row"><span>Email:</span><span>k***@haddad-trading.ae</span></div></div>
    </body></html>`;

  it('reads the open chat: header, contact panel, the buyer\'s messages only', () => {
    const { capture } = run(page(), url);
    expect(capture.buyer).toMatchObject({
      name: 'Karim Haddad',
      company: 'Haddad Trading FZE',
      country: 'AE',
      emails: ['karim@haddad-trading.ae'],
      platformBuyerId: 'bK8mN2pQ4rS6',
    });
    expect(capture.inquiry.message).toContain('30TPD line in stock');
    expect(capture.inquiry.message).toContain('Send the offer');
    const all = JSON.stringify(capture);
    for (const bad of ['Sunny', '+86 186', 'delivery in 25 days', 'viewed your business card', 'Olga', 'petrova']) expect(all).not.toContain(bad);
  });

  it('skips rows it cannot place on the buyer side', () => {
    const { capture } = run(page('<div class="msg-item"><div class="msg-content">Unmarked row olga@petrova-trade.ru</div></div>'), url);
    expect(capture.inquiry.message).not.toContain('Unmarked');
    expect(capture.buyer.emails).toEqual(['karim@haddad-trading.ae']);
  });
});
