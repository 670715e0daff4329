/**
 * A restore writes each buyer once and computes its derived fields from the history it restored
 * (storage/backup/restore.ts): they must come out as the repositories' own paths compute them.
 * The file's own lastContactAt is wrong on purpose, so a restore that trusted the file would show.
 * Each restored buyer is checked against computeNextDue (next-due.ts, its own per-buyer path) and
 * against the history in the book.
 */
import { describe, expect, test } from 'vitest';
import { freshDb } from '../helpers';
import { writeBackup } from '../../../../storage/backup/write-backup';
import { restoreBackup } from '../../../../storage/backup/restore';
import { bulkImport } from '../../../../storage/bulk-import';
import { nameSortOf } from '../../../../storage/buyer-row';
import { computeNextDue } from '../../../../storage/next-due';
import type { BuyerbookDB } from '../../../../storage/db';
import { BUYERS, NOW, buyer, seedBook, touchpoint } from './book';

/** A backup of the test book in which every buyer's stored last contact is wrong. */
async function fileWithWrongLastContact(): Promise<Blob> {
  const source = freshDb();
  await seedBook(source);
  await source.buyers.toCollection().modify({ lastContactAt: 5 });
  return (await writeBackup({ now: NOW }, source)).blob;
}

/** Every buyer's derived fields agree with the book's history and with next-due's own path. */
async function expectDerivedRight(db: BuyerbookDB): Promise<void> {
  const rows = await db.buyers.toArray();
  for (const row of rows) {
    const tps = await db.touchpoints.where('buyerId').equals(row.id).toArray();
    const inqs = await db.inquiries.where('buyerId').equals(row.id).toArray();
    const latest = tps.length ? Math.max(...tps.map((t) => t.at)) : null;
    expect(row.lastContactAt, row.id).toBe(latest);
    expect(row.recency, row.id).toEqual([latest ?? 0, row.updatedAt]);
    expect(row.nameSort, row.id).toBe(nameSortOf(row));
    for (const p of [...inqs.map((i) => i.platform), ...row.platformIds.map((p) => p.platform)]) expect(row.platforms, row.id).toContain(p);
    const steps = await db.buyerSteps.get(row.id);
    // computeNextDue recomputes one buyer the slow way; nothing may move.
    const due = await computeNextDue(db, row.id, NOW);
    expect(row.nextDueAt ?? null, row.id).toBe(due);
    expect(await db.buyerSteps.get(row.id), row.id).toEqual(steps);
  }
  // A buyer with history has a step due (else the nextDueAt check above proves little).
  expect(rows.some((r) => r.nextDueAt != null)).toBe(true);
}

describe('derived fields after a restore', () => {
  test('replace: last contact, next due, name order and platforms come from the restored history', async () => {
    const blob = await fileWithWrongLastContact();
    const db = freshDb();
    await restoreBackup(blob, 'replace', { now: NOW }, db);
    expect(await db.buyers.count()).toBe(BUYERS.length);
    const zh = (await db.buyers.get('b-1-zh'))!;
    expect(zh.lastContactAt).toBe(1_735_689_600_000);
    // Its inquiry came through Alibaba; the buyer row itself names no platform id.
    expect(zh.platforms).toEqual(['alibaba']);
    await expectDerivedRight(db);
  });

  test('merge: the merged and the new buyers are recomputed with the history that joined them', async () => {
    const blob = await fileWithWrongLastContact();
    const db = freshDb();
    await bulkImport(
      {
        buyers: [buyer('local-ali', { name: 'Mohammed Ali', emails: ['m.ali@gulf.example'] })],
        inquiries: [],
        touchpoints: [touchpoint('t-local', 'local-ali', { at: 1_650_000_000_000 })],
      },
      db,
      NOW,
    );
    await restoreBackup(blob, 'merge', { now: NOW }, db);
    const ali = (await db.buyers.get('local-ali'))!;
    // t-3 (at 0) and the made-in-china inquiry i-2 followed the Arabic buyer here.
    expect(ali.lastContactAt).toBe(1_650_000_000_000);
    expect(ali.platforms).toContain('made-in-china');
    expect((await db.buyers.get('b-1-zh'))!.lastContactAt).toBe(1_735_689_600_000);
    await expectDerivedRight(db);
  });
});

test('a replace of many buyer chunks stays in its one transaction (the first pass writes none of them)', async () => {
  const source = freshDb();
  const many = Array.from({ length: 2_100 }, (_, n) => buyer(`b-${String(n).padStart(5, '0')}`, { name: `Buyer ${n}` }));
  await bulkImport({ buyers: many, inquiries: [], touchpoints: [touchpoint('t-1', 'b-00007', { at: 1_700_000_000_000 })] }, source, NOW);
  const { blob } = await writeBackup({ now: NOW }, source);
  const db = freshDb();
  await restoreBackup(blob, 'replace', { now: NOW }, db);
  expect(await db.buyers.count()).toBe(2_100);
  expect((await db.buyers.get('b-00007'))!.lastContactAt).toBe(1_700_000_000_000);
});
