import { describe, expect, it } from 'vitest';
import { guardCapture, TRUNCATED } from '../../../extractors/guard-capture';
import { CAPTURE_LIMITS, emptyCapture, type RawCapture } from '../../../lib/capture';
import { rawCaptureSchema } from '../../../lib/capture-schema';
import { extractPage } from '../../../extractors/extract-page';
import { pageDocument } from '../../../scripts/extract-node';
import type { PlatformModule } from '../../../extractors/types';

function capture(patch: { buyer?: Partial<RawCapture['buyer']>; inquiry?: Partial<RawCapture['inquiry']> }): RawCapture {
  const c = emptyCapture('alibaba', 'https://message.alibaba.com/message/maDetail.htm?imInquiryId=1');
  Object.assign(c.buyer, patch.buyer);
  Object.assign(c.inquiry, patch.inquiry);
  return c;
}

describe('the last line of defence', () => {
  it('cuts an over-long message with a marker and the capture still parses', () => {
    const long = 'We need 300 sets. '.repeat(5000);
    const out = guardCapture(capture({ inquiry: { message: long } }));
    expect(out.inquiry.message!.length).toBeLessThanOrEqual(CAPTURE_LIMITS.inquiry.message);
    expect(out.inquiry.message!.endsWith(TRUNCATED)).toBe(true);
    expect(out.inquiry.message!.startsWith('We need 300 sets.')).toBe(true);
    expect(rawCaptureSchema.safeParse(capture({ inquiry: { message: long } })).success).toBe(false);
    expect(rawCaptureSchema.safeParse(out).success).toBe(true);
  });

  it('clips every one-line string and list to its stored limit', () => {
    const out = guardCapture(
      capture({
        buyer: { name: 'A'.repeat(1000), company: 'C'.repeat(1000), emails: Array.from({ length: 80 }, (_, i) => `b${i}@x.com`), wechat: 'w'.repeat(200) },
        inquiry: { subject: 's'.repeat(5000), productTitle: 'p'.repeat(5000), platformInquiryId: '9'.repeat(500) },
      }),
    );
    expect(out.buyer.name).toHaveLength(CAPTURE_LIMITS.buyer.name);
    expect(out.buyer.emails).toHaveLength(CAPTURE_LIMITS.list);
    expect(out.inquiry.subject).toHaveLength(CAPTURE_LIMITS.inquiry.subject);
    expect(rawCaptureSchema.safeParse(out).success).toBe(true);
  });

  it('strips control, zero-width and bidi-override characters from one-line fields', () => {
    const out = guardCapture(
      capture({ buyer: { name: 'Jo\u202ehn\u200b Sm\u0007ith', company: '\u2066ACME\u2069 GmbH\u0000', emails: ['a\u200b@b.com'] }, inquiry: { message: 'line 1\nline\u202e 2' } }),
    );
    expect(out.buyer.name).toBe('John Smith');
    expect(out.buyer.company).toBe('ACME GmbH');
    expect(out.buyer.emails).toEqual(['a@b.com']);
    expect(out.inquiry.message).toBe('line 1\nline 2');
  });

  const sites: [string, string | null][] = [
    ['https://acme.example', 'https://acme.example'],
    ['http://acme.example/en', 'http://acme.example/en'],
    ['www.acme.example', 'www.acme.example'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['ftp://acme.example', null],
    ['mailto:a@b.com', null],
    ['https:alert', null],
  ];
  it.each(sites)('a website %j becomes %j', (site, expected) => {
    expect(guardCapture(capture({ buyer: { website: site, linkedin: site } })).buyer.website).toBe(expected);
  });

  it("drops values of the seller and of other people on the page", () => {
    const out = guardCapture(
      capture({ buyer: { name: 'Tina Xu', company: 'Ningbo Bright Co., Ltd.', emails: ['buyer@x.com', 'tina@bright.cn'], phones: ['+86 138 1234 5678', '+49 151 2345 6789'], whatsapp: '008613812345678' } }),
      { foreign: ['tina xu', 'Ningbo Bright Co., Ltd.', 'TINA@bright.cn', '13812345678'] },
    );
    expect(out.buyer).toMatchObject({ name: null, company: null, emails: ['buyer@x.com'], phones: ['+49 151 2345 6789'], whatsapp: null });
  });

  it('never writes the text "null" as a unit', () => {
    expect(guardCapture(capture({ inquiry: { quantity: 300, unit: 'null' } })).inquiry.unit).toBeNull();
    expect(guardCapture(capture({ inquiry: { quantity: null, unit: 'sets' } })).inquiry.unit).toBeNull();
  });

  it('names a source for every filled field, keeping the adapter\'s own', () => {
    const c = capture({ buyer: { name: 'Ana', emails: ['ana@vidros.com.br'], country: 'Brazil' }, inquiry: { message: 'Write to ana@vidros.com.br', quantity: 3, unit: 'sets' } });
    c.sources = { name: 'label', phones: 'label' };
    expect(guardCapture(c).sources).toEqual({ name: 'label', emails: 'text', country: 'selector', message: 'selector', quantity: 'selector' });
  });

  it('runs on every capture extractPage gives, with the adapter\'s foreign values', () => {
    const module: PlatformModule = {
      platform: 'alibaba',
      matches: [],
      adapters: [
        {
          id: 'test/page',
          detect: () => true,
          extract: (_doc, url) => capture({ buyer: { name: 'Seller Sam', emails: ['b@x.com'], website: 'javascript:alert(1)' }, inquiry: { message: 'x'.repeat(60_000) } }),
          foreign: () => ['Seller Sam'],
          examples: { positive: [], negative: [] },
        },
      ],
    };
    const doc = pageDocument('<p></p>', 'https://message.alibaba.com/');
    const out = extractPage([module], doc, 'https://message.alibaba.com/');
    expect(out.buyer.name).toBeNull();
    expect(out.buyer.website).toBeNull();
    expect(out.inquiry.message!.endsWith(TRUNCATED)).toBe(true);
  });
});
