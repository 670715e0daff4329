/**
 * The buyer's next steps, kept beside the buyer: the steps (computed by the pure rules in
 * lib/next-steps from the buyer's history) in `buyerSteps`, and their earliest due time as the
 * buyer row's indexed `nextDueAt`, so the Today view and the badge are range reads of one index,
 * never a walk of the book.
 *
 * Every write that can change a buyer's steps calls computeNextDue inside its own transaction,
 * which must include nextDueTables(db).
 */
import type { Table } from 'dexie';
import { nextDueOf, nextSteps } from '../lib/next-steps/rules';
import type { NextStepSettings } from '../lib/next-steps/settings';
import type { NextStep, StepState } from '../lib/next-steps/types';
import { getDb, type BuyerbookDB } from './db';
import type { BuyerRow, BuyerStepsRow, Inquiry, StepStateRow, Touchpoint } from './schema';
import { getSettings } from './settings-repo';

/** The tables computeNextDue reads and writes: a caller's transaction must include them all. */
export const nextDueTables = (db: BuyerbookDB): Table[] =>
  [db.buyers, db.touchpoints, db.inquiries, db.stepStates, db.buyerSteps, db.settings].filter((t): t is Table => !!t);

/**
 * A database opened at a version before 4 (the migration tests write with old versions) has no
 * step tables: its steps are computed by the version 3 backfill after the upgrade.
 */
const hasSteps = (db: BuyerbookDB) => !!db.stepStates && !!db.buyerSteps;

const toState = (s: StepStateRow): StepState => ({ key: s.key, snoozedUntil: s.snoozedUntil, dismissed: s.dismissed });

export interface WithSteps {
  row: BuyerRow;
  steps: NextStep[];
}

/** The row with nextDueAt set from this history (absent when nothing is due), and its steps. */
export function withNextDue(
  row: BuyerRow,
  history: { touchpoints: readonly Touchpoint[]; inquiries: readonly Inquiry[]; states: readonly StepStateRow[] },
  settings: NextStepSettings,
  now: number,
): WithSteps {
  const steps = nextSteps(row, { touchpoints: history.touchpoints, inquiries: history.inquiries, states: history.states.map(toState) }, now, settings);
  const { nextDueAt: _old, ...rest } = row;
  const due = nextDueOf(steps);
  return { row: due == null ? rest : { ...rest, nextDueAt: due }, steps };
}

/** Writes rows and their steps (a buyer with none has no steps row). */
export async function putWithSteps(db: BuyerbookDB, items: readonly WithSteps[]): Promise<void> {
  await db.buyers.bulkPut(items.map((x) => x.row));
  await writeSteps(db, items);
}

/** The steps rows only (the buyer rows were written by the caller). */
export async function writeSteps(db: BuyerbookDB, items: readonly WithSteps[]): Promise<void> {
  const some: BuyerStepsRow[] = items.filter((x) => x.steps.length).map((x) => ({ buyerId: x.row.id, steps: x.steps }));
  const none = items.filter((x) => !x.steps.length).map((x) => x.row.id);
  if (some.length) await db.buyerSteps.bulkPut(some);
  if (none.length) await db.buyerSteps.bulkDelete(none);
}

/** Recomputes one buyer's steps from their history and writes them; returns the new nextDueAt. */
export async function computeNextDue(db: BuyerbookDB = getDb(), buyerId: string, now: number = Date.now()): Promise<number | null> {
  if (!hasSteps(db)) return null;
  return db.transaction('rw', nextDueTables(db), async () => {
    const row = await db.buyers.get(buyerId);
    if (!row) {
      await db.buyerSteps.delete(buyerId);
      return null;
    }
    const [touchpoints, inquiries, states, settings] = await Promise.all([
      db.touchpoints.where('buyerId').equals(buyerId).toArray(),
      db.inquiries.where('buyerId').equals(buyerId).toArray(),
      db.stepStates.where('buyerId').equals(buyerId).toArray(),
      getSettings(db),
    ]);
    const next = withNextDue(row, { touchpoints, inquiries, states }, settings.nextSteps, now);
    await putWithSteps(db, [next]);
    return next.row.nextDueAt ?? null;
  });
}

/** Computes the steps of many buyers at once (a backfill batch, a restore): three index reads for all. */
export async function computeNextDueMany(db: BuyerbookDB, buyerIds: readonly string[], now: number = Date.now()): Promise<void> {
  if (!buyerIds.length || !hasSteps(db)) return;
  await db.transaction('rw', nextDueTables(db), async () => {
    const ids = [...new Set(buyerIds)];
    const [rows, touchpoints, inquiries, states, settings] = await Promise.all([
      db.buyers.bulkGet(ids),
      db.touchpoints.where('buyerId').anyOf(ids).toArray(),
      db.inquiries.where('buyerId').anyOf(ids).toArray(),
      db.stepStates.where('buyerId').anyOf(ids).toArray(),
      getSettings(db),
    ]);
    const [tps, inqs, sts] = [groupByBuyer(touchpoints), groupByBuyer(inquiries), groupByBuyer(states)];
    const present = rows.filter((r): r is BuyerRow => !!r);
    const out = present.map((r) =>
      withNextDue(r, { touchpoints: tps.get(r.id) ?? [], inquiries: inqs.get(r.id) ?? [], states: sts.get(r.id) ?? [] }, settings.nextSteps, now),
    );
    // Buyer rows are rewritten only where the due time moved: every write path ends here, and a
    // row put costs all its index entries again.
    const moved = out.filter((x, i) => (x.row.nextDueAt ?? null) !== (present[i]!.nextDueAt ?? null));
    if (moved.length) await db.buyers.bulkPut(moved.map((x) => x.row));
    await writeSteps(db, out);
    // Deleted buyers keep no steps.
    const gone = ids.filter((id, i) => !rows[i]);
    if (gone.length) await db.buyerSteps.bulkDelete(gone);
  });
}

export function groupByBuyer<T extends { buyerId: string }>(xs: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const list = m.get(x.buyerId);
    if (list) list.push(x);
    else m.set(x.buyerId, [x]);
  }
  return m;
}
