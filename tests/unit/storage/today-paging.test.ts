/**
 * Today pages its ranges: more buyers due than a page holds are read page by page after the last
 * one read (keyset on due time then id), none skipped and none twice, even when hundreds share
 * one due time (steps are placed on the same working hour); and the view is told how many there
 * are in each group, never cut silently.
 */
import { describe, expect, test } from 'vitest';
import { freshDb, newBuyer } from './helpers';
import { createBuyer } from '../../../storage/buyers-repo';
import { getBuyerSteps } from '../../../storage/step-states-repo';
import { readDuePage, readToday, type DueCursor } from '../../../storage/today-repo';
import type { BuyerbookDB } from '../../../storage/db';

const Z = (iso: string) => Date.parse(iso);
const NOW = Z('2026-11-18T10:00:00Z');
const DAY_END = Z('2026-11-19T00:00:00Z');
const HOUR = 3600_000;

/** A buyer whose one step is due at `dueAt` (the stored step and the index, as next-due.ts writes them). */
async function dueAt(db: BuyerbookDB, name: string, at: number): Promise<string> {
  const b = await createBuyer(newBuyer({ name, emails: [`${name.toLowerCase().replace(/\W/g, '')}@x.example`] }), db, NOW - 400 * 24 * HOUR);
  const [step] = await getBuyerSteps(b.id, db);
  await db.buyers.update(b.id, { nextDueAt: at });
  await db.buyerSteps.put({ buyerId: b.id, steps: [{ ...step!, dueAt: at, snoozed: false, urgentAt: null }] });
  return b.id;
}

async function allPages(db: BuyerbookDB, order: 'asc' | 'desc', range: { lo?: number; hi: number }, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let after: DueCursor | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await readDuePage(db, order, range, after, limit);
    seen.push(...page.map((r) => r.id));
    if (page.length < limit) break;
    const last = page.at(-1)!;
    after = { dueAt: last.nextDueAt!, id: last.id };
  }
  return seen;
}

describe('Today pages', () => {
  test('keyset pages over many buyers due at the same time: each once, in index order, both directions', async () => {
    const db = freshDb();
    const same = NOW - 5 * HOUR;
    const ids: [number, string][] = [];
    for (let i = 0; i < 7; i++) ids.push([same, await dueAt(db, `Same ${i}`, same)]);
    ids.push([NOW - 9 * HOUR, await dueAt(db, 'Older', NOW - 9 * HOUR)]);
    ids.push([NOW - 1 * HOUR, await dueAt(db, 'Newer', NOW - 1 * HOUR)]);
    const desc = [...ids].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1)).map((x) => x[1]);
    for (const limit of [1, 2, 3, 7, 50]) {
      expect(await allPages(db, 'desc', { hi: NOW }, limit)).toEqual(desc);
      expect(await allPages(db, 'asc', { lo: 0, hi: NOW }, limit)).toEqual([...desc].reverse());
    }
  });

  test('"load more" reads the next page; the groups say how many buyers they have', async () => {
    const db = freshDb();
    for (let i = 0; i < 5; i++) await dueAt(db, `Late ${i}`, NOW - (i + 1) * HOUR);
    for (let i = 0; i < 3; i++) await dueAt(db, `Today ${i}`, NOW + (i + 1) * HOUR);
    for (let i = 0; i < 2; i++) await dueAt(db, `Soon ${i}`, DAY_END + (i + 1) * 24 * HOUR);

    const first = await readToday({ now: NOW, dayEnd: DAY_END, limit: 2 }, db);
    expect(first.overdue.map((s) => s.buyerName)).toEqual(['Late 0', 'Late 1']);
    expect(first.today.map((s) => s.buyerName)).toEqual(['Today 0', 'Today 1']);
    expect(first.upcoming).toEqual([]);
    expect([first.overdueMore, first.soonMore, first.more]).toEqual([true, true, true]);
    expect(first.buyers).toEqual({ overdue: 5, today: 3, upcoming: 2 });
    expect(first.read).toEqual({ overdue: 2, today: 2, upcoming: 0 });
    expect(first.soonLast?.dueAt).toBe(NOW + 2 * HOUR);

    const more = await readToday({ now: NOW, dayEnd: DAY_END, limit: 2, pages: { overdue: 3, soon: 2 } }, db);
    expect(more.overdue.map((s) => s.buyerName)).toEqual(['Late 0', 'Late 1', 'Late 2', 'Late 3', 'Late 4']);
    expect(more.today.map((s) => s.buyerName)).toEqual(['Today 0', 'Today 1', 'Today 2']);
    expect(more.upcoming.map((s) => s.buyerName)).toEqual(['Soon 0']);
    expect([more.overdueMore, more.soonMore]).toEqual([false, true]);
    expect(more.buyers).toEqual({ overdue: 5, today: 3, upcoming: 2 });
    expect(more.read).toEqual({ overdue: 5, today: 3, upcoming: 1 });

    const whole = await readToday({ now: NOW, dayEnd: DAY_END }, db);
    expect([whole.overdue.length, whole.today.length, whole.upcoming.length, whole.more]).toEqual([5, 3, 2, false]);
    expect(whole.buyers).toEqual({ overdue: 5, today: 3, upcoming: 2 });
  });

  test('a cut group is counted only so far past the buyers read: the count never walks a whole range', async () => {
    const db = freshDb();
    for (let i = 0; i < 6; i++) await dueAt(db, `Late ${i}`, NOW - (i + 1) * HOUR);
    const capped = await readToday({ now: NOW, dayEnd: DAY_END, limit: 2, countCap: 1 }, db);
    // 2 read, counted up to 2 + 1 + 1: more than read + cap, which the view shows as "3+".
    expect(capped.read.overdue).toBe(2);
    expect(capped.buyers.overdue).toBe(4);
    const exact = await readToday({ now: NOW, dayEnd: DAY_END, limit: 2, countCap: 10 }, db);
    expect(exact.buyers.overdue).toBe(6);
  });
});
