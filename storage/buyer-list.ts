/**
 * The book as a list: newest contact first, a page at a time by keyset (recency, id), never by
 * offset, so a page boundary inside buyers sharing a recency neither repeats nor skips anyone;
 * the count; every tag in use.
 */
import Dexie, { type IndexableType } from 'dexie';
import { fromBuyerRow } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import type { Buyer, BuyerRow, Stage } from './schema';

/** Where the next page starts: the last buyer shown, by its recency and id. */
export interface BuyerCursor {
  recency: [number, number];
  id: string;
}

export const buyerCursor = (b: Pick<Buyer, 'id' | 'lastContactAt' | 'updatedAt'>): BuyerCursor => ({
  recency: [b.lastContactAt ?? 0, b.updatedAt],
  id: b.id,
});

/** Newest contact first; buyers sharing a recency in the index's own order (id descending). */
const byRecencyDesc = (a: BuyerRow, b: BuyerRow) =>
  (b.lastContactAt ?? 0) - (a.lastContactAt ?? 0) || b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const isAfter = (r: BuyerRow, c: BuyerCursor) => {
  const [l, u] = [r.lastContactAt ?? 0, r.updatedAt];
  return l < c.recency[0] || (l === c.recency[0] && (u < c.recency[1] || (u === c.recency[1] && r.id < c.id)));
};

/** Above this many buyers with one tag, a page is read from the recency index instead of sorting them all. */
const TAG_SORT_IN_MEMORY_MAX = 3000;

/**
 * One keyset page of an index read newest first: first the rest of the cursor's tie group (IDB
 * orders equal index keys by primary key, so descending ids), then the keys below the cursor.
 */
async function pageDesc(
  db: BuyerbookDB,
  index: string,
  lower: IndexableType,
  upper: IndexableType,
  after: { key: IndexableType; id: string } | undefined,
  limit: number,
  keep?: (r: BuyerRow) => boolean,
): Promise<BuyerRow[]> {
  const out: BuyerRow[] = [];
  if (after) {
    const ties = (await db.buyers.where(index).equals(after.key).primaryKeys()).filter((id) => id < after.id).sort().reverse();
    for (let i = 0; i < ties.length && out.length < limit; i += limit) {
      for (const r of await db.buyers.bulkGet(ties.slice(i, i + limit))) {
        if (r && (!keep || keep(r)) && out.length < limit) out.push(r);
      }
    }
  }
  if (out.length < limit) {
    let rest = db.buyers.where(index).between(lower, after ? after.key : upper, true, !after).reverse();
    if (keep) rest = rest.filter(keep);
    out.push(...(await rest.limit(limit - out.length).toArray()));
  }
  return out;
}

/**
 * One page of the book, newest contact first (lastContactAt desc, buyers never contacted last,
 * then updatedAt desc, then id), optionally of one tag and/or stage, starting after `after`.
 * The total is a separate call (countBuyers): counting 100,000 rows takes Chromium far longer
 * than reading a page, and the list must not wait for it.
 */
export async function listBuyers(
  opts: { after?: BuyerCursor; limit?: number; tag?: string; stage?: Stage } = {},
  db: BuyerbookDB = getDb(),
): Promise<Buyer[]> {
  const limit = Math.max(0, opts.limit ?? 50);
  const { tag, stage, after } = opts;
  if (limit === 0) return [];

  if (tag != null) {
    const tagged = db.buyers.where('tags').equals(tag);
    // A tag on a few thousand buyers at most: their rows sorted in memory. On more, the recency
    // index is walked instead, which finds a page without reading them all.
    const few = await tagged.clone().limit(TAG_SORT_IN_MEMORY_MAX + 1).primaryKeys();
    if (few.length <= TAG_SORT_IN_MEMORY_MAX) {
      const rows = (await db.buyers.bulkGet(few)).filter(
        (r): r is BuyerRow => !!r && (!stage || r.stage === stage) && (!after || isAfter(r, after)),
      );
      return rows.sort(byRecencyDesc).slice(0, limit).map(fromBuyerRow);
    }
    const keep = (r: BuyerRow) => r.tags.includes(tag) && (!stage || r.stage === stage);
    const at = after && { key: after.recency, id: after.id };
    return (await pageDesc(db, 'recency', Dexie.minKey, Dexie.maxKey, at, limit, keep)).map(fromBuyerRow);
  }
  if (stage != null) {
    const at = after && { key: [stage, after.recency] as IndexableType, id: after.id };
    return (await pageDesc(db, '[stage+recency]', [stage, Dexie.minKey], [stage, Dexie.maxKey], at, limit)).map(fromBuyerRow);
  }
  const at = after && { key: after.recency, id: after.id };
  return (await pageDesc(db, 'recency', Dexie.minKey, Dexie.maxKey, at, limit)).map(fromBuyerRow);
}

/** How many buyers listBuyers pages through with the same filters. */
export async function countBuyers(opts: { tag?: string; stage?: Stage } = {}, db: BuyerbookDB = getDb()): Promise<number> {
  const { tag, stage } = opts;
  if (tag != null) {
    const tagged = db.buyers.where('tags').equals(tag);
    return stage ? tagged.filter((r) => r.stage === stage).count() : tagged.count();
  }
  if (stage != null) return db.buyers.where('stage').equals(stage).count();
  return db.buyers.count();
}

/** More distinct tags than anyone can pick from a list; bounds allTags on a runaway import. */
const MAX_TAGS_LISTED = 2000;

/**
 * Every tag in use, sorted, read from the tags index one distinct key at a time: a "unique keys"
 * cursor still walks every entry in Chromium (a second at 100,000 buyers), while a few hundred
 * tags are a few hundred one-key reads.
 */
export async function allTags(db: BuyerbookDB = getDb()): Promise<string[]> {
  return db.transaction('r', db.buyers, async () => {
    const out: string[] = [];
    let next = await db.buyers.orderBy('tags').limit(1).keys();
    while (next.length && out.length < MAX_TAGS_LISTED) {
      const tag = String(next[0]);
      out.push(tag);
      next = await db.buyers.where('tags').above(tag).limit(1).keys();
    }
    return out;
  });
}
