/**
 * The book's totals: how many buyers (with a tag and/or stage), and every tag in use. The list
 * itself, a page at a time, is findBuyers (buyer-find.ts).
 */
import { getDb, type BuyerbookDB } from './db';
import type { Stage } from './schema';

/** How many buyers the book holds, of one tag and/or stage. */
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
