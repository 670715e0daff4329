/**
 * Bulk import of whole rows (ids and times kept): the benchmark's seeding, and the write side of
 * a restore. Rows go through the repositories' own bulk writers (bulkPutBuyers: tidy + toBuyerRow
 * with zod validation and derived index fields; bulkPutInquiries / bulkPutTouchpoints: zod), so
 * an imported row is exactly what the repositories would have stored. Per-row repository calls
 * (createBuyer, addTouchpoint) would take hours for a million touchpoints: one transaction per
 * batch and Dexie bulkPut make it minutes.
 *
 * A batch lands whole or not at all: every row is validated before anything is written, and the
 * three tables are written in one transaction, so a bad row can never leave half a batch behind.
 */
import { bulkPutBuyers } from './buyers-repo';
import { getDb, type BuyerbookDB } from './db';
import { computeNextDueMany, groupByBuyer, nextDueTables, withNextDue, writeSteps, type WithSteps } from './next-due';
import { getSettings } from './settings-repo';
import { bulkPutInquiries } from './inquiries-repo';
import type { Buyer, Inquiry, Touchpoint } from './schema';
import { bulkPutTouchpoints } from './touchpoints-repo';
import { NotFoundError } from './validate';

export interface ImportRows {
  buyers: readonly Buyer[];
  inquiries: readonly Inquiry[];
  touchpoints: readonly Touchpoint[];
}

export interface ImportCounts {
  buyers: number;
  inquiries: number;
  touchpoints: number;
}

/**
 * Writes a batch of buyers with their inquiries and touchpoints. An inquiry or touchpoint must
 * belong to a buyer of the batch or one already in the book (else NotFoundError, nothing
 * written): a restore or import must never leave rows no buyer owns. Existing rows with the same
 * id are replaced, so importing the same batch twice is harmless.
 */
export async function bulkImport(rows: ImportRows, db: BuyerbookDB = getDb()): Promise<ImportCounts> {
  await db.transaction('rw', nextDueTables(db), async () => {
    const others = await assertOwners(rows, db);
    // Next steps of the batch's buyers from the batch's own rows (a restore or import brings a
    // buyer's whole history with them); buyers already in the book are read again whole.
    const settings = (await getSettings(db)).nextSteps;
    const now = Date.now();
    const tps = groupByBuyer(rows.touchpoints);
    const inqs = groupByBuyer(rows.inquiries);
    const computed: WithSteps[] = [];
    await bulkPutBuyers(rows.buyers, db, (r) => {
      const x = withNextDue(r, { touchpoints: tps.get(r.id) ?? [], inquiries: inqs.get(r.id) ?? [], states: [] }, settings, now);
      computed.push(x);
      return x.row;
    });
    await writeSteps(db, computed);
    await bulkPutInquiries(rows.inquiries, db);
    await bulkPutTouchpoints(rows.touchpoints, db);
    await computeNextDueMany(db, others, now);
  });
  return { buyers: rows.buyers.length, inquiries: rows.inquiries.length, touchpoints: rows.touchpoints.length };
}

/** Every buyerId referred to is in the batch or in the book (a single bulkGet for the rest); returns the latter. */
async function assertOwners(rows: ImportRows, db: BuyerbookDB): Promise<string[]> {
  const inBatch = new Set(rows.buyers.map((b) => b.id));
  const others = new Set<string>();
  for (const r of rows.inquiries) if (!inBatch.has(r.buyerId)) others.add(r.buyerId);
  for (const r of rows.touchpoints) if (!inBatch.has(r.buyerId)) others.add(r.buyerId);
  if (others.size === 0) return [];
  const ids = [...others];
  const found = await db.buyers.bulkGet(ids);
  const missing = ids.find((_, i) => !found[i]);
  if (missing) throw new NotFoundError('Buyer', missing);
  return ids;
}
