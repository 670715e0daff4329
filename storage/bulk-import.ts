/**
 * Bulk import of whole rows (ids and times kept): the benchmark's seeding, and the write side of
 * a restore. Inquiries and touchpoints go through the repositories' row writers (putInquiryRows /
 * putTouchpointRows: zod), then the batch's buyers are written once, every derived field computed
 * from the history just written (deriveBuyers: tidy + toBuyerRow with zod validation, last contact,
 * next steps), so an imported row is exactly what the repositories would have stored. Writing the
 * buyers first and refreshing them after would write each buyer row two or three times, and a
 * buyer row's index entries are most of what a write costs. Per-row repository calls
 * (createBuyer, addTouchpoint) would take hours for a million touchpoints: one transaction per
 * batch and Dexie bulkPut make it minutes.
 *
 * A batch lands whole or not at all: every row is validated before anything is written, and the
 * three tables are written in one transaction, so a bad row can never leave half a batch behind.
 */
import { getDb, type BuyerbookDB } from './db';
import { deriveBuyers, putDerived, refreshDerived, writeBook } from './derived-fields';
import { putInquiryRows } from './inquiries-repo';
import type { Buyer, Inquiry, Touchpoint } from './schema';
import { putTouchpointRows } from './touchpoints-repo';
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
export async function bulkImport(rows: ImportRows, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<ImportCounts> {
  await writeBook(db, async () => {
    const others = await assertOwners(rows, db);
    await putInquiryRows(rows.inquiries, db);
    await putTouchpointRows(rows.touchpoints, db);
    await putDerived(db, await deriveBuyers(db, rows.buyers, now));
    // Buyers already in the book that got history from this batch: recomputed once for the batch.
    await refreshDerived(db, others, now);
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
