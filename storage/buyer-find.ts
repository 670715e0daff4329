/**
 * Find anyone: search as the seller types, combined with filters (stage, tag, country, platform,
 * "no contact for N days") INSIDE the index, in one of three orders (last contact, newest, name).
 *
 * Every filter and every selective search word is an index range. What a read costs in Chromium
 * is the index entries it touches, keys or rows alike (each entry is checked against its record),
 * so a search reads the narrowest range first and stops as soon as it knows enough: words typed in
 * order are one narrow range of the phrases index; a range of ids small enough is read whole and
 * intersected, so a filtered search reads only rows that can match; otherwise rows are read a slice
 * at a time until the page is full, up to a bound, and the page says there may be more. A read
 * never grows with the book.
 */
import Dexie, { cmp, type Collection, type IndexableType } from 'dexie';
import { searchQueryPhrase, searchQueryTokens, tokenSelectivity } from '../lib/search-tokens';
import { fromBuyerRow, NO_NAME_SORT } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import type { Buyer, BuyerRow, Stage } from './schema';

export const BUYER_SORTS = ['recent', 'newest', 'name'] as const;
export type BuyerSort = (typeof BUYER_SORTS)[number];

export interface BuyerFilters {
  stage?: Stage;
  tag?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  platform?: string;
  /** No contact for at least this many days; a buyer never contacted has had none. */
  idleDays?: number;
}

/** Where the next page starts: the sort key and id of the last buyer read. */
export interface FindCursor {
  key: IndexableType;
  id: string;
}

export interface FindOptions extends BuyerFilters {
  query?: string;
  sort?: BuyerSort;
  after?: FindCursor;
  limit?: number;
  /** The time "no contact for N days" counts from. */
  now?: number;
  /** The read bounds, smaller in tests so a small book takes the paths a big one takes. */
  bounds?: Partial<Bounds>;
}

export interface FindPage {
  buyers: Buyer[];
  /** There may be more: the page is full, or a bounded read stopped before the end. */
  more: boolean;
  /** Where the next page starts (the list; a search is one ranked page that grows instead). */
  next: FindCursor | null;
}

const DAY_MS = 86_400_000;

export interface Bounds {
  /** Keys one index range is read up to; a range with more is used as a check, not intersected. */
  keyCap: number;
  /** Candidate rows an intersection may read and check in full; past that a bounded read is used. */
  rowCap: number;
  /** A filtered list with at most this many candidates is read whole and sorted in memory. */
  inMemoryMax: number;
  /** Rows one walk of the order's index looks at before it returns what it found (and "more"). */
  walkMax: number;
  /** Rows one search scans when no range is small enough to intersect. */
  scanMax: number;
}

// Measured in Chromium on the bench's book (bench/run.ts, 100,000 buyers): 5,000 keys of one
// range took as long as 2,000 rows, so neither is cheap; a range of more than a thousand keys is
// not worth reading only to intersect it.
export const BOUNDS: Bounds = { keyCap: 1_000, rowCap: 400, inMemoryMax: 3_000, walkMax: 4_000, scanMax: 400 };

interface SortSpec {
  index: string;
  desc: boolean;
  key: (r: BuyerRow) => IndexableType;
}

const SORTS: Record<BuyerSort, SortSpec> = {
  recent: { index: 'recency', desc: true, key: (r) => r.recency },
  newest: { index: 'createdAt', desc: true, key: (r) => r.createdAt },
  name: { index: 'nameSort', desc: false, key: (r) => r.nameSort ?? NO_NAME_SORT },
};

const idCmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Order of two rows as the sort's index gives them (ties by id, as IndexedDB orders them). */
function comparer(s: SortSpec) {
  return (a: { key: IndexableType; id: string }, b: { key: IndexableType; id: string }) => {
    const c = cmp(a.key, b.key) || idCmp(a.id, b.id);
    return s.desc ? -c : c;
  };
}

const cursorOf = (s: SortSpec, r: BuyerRow): FindCursor => ({ key: s.key(r), id: r.id });

/** The cutoff of "no contact for N days", or null when the filter is off. */
const idleCutoff = (o: FindOptions) =>
  o.idleDays != null && o.idleDays >= 0 ? (o.now ?? Date.now()) - o.idleDays * DAY_MS : null;

export const hasFilters = (f: BuyerFilters) =>
  !!(f.stage || f.tag || f.country || f.platform || (f.idleDays != null && f.idleDays >= 0));

/** Every filter as a row check. */
function filterCheck(o: FindOptions): (r: BuyerRow) => boolean {
  const cutoff = idleCutoff(o);
  return (r) =>
    (!o.stage || r.stage === o.stage) &&
    (!o.tag || r.tags.includes(o.tag)) &&
    (!o.country || r.country === o.country) &&
    (!o.platform || (r.platforms ?? []).includes(o.platform)) &&
    (cutoff == null || (r.lastContactAt ?? 0) < cutoff);
}

/** Every filter as an index range (or, `lazy`, as a function that makes it). */
function filterRanges(db: BuyerbookDB, o: FindOptions): Collection<BuyerRow, string>[];
function filterRanges(db: BuyerbookDB, o: FindOptions, lazy: true): (() => Collection<BuyerRow, string>)[];
function filterRanges(db: BuyerbookDB, o: FindOptions, lazy = false) {
  const out: (() => Collection<BuyerRow, string>)[] = [];
  const cutoff = idleCutoff(o);
  const { stage, tag, country, platform } = o;
  if (stage) out.push(() => db.buyers.where('stage').equals(stage));
  if (tag) out.push(() => db.buyers.where('tags').equals(tag));
  if (country) out.push(() => db.buyers.where('country').equals(country));
  if (platform) out.push(() => db.buyers.where('platforms').equals(platform));
  // recency is [lastContactAt ?? 0, updatedAt]: every key below [cutoff] has an older last contact.
  if (cutoff != null) out.push(() => db.buyers.where('recency').below([cutoff]));
  return lazy ? out : out.map((make) => make());
}

/** The range's first `cap` primary keys, and whether that is all of them (a multiEntry range repeats them). */
async function keysOf(range: Collection<BuyerRow, string>, cap: number): Promise<{ keys: string[]; whole: boolean }> {
  const keys = (await range.limit(cap + 1).primaryKeys()) as string[];
  return keys.length > cap ? { keys: keys.slice(0, cap), whole: false } : { keys, whole: true };
}

/** The range's primary keys, or null when it holds more than `cap`. */
async function keysUpTo(range: Collection<BuyerRow, string>, cap: number): Promise<Set<string> | null> {
  const { keys, whole } = await keysOf(range, cap);
  return whole ? new Set(keys) : null;
}

function intersect(sets: Set<string>[]): Set<string> {
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  const out = new Set<string>();
  for (const id of first ?? []) if (rest.every((s) => s.has(id))) out.add(id);
  return out;
}

async function rowsOf(db: BuyerbookDB, ids: Iterable<string>): Promise<BuyerRow[]> {
  return (await db.buyers.bulkGet([...ids])).filter((r): r is BuyerRow => !!r);
}

/** One page of buyers: a search ranked and bounded, or the filtered list by keyset. */
export async function findBuyers(opts: FindOptions = {}, db: BuyerbookDB = getDb()): Promise<FindPage> {
  const limit = Math.max(0, opts.limit ?? 50);
  if (limit === 0) return { buyers: [], more: false, next: null };
  const tokens = searchQueryTokens(opts.query ?? '');
  const b = { ...BOUNDS, ...opts.bounds };
  return tokens.length ? search(db, opts, tokens, limit, b) : list(db, opts, limit, b);
}

async function list(db: BuyerbookDB, o: FindOptions, limit: number, b: Bounds): Promise<FindPage> {
  const s = SORTS[o.sort ?? 'recent'];
  const keep = filterCheck(o);
  const order = comparer(s);
  const keyed = (r: BuyerRow) => ({ key: s.key(r), id: r.id });
  const after = o.after;

  // A filter (or several) that few buyers pass: their rows, read by key, sorted here. A filter
  // found broad moments ago (the page before this one, "show more", the same page read again
  // after a write) is not read for its keys again only to learn the same: it is walked.
  const ranges = filterRanges(db, o, true);
  if (ranges.length) {
    const reads = await Promise.all(ranges.map((range, i) => keysUnlessBroad(db, filterHint(o, i), range, b.inMemoryMax)));
    const sets = reads.flatMap((r) => (r?.whole ? [new Set(r.keys)] : []));
    if (sets.length) {
      const rows = (await rowsOf(db, intersect(sets)))
        .filter((r) => keep(r) && (!after || order(keyed(r), after) > 0))
        .sort((a, b) => order(keyed(a), keyed(b)));
      const page = rows.slice(0, limit);
      return { buyers: page.map(fromBuyerRow), more: rows.length > limit, next: page.length ? cursorOf(s, page.at(-1)!) : null };
    }
  }

  // Otherwise the order's own index, every filter checked on the way, for a bounded number of
  // rows. "Last contact" with a stage walks [stage+recency], and "no contact for N days" is the
  // lower part of the recency range itself, so those filters cost nothing to check.
  const cutoff = idleCutoff(o);
  let index = s.index;
  let lower: IndexableType = Dexie.minKey;
  let upper: IndexableType = Dexie.maxKey;
  let wrap = (k: IndexableType): IndexableType => k;
  if (o.sort === undefined || o.sort === 'recent') {
    const top: IndexableType = cutoff != null ? [cutoff] : Dexie.maxKey;
    if (o.stage) {
      const stage = o.stage;
      index = '[stage+recency]';
      lower = [stage, Dexie.minKey] as IndexableType;
      upper = [stage, top] as IndexableType;
      wrap = (k) => [stage, k] as IndexableType;
    } else {
      upper = top;
    }
  }
  const out: BuyerRow[] = [];
  let scanned = 0;
  let lastSeen: BuyerRow | undefined;
  const look = (r: BuyerRow) => {
    scanned++;
    lastSeen = r;
    return keep(r);
  };
  if (after) {
    // The rest of the cursor's tie group first (IndexedDB orders equal keys by id).
    const tieIds = ((await db.buyers.where(index).equals(wrap(after.key)).primaryKeys()) as string[])
      .filter((id) => (s.desc ? id < after.id : id > after.id))
      .sort(idCmp);
    if (s.desc) tieIds.reverse();
    for (let i = 0; i < tieIds.length && out.length < limit && scanned < b.walkMax; i += limit) {
      for (const r of await rowsOf(db, tieIds.slice(i, i + limit))) {
        if (out.length >= limit || scanned >= b.walkMax) break;
        if (look(r)) out.push(r);
      }
    }
  }
  if (out.length < limit && scanned < b.walkMax) {
    const from = after ? wrap(after.key) : null;
    const range = s.desc
      ? db.buyers.where(index).between(lower, from ?? upper, true, from == null).reverse()
      : db.buyers.where(index).between(from ?? lower, upper, from == null, true);
    const budget = b.walkMax - scanned;
    let n = 0;
    const rows = await range
      .until(() => n++ >= budget)
      .filter(look)
      .limit(limit - out.length)
      .toArray();
    out.push(...rows);
  }
  if (out.length >= limit) return { buyers: out.map(fromBuyerRow), more: true, next: cursorOf(s, out.at(-1)!) };
  if (scanned >= b.walkMax && lastSeen) return { buyers: out.map(fromBuyerRow), more: true, next: cursorOf(s, lastSeen) };
  return { buyers: out.map(fromBuyerRow), more: false, next: null };
}

async function search(db: BuyerbookDB, o: FindOptions, tokens: string[], limit: number, b: Bounds): Promise<FindPage> {
  const keep = filterCheck(o);
  const matches = (r: BuyerRow) => keep(r) && tokens.every((t) => r.searchTokens.some((x) => x.startsWith(t)));
  const s = SORTS[o.sort ?? 'recent'];
  const phrase = searchQueryPhrase(o.query ?? '');
  const rank = ranking(s, tokens, phrase);
  const filtered = hasFilters(o);
  // Measured in Chromium at 100,000 buyers: an index entry costs about half a row whether its row
  // is read or only its key (Chromium checks each index entry against its record), so a search
  // is bounded by the entries it touches. Every row read once is kept here and never read again.
  const held = new Map<string, BuyerRow>();
  const readRows = async (ids: Iterable<string>) => {
    const want = [...new Set(ids)];
    for (const r of await rowsOf(db, want.filter((id) => !held.has(id)))) held.set(r.id, r);
    return want.flatMap((id) => held.get(id) ?? []);
  };
  const page = (found: BuyerRow[], complete: boolean): FindPage => {
    found.sort(rank);
    return { buyers: found.slice(0, limit).map(fromBuyerRow), more: !complete || found.length > limit, next: null };
  };
  const hits = () => [...held.values()].filter(matches);

  // Words typed in order ("jennifer jo") are one narrow range of the phrases index even when each
  // word is common (2,000 Jennifers in a book of 100,000). Ranked by relevance, in-order matches
  // come first: when they fill the page they are the page, and the words' own ranges are not read
  // at all. Read whole (a few pages' worth at most), the range holds every in-order match and the
  // page is the exact one; a longer range is ranked among the part read, and says "more". With a
  // filter only some of them pass, and the range is still where matches lie thickest: it is read
  // as far as a scan would go.
  if (phrase && s === SORTS.recent) {
    const read = filtered ? b.scanMax : Math.min(b.scanMax, Math.max(limit * 2, 100));
    for (const r of await db.buyers.where('phrases').startsWith(phrase).limit(read).toArray()) held.set(r.id, r);
    const found = hits();
    if (found.length >= limit) return page(found, false);
  }
  const ranked = [...tokens].sort((a, b) => tokenSelectivity(b) - tokenSelectivity(a));
  const first = db.buyers.where('searchTokens').startsWith(ranked[0]!);

  // One word and no filter: every row of its range matches, so its rows are read straight away, a
  // little over a page (a row has several tokens starting with "j": the index repeats it). A
  // range that ends inside the read is whole, and the page exact.
  if (tokens.length === 1 && !filtered) {
    const read = Math.max(limit * 2, 100);
    const rows = await first.limit(read).toArray();
    for (const r of rows) held.set(r.id, r);
    return page(hits(), rows.length < read);
  }

  // Otherwise keys decide which rows to read. The most selective word's keys first, then (if those
  // were few enough to intersect) the next word's, then each filter's, unless that filter was
  // found broad moments ago: as soon as the ids that can match are few enough to read every row,
  // those rows are checked against everything and the result is exact.
  const sets: Set<string>[] = [];
  let candidates: Set<string> | null = null;
  // A range found broad moments ago (the word typed on, the filter kept) is not read again only
  // to learn the same: keys are read unless the hint says they would be too many.
  // One word (with a filter): past the row bound its keys would only be scanned, so no more are read.
  const firstKeys = await keysUnlessBroad(db, `word|${ranked[0]}`, () => first, tokens.length === 1 ? b.rowCap : b.keyCap);
  const steps: (() => Promise<{ keys: string[]; whole: boolean } | null>)[] = [
    async () => firstKeys,
    async () => (ranked[1] && firstKeys?.whole ? keysOf(db.buyers.where('searchTokens').startsWith(ranked[1]), b.keyCap) : null),
    // A filter's keys past the row bound help only to intersect with a word's whole set of keys.
    ...filterRanges(db, o, true).map((range, i) => () => keysUnlessBroad(db, filterHint(o, i), range, sets.length ? b.keyCap : b.rowCap)),
  ];
  for (const step of steps) {
    const read = await step();
    if (!read?.whole) continue;
    sets.push(new Set(read.keys));
    candidates = intersect(sets);
    // Every buyer that can match is among the candidates: the result is exact.
    if (candidates.size <= b.rowCap) return page((await readRows(candidates)).filter(matches), true);
  }

  // Nothing narrow enough: the candidates (or else the most selective word's range) are read a
  // slice at a time until the page is full or a bounded number of rows has been looked at, and the
  // page says there may be more.
  const slice = Math.max(limit * 2, 50);
  let found = hits();
  // The rows the phrase read brought count too: one search reads about `scanMax` rows in all
  // (and one slice past the phrase read at least).
  const budget = Math.max(slice, b.scanMax - held.size);
  const pool = candidates ? [...(candidates as Set<string>)] : firstKeys?.keys;
  if (pool) {
    let looked = 0;
    for (let i = 0; i < pool.length && found.length < limit && looked < budget; i += slice) {
      const part = pool.slice(i, i + Math.min(slice, budget - looked));
      looked += part.length;
      await readRows(part);
      found = hits();
    }
  } else {
    // No keys read: the range's rows straight away, one slice, then (if the page is not full) as
    // far as the bound (the first slice again comes from the database's cache).
    for (const n of [Math.min(slice, budget), budget]) {
      const rows = await first.limit(n).toArray();
      for (const r of rows) held.set(r.id, r);
      found = hits();
      if (found.length >= limit || rows.length < n) break;
    }
  }
  return page(found, false);
}

/**
 * Words and filters found too broad to intersect or sort in memory (more keys than the bound it was
 * read with), until when: the next keystroke, or the list's next page, does not read those keys
 * again only to learn the same. A range broad at one bound is broad at every smaller one, so a
 * filter the list found broad is skipped by a search too. Only a hint: a filter taken for broad is
 * still checked on every row, and the page says "more" where it may be incomplete.
 */
const broadHints = new Map<string, { until: number; cap: number }>();
const BROAD_HINT_MS = 30_000;
/** Every word typed leaves a hint: past this many, the expired ones go. */
const MAX_HINTS = 500;

/** The range's keys up to `cap`, or null (nothing read) when it was found holding more moments ago. */
async function keysUnlessBroad(
  db: BuyerbookDB,
  hint: string,
  range: () => Collection<BuyerRow, string>,
  cap: number,
): Promise<{ keys: string[]; whole: boolean } | null> {
  const key = `${db.name}|${hint}`;
  const known = broadHints.get(key);
  if (known && known.until > Date.now() && known.cap >= cap) return null;
  const keys = await keysOf(range(), cap);
  if (!keys.whole) noteBroad(key, cap);
  return keys;
}

function noteBroad(key: string, cap: number): void {
  const now = Date.now();
  if (broadHints.size >= MAX_HINTS) for (const [k, h] of broadHints) if (h.until <= now) broadHints.delete(k);
  const known = broadHints.get(key);
  broadHints.set(key, { until: now + BROAD_HINT_MS, cap: known && known.until > now ? Math.max(known.cap, cap) : cap });
}
/** The hint of the `i`th filter range (filterRanges' order) among all the filters set. */
const filterHint = (o: FindOptions, i: number) => `filter|${i}|${JSON.stringify([o.stage, o.tag, o.country, o.platform, o.idleDays])}`;

/** The order of a search's results: the sort's, or for "last contact" relevance first. */
function ranking(s: SortSpec, tokens: string[], phrase: string | null): (a: BuyerRow, b: BuyerRow) => number {
  const order = comparer(s);
  const keyed = (r: BuyerRow) => ({ key: s.key(r), id: r.id });
  const byDate = (a: BuyerRow, b: BuyerRow) => order(keyed(a), keyed(b));
  if (s !== SORTS.recent) return byDate;
  // By relevance first: the words in the order typed, then more words matched whole.
  const inOrder = (r: BuyerRow) => (phrase && r.phrases?.some((p) => p.startsWith(phrase)) ? 1 : 0);
  const whole = (r: BuyerRow) => tokens.reduce((n, t) => n + (r.searchTokens.includes(t) ? 1 : 0), 0);
  return (a, b) => inOrder(b) - inOrder(a) || whole(b) - whole(a) || byDate(a, b);
}

/** Keys a count of several filters reads per filter (not on the keystroke path). */
const COUNT_KEY_CAP = 5_000;

/**
 * How many buyers the list holds with these filters, or null when that would take more than a
 * bounded read (several broad filters): the list shows what it has without a total.
 */
export async function countFound(f: BuyerFilters, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<number | null> {
  const ranges = filterRanges(db, { ...f, now });
  if (ranges.length === 0) return db.buyers.count();
  if (ranges.length === 1 && !f.tag && !f.platform) return ranges[0]!.count();
  const sets = await Promise.all(ranges.map((r) => keysUpTo(r, COUNT_KEY_CAP)));
  if (sets.some((x) => !x)) return null;
  if (ranges.length === 1) return sets[0]!.size;
  return (await rowsOf(db, intersect(sets as Set<string>[]))).filter(filterCheck({ ...f, now })).length;
}

/** Every country in the book, read one distinct key at a time (a few hundred at most). */
export async function allCountries(db: BuyerbookDB = getDb()): Promise<string[]> {
  return db.transaction('r', db.buyers, async () => {
    const out: string[] = [];
    let next = await db.buyers.orderBy('country').limit(1).keys();
    while (next.length && out.length < 300) {
      const c = String(next[0]);
      out.push(c);
      next = await db.buyers.where('country').above(c).limit(1).keys();
    }
    return out;
  });
}
