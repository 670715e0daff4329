/**
 * Version 3 adds the `nextDueAt` index on buyers, the `buyerSteps` and `stepStates` tables (next steps, issue
 * 11). Rows are written here exactly as version 2 stored them (literal objects, frozen: derived
 * fields of v2 with `phrases`, no `nextDueAt`), then the database is opened with every version:
 * every row survives unchanged, and the backfill gives each buyer its steps and due time, which
 * the Today view then reads as one index range.
 */
import { afterEach, expect, test } from 'vitest';
import { openDb, type BuyerbookDB } from '../../../../storage/db';
import { LATEST_VERSION, NEXT_DUE_BACKFILL_KEY, SCHEMA_VERSIONS } from '../../../../storage/versions';
import { getBuyer } from '../../../../storage/buyers-repo';
import { listTimeline } from '../../../../storage/touchpoints-repo';
import { backfillNextDue } from '../../../../storage/next-due-backfill';
import { getSettings } from '../../../../storage/settings-repo';
import { DEFAULT_NEXT_STEP_SETTINGS } from '../../../../lib/next-steps/settings';

const opened: BuyerbookDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const T0 = Date.parse('2026-11-17T14:00:00Z');

const V2_BUYERS = [
  {
    id: 'b-mike',
    name: 'Mike Turner',
    company: 'Turner Supply LLC',
    country: 'US',
    emails: ['mike@turner.example'],
    phones: [],
    whatsapp: null,
    wechat: null,
    linkedin: null,
    website: null,
    platformIds: [{ platform: 'alibaba', id: '77' }],
    tags: [],
    stage: 'new',
    notes: '',
    createdAt: T0,
    updatedAt: T0,
    lastContactAt: T0,
    platformKeys: ['alibaba:77'],
    searchTokens: ['mike', 'turner', 'supply', 'llc', 'mike@turner.example', 'turner.example', 'example'],
    phrases: ['mike turner', 'turner supply', 'supply llc'],
    matchKeys: ['c:turnersupply', 'n:miketurner'],
    recency: [T0, T0],
  },
  {
    id: 'b-lost',
    name: 'Old Lead',
    company: null,
    country: null,
    emails: [],
    phones: [],
    whatsapp: null,
    wechat: null,
    linkedin: null,
    website: null,
    platformIds: [],
    tags: ['cold'],
    stage: 'lost',
    notes: '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    lastContactAt: null,
    platformKeys: [],
    searchTokens: ['old', 'lead', 'cold'],
    phrases: ['old lead'],
    matchKeys: ['n:oldlead'],
    recency: [0, 1_700_000_000_000],
  },
];
const V2_INQUIRY = {
  id: 'i-1', buyerId: 'b-mike', platform: 'alibaba', platformInquiryId: '88120045', url: 'https://message.alibaba.com/x',
  subject: 'Brass ball valves DN20', productTitle: null, productId: null, quantity: 500, unit: 'pieces', message: 'Quote please',
  receivedAt: T0, capturedAt: T0,
};
const V2_TOUCHPOINT = { id: 't-1', buyerId: 'b-mike', channel: 'alibaba', direction: 'in', kind: 'inquiry', at: T0, note: 'Brass ball valves DN20', inquiryId: 'i-1' };
const V2_SETTINGS = [
  { key: 'ownIdentity', value: { names: ['Lily'], companies: [], emails: [], phones: [] } },
  { key: 'lastBackupAt', value: 5 },
];

test('v2 rows survive, gain their next steps from the backfill, and Today reads them from the index', async () => {
  const name = `buyerbook-migration-v3-${Date.now()}`;
  const v2 = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 2) });
  await v2.buyers.bulkPut(structuredClone(V2_BUYERS) as never[]);
  await v2.inquiries.put(structuredClone(V2_INQUIRY) as never);
  await v2.touchpoints.put(structuredClone(V2_TOUCHPOINT) as never);
  await v2.settings.bulkPut(structuredClone(V2_SETTINGS));
  v2.close();

  const db = openDb(name);
  opened.push(db);
  await db.open();
  expect(db.verno).toBe(LATEST_VERSION);
  // Right after the upgrade: every row as it was, and the marker that asks for the backfill.
  expect(await db.buyers.orderBy('id').toArray()).toEqual([V2_BUYERS[1], V2_BUYERS[0]]);
  expect(await db.inquiries.toArray()).toEqual([V2_INQUIRY]);
  expect(await db.touchpoints.toArray()).toEqual([V2_TOUCHPOINT]);
  expect(await db.settings.get(NEXT_DUE_BACKFILL_KEY)).toEqual({ key: NEXT_DUE_BACKFILL_KEY, value: '' });
  expect(await db.stepStates.count()).toBe(0);
  expect(await db.buyerSteps.count()).toBe(0);
  const settings = await getSettings(db);
  expect(settings).toMatchObject({ ownIdentity: { names: ['Lily'] }, lastBackupAt: 5 });
  expect(settings.nextSteps).toEqual(DEFAULT_NEXT_STEP_SETTINGS); // an old settings book gets the defaults

  // The backfill, one buyer a batch: resumable, and a no-op once done.
  const now = T0 + 3600_000;
  expect(await backfillNextDue({ batch: 1, maxBatches: 1, now }, db)).toEqual({ filled: 1, done: false });
  expect(await backfillNextDue({ batch: 1, now }, db)).toEqual({ filled: 1, done: true });
  expect(await backfillNextDue({ batch: 1, now }, db)).toEqual({ filled: 0, done: true });

  const mike = (await db.buyers.get('b-mike'))!;
  // Reply within 24 hours: Wednesday 09:00 in New York.
  expect(mike.nextDueAt).toBe(Date.parse('2026-11-18T14:00:00Z'));
  expect((await db.buyerSteps.get('b-mike'))?.steps.map((s) => [s.action, s.channel, s.follows.id])).toEqual([['reply', 'email', 'i-1']]);
  const lost = (await db.buyers.get('b-lost'))!;
  expect(lost.nextDueAt).toBeUndefined(); // a lost buyer has no step, and is not in the index
  expect(await db.buyerSteps.get('b-lost')).toBeUndefined();
  expect(await db.buyers.where('nextDueAt').below(Date.parse('2026-12-01T00:00:00Z')).primaryKeys()).toEqual(['b-mike']);
  // Nothing else was touched.
  const { nextDueAt: _n, ...rest } = mike;
  expect(rest).toEqual(V2_BUYERS[0]);
  expect(await getBuyer('b-mike', db)).not.toHaveProperty('nextDueAt');
  expect((await listTimeline('b-mike', {}, db)).map((t) => t.id)).toEqual(['t-1']);
});

test('a book created at version 3 has no backfill due', async () => {
  const db = openDb(`buyerbook-migration-v3-new-${Date.now()}`);
  opened.push(db);
  await db.open();
  expect(await backfillNextDue({}, db)).toEqual({ filled: 0, done: true });
});
