import { expect, test } from 'vitest';
import { capture, freshDb } from './helpers';
import { recognise, saveCapture } from '../../../storage/capture-repo';
import { getBuyer } from '../../../storage/buyers-repo';
import { getInquiry, listInquiries } from '../../../storage/inquiries-repo';
import { listTimeline } from '../../../storage/touchpoints-repo';
import { updateSettings } from '../../../storage/settings-repo';

const alibaba = () =>
  capture('alibaba', { name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE', platformBuyerId: '2215408763921' }, {
    platformInquiryId: 'INQ-1', subject: 'Brass taps', productTitle: 'Brass tap', quantity: 500, unit: 'pieces',
    receivedAt: '2026-11-18T09:42:00Z', message: 'Please quote 500 taps.',
  }, 'https://message.alibaba.com/message/maDetail.htm?imInquiryId=INQ-1');

test('saveCapture twice with the same inquiry keeps one inquiry (updated) and one touchpoint', async () => {
  const db = freshDb();
  const first = await saveCapture(alibaba(), { now: 1_000 }, db);
  expect(first).toMatchObject({ buyerCreated: true, inquiryCreated: true });
  const again = alibaba();
  again.inquiry.quantity = 800;
  again.inquiry.message = null;
  const second = await saveCapture(again, { now: 2_000 }, db);
  expect(second).toMatchObject({ buyerCreated: false, inquiryCreated: false });
  expect(second.buyer.id).toBe(first.buyer.id);
  expect(await db.inquiries.count()).toBe(1);
  const inq = await getInquiry(first.inquiry!.id, db);
  expect(inq).toMatchObject({ quantity: 800, message: 'Please quote 500 taps.', capturedAt: 1_000 });
  const tl = await listTimeline(first.buyer.id, {}, db);
  expect(tl).toHaveLength(1);
  expect(tl[0]).toMatchObject({ channel: 'alibaba', direction: 'in', kind: 'inquiry', note: 'Brass taps', at: Date.parse('2026-11-18T09:42:00Z'), inquiryId: inq!.id });
  expect((await getBuyer(first.buyer.id, db))?.lastContactAt).toBe(Date.parse('2026-11-18T09:42:00Z'));
});

test('without a platform inquiry id, the same buyer + platform + receivedAt is the same inquiry', async () => {
  const db = freshDb();
  const c = capture('gmail', { emails: ['a@b.de'] }, { subject: 'Hi', receivedAt: '2026-01-01T10:00:00Z' });
  await saveCapture(c, {}, db);
  await saveCapture(c, {}, db);
  expect(await db.inquiries.count()).toBe(1);
  await saveCapture(capture('gmail', { emails: ['a@b.de'] }, { subject: 'Hi again', receivedAt: '2026-01-02T10:00:00Z' }), {}, db);
  expect(await db.inquiries.count()).toBe(2);
});

test('Alibaba, then Gmail with the same email, then WhatsApp with the same phone: one buyer, all channels', async () => {
  const db = freshDb();
  const a = alibaba();
  a.buyer.emails = ['j.becker@becker-haustechnik.de'];
  const r1 = await saveCapture(a, { now: 1 }, db);
  const g = capture('gmail', { name: 'Jonas Becker', emails: ['j.becker@becker-haustechnik.de'], phones: ['+4915112345678'], website: 'https://becker-haustechnik.de' },
    { subject: 'Re: Brass taps', message: 'Sample please', receivedAt: '2026-11-20T08:00:00Z' });
  expect((await recognise(g, db)).buyer?.id).toBe(r1.buyer.id);
  const r2 = await saveCapture(g, { now: 2 }, db);
  const w = capture('whatsapp', { name: '+49 151 12345678', whatsapp: '+4915112345678', wechat: 'becker_jw' },
    { message: 'Did you ship?', receivedAt: '2026-11-25T08:00:00Z' });
  const r3 = await saveCapture(w, { now: 3 }, db);
  expect([r2.buyer.id, r3.buyer.id]).toEqual([r1.buyer.id, r1.buyer.id]);
  expect(r3.buyerCreated).toBe(false);
  expect(await db.buyers.count()).toBe(1);
  expect(r3.buyer).toMatchObject({
    name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE', emails: ['j.becker@becker-haustechnik.de'],
    phones: ['+4915112345678'], whatsapp: '+4915112345678', wechat: 'becker_jw', website: 'https://becker-haustechnik.de',
    platformIds: [{ platform: 'alibaba', id: '2215408763921' }],
  });
  expect(await listInquiries(r1.buyer.id, db)).toHaveLength(3);
  const tl = await listTimeline(r1.buyer.id, {}, db);
  expect(tl.map((t) => t.channel)).toEqual(['whatsapp', 'email', 'alibaba']);
  expect(r3.buyer.lastContactAt).toBe(Date.parse('2026-11-25T08:00:00Z'));
});

test('recognise proposes likely duplicates without merging; buyerId files the capture under a chosen buyer', async () => {
  const db = freshDb();
  const r1 = await saveCapture(alibaba(), {}, db);
  const other = capture('gmail', { name: 'Jonas Beker', company: 'BECKER HAUSTECHNIK', emails: ['jonas@gmail.com'] }, { subject: 'Hello' });
  const rec = await recognise(other, db);
  expect(rec.buyer).toBeNull();
  expect(rec.candidates.map((b) => b.id)).toEqual([r1.buyer.id]);
  expect(await db.buyers.count()).toBe(1);
  const saved = await saveCapture(other, { buyerId: r1.buyer.id }, db);
  expect(saved.buyer.id).toBe(r1.buyer.id);
  expect(saved.buyer.emails).toEqual(['jonas@gmail.com']);
  await expect(saveCapture(other, { buyerId: 'missing' }, db)).rejects.toThrow(/not found/);
});

test('the seller own identity is never saved as the buyer', async () => {
  const db = freshDb();
  await updateSettings({ ownIdentity: { names: ['Li Wei'], companies: [], emails: ['sales@sunrise.cn'], phones: ['+8613812345678'] } }, db);
  const r = await saveCapture(capture('gmail', { name: 'Li Wei', emails: ['sales@sunrise.cn', 'buyer@x.de'], phones: ['+8613812345678'] }, { subject: 'x' }), {}, db);
  expect(r.buyer).toMatchObject({ name: null, emails: ['buyer@x.de'], phones: [] });
});

test('a refused row leaves nothing half-written', async () => {
  const db = freshDb();
  const bad = alibaba();
  bad.inquiry.quantity = Number.NaN;
  await expect(saveCapture(bad, {}, db)).rejects.toThrow(/Refused inquiries row: quantity/);
  expect([await db.buyers.count(), await db.inquiries.count(), await db.touchpoints.count()]).toEqual([0, 0, 0]);
});

test('a capture without inquiry content saves only the buyer', async () => {
  const db = freshDb();
  const r = await saveCapture(capture('linkedin', { name: 'Ana Silva', linkedin: 'https://www.linkedin.com/in/ana' }), {}, db);
  expect(r).toMatchObject({ inquiry: null, inquiryCreated: false, buyerCreated: true });
  expect(await db.touchpoints.count()).toBe(0);
});

test('a page time past year 9999 (hostile or misread) is left out, not a refused save', async () => {
  const db = freshDb();
  const c = capture('gmail', { emails: ['far@future.example'] }, { subject: 'Hi', receivedAt: '+100000-01-01T00:00:00Z' });
  const saved = await saveCapture(c, { now: 5_000 }, db);
  expect(saved.inquiry?.receivedAt).toBeNull();
  expect((await listTimeline(saved.buyer.id, {}, db))[0]?.at).toBe(5_000);
});
