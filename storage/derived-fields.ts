/**
 * The one place where a buyer's derived fields are recomputed: lastContactAt (from the buyer's
 * touchpoints), and the index fields toBuyerRow derives from the row (searchTokens, phrases,
 * matchKeys, platformKeys, recency, platforms, nameSort; products asked about and inquiry platforms
 * are read from the buyer's inquiries). Every write path that can change them (create, update,
 * capture save, merge, add/edit/delete/move a touchpoint or inquiry, delete, bulk put) calls
 * refreshDerived inside its own transaction, so a new derived field (next steps' due date) is
 * added here once and is right on every path; tests/unit/storage/derived-fields.test.ts walks
 * them all.
 */
import Dexie from 'dexie';
import type { BuyerbookDB } from './db';
import { fromBuyerRow, toBuyerRow, type BuyerContext } from './buyer-row';
import type { BuyerRow } from './schema';

/**
 * The tables a write transaction holds so refreshDerived can read all it may need: a derived
 * field may depend on the buyer, their inquiries and touchpoints, and the seller's settings.
 */
export const bookTables = (db: BuyerbookDB) => [db.buyers, db.inquiries, db.touchpoints, db.settings];

/** Runs `fn` in one read-write transaction over the whole book (joins the caller's, if any). */
export function writeBook<T>(db: BuyerbookDB, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', bookTables(db), fn);
}

/** Latest touchpoint time of a buyer, or null when the timeline is empty. */
export async function latestContactAt(db: BuyerbookDB, buyerId: string): Promise<number | null> {
  const last = await db.touchpoints
    .where('[buyerId+at]')
    .between([buyerId, Dexie.minKey], [buyerId, Dexie.maxKey], true, true)
    .last();
  return last?.at ?? null;
}

/** Product titles a buyer's search keeps: the newest inquiries' (a buyer's token count is capped anyway). */
const MAX_PRODUCTS = 20;

/** What a buyer's derived fields take from their inquiries: products asked about, platforms. */
export async function buyerContext(db: BuyerbookDB, buyerId: string): Promise<BuyerContext> {
  const inquiries = await db.inquiries.where('buyerId').equals(buyerId).toArray();
  inquiries.sort((a, b) => (b.receivedAt ?? b.capturedAt) - (a.receivedAt ?? a.capturedAt));
  const products = [...new Set(inquiries.map((i) => i.productTitle?.trim()).filter((t): t is string => !!t))];
  return { products: products.slice(0, MAX_PRODUCTS), platforms: [...new Set(inquiries.map((i) => i.platform))] };
}

const sameRow = (a: BuyerRow, b: BuyerRow) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Recomputes the derived fields of these buyers (ids of deleted buyers are skipped) and writes
 * the rows that changed. Runs inside the caller's transaction (it joins it; a caller whose
 * transaction lacks one of bookTables fails loudly). `now` is the time the write happens, for
 * derived fields that depend on it.
 */
export async function refreshDerived(db: BuyerbookDB, buyerIds: readonly string[], now: number = Date.now()): Promise<void> {
  void now; // no derived field depends on the time yet; next steps' due date will
  const ids = [...new Set(buyerIds)];
  if (!ids.length) return;
  await writeBook(db, async () => {
    const rows = await db.buyers.bulkGet(ids);
    const latest = await Promise.all(ids.map((id, i) => (rows[i] ? latestContactAt(db, id) : null)));
    const context = await Promise.all(ids.map((id, i) => (rows[i] ? buyerContext(db, id) : null)));
    const changed: BuyerRow[] = [];
    rows.forEach((row, i) => {
      if (!row) return;
      const next = toBuyerRow({ ...fromBuyerRow(row), lastContactAt: latest[i] ?? null }, context[i] ?? undefined);
      if (!sameRow(row, next)) changed.push(next);
    });
    if (changed.length) await db.buyers.bulkPut(changed);
  });
}
