import { describe, expect, test } from 'vitest';
import { freshDb, newBuyer } from './helpers';
import {
  allTags, countBuyers, createBuyer, deleteBuyer, findBuyersByIdentity, findLikelyDuplicates, getBuyer, mergeBuyers,
  bulkPutBuyers, findBuyers, updateBuyer, type FindOptions,
} from '../../../storage/buyers-repo';
import { addTouchpoint, listTimeline } from '../../../storage/touchpoints-repo';
import { listInquiries } from '../../../storage/inquiries-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { StorageValidationError } from '../../../storage/validate';
import { capture } from './helpers';

const noIdentity = { emails: [], phones: [], whatsapp: null, wechat: null, linkedin: null, platformIds: [] };

describe('buyers repository', () => {
  test('create, get, update strip derived fields and keep them right', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'Jonas Becker', emails: ['J.Becker@Becker.de'], tags: [' vip ', 'vip'] }), db);
    expect(b).toMatchObject({ stage: 'new', notes: '', tags: ['vip'], emails: ['j.becker@becker.de'], lastContactAt: null });
    expect(b).not.toHaveProperty('searchTokens');
    expect(await getBuyer(b.id, db)).toEqual(b);
    const u = await updateBuyer(b.id, { company: 'Becker Haustechnik GmbH', stage: 'quoted' }, db);
    expect(u.company).toBe('Becker Haustechnik GmbH');
    expect((await findBuyers({ query: 'haustechnik', limit: 50 }, db)).buyers.map((x) => x.id)).toEqual([b.id]);
    const row = await db.buyers.get(b.id);
    expect(row?.matchKeys).toContain('c:beckerhaustechnik');
    await expect(updateBuyer('nope', {}, db)).rejects.toThrow(/not found/);
  });

  test('invalid rows are refused whole with a clear error, nothing written', async () => {
    const db = freshDb();
    await expect(createBuyer(newBuyer({ emails: ['not-an-email'] }), db)).rejects.toThrow(StorageValidationError);
    await expect(createBuyer(newBuyer({ phones: ['0151 1234'] }), db)).rejects.toThrow(/phones\.0/);
    expect(await db.buyers.count()).toBe(0);
    const b = await createBuyer(newBuyer({ name: 'A' }), db);
    await expect(updateBuyer(b.id, { country: 'Germany' }, db)).rejects.toThrow(/Refused buyers row: country/);
    expect((await getBuyer(b.id, db))?.country).toBeNull();
    await expect(addTouchpoint({ buyerId: b.id, channel: 'email', direction: 'in', kind: 'bogus' as never, at: 1, note: '' }, db))
      .rejects.toThrow(StorageValidationError);
    expect(await db.touchpoints.count()).toBe(0);
  });

  test('the list (findBuyers, no words): newest contact first, never-contacted last, filters and total', async () => {
    const db = freshDb();
    const a = await createBuyer(newBuyer({ name: 'A', tags: ['vip'] }), db, 1000);
    const b = await createBuyer(newBuyer({ name: 'B', stage: 'quoted' }), db, 2000);
    const c = await createBuyer(newBuyer({ name: 'C', tags: ['vip'], stage: 'quoted' }), db, 3000);
    await addTouchpoint({ buyerId: a.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: 5000, note: '' }, db);
    await addTouchpoint({ buyerId: b.id, channel: 'email', direction: 'out', kind: 'follow-up', at: 4000, note: '' }, db);
    const list = async (o: FindOptions) => (await findBuyers(o, db)).buyers.map((x) => x.id);
    expect(await countBuyers({}, db)).toBe(3);
    expect((await findBuyers({}, db)).buyers.map((x) => x.name)).toEqual(['A', 'B', 'C']);
    const first = await findBuyers({ limit: 1 }, db);
    expect(first.buyers.map((x) => x.name)).toEqual(['A']);
    expect((await findBuyers({ after: first.next!, limit: 1 }, db)).buyers.map((x) => x.name)).toEqual(['B']);
    expect(await list({ tag: 'vip' })).toEqual([a.id, c.id]);
    expect(await list({ stage: 'quoted' })).toEqual([b.id, c.id]);
    expect(await countBuyers({ stage: 'quoted' }, db)).toBe(2);
    expect(await list({ tag: 'vip', stage: 'quoted' })).toEqual([c.id]);
    expect(await countBuyers({ tag: 'vip', stage: 'quoted' }, db)).toBe(1);
    expect(await countBuyers({ tag: 'vip' }, db)).toBe(2);
    expect(await allTags(db)).toEqual(['vip']);
    await createBuyer(newBuyer({ name: 'D', tags: ['样品', 'Agent', 'vip', 'agent'] }), db);
    await createBuyer(newBuyer({ name: 'E', tags: ['agent', 'sample-requested'] }), db);
    expect(await allTags(db)).toEqual(['Agent', 'agent', 'sample-requested', 'vip', '样品']);
    expect(await allTags(freshDb())).toEqual([]);
  });

  test('findBuyersByIdentity: email, phone<->WhatsApp, WeChat (any case), LinkedIn, platform id', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({
      emails: ['j@becker.de'], phones: ['+4915112345678'], whatsapp: '+4917000000001', wechat: 'Becker_JW',
      linkedin: 'https://www.linkedin.com/in/jonas', platformIds: [{ platform: 'alibaba', id: '2215408763921' }],
    }), db);
    await createBuyer(newBuyer({ name: 'other', emails: ['x@y.de'] }), db);
    const ids = async (over: object) => (await findBuyersByIdentity({ ...noIdentity, ...over }, db)).map((x) => x.id);
    expect(await ids({ emails: ['J@Becker.de'] })).toEqual([b.id]);
    expect(await ids({ whatsapp: '+4915112345678' })).toEqual([b.id]);
    expect(await ids({ phones: ['+4917000000001'] })).toEqual([b.id]);
    expect(await ids({ wechat: 'becker_jw' })).toEqual([b.id]);
    expect(await ids({ linkedin: 'https://www.linkedin.com/in/jonas' })).toEqual([b.id]);
    expect(await ids({ platformIds: [{ platform: 'alibaba', id: '2215408763921' }] })).toEqual([b.id]);
    expect(await ids({ platformIds: [{ platform: 'made-in-china', id: '2215408763921' }] })).toEqual([]);
    expect(await ids({})).toEqual([]);
  });

  test('findLikelyDuplicates: same company or similar name in any script, never itself', async () => {
    const db = freshDb();
    const jonas = await createBuyer(newBuyer({ name: 'Jonas Becker', company: 'Becker Haustechnik GmbH' }), db);
    const colleague = await createBuyer(newBuyer({ name: 'Anna Schmidt', company: 'BECKER HAUS-TECHNIK' }), db);
    const other = await createBuyer(newBuyer({ name: 'Jonas Becker', company: 'Totally Different AG' }), db);
    const arab = await createBuyer(newBuyer({ name: 'مُحَمَّد الحسن', company: null }), db);
    const zh = await createBuyer(newBuyer({ name: '王伟', company: '深圳市华强电子有限公司' }), db);
    const ja = await createBuyer(newBuyer({ name: '山田 太郎', company: null }), db);
    const ids = async (b: { id?: string; name: string | null; company: string | null }) =>
      (await findLikelyDuplicates(b, 5, db)).map((x) => x.id);
    const r = await ids({ name: 'Jonas Beker', company: 'Becker Haustechnik' });
    expect(r[0]).toBe(jonas.id);
    expect(r).toContain(colleague.id);
    expect(r).not.toContain(other.id);
    expect(await ids({ id: jonas.id, name: 'Jonas Becker', company: 'Becker Haustechnik GmbH' })).not.toContain(jonas.id);
    expect(await ids({ name: 'محمد الحسن', company: null })).toEqual([arab.id]);
    expect(await ids({ name: '王 伟', company: null })).toEqual([zh.id]);
    expect(await ids({ name: null, company: '深圳市华强电子' })).toEqual([zh.id]);
    expect(await ids({ name: '山田太郎', company: null })).toEqual([ja.id]);
    expect(await ids({ name: '张伟', company: null })).toEqual([]);
  });

  test('mergeBuyers keeps every channel, inquiry and touchpoint of both, in one transaction', async () => {
    const db = freshDb();
    const a = await saveCapture(capture('alibaba', { name: 'Jonas Becker', platformBuyerId: '111', wechat: 'jb1' },
      { platformInquiryId: 'A1', subject: 'Taps', receivedAt: '2026-01-01T00:00:00Z' }), {}, db);
    const b = await saveCapture(capture('gmail', { name: 'J. Becker', emails: ['j@becker.de'], whatsapp: '+4915112345678', wechat: 'jb2' },
      { subject: 'Re: Taps', message: 'price?', receivedAt: '2026-02-01T00:00:00Z' }), {}, db);
    await addTouchpoint({ buyerId: b.buyer.id, channel: 'whatsapp', direction: 'out', kind: 'quote-sent', at: Date.parse('2026-02-02'), note: '' }, db);
    await updateBuyer(b.buyer.id, { tags: ['vip'], stage: 'quoted' }, db);
    const m = await mergeBuyers(a.buyer.id, b.buyer.id, db);
    expect(m).toMatchObject({ emails: ['j@becker.de'], whatsapp: '+4915112345678', wechat: 'jb1', tags: ['vip'], stage: 'quoted' });
    expect(m.platformIds).toEqual([{ platform: 'alibaba', id: '111' }]);
    expect(m.notes).toContain('jb2');
    expect(m.lastContactAt).toBe(Date.parse('2026-02-02'));
    expect(await getBuyer(b.buyer.id, db)).toBeUndefined();
    expect((await listInquiries(a.buyer.id, db)).map((i) => i.subject)).toEqual(['Re: Taps', 'Taps']);
    expect(await listTimeline(a.buyer.id, {}, db)).toHaveLength(3);
    await expect(mergeBuyers(a.buyer.id, 'missing', db)).rejects.toThrow(/not found/);
    await expect(mergeBuyers(a.buyer.id, a.buyer.id, db)).rejects.toThrow();
  });

  test('deleteBuyer removes the buyer with its inquiries and touchpoints only', async () => {
    const db = freshDb();
    const a = await saveCapture(capture('alibaba', { name: 'A', platformBuyerId: '1' }, { platformInquiryId: 'X', subject: 's' }), {}, db);
    const b = await saveCapture(capture('alibaba', { name: 'B', platformBuyerId: '2' }, { platformInquiryId: 'Y', subject: 's' }), {}, db);
    await deleteBuyer(a.buyer.id, db);
    expect(await db.buyers.count()).toBe(1);
    expect(await db.inquiries.toArray()).toEqual([b.inquiry]);
    expect((await db.touchpoints.toArray()).map((t) => t.buyerId)).toEqual([b.buyer.id]);
  });
});

describe('search (findBuyers with words)', () => {
  test('by name, company, email, phone digits, WhatsApp, WeChat, tag, Chinese and Arabic words', async () => {
    const db = freshDb();
    const becker = await createBuyer(newBuyer({
      name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', emails: ['j.becker@becker-haustechnik.de'],
      phones: ['+4915112345678'], whatsapp: '+4917099887766', wechat: 'Becker_JW', tags: ['sample-requested'],
    }), db);
    const wang = await createBuyer(newBuyer({ name: '王伟', company: '深圳市华强五金有限公司', phones: ['+8613812345678'] }), db);
    const arab = await createBuyer(newBuyer({ name: 'محمد الحسن', company: 'شركة النور' }), db);
    await createBuyer(newBuyer({ name: 'Anna Schmidt', company: 'Schmidt AG' }), db);
    const ids = async (q: string) => (await findBuyers({ query: q, limit: 50 }, db)).buyers.map((x) => x.id);
    expect(await ids('jonas bec')).toEqual([becker.id]);
    expect(await ids('HAUSTECH')).toEqual([becker.id]);
    expect(await ids('j.becker@becker')).toEqual([becker.id]);
    expect(await ids('1234 5678')).toEqual(expect.arrayContaining([becker.id, wang.id]));
    expect(await ids('151 1234')).toEqual([becker.id]);
    expect(await ids('9988')).toEqual([becker.id]);
    expect(await ids('becker_jw')).toEqual([becker.id]);
    expect(await ids('sample-requested')).toEqual([becker.id]);
    expect(await ids('五金')).toEqual([wang.id]);
    expect(await ids('华强五金')).toEqual([wang.id]);
    expect(await ids('مُحَمَّد')).toEqual([arab.id]);
    expect(await ids('jonas schmidt')).toEqual([]);
    // No words: the list, as the panel shows it.
    expect(await ids('  ')).toHaveLength(4);
  });

  test('caps the results', async () => {
    const db = freshDb();
    for (let i = 0; i < 30; i++) await createBuyer(newBuyer({ name: `Maria Garcia ${i}` }), db);
    const capped = await findBuyers({ query: 'garcia', limit: 10 }, db);
    expect(capped.buyers).toHaveLength(10);
    expect(capped.more).toBe(true);
    const all = await findBuyers({ query: 'maria gar', limit: 50 }, db);
    expect(all.buyers).toHaveLength(30);
    expect(all.more).toBe(false);
  });

  test('words typed in order rank first; any order and across fields still match', async () => {
    const db = freshDb();
    const reversed = await createBuyer(newBuyer({ name: 'Johnson Jennifer' }), db, 3000);
    const across = await createBuyer(newBuyer({ name: 'Jennifer Smith', company: 'Johnson Tools' }), db, 2000);
    const inOrder = await createBuyer(newBuyer({ name: 'Jennifer Johnson' }), db, 1000);
    await createBuyer(newBuyer({ name: 'Jennifer Smith' }), db);
    const ids = async (q: string) => (await findBuyers({ query: q, limit: 50 }, db)).buyers.map((x) => x.id);
    expect(await ids('jennifer johnson')).toEqual([inOrder.id, reversed.id, across.id]);
    expect(await ids('Jennifer Jo')).toEqual([inOrder.id, reversed.id, across.id]);
    expect((await ids('johnson jen'))[0]).toBe(reversed.id);
  });

  test('a search that stops early says there may be more, never silently less', async () => {
    const db = freshDb();
    // More buyers sharing the first word than one search reads, and the one sought matching the
    // second word only in another field (so the phrase lookup cannot find it).
    const many = Array.from({ length: 1500 }, (_, i) => ({
      ...newBuyer({ name: `Anna Example${i}` }), id: `b-${String(i).padStart(5, '0')}`, tags: [], stage: 'new' as const, notes: '',
      createdAt: 1, updatedAt: 1, lastContactAt: null,
    }));
    await bulkPutBuyers(many, db);
    const sought = await createBuyer(newBuyer({ name: 'Anna Zed', company: 'Quxley Ltd' }), db);
    const page = await findBuyers({ query: 'anna quxley', limit: 50 }, db);
    const found = page.buyers.some((b) => b.id === sought.id);
    expect(found || page.more, 'found, or flagged as possibly more').toBe(true);
    expect(page.buyers.every((b) => b.name?.startsWith('Anna') && b.company === 'Quxley Ltd')).toBe(true);
    // Typed more selectively, it is found.
    expect((await findBuyers({ query: 'quxley anna', limit: 50 }, db)).buyers.map((b) => b.id)).toEqual([sought.id]);
  });
});
