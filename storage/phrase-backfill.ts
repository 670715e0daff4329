/**
 * Fills `phrases` into buyer rows written before version 2 (storage/versions.ts), a batch at a
 * time, in buyer-id order, resuming where it stopped: the upgrade itself only left a marker, so
 * opening a big book never waits for a rewrite of every row. Each batch is re-read inside its own
 * write transaction, so an edit the seller makes meanwhile is never overwritten with an old copy.
 */
import { buyerPhrases } from '../lib/search-tokens';
import { getDb, type BuyerbookDB } from './db';
import { PHRASE_BACKFILL_KEY } from './versions';

export interface BackfillProgress {
  /** Rows given their phrases by this call. */
  filled: number;
  /** True when no backfill is due any more. */
  done: boolean;
}

const stringsOf = (x: unknown): string[] => (Array.isArray(x) ? x.filter((t): t is string => typeof t === 'string') : []);

/** Runs the backfill to its end (or `maxBatches`), yielding to other work between batches. */
export async function backfillPhrases(
  opts: { batch?: number; maxBatches?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<BackfillProgress> {
  const batch = Math.max(1, opts.batch ?? 500);
  let filled = 0;
  for (let n = 0; n < (opts.maxBatches ?? Infinity); n++) {
    const step = await db.transaction('rw', db.buyers, db.settings, async () => {
      const marker = await db.settings.get(PHRASE_BACKFILL_KEY);
      if (!marker) return { rows: 0, done: true };
      const after = typeof marker.value === 'string' ? marker.value : '';
      const rows = await db.buyers.where('id').above(after).limit(batch).toArray();
      const stale = rows.filter((r) => !Array.isArray((r as { phrases?: unknown }).phrases));
      for (const r of stale) {
        r.phrases = buyerPhrases({ name: r.name ?? null, company: r.company ?? null, tags: stringsOf(r.tags) });
      }
      if (stale.length) await db.buyers.bulkPut(stale);
      if (rows.length < batch) await db.settings.delete(PHRASE_BACKFILL_KEY);
      else await db.settings.put({ key: PHRASE_BACKFILL_KEY, value: rows[rows.length - 1]!.id });
      return { rows: stale.length, done: rows.length < batch };
    });
    filled += step.rows;
    if (step.done) return { filled, done: true };
    // Let the panel's own reads and writes run between batches.
    await new Promise((r) => setTimeout(r, 0));
  }
  return { filled, done: false };
}
