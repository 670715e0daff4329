/**
 * Recomputes the derived fields of buyer rows written before version 4 (storage/versions.ts), a
 * batch at a time in buyer-id order, resuming where it stopped: the upgrade only left a marker,
 * so opening a big book never waits for a rewrite of every row. Each batch goes through
 * refreshDerived inside its own write transaction, so an edit made meanwhile is never overwritten.
 */
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { DERIVED_BACKFILL_KEY } from './versions';

export interface DerivedBackfillProgress {
  /** Rows looked at by this call. */
  done: number;
  /** True when no backfill is due any more. */
  finished: boolean;
}

export async function backfillDerived(
  opts: { batch?: number; maxBatches?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<DerivedBackfillProgress> {
  const batch = Math.max(1, opts.batch ?? 200);
  let done = 0;
  for (let n = 0; n < (opts.maxBatches ?? Infinity); n++) {
    const step = await writeBook(db, async () => {
      const marker = await db.settings.get(DERIVED_BACKFILL_KEY);
      if (!marker) return { rows: 0, finished: true };
      const after = typeof marker.value === 'string' ? marker.value : '';
      const ids = (await db.buyers.where('id').above(after).limit(batch).primaryKeys()) as string[];
      await refreshDerived(db, ids);
      if (ids.length < batch) await db.settings.delete(DERIVED_BACKFILL_KEY);
      else await db.settings.put({ key: DERIVED_BACKFILL_KEY, value: ids[ids.length - 1]! });
      return { rows: ids.length, finished: ids.length < batch };
    });
    done += step.rows;
    if (step.finished) return { done, finished: true };
    await new Promise((r) => setTimeout(r, 0));
  }
  return { done, finished: false };
}
