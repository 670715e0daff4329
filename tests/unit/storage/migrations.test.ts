/**
 * Schema migrations (storage/versions.ts).
 *
 * (a) Every version N > 1 must have its own test, tests/unit/storage/migrations/v<N>.test.ts.
 *     That test seeds data the way version N - 1 wrote it and checks it after the upgrade:
 *
 *       const old = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= N - 1) });
 *       await old.buyers.bulkPut([...rows exactly as version N - 1 stored them, derived fields included...]);
 *       old.close();
 *       const db = openDb(name);            // all versions: Dexie runs the upgrade to N
 *       ...expect every row to be there, in the new shape, readable through the repositories...
 *
 *     Write the old rows as literal objects (or with a copy of the old row builder kept in the
 *     test), not with today's repositories: they write the new shape, which would test nothing.
 * (b) Version 1 (no previous version): data written with the v1 schema survives closing and
 *     re-opening with every version declared, row for row.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb, type BuyerbookDB } from '../../../storage/db';
import { SCHEMA_VERSIONS, LATEST_VERSION, type SchemaVersion } from '../../../storage/versions';
import { saveCapture } from '../../../storage/capture-repo';
import { createBuyer, findBuyers } from '../../../storage/buyers-repo';
import { addTouchpoint } from '../../../storage/touchpoints-repo';
import { updateSettings } from '../../../storage/settings-repo';
import { capture, newBuyer } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));

/** Versions > 1 whose migration test file is missing. */
export function missingMigrationTests(versions: readonly SchemaVersion[], exists: (path: string) => boolean): number[] {
  return versions.filter((v) => v.version > 1 && !exists(join(here, 'migrations', `v${v.version}.test.ts`))).map((v) => v.version);
}

describe('schema versions', () => {
  // Versions only ever go up (Dexie accepts a gap, never a step back).
  test('versions start at 1 and only go up', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
    expect(LATEST_VERSION).toBe(numbers.at(-1));
  });

  test('every version after 1 has its migration test', () => {
    expect(missingMigrationTests(SCHEMA_VERSIONS, existsSync)).toEqual([]);
  });

  test('the check fails when a version has no test', () => {
    const withV2 = [...SCHEMA_VERSIONS, { version: 99, stores: {} }];
    expect(missingMigrationTests(withV2, existsSync)).toEqual([99]);
    expect(missingMigrationTests(withV2, () => false)).toEqual(withV2.filter((v) => v.version > 1).map((v) => v.version));
  });
});

const opened: BuyerbookDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('version 1', () => {
  test('rows written with the v1 schema survive re-opening with every version', async () => {
    const name = `buyerbook-migration-v1-${Date.now()}`;
    const v1 = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 1) });
    const saved = await saveCapture(
      capture('alibaba', { name: 'Jonas Becker', company: 'Becker Haustechnik GmbH', country: 'DE', emails: ['j.becker@becker-haustechnik.de'], phones: ['+4915112345678'], platformBuyerId: '2215408763921' },
        { platformInquiryId: 'INQ-1', subject: 'Brass taps', quantity: 500, unit: 'pieces', receivedAt: '2026-11-18T09:42:00Z', message: 'Quote please' }),
      {}, v1);
    await saveCapture(capture('gmail', { name: '王伟', company: '深圳市华强五金有限公司', emails: ['wang@hq.cn'] }, { subject: '询价', receivedAt: '2026-11-19T01:00:00Z' }), {}, v1);
    const manual = await createBuyer(newBuyer({ name: 'محمد الحسن', whatsapp: '+971501234567', tags: ['vip'] }), v1);
    await addTouchpoint({ buyerId: manual.id, channel: 'whatsapp', direction: 'out', kind: 'catalogue-sent', at: 1_700_000_000_000, note: 'PDF' }, v1);
    await addTouchpoint({ buyerId: saved.buyer.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: 1_800_000_000_000, note: '', inquiryId: saved.inquiry!.id }, v1);
    await updateSettings({ lastBackupAt: 5, ownIdentity: { names: ['Li'], companies: [], emails: ['me@x.cn'], phones: [] } }, v1);
    const dump = async (db: BuyerbookDB) => ({
      buyers: await db.buyers.orderBy('id').toArray(),
      inquiries: await db.inquiries.orderBy('id').toArray(),
      touchpoints: await db.touchpoints.orderBy('id').toArray(),
      // Later upgrades may leave their own bookkeeping rows ("backfill:..."); the seller's settings stay.
      settings: (await db.settings.orderBy('key').toArray()).filter((r) => !r.key.startsWith('backfill:')),
    });
    const before = await dump(v1);
    expect(before.buyers).toHaveLength(3);
    v1.close();

    const latest = openDb(name);
    opened.push(latest);
    expect(await dump(latest)).toEqual(before);
    expect(latest.verno).toBe(LATEST_VERSION);
    expect((await findBuyers({ query: '五金' }, latest)).buyers.map((b) => b.name)).toEqual(['王伟']);
  });
});
