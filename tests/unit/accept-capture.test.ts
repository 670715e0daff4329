import { describe, expect, it } from 'vitest';
import { acceptCaptureChanged, acceptCaptureResult, acceptGenericResult } from '../../components/accept-capture';
import { emptyCapture } from '../../lib/capture';

const alibabaUrl = 'https://message.alibaba.com/message/maDetail.htm?imInquiryId=1';
const capture = () => {
  const c = emptyCapture('alibaba', alibabaUrl);
  c.buyer.name = 'Ada Buyer';
  return c;
};
const msg = (c: unknown) => ({ type: 'buyerbook/capture-changed', capture: c });

describe('captures pushed by content scripts', () => {
  it('accepts a valid capture from the panel tab on its platform', () => {
    const r = acceptCaptureChanged(msg(capture()), { tab: { id: 7, url: alibabaUrl }, frameId: 0 }, 7);
    expect(r).toEqual({ ok: true, capture: capture(), issues: [] });
  });
  it('refuses a message from a tab outside the allowed sites', () => {
    expect(acceptCaptureChanged(msg(capture()), { tab: { id: 7, url: 'https://evil.example/alibaba' }, frameId: 0 }, 7)).toEqual({ ok: false, reason: 'site-not-allowed' });
    expect(acceptCaptureChanged(msg(capture()), { tab: { id: 7, url: 'http://message.alibaba.com/x' }, frameId: 0 }, 7)).toEqual({ ok: false, reason: 'site-not-allowed' });
  });
  it('refuses another tab, a missing tab and a platform the page is not', () => {
    expect(acceptCaptureChanged(msg(capture()), { tab: { id: 8, url: alibabaUrl }, frameId: 0 }, 7)).toEqual({ ok: false, reason: 'other-tab' });
    expect(acceptCaptureChanged(msg(capture()), {}, 7)).toEqual({ ok: false, reason: 'other-tab' });
    const wrong = { ...capture(), platform: 'gmail' };
    expect(acceptCaptureChanged(msg(wrong), { tab: { id: 7, url: alibabaUrl }, frameId: 0 }, 7)).toEqual({ ok: false, reason: 'platform-mismatch' });
  });
  it('refuses what is not a capture message, or a capture that cannot be mended, saying why', () => {
    const sender = { tab: { id: 7, url: alibabaUrl }, frameId: 0 };
    expect(acceptCaptureChanged({ type: 'other' }, sender, 7).ok).toBe(false);
    expect(acceptCaptureChanged(msg({ ...capture(), platform: 'myspace' }), sender, 7)).toEqual({
      ok: false,
      reason: 'schema',
      issues: [{ field: 'platform', kind: 'dropped' }],
    });
    expect(acceptCaptureChanged(null, sender, 7).ok).toBe(false);
  });
  it('takes a capture whose fields fail the schema, mended, with what was changed', () => {
    const sender = { tab: { id: 7, url: alibabaUrl }, frameId: 0 };
    const huge = capture();
    huge.buyer.name = 'x'.repeat(100_000);
    const r = acceptCaptureChanged(msg(huge), sender, 7);
    expect(r.ok).toBe(true);
    expect(r.ok && r.capture.buyer.name?.length).toBe(300);
    expect(r.issues).toEqual([{ field: 'name', kind: 'clipped', limit: 300, was: 100_000 }]);
    const wrongKind = acceptCaptureChanged(msg({ ...capture(), buyer: { ...capture().buyer, phones: [1, '+49 30 1234567'] } }), sender, 7);
    expect(wrongKind.ok && wrongKind.capture.buyer.phones).toEqual(['+49 30 1234567']);
    expect(wrongKind.issues).toEqual([{ field: 'phones', kind: 'dropped' }]);
    // Mending never opens the gate: the same payload from another site is still refused.
    expect(acceptCaptureChanged(msg(huge), { tab: { id: 7, url: 'https://evil.example/' }, frameId: 0 }, 7)).toEqual({ ok: false, reason: 'site-not-allowed' });
  });
});

describe("the sender's frame and document", () => {
  const top = { tab: { id: 7, url: alibabaUrl }, frameId: 0, documentId: 'DOC-A', documentLifecycle: 'active' };
  it('accepts the top frame of the document the panel knows, or any active top document while it knows none', () => {
    expect(acceptCaptureChanged(msg(capture()), top, 7, 'DOC-A').ok).toBe(true);
    expect(acceptCaptureChanged(msg(capture()), top, 7, null).ok).toBe(true);
    // A Chrome older than 106 names no document: the frame alone decides.
    expect(acceptCaptureChanged(msg(capture()), { tab: top.tab, frameId: 0 }, 7, 'DOC-A').ok).toBe(true);
  });
  it('refuses a message from a frame inside the page, or with no frame named', () => {
    expect(acceptCaptureChanged(msg(capture()), { ...top, frameId: 3 }, 7, 'DOC-A')).toEqual({ ok: false, reason: 'other-frame' });
    expect(acceptCaptureChanged(msg(capture()), { tab: top.tab }, 7, null)).toEqual({ ok: false, reason: 'other-frame' });
  });
  it('refuses a document the tab has navigated away from', () => {
    expect(acceptCaptureChanged(msg(capture()), { ...top, documentId: 'DOC-OLD' }, 7, 'DOC-A')).toEqual({ ok: false, reason: 'stale-document' });
    for (const documentLifecycle of ['cached', 'pending_deletion', 'prerender']) {
      expect(acceptCaptureChanged(msg(capture()), { ...top, documentLifecycle }, 7, null)).toEqual({ ok: false, reason: 'stale-document' });
    }
  });
});

describe('replies and generic captures', () => {
  it('accepts a read reply only from an allowed page', () => {
    const reply = { type: 'buyerbook/capture-result', capture: capture() };
    expect(acceptCaptureResult(reply, alibabaUrl).ok).toBe(true);
    expect(acceptCaptureResult(reply, 'https://example.com/').ok).toBe(false);
    expect(acceptCaptureResult({ type: 'buyerbook/capture-result' }, alibabaUrl).ok).toBe(false);
  });
  it('accepts only generic captures from the injected script', () => {
    expect(acceptGenericResult(emptyCapture('generic', 'https://x.nl/')).ok).toBe(true);
    expect(acceptGenericResult(capture())).toEqual({ ok: false, reason: 'platform-mismatch' });
    expect(acceptGenericResult(undefined).ok).toBe(false);
  });
});
