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

export interface TodaySteps {
  overdue: DueStep[];
  today: DueStep[];
  upcoming: DueStep[];
  /** True when a range held more buyers than were read: the lists show the first `limit` of each. */
  more: boolean;
}

export interface TodayRange {
  now: number;
  /** The end of the seller's day (local midnight): due before it is "today". */
  dayEnd: number;
  /** Upcoming: this many days past the end of today (7). */
  upcomingDays?: number;
  /** Buyers read per range at most (200). */
  limit?: number;
}

const byDueThenPriority = (a: DueStep, b: DueStep) => a.dueAt - b.dueAt || a.priorityNow - b.priorityNow || a.key.localeCompare(b.key);
// Overdue: the most pressing first (an urgent reply before an old re-engagement), then the most recent.
const byPriorityThenRecent = (a: DueStep, b: DueStep) => a.priorityNow - b.priorityNow || b.dueAt - a.dueAt || a.key.localeCompare(b.key);

export async function readToday(range: TodayRange, db: BuyerbookDB = getDb()): Promise<TodaySteps> {
  const { now, dayEnd } = range;
  const limit = Math.max(1, range.limit ?? 200);
  const horizon = dayEnd + (range.upcomingDays ?? 7) * DAY_MS;
  // The most recently overdue first: those read when there are more than `limit`.
  const [late, soon, steps] = await db.transaction('r', db.buyers, db.buyerSteps, async () => {
    const [late, soon] = await Promise.all([
      db.buyers.where('nextDueAt').below(now).reverse().limit(limit).toArray(),
      db.buyers.where('nextDueAt').between(now, horizon, true, false).limit(limit).toArray(),
    ]);
    const ids = [...new Set([...late, ...soon].map((r) => r.id))];
    const rows = await db.buyerSteps.bulkGet(ids);
    return [late, soon, new Map(rows.filter((r) => !!r).map((r) => [r!.buyerId, r!.steps]))] as const;
  });
  const out: TodaySteps = { overdue: [], today: [], upcoming: [], more: late.length >= limit || soon.length >= limit };
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
  late.forEach(add);
  soon.forEach(add);
  out.overdue.sort(byPriorityThenRecent);
  out.today.sort(byDueThenPriority);
  out.upcoming.sort(byDueThenPriority);
  return out;
}

/** Buyers with a step due before `dayEnd` (overdue included): the toolbar badge. */
export async function countDueBy(dayEnd: number, db: BuyerbookDB = getDb()): Promise<number> {
  return db.buyers.where('nextDueAt').below(dayEnd).count();
}
