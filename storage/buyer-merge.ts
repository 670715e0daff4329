/** Buyer into buyer: one record kept, by the per-field policy of storage/merge-policy.ts. */
import { fromBuyerRow, toBuyerRow } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { mergeBuyers as mergeByPolicy } from './merge-policy';
import type { Buyer } from './schema';
import { NotFoundError } from './validate';

/** The merge of two buyer records: nothing either one knew is dropped (lists past their cap go into the notes). */
export function mergeBuyerFields(keep: Buyer, drop: Buyer, now: number): Buyer {
  return mergeByPolicy(keep, drop, now);
}

/**
 * Merges `dropId` into `keepId` in one transaction: union of every channel, tag and platform id,
 * every inquiry and touchpoint moved to the kept buyer, the dropped buyer deleted.
 */
export async function mergeBuyers(keepId: string, dropId: string, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<Buyer> {
  if (keepId === dropId) throw new Error('Cannot merge a buyer into itself');
  return writeBook(db, async () => {
    const [keep, drop] = await db.buyers.bulkGet([keepId, dropId]);
    if (!keep) throw new NotFoundError('Buyer', keepId);
    if (!drop) throw new NotFoundError('Buyer', dropId);
    const row = toBuyerRow(mergeBuyerFields(fromBuyerRow(keep), fromBuyerRow(drop), now));
    await db.inquiries.where('buyerId').equals(dropId).modify({ buyerId: keepId });
    await db.touchpoints.where('buyerId').equals(dropId).modify({ buyerId: keepId });
    // The dropped record's snoozes and dismissals were about steps the merged history recomputes.
    await db.stepStates?.where('buyerId').equals(dropId).delete();
    await db.buyers.delete(dropId);
    await db.buyers.put(row);
    await refreshDerived(db, [keepId, dropId], now);
    return fromBuyerRow((await db.buyers.get(keepId))!);
  });
}
