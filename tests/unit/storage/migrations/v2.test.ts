/**
 * Version 2 adds `*phrases` to buyers, filled by storage/phrase-backfill.ts after the upgrade.
 * Rows are written here exactly as version 1 stored them (literal objects: the derived fields of
 * v1 and no `phrases`), then the database is opened with every version: each row must survive
 * unchanged, be found by search at once, and gain its phrases from the backfill and nothing else.
 */
import { afterEach, expect, test } from 'vitest';
import { openDb, type BuyerbookDB } from '../../../../storage/db';
import { SCHEMA_VERSIONS } from '../../../../storage/versions';
import { findBuyers, getBuyer } from '../../../../storage/buyers-repo';
import { listTimeline } from '../../../../storage/touchpoints-repo';
import { backfillPhrases } from '../../../../storage/phrase-backfill';
import { getSettings } from '../../../../storage/settings-repo';

const opened: BuyerbookDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const v1Buyer = (id: string, over: Record<string, unknown>) => ({
  id,
  name: null,
  company: null,
  country: null,
  emails: [],
  phones: [],
  whatsapp: null,
  wechat: null,
  linkedin: null,
  website: null,
  platformIds: [],
  tags: [],
  stage: 'new',
  notes: '',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  lastContactAt: null,
  platformKeys: [],
  matchKeys: [],
  recency: [0, 1_700_000_000_000],
  ...over,
});

test('v1 buyers gain their phrases, and everything else survives', async () => {
  const name = `buyerbook-migration-v2-${Date.now()}`;
  const v1 = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 1) });
  const jennifer = v1Buyer('b-jennifer', {
    name: 'Jennifer Johnson',
    company: 'Pioneer Trading Co., Ltd.',
    emails: ['jennifer@pioneer.example'],
    tags: ['sample-requested'],
    stage: 'quoted',
    lastContactAt: 1_750_000_000_000,
    recency: [1_750_000_000_000, 1_700_000_000_000],
    searchTokens: ['jennifer', 'johnson', 'pioneer', 'trading', 'co', 'ltd', 'jennifer@pioneer.example', 'pioneer.example', 'example', 'sample', 'requested'],
    matchKeys: ['c:pioneertrading', 'n:jenniferjohnson'],
  });
  const wang = v1Buyer('b-wang', { name: '王伟', company: '深圳市华强五金有限公司', searchTokens: ['王', '伟', '王伟', '五金'] });
  const bare = v1Buyer('b-bare', { searchTokens: [] });
  await v1.buyers.bulkPut([jennifer, wang, bare] as never[]);
  await v1.touchpoints.put({ id: 't-1', buyerId: 'b-jennifer', channel: 'email', direction: 'out', kind: 'quote-sent', at: 1_750_000_000_000, note: 'FOB', inquiryId: null } as never);
  expect(await findBuyers({ query: 'Jennifer Jo', limit: 10 }, v1).catch(() => 'no phrases index')).toBe('no phrases index');
  v1.close();

  // Opened at version 2 exactly: later versions have their own tests.
  const db = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 2) });
  opened.push(db);
  const dump = async () => db.buyers.orderBy('id').toArray();
  // Right after the upgrade: every row as it was, and found by search through its tokens.
  expect(await dump()).toEqual([bare, jennifer, wang]);
  expect(db.verno).toBe(2);
  expect((await findBuyers({ query: 'Jennifer Jo', limit: 10 }, db)).buyers.map((b) => b.id)).toEqual(['b-jennifer']);
  expect((await getSettings(db)).ownIdentity.names).toEqual([]); // the marker is no setting

  // The backfill, in batches of two rows: resumable, and a no-op once done.
  expect(await backfillPhrases({ batch: 2, maxBatches: 1 }, db)).toEqual({ filled: 2, done: false });
  expect(await backfillPhrases({ batch: 2 }, db)).toEqual({ filled: 1, done: true });
  expect(await backfillPhrases({ batch: 2 }, db)).toEqual({ filled: 0, done: true });

  const rows = await dump();
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get('b-jennifer')!.phrases).toEqual(['jennifer johnson', 'pioneer trading', 'trading co', 'co ltd', 'sample requested']);
  expect(byId.get('b-wang')!.phrases).toEqual([]); // CJK: the grams already keep the order
  expect(byId.get('b-bare')!.phrases).toEqual([]);
  // Nothing else was touched: every v1 field is as it was written.
  for (const old of [jennifer, wang, bare]) {
    const { phrases: _p, ...rest } = byId.get(old.id)!;
    expect(rest).toEqual(old);
  }
  // Read through the repositories in the new shape, and found through the phrase index.
  expect((await getBuyer('b-jennifer', db))?.name).toBe('Jennifer Johnson');
  expect(await getBuyer('b-jennifer', db)).not.toHaveProperty('phrases');
  expect((await listTimeline('b-jennifer', {}, db)).map((t) => t.id)).toEqual(['t-1']);
  expect(await db.buyers.where('phrases').startsWith('jennifer jo').primaryKeys()).toEqual(['b-jennifer']);
  const found = await findBuyers({ query: 'Jennifer Jo', limit: 10 }, db);
  expect(found).toEqual({ buyers: [expect.objectContaining({ id: 'b-jennifer' })], more: false, next: null });
  expect((await findBuyers({ query: 'sample-req', limit: 10 }, db)).buyers.map((b) => b.id)).toEqual(['b-jennifer']);
  expect((await findBuyers({ query: '五金', limit: 10 }, db)).buyers.map((b) => b.id)).toEqual(['b-wang']);
});

test('a book created at version 2 has no backfill due', async () => {
  const db = openDb(`buyerbook-migration-v2-new-${Date.now()}`);
  opened.push(db);
  await db.open();
  expect(await backfillPhrases({}, db)).toEqual({ filled: 0, done: true });
});
