/** Search as the seller types: bounded index reads, so a keystroke costs the same at 100,000 buyers. */
import { searchQueryPhrase, searchQueryTokens, tokenSelectivity } from '../lib/search-tokens';
import { fromBuyerRow } from './buyer-row';
import { byRecencyDesc } from './buyer-list';
import { getDb, type BuyerbookDB } from './db';
import type { Buyer, BuyerRow } from './schema';

/**
 * Index entries one search reads at most when it has to check rows one by one (a few tens of
 * milliseconds in Chromium): past that the results say there may be more, and the seller types on.
 */
const SCAN_MAX = 600;

export interface SearchPage {
  buyers: Buyer[];
  /** True when there may be more matches than returned: the limit was reached or the scan bounded. */
  more: boolean;
}

/**
 * Search by name/company words, email, phone or WhatsApp digits (any run of 4+), WeChat id, tag,
 * CJK words. Every query token must prefix-match a token of the buyer.
 *
 * Two index reads, each bounded so the cost does not grow with the book: words typed in order
 * ("jennifer jo") are first looked up as one phrase, a narrow range even when each word alone is
 * shared by thousands of buyers; then, unless those already fill the page, a bounded slice of the
 * most selective token's range is read and every row checked against all the tokens. In-order
 * matches rank first, then buyers matching more words exactly, then the newest contact.
 */
export async function searchBuyersPage(query: string, limit = 50, db: BuyerbookDB = getDb()): Promise<SearchPage> {
  const tokens = searchQueryTokens(query);
  if (tokens.length === 0 || limit <= 0) return { buyers: [], more: false };
  const best = [...tokens].sort((a, b) => tokenSelectivity(b) - tokenSelectivity(a))[0]!;
  const matches = (r: BuyerRow) => tokens.every((t) => r.searchTokens.some((s) => s.startsWith(t)));
  // Read a few more than asked so the best-ranked of them can be returned, not just the first in index order.
  const scanCap = Math.max(limit * 2, 100);
  const found = new Map<string, { r: BuyerRow; inOrder: boolean }>();
  let more = false;

  const phrase = searchQueryPhrase(query);
  if (phrase) {
    const rows = await db.buyers.where('phrases').startsWith(phrase).limit(scanCap).toArray();
    for (const r of rows) if (!found.has(r.id) && matches(r)) found.set(r.id, { r, inOrder: true });
    if (rows.length >= scanCap) more = true;
  }
  // In-order matches rank first: once they fill the page, nothing the token read could find
  // would be shown, so it is skipped.
  if (found.size < limit) {
    // One bounded read (getAll: about twice as fast per row as a cursor in Chromium). One token:
    // every row of its range matches, so a little over the page covers the index's duplicates
    // (a row has several tokens starting with "j"); a broader query says "type more".
    const read = tokens.length === 1 ? Math.ceil(limit * 1.5) : SCAN_MAX;
    const rows = await db.buyers.where('searchTokens').startsWith(best).limit(read).toArray();
    for (const r of rows) if (!found.has(r.id) && matches(r)) found.set(r.id, { r, inOrder: false });
    if (rows.length >= read) more = true;
  } else {
    more = true; // out-of-order matches may exist beyond the page
  }
  const exact = (r: BuyerRow) => tokens.reduce((n, t) => n + (r.searchTokens.includes(t) ? 1 : 0), 0);
  const scored = [...found.values()].map((f) => ({ ...f, e: exact(f.r) }));
  scored.sort((a, b) => Number(b.inOrder) - Number(a.inOrder) || b.e - a.e || byRecencyDesc(a.r, b.r));
  return { buyers: scored.slice(0, limit).map((s) => fromBuyerRow(s.r)), more: more || scored.length > limit };
}

/** The buyers of searchBuyersPage, for callers that need no "more" flag. */
export async function searchBuyers(query: string, limit = 50, db: BuyerbookDB = getDb()): Promise<Buyer[]> {
  return (await searchBuyersPage(query, limit, db)).buyers;
}
