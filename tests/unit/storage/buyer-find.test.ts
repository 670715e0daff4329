import { describe, expect, onTestFinished, test } from 'vitest';
import { capture, freshDb, newBuyer } from './helpers';
import { bulkImport } from '../../../storage/bulk-import';
import { createBuyer, findBuyers, countFound, type FindOptions } from '../../../storage/buyers-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { addTouchpoint } from '../../../storage/touchpoints-repo';
import type { BuyerbookDB } from '../../../storage/db';
import type { Buyer, Touchpoint } from '../../../storage/schema';

/** Buyers with their last contact as given: one touchpoint each (the last contact is derived from them). */
async function seed(db: BuyerbookDB, buyers: Buyer[]): Promise<void> {
  const touchpoints: Touchpoint[] = buyers
    .filter((b) => b.lastContactAt != null)
    .map((b) => ({ id: `t-${b.id}`, buyerId: b.id, channel: 'email', direction: 'out', kind: 'first-reply', at: b.lastContactAt!, note: '', inquiryId: null }));
  await bulkImport({ buyers, inquiries: [], touchpoints }, db);
}

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 12);

const buyer = (i: number, over: Partial<Buyer> = {}): Buyer => ({
  id: `b${String(i).padStart(4, '0')}`, name: `Buyer ${i}`, company: null, country: null, emails: [], phones: [],
  whatsapp: null, wechat: null, linkedin: null, website: null, platformIds: [], tags: [], stage: 'new', notes: '',
  createdAt: NOW - i * 1000, updatedAt: NOW - i * 1000, lastContactAt: null, ...over,
});

const ids = async (db: BuyerbookDB, o: FindOptions) => (await findBuyers({ now: NOW, limit: 500, ...o }, db)).buyers.map((b) => b.id);

/** Every page of the list, following `next` until there is no more. */
async function allPages(db: BuyerbookDB, o: FindOptions, limit: number): Promise<string[]> {
  const out: string[] = [];
  let after: FindOptions['after'];
  for (let n = 0; n < 100; n++) {
    const page = await findBuyers({ now: NOW, ...o, after, limit }, db);
    out.push(...page.buyers.map((b) => b.id));
    if (!page.more || !page.next) return out;
    after = page.next;
  }
  throw new Error('never ended');
}

describe('find anyone', () => {
  test('a filtered search finds the buyer the capped search used to miss', async () => {
    const db = freshDb();
    // 300 Jennifers contacted recently; the one tagged "vip" is the oldest contact of all.
    const many = Array.from({ length: 300 }, (_, i) => buyer(i, { name: `Jennifer ${i}`, lastContactAt: NOW - i * 1000 }));
    many.push(buyer(999, { name: 'Jennifer Vip', tags: ['vip'], country: 'DE', lastContactAt: NOW - 400 * DAY }));
    await seed(db, many);
    expect(await ids(db, { query: 'jennifer', tag: 'vip' })).toEqual(['b0999']);
    expect(await ids(db, { query: 'jenn', country: 'DE' })).toEqual(['b0999']);
    expect(await ids(db, { query: 'jennifer', idleDays: 30 })).toEqual(['b0999']);
    expect(await ids(db, { query: 'jennifer', stage: 'quoted' })).toEqual([]);
    // Bounds too small to intersect: a bounded scan, which says there may be more.
    const scanned = await findBuyers({ query: 'jennifer', stage: 'new', now: NOW, bounds: { keyCap: 10, scanMax: 50 } }, db);
    expect(scanned.more).toBe(true);
  });

  test('phone digits however typed, country names in English and Chinese, WeChat, tags and products', async () => {
    const db = freshDb();
    const li = await createBuyer(newBuyer({ name: 'Li Wei', phones: ['+8613800138000'], country: 'CN', wechat: 'liwei_trade' }), db);
    const de = await createBuyer(newBuyer({ name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE', tags: ['sample-requested'] }), db);
    const saved = await saveCapture(capture('alibaba', { name: 'Ana Costa', country: 'BR' }, { productTitle: 'DN20 forged brass ball valve' }), {}, db);
    for (const q of ['+86 138 0013 8000', '138-0013', '13800138000', '0013 8000', 'liwei_tr']) expect(await ids(db, { query: q }), q).toEqual([li.id]);
    for (const q of ['Germany', '德国', 'DE', 'haustech', 'sample-req']) expect(await ids(db, { query: q }), q).toEqual([de.id]);
    for (const q of ['ball valve', 'brass', 'Brazil', '巴西']) expect(await ids(db, { query: q }), q).toEqual([saved.buyer.id]);
  });

  test('filters by platform (platform ids and inquiries) and by "no contact for N days"', async () => {
    const db = freshDb();
    const gmail = (await saveCapture(capture('gmail', { name: 'Mail Buyer', emails: ['m@buyer.example'] }, { subject: 'Price list?' }), {}, db)).buyer;
    const ali = (await saveCapture(capture('alibaba', { name: 'Ali Buyer', platformBuyerId: '22154' }, { subject: 'Quote' }), {}, db)).buyer;
    expect(await ids(db, { platform: 'gmail' })).toEqual([gmail.id]);
    expect(await ids(db, { platform: 'alibaba' })).toEqual([ali.id]);
    expect(await ids(db, { platform: 'alibaba', query: 'buyer' })).toEqual([ali.id]);
    expect(await countFound({ platform: 'gmail' }, db)).toBe(1);

    // The inquiries themselves are contacts (logged now): move them into the past.
    await db.touchpoints.toCollection().modify({ at: NOW - 90 * DAY });
    await addTouchpoint({ buyerId: gmail.id, channel: 'email', direction: 'out', kind: 'first-reply', at: NOW - 40 * DAY, note: '' }, db);
    await addTouchpoint({ buyerId: ali.id, channel: 'email', direction: 'out', kind: 'first-reply', at: NOW - 2 * DAY, note: '' }, db);
    expect(await ids(db, { idleDays: 30 })).toEqual([gmail.id]);
    expect(await ids(db, { idleDays: 1 })).toEqual([ali.id, gmail.id]);
    expect(await ids(db, { idleDays: 30, query: 'buyer' })).toEqual([gmail.id]);
  });

  test('sorts by last contact, newest or name; the keyset pages neither repeat nor skip, filtered or not', async () => {
    const db = freshDb();
    const names = ['delta', 'Alpha', 'charlie', 'Écho', 'bravo', null];
    const rows = Array.from({ length: 60 }, (_, i) =>
      buyer(i, {
        name: names[i % names.length] ?? null,
        company: names[i % names.length] == null ? null : 'Co',
        stage: i % 3 === 0 ? 'quoted' : 'new',
        // Ties on purpose: buyers sharing a last contact and a creation time.
        lastContactAt: i % 4 === 0 ? null : NOW - Math.floor(i / 5) * DAY,
        createdAt: NOW - Math.floor(i / 7) * DAY,
      }),
    );
    await seed(db, rows);
    const all = await ids(db, { sort: 'name' });
    expect(all.slice(0, 10).map((id) => rows.find((r) => r.id === id)!.name)).toEqual(Array(10).fill('Alpha'));
    expect(rows.find((r) => r.id === all.at(-1))!.name).toBeNull(); // no name sorts last
    // Small bounds make this small book take a big book's paths: the order's index walked a few
    // rows at a time (a page may come back short, with "more" and where to go on).
    const tiny = { inMemoryMax: 5, walkMax: 9 };
    for (const sort of ['recent', 'newest', 'name'] as const) {
      for (const filter of [{}, { stage: 'quoted' as const }, { idleDays: 3 }, { stage: 'new' as const, idleDays: 3 }]) {
        const whole = await ids(db, { sort, ...filter });
        const label = `${sort} ${JSON.stringify(filter)}`;
        expect(await allPages(db, { sort, ...filter }, 7), label).toEqual(whole);
        expect(await allPages(db, { sort, ...filter, bounds: tiny }, 7), label + ' walked').toEqual(whole);
        expect(new Set(whole).size).toBe(whole.length);
      }
    }
    const newest = await ids(db, { sort: 'newest' });
    const created = newest.map((id) => rows.find((r) => r.id === id)!.createdAt);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  test('words typed in order that fill the page are the page: no word range is read, and the page is the exact one', async () => {
    const db = freshDb();
    // 40 buyers with the words in order, 20 with them the other way round (they rank after).
    const inOrder = Array.from({ length: 40 }, (_, i) => buyer(i, { name: `Jennifer Johnson ${i}`, lastContactAt: NOW - ((i * 7) % 40) * DAY }));
    const reversed = Array.from({ length: 20 }, (_, i) => buyer(100 + i, { name: `Johnson Jennifer ${i}`, lastContactAt: NOW }));
    await seed(db, [...inOrder, ...reversed]);
    // The exact page: in-order matches first, then the most recent contact, ties by id (descending).
    const expected = [...inOrder]
      .sort((a, b) => (b.lastContactAt ?? 0) - (a.lastContactAt ?? 0) || b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1))
      .slice(0, 10)
      .map((b) => b.id);
    const ranges: string[] = [];
    const where = db.buyers.where.bind(db.buyers);
    db.buyers.where = ((index: string) => (ranges.push(index), where(index))) as typeof db.buyers.where;
    const page = await findBuyers({ query: 'jennifer jo', limit: 10, now: NOW }, db);
    expect(page.buyers.map((b) => b.id)).toEqual(expected);
    expect(page.more).toBe(true);
    expect(ranges).toEqual(['phrases']);

    // Fewer in-order matches than the page: the words' ranges as before, every match found.
    ranges.length = 0;
    const all = await findBuyers({ query: 'jennifer jo', limit: 100, now: NOW }, db);
    expect(all.buyers.map((b) => b.id).slice(0, 40).sort()).toEqual(inOrder.map((b) => b.id).sort());
    expect(all.buyers).toHaveLength(60);
    expect(all.more).toBe(false);
    expect(ranges).toContain('searchTokens');
  });

  test("a word few buyers share is read alone: the other word's and the filters' ranges are not read, and the result is exact", async () => {
    const db = freshDb();
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => buyer(i, { name: `Mathis M${i}`, country: i % 2 ? 'FR' : 'DE', lastContactAt: NOW - i * DAY })),
      ...Array.from({ length: 60 }, (_, i) => buyer(100 + i, { name: `Marie M${i}`, country: 'FR', lastContactAt: NOW - i * DAY })),
    ];
    await seed(db, rows);
    const ranges: string[] = [];
    const where = db.buyers.where.bind(db.buyers);
    db.buyers.where = ((index: string) => (ranges.push(index), where(index))) as typeof db.buyers.where;
    // "mathis" holds 30 keys (under the row bound of 40); "m" every buyer, "country FR" 75.
    const page = await findBuyers({ query: 'm mathis', country: 'FR', limit: 100, now: NOW, bounds: { rowCap: 40 } }, db);
    const expected = rows.filter((r) => r.name!.startsWith('Mathis') && r.country === 'FR').map((r) => r.id);
    expect(page.buyers.map((b) => b.id).sort()).toEqual(expected.sort());
    expect(page.more).toBe(false);
    // The phrase ("m mathis" in order) is looked at first; then one word's range, nothing more.
    expect(ranges).toEqual(['phrases', 'searchTokens']);
  });

  /** The number of keys each `Collection.primaryKeys` call returns, for the rest of the test. */
  function countKeyReads(db: BuyerbookDB): number[] {
    const reads: number[] = [];
    const proto = db.Collection.prototype as { primaryKeys: (...a: unknown[]) => Promise<unknown[]> };
    const primaryKeys = proto.primaryKeys;
    proto.primaryKeys = async function (this: unknown, ...a: unknown[]) {
      const keys = await primaryKeys.apply(this, a);
      reads.push(keys.length);
      return keys;
    };
    onTestFinished(() => {
      proto.primaryKeys = primaryKeys;
    });
    return reads;
  }

  /** Counts every buyer row read (a hook Dexie calls for each row it reads, whatever the query). */
  function countRowReads(db: BuyerbookDB): { n: number } {
    const count = { n: 0 };
    db.buyers.hook('reading', (r) => (count.n++, r));
    return count;
  }

  test('a search narrowed by a broad filter reads rows only until the page is full', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 600 }, (_, i) => buyer(i, { name: `Jennifer ${i}`, stage: i % 2 ? 'quoted' : 'new', lastContactAt: NOW - i * 1000 }));
    await seed(db, rows);
    const reads = countRowReads(db);
    // Neither the word (600 keys) nor the stage (300) is under the key bound: a scan.
    const page = await findBuyers({ query: 'jennifer', stage: 'new', limit: 10, now: NOW, bounds: { keyCap: 100, rowCap: 100 } }, db);
    expect(page.buyers).toHaveLength(10);
    expect(page.buyers.every((b) => b.stage === 'new')).toBe(true);
    expect(page.more).toBe(true);
    // One slice (50 rows, half of them "new"), not the whole bounded scan (400 rows).
    expect(reads.n).toBeLessThanOrEqual(50);
  });

  test('rows the in-order read brought are not read again when the words are read', async () => {
    const db = freshDb();
    const inOrder = Array.from({ length: 30 }, (_, i) => buyer(i, { name: `Jennifer Johnson ${i}`, lastContactAt: NOW - i * DAY }));
    const reversed = Array.from({ length: 10 }, (_, i) => buyer(100 + i, { name: `Johnson Jennifer ${i}`, lastContactAt: NOW }));
    await seed(db, [...inOrder, ...reversed]);
    const reads = countRowReads(db);
    const page = await findBuyers({ query: 'jennifer joh', limit: 100, now: NOW }, db);
    expect(page.buyers).toHaveLength(40);
    expect(page.more).toBe(false);
    expect(page.buyers.slice(0, 30).map((b) => b.id).sort()).toEqual(inOrder.map((b) => b.id).sort());
    // 30 in order by the phrase, then only the 10 the words add.
    expect(reads.n).toBe(40);
  });

  test('a filter found too broad is not read again on the next keystroke, and still checked on every row', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 120 }, (_, i) => buyer(i, { name: `Jennifer Jo${i}`, company: `Firm ${i}`, stage: i % 3 ? 'quoted' : 'new', lastContactAt: NOW - i * 1000 }));
    await seed(db, rows);
    const ranges: string[] = [];
    const where = db.buyers.where.bind(db.buyers);
    db.buyers.where = ((index: string) => (ranges.push(index), where(index))) as typeof db.buyers.where;
    const tiny = { keyCap: 20, rowCap: 10 };
    const one = await findBuyers({ query: 'firm je', stage: 'new', limit: 5, now: NOW, bounds: tiny }, db);
    expect(ranges).toContain('stage');
    expect(one.buyers.every((b) => b.stage === 'new')).toBe(true);
    ranges.length = 0;
    const two = await findBuyers({ query: 'firm jen', stage: 'new', limit: 5, now: NOW, bounds: tiny }, db);
    expect(ranges).not.toContain('stage');
    expect(two.buyers).toHaveLength(5);
    expect(two.buyers.every((b) => b.stage === 'new')).toBe(true);
  });

  test("a broad filter's next pages do not read its keys again, and every page is still exact", async () => {
    const db = freshDb();
    const rows = Array.from({ length: 120 }, (_, i) =>
      buyer(i, { tags: i % 2 ? ['vip'] : [], stage: i % 3 ? 'quoted' : 'new', lastContactAt: NOW - i * 1000 }),
    );
    await seed(db, rows);
    const keyReads = countKeyReads(db);
    const sum = () => keyReads.reduce((n, k) => n + k, 0);
    // 60 vip and 40 "new" buyers: more than the 20 read into memory, so both are broad.
    const tiny = { inMemoryMax: 20 };
    for (const filter of [{ tag: 'vip' }, { stage: 'new' as const }, { tag: 'vip', stage: 'new' as const }]) {
      const label = JSON.stringify(filter);
      keyReads.length = 0;
      const first = await findBuyers({ ...filter, limit: 10, now: NOW, bounds: tiny }, db);
      expect(first.buyers, label).toHaveLength(10);
      expect(sum(), `${label}: the first page learns the filter is broad`).toBeGreaterThan(tiny.inMemoryMax);
      keyReads.length = 0;
      const second = await findBuyers({ ...filter, limit: 10, now: NOW, after: first.next!, bounds: tiny }, db);
      expect(second.buyers, label).toHaveLength(10);
      // The cursor's tie group (the cursor itself) and no more.
      expect(sum(), `${label}: the next page reads no filter keys`).toBeLessThanOrEqual(1);
      const want = rows
        .filter((r) => (!filter.tag || r.tags.includes(filter.tag)) && (!('stage' in filter) || r.stage === filter.stage))
        .sort((a, b) => b.lastContactAt! - a.lastContactAt!)
        .map((r) => r.id);
      expect(await allPages(db, { ...filter, bounds: tiny }, 7), label).toEqual(want);
    }
  });

  test('a word found too broad is not key-read again as the seller types on: its rows are scanned', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 120 }, (_, i) => buyer(i, { name: `Jennifer Jo${i}`, company: i % 4 ? null : 'Johnson Ltd', stage: i % 3 ? 'quoted' : 'new', lastContactAt: NOW - i * 1000 }));
    await seed(db, rows);
    const keyReads = countKeyReads(db);
    const tiny = { keyCap: 20, rowCap: 10 };
    // "jennifer" (120 buyers) is the most selective word by its length: found broad once...
    await findBuyers({ query: 'jennifer johnson', stage: 'new', limit: 5, now: NOW, bounds: tiny }, db);
    expect(keyReads.length).toBeGreaterThan(0);
    keyReads.length = 0;
    // ...then not read for keys again; the page is still right.
    const page = await findBuyers({ query: 'jennifer johnson l', stage: 'new', limit: 5, now: NOW, bounds: tiny }, db);
    expect(keyReads).toEqual([]);
    const want = rows.filter((r) => r.company === 'Johnson Ltd' && r.stage === 'new').map((r) => r.id);
    expect(page.buyers.length).toBeGreaterThan(0);
    expect(page.buyers.every((b) => want.includes(b.id))).toBe(true);
  });
});
