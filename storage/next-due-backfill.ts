/**
 * Computes the next steps of every buyer, a batch at a time in buyer-id order, resuming where it
 * stopped: after the version 3 upgrade (books written before next steps existed) and after a
 * change of the rules' settings, which moves every buyer's due time. Either only leaves a marker,
 * so neither holds the book for the minutes a 100,000-buyer rewrite takes.
 */
import { getDb, type BuyerbookDB } from './db';
import { computeNextDueMany, nextDueTables } from './next-due';
import { NEXT_DUE_BACKFILL_KEY } from './versions';

export interface NextDueBackfillProgress {
  filled: number;
  done: boolean;
}

/** Asks for every buyer's steps to be computed again (the backfill starts over). */
export async function requestNextDueBackfill(db: BuyerbookDB = getDb()): Promise<void> {
  await db.settings.put({ key: NEXT_DUE_BACKFILL_KEY, value: '' });
}

export async function backfillNextDue(
  opts: { batch?: number; maxBatches?: number; now?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<NextDueBackfillProgress> {
  const batch = Math.max(1, opts.batch ?? 200);
  let filled = 0;
  for (let n = 0; n < (opts.maxBatches ?? Infinity); n++) {
    const step = await db.transaction('rw', nextDueTables(db), async () => {
      const marker = await db.settings.get(NEXT_DUE_BACKFILL_KEY);
      if (!marker) return { rows: 0, done: true };
      const after = typeof marker.value === 'string' ? marker.value : '';
      const ids = await db.buyers.where('id').above(after).limit(batch).primaryKeys();
      await computeNextDueMany(db, ids, opts.now ?? Date.now());
      if (ids.length < batch) await db.settings.delete(NEXT_DUE_BACKFILL_KEY);
      else await db.settings.put({ key: NEXT_DUE_BACKFILL_KEY, value: ids[ids.length - 1]! });
      return { rows: ids.length, done: ids.length < batch };
    });
    filled += step.rows;
    if (step.done) return { filled, done: true };
    await new Promise((r) => setTimeout(r, 0));
  }
  return { filled, done: false };
}
