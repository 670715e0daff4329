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
import { computeNextDueMany } from './next-due';
import type { BuyerRow } from './schema';

/**
 * The tables a write transaction holds so refreshDerived can read all it may need: a derived
 * field may depend on the buyer, their inquiries and touchpoints, and the seller's settings.
 */
export const bookTables = (db: BuyerbookDB) =>
  // The step tables exist from version 3 on (a migration test may open an older schema).
  [db.buyers, db.inquiries, db.touchpoints, db.settings, db.stepStates, db.buyerSteps].filter((t) => !!t);

/** Runs `fn` in one read-write transaction over the whole book (joins the caller's, if any). */
export function writeBook<T>(db: BuyerbookDB, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', bookTables(db), fn);
}

/** Latest touchpoint time of a buyer, or null when the timeline is empty. */
export async function latestContactAt(db: BuyerbookDB, buyerId: string): Promise<number | null> {
  // The index key alone: no touchpoint row is read (a bulk import asks this per buyer).
  const [key] = await db.touchpoints
    .where('[buyerId+at]')
    .between([buyerId, Dexie.minKey], [buyerId, Dexie.maxKey], true, true)
    .reverse()
    .limit(1)
    .keys();
  return key ? (key as unknown as [string, number])[1] : null;
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
 * Recomputes the derived fields of these buyers (ids of deleted buyers are skipped) and rewrites
 * the rows where one changed, through toBuyerRow (so recency and the index fields follow).
 * Runs inside the caller's transaction (it joins it; a caller whose transaction lacks one of
 * bookTables fails loudly). `now` is the time the write happens, for fields that depend on it.
 */
export async function refreshDerived(db: BuyerbookDB, buyerIds: readonly string[], now: number = Date.now()): Promise<void> {
  const ids = [...new Set(buyerIds)];
  if (!ids.length) return;
  await writeBook(db, async () => {
    const rows = await db.buyers.bulkGet(ids);
    const latest = await Promise.all(ids.map((id, i) => (rows[i] ? latestContactAt(db, id) : null)));
    const context = await Promise.all(ids.map((id, i) => (rows[i] ? buyerContext(db, id) : null)));
    const changed: BuyerRow[] = [];
    rows.forEach((row, i) => {
      if (!row) return;
      const fresh = toBuyerRow({ ...fromBuyerRow(row), lastContactAt: latest[i] ?? null }, context[i] ?? undefined);
      // nextDueAt is next steps' (computeNextDueMany, below): kept as it is here.
      const next: BuyerRow = row.nextDueAt == null ? fresh : { ...fresh, nextDueAt: row.nextDueAt };
      if (!sameRow(row, next)) changed.push(next);
    });
    if (changed.length) await db.buyers.bulkPut(changed);
    // Next steps depend on the whole history, the settings and the time: computed last, from
    // the rows as they now are (storage/next-due.ts keeps nextDueAt and the buyer's steps).
    await computeNextDueMany(db, ids, now);
  });
}
