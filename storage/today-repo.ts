/**
 * The Today view's read: every buyer's stored next steps, overdue / due today / upcoming, read as
 * ranges of the `nextDueAt` index (bounded, never a walk of the book), and the badge's count.
 */
import { priorityAt, type NextStep, type StepPriority } from '../lib/next-steps/types';
import { getDb, type BuyerbookDB } from './db';
import type { BuyerRow } from './schema';

const DAY_MS = 24 * 3600 * 1000;

export interface DueStep extends NextStep {
  buyerName: string | null;
  buyerCompany: string | null;
  buyerCountry: string | null;
  /** The priority now (a reply turns urgent with time). */
  priorityNow: StepPriority;
}

/** Where a range's read stopped: the last buyer read, in the order of the index (due time, then id). */
export interface DueCursor {
  dueAt: number;
  id: string;
}

export interface TodaySteps {
  overdue: DueStep[];
  today: DueStep[];
  upcoming: DueStep[];
  /** True when a range held more buyers than were read: the lists show the first pages of each. */
  more: boolean;
  /** Per range: more buyers than were read (the view offers the next page), and where it stopped. */
  overdueMore: boolean;
  soonMore: boolean;
  soonLast: DueCursor | null;
  /**
   * Buyers with a step in each group: the number read, or, where a range was cut, the index's
   * count of the whole range, so the view says how many there are, never cuts silently.
   */
  buyers: { overdue: number; today: number; upcoming: number };
  /** Buyers read whose earliest step falls in each group (the shown part of `buyers`). */
  read: { overdue: number; today: number; upcoming: number };
}

export interface TodayRange {
  now: number;
  /** The end of the seller's day (local midnight): due before it is "today". */
  dayEnd: number;
  /** Upcoming: this many days past the end of today (7). */
  upcomingDays?: number;
  /** Buyers read per page (200). */
  limit?: number;
  /** Pages read per range (1): "load more" asks for one more, read after the last (keyset). */
  pages?: { overdue?: number; soon?: number };
  /** A cut group is counted up to this many buyers past those read (TODAY_COUNT_CAP). */
  countCap?: number;
}

const byDueThenPriority = (a: DueStep, b: DueStep) => a.dueAt - b.dueAt || a.priorityNow - b.priorityNow || a.key.localeCompare(b.key);
// Overdue: the most pressing first (an urgent reply before an old re-engagement), then the most recent.
const byPriorityThenRecent = (a: DueStep, b: DueStep) => a.priorityNow - b.priorityNow || b.dueAt - a.dueAt || a.key.localeCompare(b.key);

/**
 * One page of buyers with a step due in [lo, hi), after `after` in the index's order: ascending
 * (due time, then id), or descending for the overdue range (the most recently due first). A
 * keyset on the nextDueAt index, whose entries IndexedDB orders by key then primary key: the rest
 * of the buyers due at exactly the cursor's time (keys only: many are placed on the same working
 * hour), then the range after it. No offset, so a page never skips nor repeats a buyer.
 */
export async function readDuePage(
  db: BuyerbookDB,
  order: 'asc' | 'desc',
  range: { lo?: number; hi: number },
  after: DueCursor | undefined,
  limit: number,
): Promise<BuyerRow[]> {
  const index = db.buyers.where('nextDueAt');
  const rest = (from: number | undefined, open: boolean) => {
    if (order === 'desc') return (from == null ? index.below(range.hi) : index.below(from)).reverse();
    return index.between(from ?? range.lo ?? -Infinity, range.hi, !open, false);
  };
  if (!after) return rest(undefined, false).limit(limit).toArray();
  const tied = ((await index.equals(after.dueAt).primaryKeys()) as string[])
    .filter((id) => (order === 'asc' ? id > after.id : id < after.id))
    .sort()
    .slice(0, order === 'asc' ? limit : undefined);
  const ties = order === 'asc' ? tied : tied.reverse().slice(0, limit);
  const tiedRows = (await db.buyers.bulkGet(ties)).filter((r): r is BuyerRow => !!r);
  if (ties.length >= limit) return tiedRows;
  return [...tiedRows, ...(await rest(after.dueAt, true).limit(limit - ties.length).toArray())];
}

const cursorOf = (r: BuyerRow): DueCursor => ({ dueAt: r.nextDueAt ?? 0, id: r.id });

/** Up to `pages` pages of a range, each read after the last (keyset); whether the range has more. */
async function readPages(
  db: BuyerbookDB,
  order: 'asc' | 'desc',
  range: { lo?: number; hi: number },
  limit: number,
  pages: number,
): Promise<{ rows: BuyerRow[]; full: boolean }> {
  const rows: BuyerRow[] = [];
  let after: DueCursor | undefined;
  let full = false;
  for (let p = 0; p < Math.max(1, pages); p++) {
    const page = await readDuePage(db, order, range, after, limit);
    rows.push(...page);
    full = page.length >= limit;
    if (!full) break;
    after = cursorOf(page[page.length - 1]!);
  }
  return { rows, full };
}

/** How far past the buyers read a cut group is counted: beyond it the view says "N+". */
export const TODAY_COUNT_CAP = 1000;

export async function readToday(range: TodayRange, db: BuyerbookDB = getDb()): Promise<TodaySteps> {
  const { now, dayEnd } = range;
  const limit = Math.max(1, range.limit ?? 200);
  const horizon = dayEnd + (range.upcomingDays ?? 7) * DAY_MS;
  const [late, soon, steps, counted] = await db.transaction('r', db.buyers, db.buyerSteps, async () => {
    const [late, soon] = await Promise.all([
      readPages(db, 'desc', { hi: now }, limit, range.pages?.overdue ?? 1),
      readPages(db, 'asc', { lo: now, hi: horizon }, limit, range.pages?.soon ?? 1),
    ]);
    const ids = [...new Set([...late.rows, ...soon.rows].map((r) => r.id))];
    const rows = await db.buyerSteps.bulkGet(ids);
    // A range that was cut is counted (keys only, in the index); one read whole needs no count.
    // The count stops TODAY_COUNT_CAP keys past what was read: counting a whole range walks every
    // key of it (2 s at 100,000 buyers, most of them overdue, on every live re-read of Today).
    const index = db.buyers.where('nextDueAt');
    const upTo = (c: ReturnType<typeof index.below>, read: number) => c.limit(read + (range.countCap ?? TODAY_COUNT_CAP) + 1).primaryKeys().then((k) => k.length);
    const inSoon = (r: BuyerRow) => (r.nextDueAt ?? 0) < dayEnd;
    const [overdue, today, upcoming] = await Promise.all([
      late.full ? upTo(index.below(now), late.rows.length) : null,
      soon.full ? upTo(index.between(now, dayEnd, true, false), soon.rows.filter(inSoon).length) : null,
      soon.full ? upTo(index.between(dayEnd, horizon, true, false), soon.rows.filter((r) => !inSoon(r)).length) : null,
    ]);
    return [late, soon, new Map(rows.filter((r) => !!r).map((r) => [r!.buyerId, r!.steps])), { overdue, today, upcoming }] as const;
  });
  const lastSoon = soon.rows.at(-1);
  const read = {
    overdue: late.rows.length,
    today: soon.rows.filter((r) => (r.nextDueAt ?? 0) < dayEnd).length,
    upcoming: soon.rows.filter((r) => (r.nextDueAt ?? 0) >= dayEnd).length,
  };
  const out: TodaySteps = {
    overdue: [],
    today: [],
    upcoming: [],
    more: late.full || soon.full,
    overdueMore: late.full,
    soonMore: soon.full,
    soonLast: lastSoon ? cursorOf(lastSoon) : null,
    buyers: { overdue: counted.overdue ?? read.overdue, today: counted.today ?? read.today, upcoming: counted.upcoming ?? read.upcoming },
    read,
  };
  const seen = new Set<string>();
  const add = (row: BuyerRow) => {
    if (seen.has(row.id)) return;
    seen.add(row.id);
    for (const step of steps.get(row.id) ?? []) {
      const due: DueStep = { ...step, buyerName: row.name, buyerCompany: row.company, buyerCountry: row.country, priorityNow: priorityAt(step, now) };
      if (step.dueAt < now) out.overdue.push(due);
      else if (step.dueAt < dayEnd) out.today.push(due);
      else if (step.dueAt < horizon) out.upcoming.push(due);
    }
  };
  late.rows.forEach(add);
  soon.rows.forEach(add);
  out.overdue.sort(byPriorityThenRecent);
  out.today.sort(byDueThenPriority);
  out.upcoming.sort(byDueThenPriority);
  return out;
}

/**
 * Buyers with a step due before `dayEnd` (overdue included), counted up to `cap`: the toolbar
 * badge, which shows "999+" past 999. A full count walks every key of the range (seconds at
 * 100,000 buyers, most overdue) and ran at every browser start, while the panel was opening.
 */
export async function countDueBy(dayEnd: number, db: BuyerbookDB = getDb(), cap: number = BADGE_COUNT_CAP): Promise<number> {
  return (await db.buyers.where('nextDueAt').below(dayEnd).limit(cap).primaryKeys()).length;
}

/** The badge says "999+" past 999, so a count never needs to go further than this. */
export const BADGE_COUNT_CAP = 1000;
