/** Touchpoints: the one timeline of every contact with a buyer, across channels. */
import Dexie from 'dexie';
import { toBuyerRow, fromBuyerRow } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import { computeNextDue, nextDueTables } from './next-due';
import { newId } from './ids';
import { touchpointSchema, type Touchpoint } from './schema';
import { NotFoundError, parseRow } from './validate';

export type NewTouchpoint = Omit<Touchpoint, 'id' | 'inquiryId'> & { inquiryId?: string | null };

/** Latest touchpoint time of a buyer, or null when the timeline is empty. */
async function latestAt(buyerId: string, db: BuyerbookDB): Promise<number | null> {
  const last = await db.touchpoints
    .where('[buyerId+at]')
    .between([buyerId, Dexie.minKey], [buyerId, Dexie.maxKey], true, true)
    .last();
  return last?.at ?? null;
}

/** Logs a touchpoint and moves the buyer's lastContactAt forward, in one transaction. */
export async function addTouchpoint(input: NewTouchpoint, db: BuyerbookDB = getDb()): Promise<Touchpoint> {
  const tp = parseRow('touchpoints', touchpointSchema, { inquiryId: null, ...input, id: newId() });
  return db.transaction('rw', nextDueTables(db), async () => {
    const buyer = await db.buyers.get(tp.buyerId);
    if (!buyer) throw new NotFoundError('Buyer', tp.buyerId);
    const lastContactAt = Math.max(buyer.lastContactAt ?? 0, tp.at);
    await db.touchpoints.add(tp);
    await db.buyers.put(toBuyerRow({ ...fromBuyerRow(buyer), lastContactAt, updatedAt: Date.now() }));
    await computeNextDue(db, tp.buyerId);
    return tp;
  });
}

/** Deletes a touchpoint; the buyer's lastContactAt becomes the latest one left. */
export async function deleteTouchpoint(id: string, db: BuyerbookDB = getDb()): Promise<void> {
  await db.transaction('rw', nextDueTables(db), async () => {
    const tp = await db.touchpoints.get(id);
    if (!tp) return;
    await db.touchpoints.delete(id);
    const buyer = await db.buyers.get(tp.buyerId);
    if (!buyer) return;
    const lastContactAt = await latestAt(tp.buyerId, db);
    if (lastContactAt !== buyer.lastContactAt) {
      await db.buyers.put(toBuyerRow({ ...fromBuyerRow(buyer), lastContactAt, updatedAt: Date.now() }));
    }
    await computeNextDue(db, tp.buyerId);
  });
}

/** A buyer's timeline, newest first; the next page is `before: <at of the last one shown>`. */
export async function listTimeline(
  buyerId: string,
  opts: { before?: number; limit?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<Touchpoint[]> {
  const upper = opts.before ?? Dexie.maxKey;
  return db.touchpoints
    .where('[buyerId+at]')
    .between([buyerId, Dexie.minKey], [buyerId, upper], true, opts.before == null)
    .reverse()
    .limit(Math.max(0, opts.limit ?? 50))
    .toArray();
}

export async function getTouchpoint(id: string, db: BuyerbookDB = getDb()): Promise<Touchpoint | undefined> {
  return db.touchpoints.get(id);
}

/** Writes validated touchpoints as they are: restore from backup, benchmark seeding. */
export async function bulkPutTouchpoints(touchpoints: readonly Touchpoint[], db: BuyerbookDB = getDb()): Promise<void> {
  const rows = touchpoints.map((t) => parseRow('touchpoints', touchpointSchema, t));
  await db.touchpoints.bulkPut(rows);
}
