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
import { groupByBuyer, withNextDue, writeSteps, type WithSteps } from './next-due';
import type { Buyer, BuyerRow, Inquiry } from './schema';
import { getSettings } from './settings-repo';

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
export function contextOf(inquiries: readonly Inquiry[]): BuyerContext {
  const sorted = [...inquiries].sort((a, b) => (b.receivedAt ?? b.capturedAt) - (a.receivedAt ?? a.capturedAt));
  const products = [...new Set(sorted.map((i) => i.productTitle?.trim()).filter((t): t is string => !!t))];
  return { products: products.slice(0, MAX_PRODUCTS), platforms: [...new Set(sorted.map((i) => i.platform))] };
}

export async function buyerContext(db: BuyerbookDB, buyerId: string): Promise<BuyerContext> {
  return contextOf(await db.inquiries.where('buyerId').equals(buyerId).toArray());
}

const sameRow = (a: BuyerRow, b: BuyerRow) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rows these buyers are to be stored as, every derived field computed (last contact, the
 * index fields, next steps), from their history as the book holds it now: one index read of each
 * table for all of them. Writes nothing. A buyer is written once this way where writing it first
 * and refreshing it after would write it two or three times (a row put costs all its index
 * entries): the restore and the bulk import write the history first and the buyers last.
 */
export async function deriveBuyers(db: BuyerbookDB, buyers: readonly Buyer[], now: number = Date.now()): Promise<WithSteps[]> {
  if (!buyers.length) return [];
  const ids = [...new Set(buyers.map((b) => b.id))];
  const steps = !!db.stepStates && !!db.buyerSteps;
  const [touchpoints, inquiries, states, settings] = await Promise.all([
    db.touchpoints.where('buyerId').anyOf(ids).toArray(),
    db.inquiries.where('buyerId').anyOf(ids).toArray(),
    steps ? db.stepStates.where('buyerId').anyOf(ids).toArray() : [],
    getSettings(db),
  ]);
  const [tps, inqs, sts] = [groupByBuyer(touchpoints), groupByBuyer(inquiries), groupByBuyer(states)];
  return buyers.map((b) => {
    const history = { touchpoints: tps.get(b.id) ?? [], inquiries: inqs.get(b.id) ?? [], states: sts.get(b.id) ?? [] };
    let latest: number | null = null;
    for (const t of history.touchpoints) if (latest === null || t.at > latest) latest = t.at;
    const row = toBuyerRow({ ...b, lastContactAt: latest }, contextOf(history.inquiries));
    return steps ? withNextDue(row, history, settings.nextSteps, now) : { row, steps: [] };
  });
}

/** Writes what deriveBuyers gave: the rows and, where the schema has them, their steps. */
export async function putDerived(db: BuyerbookDB, items: readonly WithSteps[]): Promise<void> {
  if (!items.length) return;
  await db.buyers.bulkPut(items.map((x) => x.row));
  if (db.stepStates && db.buyerSteps) await writeSteps(db, items);
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
    const present = rows.filter((r): r is BuyerRow => !!r);
    const out = await deriveBuyers(db, present.map(fromBuyerRow), now);
    // Rows are rewritten only where a derived field moved: every write path ends here.
    const changed = out.filter((x, i) => !sameRow(present[i]!, x.row));
    if (changed.length) await db.buyers.bulkPut(changed.map((x) => x.row));
    if (db.stepStates && db.buyerSteps) {
      await writeSteps(db, out);
      // Deleted buyers keep no steps.
      const gone = ids.filter((_, i) => !rows[i]);
      if (gone.length) await db.buyerSteps.bulkDelete(gone);
    }
  });
}
