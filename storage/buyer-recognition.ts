/**
 * Recognition: the buyers sharing an identity with a capture or a buyer (email, phone/WhatsApp,
 * WeChat, LinkedIn, platform buyer id), and the likely duplicates to propose (same company,
 * similar name in any script), never merged here.
 */
import { companyKey, nameKey, nameSimilarity, nameWords, hasCjk, SIMILAR_NAME } from '../lib/match-names';
import { cjkGrams, tokenSelectivity } from '../lib/search-tokens';
import { fromBuyerRow, platformKey, uniqStrings } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import type { Buyer, BuyerRow } from './schema';

export interface BuyerIdentity {
  emails: string[];
  phones: string[];
  whatsapp: string | null;
  wechat: string | null;
  linkedin: string | null;
  platformIds: { platform: string; id: string }[];
}

/**
 * Buyers sharing any identity: an email, a phone or WhatsApp number (a phone matches a WhatsApp
 * number and vice versa), the WeChat id (case-insensitive), the LinkedIn address or a platform
 * buyer id. Most matching identities first, then most recently updated.
 */
export async function findBuyersByIdentity(identity: BuyerIdentity, db: BuyerbookDB = getDb()): Promise<Buyer[]> {
  const emails = uniqStrings(identity.emails.map((e) => e.trim().toLowerCase()));
  const numbers = uniqStrings([...identity.phones, identity.whatsapp]);
  const keys = uniqStrings(identity.platformIds.map((p) => platformKey(p.platform, p.id)));
  const wechat = identity.wechat?.trim();
  const linkedin = identity.linkedin?.trim();
  const hits = new Map<string, { row: BuyerRow; n: number }>();
  const collect = (rows: BuyerRow[]) => {
    for (const row of rows) {
      const h = hits.get(row.id);
      if (h) h.n++;
      else hits.set(row.id, { row, n: 1 });
    }
  };
  const queries: Promise<BuyerRow[]>[] = [];
  if (emails.length) queries.push(db.buyers.where('emails').anyOf(emails).distinct().toArray());
  if (numbers.length) {
    queries.push(db.buyers.where('phones').anyOf(numbers).distinct().toArray());
    queries.push(db.buyers.where('whatsapp').anyOf(numbers).toArray());
  }
  if (wechat) queries.push(db.buyers.where('wechat').equalsIgnoreCase(wechat).toArray());
  if (linkedin) queries.push(db.buyers.where('linkedin').equals(linkedin).toArray());
  if (keys.length) queries.push(db.buyers.where('platformKeys').anyOf(keys).distinct().toArray());
  for (const rows of await Promise.all(queries)) collect(rows);
  return [...hits.values()]
    .sort((a, b) => b.n - a.n || b.row.updatedAt - a.row.updatedAt)
    .map((h) => fromBuyerRow(h.row));
}

/** How many buyers one name word may pull in as candidates (bounds the cost for common names). */
const NAME_CANDIDATES_PER_WORD = 300;

/** Words of a name to look candidates up by: Latin/Arabic words, CJK bigrams (or the whole short name). */
function nameLookupTokens(name: string | null): string[] {
  const out: string[] = [];
  for (const w of nameWords(name)) {
    if (hasCjk(w)) {
      const chars = Array.from(w);
      if (chars.length <= 2) out.push(w);
      else out.push(...cjkGrams(w).filter((g) => Array.from(g).length === 2));
    } else if (w.length > 1) {
      out.push(w);
    }
  }
  return [...new Set(out)].sort((a, b) => tokenSelectivity(b) - tokenSelectivity(a)).slice(0, 6);
}

/**
 * Likely duplicates to propose (never merged automatically): the same company once legal forms,
 * case and punctuation are ignored, and/or a similar name in any script. A similar name at a
 * clearly different company is not proposed. Never returns the buyer itself.
 */
export async function findLikelyDuplicates(
  buyer: { id?: string; name: string | null; company: string | null },
  limit = 5,
  db: BuyerbookDB = getDb(),
): Promise<Buyer[]> {
  const cKey = companyKey(buyer.company);
  const nKey = nameKey(buyer.name);
  const ids = new Set<string>();
  const lookups: Promise<string[]>[] = [];
  if (cKey.length > 1) lookups.push(db.buyers.where('matchKeys').equals('c:' + cKey.slice(0, 120)).primaryKeys());
  if (nKey.length > 1) lookups.push(db.buyers.where('matchKeys').equals('n:' + nKey.slice(0, 120)).primaryKeys());
  for (const t of nameLookupTokens(buyer.name)) {
    lookups.push(db.buyers.where('searchTokens').equals(t).limit(NAME_CANDIDATES_PER_WORD).primaryKeys());
  }
  for (const keys of await Promise.all(lookups)) for (const k of keys) if (k !== buyer.id) ids.add(k);
  if (ids.size === 0) return [];

  const rows = (await db.buyers.bulkGet([...ids])).filter((r): r is BuyerRow => !!r);
  const scored: { row: BuyerRow; score: number }[] = [];
  for (const row of rows) {
    const rowCompany = companyKey(row.company);
    const companyEq = cKey.length > 1 && cKey === rowCompany;
    const companyConflict = cKey.length > 1 && rowCompany.length > 1 && !companyEq;
    const sim = nameSimilarity(buyer.name, row.name);
    const similar = sim >= SIMILAR_NAME;
    let score = 0;
    if (companyEq) score = 1 + (similar ? sim : 0.5 * sim);
    else if (similar && !companyConflict) score = sim;
    if (score > 0) scored.push({ row, score });
  }
  scored.sort((a, b) => b.score - a.score || b.row.updatedAt - a.row.updatedAt);
  return scored.slice(0, limit).map((s) => fromBuyerRow(s.row));
}
