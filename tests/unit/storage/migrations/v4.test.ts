/**
 * Version 4 adds the find indexes (country, *platforms, createdAt, nameSort), filled by
 * storage/derived-backfill.ts after the upgrade. Rows are written here exactly as version 2 stored
 * them (a frozen literal: v2's derived fields, no platforms or nameSort, no country or product
 * words in the tokens), then the database is opened with every version: each row must survive
 * unchanged, still be found by search at once, and gain its new derived fields from the backfill.
 */
import { afterEach, expect, test } from 'vitest';
import { openDb, type BuyerbookDB } from '../../../../storage/db';
import { DERIVED_BACKFILL_KEY, LATEST_VERSION, SCHEMA_VERSIONS } from '../../../../storage/versions';
import { findBuyers, getBuyer } from '../../../../storage/buyers-repo';
import { backfillDerived } from '../../../../storage/derived-backfill';
import { listTimeline } from '../../../../storage/touchpoints-repo';

const opened: BuyerbookDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const v2Buyer = (id: string, over: Record<string, unknown>) => ({
  id, name: null, company: null, country: null, emails: [], phones: [], whatsapp: null, wechat: null, linkedin: null,
  website: null, platformIds: [], tags: [], stage: 'new', notes: '', createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000, lastContactAt: null, platformKeys: [], matchKeys: [], recency: [0, 1_700_000_000_000],
  searchTokens: [], phrases: [], ...over,
});

test('v2 buyers survive, are found at once, and gain platforms, name order, country and product words', async () => {
  const name = `buyerbook-migration-v4-${Date.now()}`;
  const v2 = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 2) });
  const jonas = v2Buyer('b-jonas', {
    name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE', stage: 'quoted',
    platformIds: [{ platform: 'alibaba', id: '2215408763921' }], platformKeys: ['alibaba:2215408763921'],
    searchTokens: ['jonas', 'becker', 'haustechnik', 'gmbh', '2215408763921'], phrases: ['jonas becker', 'becker haustechnik', 'haustechnik gmbh'],
    matchKeys: ['c:beckerhaustechnik', 'n:beckerjonas'], createdAt: 1_700_000_100_000, updatedAt: 1_700_000_100_000,
    lastContactAt: 1_750_000_000_000, recency: [1_750_000_000_000, 1_700_000_100_000],
  });
  const ana = v2Buyer('b-ana', { name: 'Ana Costa', country: 'BR', searchTokens: ['ana', 'costa'], phrases: ['ana costa'], matchKeys: ['n:anacosta'] });
  const bare = v2Buyer('b-bare', {});
  await v2.buyers.bulkPut([jonas, ana, bare] as never[]);
  await v2.inquiries.put({
    id: 'i-1', buyerId: 'b-ana', platform: 'gmail', platformInquiryId: null, url: 'https://mail.google.com/', subject: 'Valves',
    productTitle: 'DN20 forged brass ball valve', productId: null, quantity: 500, unit: 'pieces', message: null, receivedAt: null,
    capturedAt: 1_700_000_000_000,
  });
  await v2.touchpoints.put({ id: 't-1', buyerId: 'b-jonas', channel: 'email', direction: 'out', kind: 'quote-sent', at: 1_750_000_000_000, note: 'FOB', inquiryId: null } as never);
  v2.close();

  const db = openDb(name);
  opened.push(db);
  const dump = async () => db.buyers.orderBy('id').toArray();
  expect(await dump()).toEqual([ana, bare, jonas]);
  expect(db.verno).toBe(LATEST_VERSION);
  expect(await db.settings.get(DERIVED_BACKFILL_KEY)).toEqual({ key: DERIVED_BACKFILL_KEY, value: '' });
  // Found by its v2 tokens right after the upgrade, and by country (a stored field: IndexedDB
  // indexes it when the index is made); the derived platforms wait for the backfill.
  expect((await findBuyers({ query: 'becker' }, db)).buyers.map((b) => b.id)).toEqual(['b-jonas']);
  expect((await findBuyers({ country: 'DE' }, db)).buyers.map((b) => b.id)).toEqual(['b-jonas']);
  expect((await findBuyers({ platform: 'gmail' }, db)).buyers).toEqual([]);

  expect(await backfillDerived({ batch: 2, maxBatches: 1 }, db)).toEqual({ done: 2, finished: false });
  expect(await backfillDerived({ batch: 2 }, db)).toEqual({ done: 1, finished: true });
  expect(await backfillDerived({ batch: 2 }, db)).toEqual({ done: 0, finished: true });
  expect(await db.settings.get(DERIVED_BACKFILL_KEY)).toBeUndefined();

  const rows = new Map((await dump()).map((r) => [r.id, r]));
  expect(rows.get('b-jonas')).toMatchObject({ platforms: ['alibaba'], nameSort: 'jonas becker', lastContactAt: 1_750_000_000_000 });
  expect(rows.get('b-ana')).toMatchObject({ platforms: ['gmail'], nameSort: 'ana costa' });
  expect(rows.get('b-bare')).toMatchObject({ platforms: [], nameSort: '\uffff' });
  // Every field the seller wrote is as it was.
  for (const old of [jonas, ana, bare]) {
    // nextDueAt is next steps' (version 3), computed on the same write path.
    const { platforms: _p, nameSort: _n, searchTokens: _s, nextDueAt: _d, ...rest } = rows.get(old.id)!;
    const { searchTokens: _os, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
  }
  const ids = async (o: Parameters<typeof findBuyers>[0]) => (await findBuyers(o, db)).buyers.map((b) => b.id);
  expect(await ids({ country: 'DE' })).toEqual(['b-jonas']);
  expect(await ids({ platform: 'gmail' })).toEqual(['b-ana']);
  expect(await ids({ query: '德国' })).toEqual(['b-jonas']);
  expect(await ids({ query: 'ball valve' })).toEqual(['b-ana']);
  expect(await ids({ sort: 'name' })).toEqual(['b-ana', 'b-jonas', 'b-bare']);
  expect(await ids({ sort: 'newest' })).toEqual(['b-jonas', 'b-bare', 'b-ana']);
  expect((await getBuyer('b-jonas', db))).not.toHaveProperty('platforms');
  expect((await listTimeline('b-jonas', {}, db)).map((t) => t.id)).toEqual(['t-1']);
});

test('a book created at version 4 has no backfill due', async () => {
  const db = openDb(`buyerbook-migration-v4-new-${Date.now()}`);
  opened.push(db);
  await db.open();
  expect(await backfillDerived({}, db)).toEqual({ done: 0, finished: true });
});
