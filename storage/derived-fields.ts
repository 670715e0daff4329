/**
 * The one place where a buyer's derived fields are recomputed: lastContactAt (from the buyer's
 * touchpoints), and the index fields toBuyerRow derives from the row (searchTokens, phrases,
 * matchKeys, platformKeys, recency). Every write path that can change them (create, update,
 * capture save, merge, add/edit/delete/move a touchpoint or inquiry, delete, bulk put) calls
 * refreshDerived inside its own transaction, so a new derived field (next steps' due date) is
 * added here once and is right on every path; tests/unit/storage/derived-fields.test.ts walks
 * them all.
 */
import Dexie from 'dexie';
import type { BuyerbookDB } from './db';
import { fromBuyerRow, toBuyerRow } from './buyer-row';
import { computeNextDueMany } from './next-due';
import type { Buyer, BuyerRow } from './schema';

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

/**
 * The derived fields that depend on other rows than the buyer's own (its touchpoints; next, its
 * inquiries and the settings), per buyer. A new such field is added here and to the Buyer schema.
 * The fields derived from the row alone (tokens, phrases, keys, recency) are computed by
 * toBuyerRow whenever the row is written, which every write path does.
 */
async function fromOtherRows(db: BuyerbookDB, rows: readonly (BuyerRow | undefined)[]): Promise<(Partial<Buyer> | null)[]> {
  return Promise.all(
    rows.map(async (row) => (row ? { lastContactAt: await latestContactAt(db, row.id) } : null)),
  );
}

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
    const derived = await fromOtherRows(db, rows);
    const changed: BuyerRow[] = [];
    rows.forEach((row, i) => {
      const d = derived[i];
      if (!row || !d) return;
      const stale = (Object.keys(d) as (keyof Buyer)[]).some((k) => JSON.stringify(row[k]) !== JSON.stringify(d[k]));
      if (stale) changed.push(toBuyerRow({ ...fromBuyerRow(row), ...d }));
    });
    if (changed.length) await db.buyers.bulkPut(changed);
    // Next steps depend on the whole history, the settings and the time: computed last, from
    // the rows as they now are (storage/next-due.ts keeps nextDueAt and the buyer's steps).
    await computeNextDueMany(db, ids, now);
  });
}
