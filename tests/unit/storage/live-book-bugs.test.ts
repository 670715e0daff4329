/**
 * The bugs of issue 9 ("One live book"), one test each, written before the fix: each failed on
 * the code before it (blind overwrite, empty second timeline page, stale last contact after a
 * move, refused merges, two-transaction capture saves, dropped i18n emails, reset settings).
 */
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { capture, freshDb, newBuyer } from './helpers';
import { createBuyer, findBuyers, getBuyer, mergeBuyers, saveBuyerEdit } from '../../../storage/buyers-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { addTouchpoint, editTouchpoint, listTimeline } from '../../../storage/touchpoints-repo';
import { getSettings, readSettings, updateSettings } from '../../../storage/settings-repo';
import type { Buyer } from '../../../storage/schema';

const tp = (buyerId: string, at: number, note = '') =>
  ({ buyerId, channel: 'email', direction: 'out', kind: 'follow-up', at, note }) as const;

describe('no blind overwrite', () => {
  test('an edit keeps an email captured meanwhile (two panels on one buyer)', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'Jonas Becker', emails: ['j@becker.de'] }), db);
    const opened: Buyer = (await getBuyer(b.id, db))!;
    // Meanwhile a capture in another panel adds an email.
    await saveCapture(capture('gmail', { emails: ['j@becker.de', 'jonas@gmail.com'] }), { buyerId: b.id }, db);
    // The first panel saves its name edit with the form's full values.
    const r = await saveBuyerEdit(b.id, opened, { ...opened, name: 'Jonas Becker-Meier' }, db);
    expect(r.kind).toBe('saved');
    const now = (await getBuyer(b.id, db))!;
    expect(now.name).toBe('Jonas Becker-Meier');
    expect(now.emails).toEqual(['j@becker.de', 'jonas@gmail.com']);
  });

  test('the same field changed underneath is a conflict with both values, nothing written', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'Jonas' }), db);
    await saveBuyerEdit(b.id, b, { ...b, name: 'Jonas B.' }, db);
    const r = await saveBuyerEdit(b.id, b, { ...b, name: 'Jonas Becker', company: 'Becker' }, db);
    expect(r).toMatchObject({ kind: 'conflict', conflicts: [{ field: 'name', mine: 'Jonas Becker', theirs: 'Jonas B.' }] });
    expect((await getBuyer(b.id, db))!).toMatchObject({ name: 'Jonas B.', company: null });
  });

  test('a touchpoint edit is checked the same way, and a move updates both buyers', async () => {
    const db = freshDb();
    const a = await createBuyer(newBuyer({ name: 'A' }), db);
    const c = await createBuyer(newBuyer({ name: 'C' }), db);
    const t1 = await addTouchpoint(tp(a.id, 1000, 'first'), db);
    await editTouchpoint(t1.id, t1, { ...t1, note: 'theirs' }, db);
    const clash = await editTouchpoint(t1.id, t1, { ...t1, note: 'mine' }, db);
    expect(clash).toMatchObject({ kind: 'conflict', conflicts: [{ field: 'note', mine: 'mine', theirs: 'theirs' }] });
    const cur = (await db.touchpoints.get(t1.id))!;
    expect(await editTouchpoint(t1.id, cur, { ...cur, buyerId: c.id }, db)).toMatchObject({ kind: 'saved' });
    expect((await getBuyer(a.id, db))!.lastContactAt).toBeNull();
    expect((await getBuyer(c.id, db))!.lastContactAt).toBe(1000);
  });
});

describe('keyset paging', () => {
  test('25 entries sharing a minute, pages of 20: the second page has the other 5', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'Tie' }), db);
    const minute = Date.UTC(2026, 10, 20, 9, 30);
    for (let i = 0; i < 25; i++) await addTouchpoint(tp(b.id, i < 3 ? minute + 60_000 : minute, `n${i}`), db);
    const p1 = await listTimeline(b.id, { limit: 20 }, db);
    const last = p1[p1.length - 1]!;
    const p2 = await listTimeline(b.id, { after: { at: last.at, id: last.id }, limit: 20 }, db);
    expect(p2).toHaveLength(5);
    expect(new Set([...p1, ...p2].map((x) => x.id)).size).toBe(25);
  });

  test('the buyer list pages by (recency, id): buyers sharing a recency are all listed once', async () => {
    const db = freshDb();
    const same = 1_700_000_000_000;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await createBuyer(newBuyer({ name: `B${i}` }), db, same)).id);
    // The panel's list: findBuyers with no words, paged by its own `next`.
    const p1 = await findBuyers({ limit: 4 }, db);
    const p2 = await findBuyers({ after: p1.next!, limit: 4 }, db);
    expect([...p1.buyers, ...p2.buyers].map((b) => b.id).sort()).toEqual([...ids].sort());
    // Filtered by stage: its few rows sorted in memory, or (bounds as a big book's) [stage+recency] walked.
    for (const bounds of [{}, { inMemoryMax: 2 }]) {
      const s1 = await findBuyers({ stage: 'new', limit: 4, bounds }, db);
      const s2 = await findBuyers({ stage: 'new', after: s1.next!, limit: 4, bounds }, db);
      expect([...s1.buyers, ...s2.buyers].map((b) => b.id).sort(), JSON.stringify(bounds)).toEqual([...ids].sort());
    }
  });

  test('moving an inquiry to another buyer recomputes both buyers\' last contact', async () => {
    const db = freshDb();
    const first = await saveCapture(capture('alibaba', { name: 'Old', emails: ['old@x.com'] }, { platformInquiryId: 'Q1', subject: 's', receivedAt: '2026-11-01T00:00:00Z' }), {}, db);
    expect(first.buyer.lastContactAt).toBe(Date.parse('2026-11-01T00:00:00Z'));
    const other = await createBuyer(newBuyer({ name: 'New' }), db);
    await saveCapture(capture('alibaba', { name: 'New' }, { platformInquiryId: 'Q1', subject: 's' }), { buyerId: other.id }, db);
    expect((await getBuyer(first.buyer.id, db))!.lastContactAt).toBeNull();
    expect((await getBuyer(other.id, db))!.lastContactAt).toBe(Date.parse('2026-11-01T00:00:00Z'));
  });
});

describe('limits never refuse', () => {
  const emails = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}@x.com`);

  test('merging past 50 emails and 20,000 characters of notes keeps the newest, the rest in notes', async () => {
    const db = freshDb();
    const a = await createBuyer(newBuyer({ name: 'A', emails: emails('a', 40), notes: 'a'.repeat(15_000) }), db);
    const b = await createBuyer(newBuyer({ name: 'B', emails: emails('b', 40), notes: 'b'.repeat(15_000) }), db);
    const kept = await mergeBuyers(a.id, b.id, db);
    expect(kept.emails).toHaveLength(50);
    expect(kept.emails).toContain('b39@x.com');
    expect(kept.notes.length).toBeLessThanOrEqual(20_000);
    expect(kept.notes).toContain('a0@x.com');
    expect(kept.notes).toMatch(/\[clipped\]/);
  });

  test('a website longer than 500 characters does not refuse the save', async () => {
    const db = freshDb();
    const long = 'https://example.com/' + 'p'.repeat(600);
    const r = await saveCapture(capture('generic', { name: 'Long site', website: long }), {}, db);
    expect(r.buyer.website!.length).toBeLessThanOrEqual(500);
    expect(r.buyer.notes).toContain(long);
  });

  test('the merge note is written in the seller\'s language', async () => {
    const i18n = (fakeBrowser as unknown as { i18n: { getMessage: (k: string, s?: string | string[]) => string } }).i18n;
    const orig = i18n.getMessage;
    i18n.getMessage = (k: string, s?: string | string[]) => {
      const e = (zh as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[k];
      if (!e) return '';
      const args = s == null ? [] : Array.isArray(s) ? s : [s];
      let msg = e.message;
      for (const [name, ph] of Object.entries(e.placeholders ?? {})) msg = msg.replace(new RegExp(`\\$${name}\\$`, 'gi'), ph.content);
      return msg.replace(/\$(\d)/g, (_, n) => args[Number(n) - 1] ?? '');
    };
    try {
      const db = freshDb();
      const a = await createBuyer(newBuyer({ name: 'Anna', company: 'A GmbH' }), db);
      const b = await createBuyer(newBuyer({ name: 'Anna', company: 'B GmbH' }), db);
      const kept = await mergeBuyers(a.id, b.id, db);
      expect(kept.notes).toContain('B GmbH');
      expect(kept.notes).not.toMatch(/Merged|Company/);
      expect(kept.notes).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      i18n.getMessage = orig;
    }
  });
});

describe('one save, one transaction, nothing dropped', () => {
  test('capture, tags and stage are saved together', async () => {
    const db = freshDb();
    const r = await saveCapture(capture('alibaba', { name: 'T', emails: ['t@x.com'] }, { subject: 'q' }), { tags: ['vip'], stage: 'quoted' }, db);
    expect(r.buyer).toMatchObject({ tags: ['vip'], stage: 'quoted' });
    expect((await getBuyer(r.buyer.id, db))!).toMatchObject({ tags: ['vip'], stage: 'quoted' });
  });

  test('an internationalised email is accepted and kept', async () => {
    const db = freshDb();
    const r = await saveCapture(capture('gmail', { name: 'Jürgen', emails: ['jürgen@müller-bau.de'] }), {}, db);
    expect(r.buyer.emails).toEqual(['jürgen@müller-bau.de']);
    const b = await createBuyer(newBuyer({ emails: ['info@müller-bau.de'] }), db);
    expect(b.emails).toEqual(['info@müller-bau.de']);
  });

  test('a settings value that no longer parses is reported and not overwritten by another setting', async () => {
    const db = freshDb();
    await db.open();
    await db.settings.put({ key: 'ownIdentity', value: { names: 'not a list' } });
    const read = await readSettings(db);
    expect(read.unreadable).toEqual(['ownIdentity']);
    await updateSettings({ lastBackupAt: 5 }, db);
    expect((await db.settings.get('ownIdentity'))!.value).toEqual({ names: 'not a list' });
    expect((await getSettings(db)).lastBackupAt).toBe(5);
    // Saving the broken key itself keeps a copy of the old value.
    await updateSettings({ ownIdentity: { names: ['Me'], companies: [], emails: [], phones: [] } }, db);
    expect((await db.settings.get('unreadable:ownIdentity'))!.value).toEqual({ names: 'not a list' });
  });
});
