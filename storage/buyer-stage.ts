/**
 * Stages follow the history: a change of stage is kept on the buyer (Buyer.stageChanges, shown
 * in the history and carried by backups and merges with the buyer), whichever way it was made:
 * a proposal accepted in one click, dormant or lost set with a reason, or the edit form.
 */
import { fromBuyerRow, toBuyerRow } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { newId } from './ids';
import { STAGE_CHANGES_CAP, type Buyer, type Stage, type StageChange } from './schema';
import { NotFoundError } from './validate';

/** `next` with its change of stage from `prev` recorded (unchanged when the stage is the same). */
export function withStageChange<B extends Pick<Buyer, 'stage' | 'stageChanges'>>(prev: Pick<Buyer, 'stage'>, next: B, at: number, reason = ''): B {
  if (prev.stage === next.stage) return next;
  const change: StageChange = { id: newId(), at, from: prev.stage, to: next.stage, reason: reason.trim().slice(0, 1000) };
  return { ...next, stageChanges: [...(next.stageChanges ?? []), change].slice(-STAGE_CHANGES_CAP) };
}

/**
 * Moves the buyer to `to`, recording the change with its reason (dormant and lost are set with
 * one). Nothing is written when the buyer is already there.
 */
export async function changeStage(
  buyerId: string,
  to: Stage,
  opts: { reason?: string } = {},
  db: BuyerbookDB = getDb(),
  now: number = Date.now(),
): Promise<Buyer> {
  return writeBook(db, async () => {
    const row = await db.buyers.get(buyerId);
    if (!row) throw new NotFoundError('Buyer', buyerId);
    const cur = fromBuyerRow(row);
    if (cur.stage === to) return cur;
    await db.buyers.put(toBuyerRow(withStageChange(cur, { ...cur, stage: to, updatedAt: now }, now, opts.reason)));
    await refreshDerived(db, [buyerId], now);
    return fromBuyerRow((await db.buyers.get(buyerId))!);
  });
}
