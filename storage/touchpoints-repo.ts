/**
 * Touchpoints: the one timeline of every contact with a buyer, across channels. Every write
 * recomputes the buyers' derived fields (last contact) through refreshDerived, in its transaction.
 */
import Dexie from 'dexie';
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { planEdit, type EditResult } from './edit-conflicts';
import { newId } from './ids';
import { touchpointSchema, type Stage, type Touchpoint } from './schema';
import { isCustomKind } from '../lib/domain';
import { proposeStage } from '../lib/stage-rules';
import { NotFoundError, parseRow } from './validate';

export type NewTouchpoint = Omit<Touchpoint, 'id' | 'inquiryId'> & { inquiryId?: string | null };

/** Fields a seller edits; changing buyerId moves the entry to another buyer. */
export const EDITABLE_TOUCHPOINT_FIELDS = ['buyerId', 'channel', 'direction', 'kind', 'at', 'note', 'inquiryId'] as const;
export type EditableTouchpointField = (typeof EDITABLE_TOUCHPOINT_FIELDS)[number];

async function assertBuyer(db: BuyerbookDB, id: string): Promise<void> {
  if (!(await db.buyers.get(id))) throw new NotFoundError('Buyer', id);
}

/** Logs a touchpoint; the buyer's last contact follows, in one transaction. */
export async function addTouchpoint(input: NewTouchpoint, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<Touchpoint> {
  const tp = parseRow('touchpoints', touchpointSchema, { inquiryId: null, ...input, id: newId() });
  return writeBook(db, async () => {
    await assertBuyer(db, tp.buyerId);
    await db.touchpoints.add(tp);
    await refreshDerived(db, [tp.buyerId], now);
    return tp;
  });
}

/**
 * Saves an edit of a touchpoint against the one in the book now: only changed fields, a
 * conflict when one of them changed underneath (storage/edit-conflicts.ts). A new buyerId moves
 * the entry; both buyers' last contact is recomputed.
 */
export async function editTouchpoint(
  id: string,
  base: Touchpoint,
  edited: Partial<Pick<Touchpoint, EditableTouchpointField>>,
  db: BuyerbookDB = getDb(),
  now: number = Date.now(),
): Promise<EditResult<Touchpoint, EditableTouchpointField>> {
  return writeBook(db, async () => {
    const cur = await db.touchpoints.get(id);
    if (!cur) throw new NotFoundError('Touchpoint', id);
    const { changes, conflicts } = planEdit(base, cur, edited, EDITABLE_TOUCHPOINT_FIELDS);
    if (conflicts.length) return { kind: 'conflict' as const, conflicts, current: cur };
    const next = parseRow('touchpoints', touchpointSchema, { ...cur, ...changes, id });
    if (next.buyerId !== cur.buyerId) await assertBuyer(db, next.buyerId);
    await db.touchpoints.put(next);
    await refreshDerived(db, [cur.buyerId, next.buyerId], now);
    return { kind: 'saved' as const, value: next };
  });
}

/**
 * Deletes a touchpoint; the buyer's last contact becomes the latest one left. Returns the row as
 * it was, so the panel can offer to undo (restoreTouchpoint) instead of asking first.
 */
export async function deleteTouchpoint(id: string, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<Touchpoint | undefined> {
  return writeBook(db, async () => {
    const tp = await db.touchpoints.get(id);
    if (!tp) return undefined;
    await db.touchpoints.delete(id);
    await refreshDerived(db, [tp.buyerId], now);
    return tp;
  });
}

/**
 * Undoes a delete: the same row (same id, same fields) back in the book, and the buyer's derived
 * fields follow. Refused when the buyer is gone meanwhile.
 */
export async function restoreTouchpoint(tp: Touchpoint, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<Touchpoint> {
  const row = parseRow('touchpoints', touchpointSchema, tp);
  return writeBook(db, async () => {
    await assertBuyer(db, row.buyerId);
    await db.touchpoints.put(row);
    await refreshDerived(db, [row.buyerId], now);
    return row;
  });
}

/** The latest touchpoint of a buyer, or undefined when the timeline is empty. */
export async function latestTouchpoint(buyerId: string, db: BuyerbookDB = getDb()): Promise<Touchpoint | undefined> {
  return db.touchpoints
    .where('[buyerId+at]')
    .between([buyerId, Dexie.minKey], [buyerId, Dexie.maxKey], true, true)
    .last();
}

export interface LoggedTouchpoint {
  touchpoint: Touchpoint;
  /** The stage this touchpoint implies, when it would move the buyer forward (lib/stage-rules.ts). */
  proposedStage: Stage | null;
}

/**
 * Logs a touchpoint and, in the same transaction, works out the stage it implies from the buyer
 * as they are now and the orders logged before it (a second order makes a repeat buyer).
 */
export async function logTouchpoint(input: NewTouchpoint, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<LoggedTouchpoint> {
  return writeBook(db, async () => {
    const touchpoint = await addTouchpoint(input, db, now);
    const buyer = await db.buyers.get(touchpoint.buyerId);
    if (!buyer || isCustomKind(touchpoint.kind)) return { touchpoint, proposedStage: null };
    const ordersBefore = await db.touchpoints
      .where('[buyerId+at]')
      .between([touchpoint.buyerId, Dexie.minKey], [touchpoint.buyerId, touchpoint.at], true, true)
      .filter((t) => t.kind === 'order' && t.id !== touchpoint.id)
      .count();
    return { touchpoint, proposedStage: proposeStage({ current: buyer.stage, kind: touchpoint.kind, ordersBefore }) };
  });
}

/** Where the next timeline page starts: the last entry shown. */
export interface TimelineCursor {
  at: number;
  id: string;
}

/**
 * A buyer's timeline, newest first (entries at the same time by id, descending), a keyset page
 * at a time: `after` the last entry shown. Entries sharing a time with the cursor are never
 * skipped (the add form rounds to the minute, so ties are common).
 */
export async function listTimeline(
  buyerId: string,
  opts: { after?: TimelineCursor; limit?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<Touchpoint[]> {
  const limit = Math.max(0, opts.limit ?? 50);
  const { after } = opts;
  const out: Touchpoint[] = [];
  if (limit === 0) return out;
  if (after) {
    // The rest of the cursor's tie group: IDB orders equal index keys by primary key.
    const ties = await db.touchpoints.where('[buyerId+at]').equals([buyerId, after.at]).primaryKeys();
    const older = ties.filter((id) => id < after.id).sort().reverse().slice(0, limit);
    for (const t of await db.touchpoints.bulkGet(older)) if (t) out.push(t);
  }
  if (out.length < limit) {
    const upper = after ? after.at : Dexie.maxKey;
    const rest = await db.touchpoints
      .where('[buyerId+at]')
      .between([buyerId, Dexie.minKey], [buyerId, upper], true, !after)
      .reverse()
      .limit(limit - out.length)
      .toArray();
    out.push(...rest);
  }
  return out;
}

export async function getTouchpoint(id: string, db: BuyerbookDB = getDb()): Promise<Touchpoint | undefined> {
  return db.touchpoints.get(id);
}

/** Writes validated touchpoints without recomputing (bulkImport recomputes once per batch). */
export async function putTouchpointRows(touchpoints: readonly Touchpoint[], db: BuyerbookDB): Promise<void> {
  await db.touchpoints.bulkPut(touchpoints.map((t) => parseRow('touchpoints', touchpointSchema, t)));
}

/** Writes validated touchpoints as they are: restore from backup, benchmark seeding. */
export async function bulkPutTouchpoints(touchpoints: readonly Touchpoint[], db: BuyerbookDB = getDb()): Promise<void> {
  await writeBook(db, async () => {
    const before = await db.touchpoints.bulkGet(touchpoints.map((t) => t.id));
    await putTouchpointRows(touchpoints, db);
    // A replaced row may have belonged to another buyer: both are recomputed.
    const owners = [...touchpoints.map((t) => t.buyerId), ...before.flatMap((t) => (t ? [t.buyerId] : []))];
    await refreshDerived(db, owners);
  });
}
