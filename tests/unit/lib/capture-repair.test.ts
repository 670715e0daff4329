import { describe, expect, it } from 'vitest';
import { CLIP_MARKER, clipText, repairCapture } from '../../../lib/capture-repair';
import { emptyCapture } from '../../../lib/capture';

const base = () => {
  const c = emptyCapture('alibaba', 'https://message.alibaba.com/message/maDetail.htm?imInquiryId=1');
  c.buyer.name = 'Ada Buyer';
  c.buyer.emails = ['ada@buyer.example'];
  c.inquiry.message = 'Please quote 300 sets.';
  return c;
};

describe('repairCapture', () => {
  it('passes a valid capture through untouched, with no issues', () => {
    expect(repairCapture(base())).toEqual({ ok: true, capture: base(), issues: [] });
  });

  it('clips an over-long message to its limit with a marker, and says so', () => {
    const c = base();
    c.inquiry.message = 'word '.repeat(20_000); // 100,000 characters
    const r = repairCapture(c);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const msg = r.capture.inquiry.message!;
    expect(msg.length).toBe(50_000);
    expect(msg.endsWith(CLIP_MARKER)).toBe(true);
    expect(msg.startsWith('word word')).toBe(true);
    expect(r.issues).toEqual([{ field: 'message', kind: 'clipped', limit: 50_000, was: 100_000 }]);
    // Everything else is kept as it was.
    expect(r.capture.buyer).toEqual(base().buyer);
  });

  it('mends several fields at once and reports each', () => {
    const c = base() as unknown as { buyer: Record<string, unknown>; inquiry: Record<string, unknown> };
    c.buyer.name = 'N'.repeat(400);
    c.buyer.phones = ['+49 151 1234 5678', 42, '+49 30 1234567'];
    c.buyer.whatsapp = { number: 1 };
    c.buyer.emails = Array.from({ length: 60 }, (_, i) => `b${i}@x.example`);
    c.inquiry.quantity = '300';
    const r = repairCapture(c);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.capture.buyer.name).toHaveLength(300);
    expect(r.capture.buyer.phones).toEqual(['+49 151 1234 5678', '+49 30 1234567']);
    expect(r.capture.buyer.whatsapp).toBeNull();
    expect(r.capture.buyer.emails).toHaveLength(50);
    expect(r.capture.inquiry.quantity).toBeNull();
    expect(r.issues).toEqual(
      expect.arrayContaining([
        { field: 'name', kind: 'clipped', limit: 300, was: 400 },
        { field: 'phones', kind: 'dropped' },
        { field: 'whatsapp', kind: 'dropped' },
        { field: 'emails', kind: 'too-many', limit: 50, was: 60 },
        { field: 'quantity', kind: 'dropped' },
      ]),
    );
    expect(r.issues).toHaveLength(5);
  });

  it('keeps a single string given for a list as a list of one', () => {
    const c = { ...base(), buyer: { ...base().buyer, emails: 'ada@buyer.example' } };
    const r = repairCapture(c);
    expect(r.ok && r.capture.buyer.emails).toEqual(['ada@buyer.example']);
  });

  it('fills a missing section and drops bad provenance without losing the rest', () => {
    const { inquiry: _gone, ...noInquiry } = base();
    const r = repairCapture({ ...noInquiry, sources: { name: 'telepathy' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.capture.buyer.name).toBe('Ada Buyer');
    expect(r.capture.inquiry.message).toBeNull();
    expect(r.capture.sources).toBeUndefined();
    expect(r.issues).toEqual([{ field: 'inquiry', kind: 'dropped' }]);
  });

  it('cannot mend a capture without a known platform or address', () => {
    expect(repairCapture({ ...base(), platform: 'myspace' })).toEqual({ ok: false, issues: [{ field: 'platform', kind: 'dropped' }] });
    expect(repairCapture({ ...base(), url: 7 }).ok).toBe(false);
    expect(repairCapture(null)).toEqual({ ok: false, issues: [{ field: 'capture', kind: 'dropped' }] });
  });

  it('never cuts a character in half', () => {
    const s = 'a'.repeat(6) + '😀'.repeat(10);
    const out = clipText(s, 11);
    expect(out.length).toBeLessThanOrEqual(11);
    expect(out).toBe('aaaaaa' + CLIP_MARKER);
  });
});
