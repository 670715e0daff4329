/**
 * Buyers: create, read, list, search, recognise, propose duplicates, merge, delete. Every write
 * goes through toBuyerRow (zod validation + derived index fields); every read is stripped back
 * to a plain Buyer.
 */
import Dexie from 'dexie';
import { companyKey, nameKey, nameSimilarity, nameWords, hasCjk, SIMILAR_NAME } from '../lib/match-names';
import { cjkGrams, searchQueryPhrase, searchQueryTokens, tokenSelectivity } from '../lib/search-tokens';
import { fromBuyerRow, platformKey, toBuyerRow, uniqStrings } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import { newId } from './ids';
import { computeNextDue, nextDueTables } from './next-due';
import { STAGES, type Buyer, type BuyerRow, type Stage } from './schema';
import { NotFoundError } from './validate';

export type NewBuyer = Omit<Buyer, 'id' | 'createdAt' | 'updatedAt' | 'lastContactAt' | 'tags' | 'stage' | 'notes'> &
  Partial<Pick<Buyer, 'tags' | 'stage' | 'notes'>>;

export type BuyerPatch = Partial<Omit<Buyer, 'id' | 'createdAt'>>;

export interface BuyerIdentity {
  emails: string[];
  phones: string[];
  whatsapp: string | null;
  wechat: string | null;
  linkedin: string | null;
  platformIds: { platform: string; id: string }[];
}

/** Lists kept in a canonical form so the identity indexes match: lower-case emails, trimmed tags. */
function tidy<T extends Partial<Buyer>>(b: T): T {
  const out = { ...b };
  if (out.emails) out.emails = uniqStrings(out.emails.map((e) => e.trim().toLowerCase()));
  if (out.phones) out.phones = uniqStrings(out.phones.map((p) => p.trim()));
  if (out.tags) out.tags = uniqStrings(out.tags.map((t) => t.trim()));
  if (out.platformIds) {
    const seen = new Set<string>();
    out.platformIds = out.platformIds.filter((p) => {
      const k = platformKey(p.platform, p.id);
      return seen.has(k) ? false : (seen.add(k), true);
    });
  }
  return out;
}

export async function getBuyer(id: string, db: BuyerbookDB = getDb()): Promise<Buyer | undefined> {
  const row = await db.buyers.get(id);
  return row && fromBuyerRow(row);
}

const byRecencyDesc = (a: BuyerRow, b: BuyerRow) =>
  (b.lastContactAt ?? 0) - (a.lastContactAt ?? 0) || b.updatedAt - a.updatedAt;

/** Above this many buyers with one tag, a page is read from the recency index instead of sorting them all. */
const TAG_SORT_IN_MEMORY_MAX = 3000;

/**
 * One page of the book, newest contact first (lastContactAt desc, buyers never contacted last,
 * then updatedAt desc), optionally of one tag and/or stage. The total is a separate call
 * (countBuyers): counting 100,000 rows takes Chromium far longer than reading a page, and the
 * list must not wait for it.
 */
export async function listBuyers(
  opts: { offset?: number; limit?: number; tag?: string; stage?: Stage } = {},
  db: BuyerbookDB = getDb(),
): Promise<Buyer[]> {
  const offset = Math.max(0, opts.offset ?? 0);
  const limit = Math.max(0, opts.limit ?? 50);
  const { tag, stage } = opts;

  if (tag != null) {
    const tagged = db.buyers.where('tags').equals(tag);
    // A tag on a few thousand buyers at most: their rows sorted in memory. On more, the recency
    // index is walked instead, which finds a page without reading them all.
    const few = await tagged.clone().limit(TAG_SORT_IN_MEMORY_MAX + 1).primaryKeys();
    if (few.length <= TAG_SORT_IN_MEMORY_MAX) {
      const rows = (await db.buyers.bulkGet(few)).filter((r): r is BuyerRow => !!r && (!stage || r.stage === stage));
      return rows.sort(byRecencyDesc).slice(offset, offset + limit).map(fromBuyerRow);
    }
    const keep = (r: BuyerRow) => r.tags.includes(tag) && (!stage || r.stage === stage);
    const rows = await db.buyers.orderBy('recency').reverse().filter(keep).offset(offset).limit(limit).toArray();
    return rows.map(fromBuyerRow);
  }
  if (stage != null) {
    const range = db.buyers.where('[stage+recency]').between([stage, Dexie.minKey], [stage, Dexie.maxKey], true, true);
    return (await range.reverse().offset(offset).limit(limit).toArray()).map(fromBuyerRow);
  }
  return (await db.buyers.orderBy('recency').reverse().offset(offset).limit(limit).toArray()).map(fromBuyerRow);
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

export async function createBuyer(input: NewBuyer, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<Buyer> {
  const row = toBuyerRow(
    tidy({
      tags: [],
      stage: 'new' as Stage,
      notes: '',
      ...input,
      id: newId(),
      createdAt: now,
      updatedAt: now,
      lastContactAt: null,
    }),
  );
  await db.buyers.add(row);
  await computeNextDue(db, row.id, now);
  return fromBuyerRow(row);
}

/** Writes validated buyers as they are (ids and times kept): restore from backup, benchmark seeding. */
export async function bulkPutBuyers(buyers: readonly Buyer[], db: BuyerbookDB = getDb(), decorate?: (row: BuyerRow) => BuyerRow): Promise<void> {
  const rows = buyers.map((b) => toBuyerRow(tidy(b))).map((r) => (decorate ? decorate(r) : r));
  await db.buyers.bulkPut(rows);
}

export async function updateBuyer(id: string, patch: BuyerPatch, db: BuyerbookDB = getDb()): Promise<Buyer> {
  return db.transaction('rw', nextDueTables(db), async () => {
    const cur = await db.buyers.get(id);
    if (!cur) throw new NotFoundError('Buyer', id);
    const next = toBuyerRow(
      tidy({ ...fromBuyerRow(cur), ...patch, id, createdAt: cur.createdAt, updatedAt: patch.updatedAt ?? Date.now() }),
    );
    await db.buyers.put(next);
    await computeNextDue(db, id);
    return fromBuyerRow(next);
  });
}

/** Deletes the buyer with its inquiries and touchpoints, in one transaction. */
export async function deleteBuyer(id: string, db: BuyerbookDB = getDb()): Promise<void> {
  await db.transaction('rw', nextDueTables(db), async () => {
    await db.stepStates?.where('buyerId').equals(id).delete();
    await db.buyerSteps?.delete(id);
    await db.touchpoints.where('buyerId').equals(id).delete();
    await db.inquiries.where('buyerId').equals(id).delete();
    await db.buyers.delete(id);
  });
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

const STAGE_RANK = new Map(STAGES.map((s, i) => [s, s === 'lost' ? -1 : i]));

/** The merge of two buyer records: nothing either one knew is dropped. */
export function mergeBuyerFields(keep: Buyer, drop: Buyer, now: number): Buyer {
  const lost: string[] = [];
  const pick = <K extends 'name' | 'company' | 'country' | 'wechat' | 'linkedin' | 'website'>(k: K, label: string) => {
    const a = keep[k];
    const b = drop[k];
    if (a && b && a !== b) lost.push(`${label}: ${b}`);
    return a ?? b;
  };
  const phones = [...keep.phones, ...drop.phones];
  // Two different WhatsApp numbers: the kept one stays WhatsApp, the other is kept as a phone.
  if (keep.whatsapp && drop.whatsapp && keep.whatsapp !== drop.whatsapp) phones.push(drop.whatsapp);
  const merged: Buyer = {
    ...keep,
    name: pick('name', 'Name'),
    company: pick('company', 'Company'),
    country: pick('country', 'Country'),
    wechat: pick('wechat', 'WeChat'),
    linkedin: pick('linkedin', 'LinkedIn'),
    website: pick('website', 'Website'),
    whatsapp: keep.whatsapp ?? drop.whatsapp,
    emails: uniqStrings([...keep.emails, ...drop.emails]),
    phones: uniqStrings(phones),
    platformIds: [...keep.platformIds, ...drop.platformIds],
    tags: uniqStrings([...keep.tags, ...drop.tags]),
    stage: (STAGE_RANK.get(drop.stage) ?? 0) > (STAGE_RANK.get(keep.stage) ?? 0) ? drop.stage : keep.stage,
    notes: [keep.notes, drop.notes, lost.length ? `Merged: ${lost.join('; ')}` : ''].filter(Boolean).join('\n\n'),
    createdAt: Math.min(keep.createdAt, drop.createdAt),
    updatedAt: now,
    lastContactAt:
      keep.lastContactAt == null && drop.lastContactAt == null
        ? null
        : Math.max(keep.lastContactAt ?? 0, drop.lastContactAt ?? 0),
  };
  return tidy(merged);
}

/**
 * Merges `dropId` into `keepId` in one transaction: union of every channel, tag and platform id,
 * every inquiry and touchpoint moved to the kept buyer, the dropped buyer deleted.
 */
export async function mergeBuyers(keepId: string, dropId: string, db: BuyerbookDB = getDb()): Promise<Buyer> {
  if (keepId === dropId) throw new Error('Cannot merge a buyer into itself');
  return db.transaction('rw', nextDueTables(db), async () => {
    const [keep, drop] = await db.buyers.bulkGet([keepId, dropId]);
    if (!keep) throw new NotFoundError('Buyer', keepId);
    if (!drop) throw new NotFoundError('Buyer', dropId);
    const row = toBuyerRow(mergeBuyerFields(fromBuyerRow(keep), fromBuyerRow(drop), Date.now()));
    await db.inquiries.where('buyerId').equals(dropId).modify({ buyerId: keepId });
    await db.touchpoints.where('buyerId').equals(dropId).modify({ buyerId: keepId });
    await db.buyers.delete(dropId);
    await db.buyers.put(row);
    await db.stepStates?.where('buyerId').equals(dropId).delete();
    await db.buyerSteps?.delete(dropId);
    await computeNextDue(db, keepId);
    return fromBuyerRow(row);
  });
}

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

/** More distinct tags than anyone can pick from a list; bounds allTags on a runaway import. */
const MAX_TAGS_LISTED = 2000;
