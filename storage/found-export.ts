/**
 * The buyers the Buyers view finds (its search and filters, storage/buyer-find.ts), all of them,
 * for "Export these N buyers": the list is read page by page along its keyset; a search is one
 * ranked, bounded page, so its export is the buyers it shows.
 */
import { getDb, type BuyerbookDB } from './db';
import { findBuyers, type FindOptions } from './buyer-find';

/** Buyers read per page while collecting: a page of ids, not rows kept. */
const PAGE = 500;

export async function foundBuyerIds(
  opts: Omit<FindOptions, 'after' | 'limit'>,
  /** A search's page size (the view's: the buyers it shows). */
  searchLimit: number,
  db: BuyerbookDB = getDb(),
): Promise<string[]> {
  const ids: string[] = [];
  const searching = !!opts.query?.trim();
  let after: FindOptions['after'];
  for (;;) {
    const page = await findBuyers({ ...opts, after, limit: searching ? searchLimit : PAGE }, db);
    for (const b of page.buyers) ids.push(b.id);
    if (searching || !page.more || !page.next) break;
    after = page.next;
  }
  // A keyset walk never repeats a buyer, but a row moved by a write while it reads could be met twice.
  return [...new Set(ids)];
}
