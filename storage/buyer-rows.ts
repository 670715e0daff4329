/**
 * Buyer rows: read one, create, edit (only the changed fields, with conflicts), delete, bulk put.
 * Every write validates through toBuyerRow and ends in refreshDerived, in one transaction.
 */
import { fromBuyerRow, toBuyerRow } from './buyer-row';
import { getDb, type BuyerbookDB } from './db';
import { refreshDerived, writeBook } from './derived-fields';
import { planEdit, type EditResult } from './edit-conflicts';
import { newId } from './ids';
import { withStageChange } from './buyer-stage';
import type { Buyer, Stage } from './schema';
import { NotFoundError } from './validate';

export type NewBuyer = Omit<Buyer, 'id' | 'createdAt' | 'updatedAt' | 'lastContactAt' | 'tags' | 'stage' | 'notes'> &
  Partial<Pick<Buyer, 'tags' | 'stage' | 'notes'>>;

export type BuyerPatch = Partial<Omit<Buyer, 'id' | 'createdAt' | 'lastContactAt'>>;

/** The fields a seller edits; the rest are kept by the book (ids, times, derived). */
export const EDITABLE_BUYER_FIELDS = [
  'name', 'company', 'country', 'emails', 'phones', 'whatsapp', 'wechat', 'linkedin', 'website', 'platformIds', 'tags',
  'stage', 'notes', 'timeZone',
] as const satisfies readonly (keyof Buyer)[];
export type EditableBuyerField = (typeof EDITABLE_BUYER_FIELDS)[number];

export async function getBuyer(id: string, db: BuyerbookDB = getDb()): Promise<Buyer | undefined> {
  const row = await db.buyers.get(id);
  return row && fromBuyerRow(row);
}

export async function createBuyer(input: NewBuyer, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<Buyer> {
  const row = toBuyerRow({
    tags: [],
    stage: 'new' as Stage,
    notes: '',
    ...input,
    id: newId(),
    createdAt: now,
    updatedAt: now,
    lastContactAt: null,
  });
  return writeBook(db, async () => {
    await db.buyers.add(row);
    await refreshDerived(db, [row.id], now);
    return fromBuyerRow((await db.buyers.get(row.id))!);
  });
}

/** Writes validated buyers without recomputing (bulkImport recomputes once per batch). */
export async function putBuyerRows(buyers: readonly Buyer[], db: BuyerbookDB): Promise<void> {
  await db.buyers.bulkPut(buyers.map((b) => toBuyerRow(b)));
}

/** Writes validated buyers as they are (ids and times kept): restore from backup, benchmark seeding. */
export async function bulkPutBuyers(buyers: readonly Buyer[], db: BuyerbookDB = getDb()): Promise<void> {
  await writeBook(db, async () => {
    await putBuyerRows(buyers, db);
    await refreshDerived(db, buyers.map((b) => b.id));
  });
}

/** Applies `patch` to the buyer as it is in the book now (the fields not in it are kept). */
export async function updateBuyer(id: string, patch: BuyerPatch, db: BuyerbookDB = getDb()): Promise<Buyer> {
  const now = patch.updatedAt ?? Date.now();
  return writeBook(db, async () => {
    const cur = await db.buyers.get(id);
    if (!cur) throw new NotFoundError('Buyer', id);
    await db.buyers.put(toBuyerRow({ ...fromBuyerRow(cur), ...patch, id, createdAt: cur.createdAt, updatedAt: now }));
    await refreshDerived(db, [id], now);
    return fromBuyerRow((await db.buyers.get(id))!);
  });
}

/**
 * Saves a form's edit of a buyer: the fields that differ from `base` (the buyer as the form
 * opened it) are written onto the buyer as it is now; a field that also changed underneath to a
 * different value is a conflict and nothing is written (storage/edit-conflicts.ts).
 */
export async function saveBuyerEdit(
  id: string,
  base: Buyer,
  edited: Partial<Pick<Buyer, EditableBuyerField>>,
  db: BuyerbookDB = getDb(),
  now: number = Date.now(),
): Promise<EditResult<Buyer, EditableBuyerField> & { buyer: Buyer }> {
  return writeBook(db, async () => {
    const row = await db.buyers.get(id);
    if (!row) throw new NotFoundError('Buyer', id);
    const cur = fromBuyerRow(row);
    // Compare in stored form, so "A@x.com" typed over "a@x.com" is no change.
    const tidyEdited = fromBuyerRow(toBuyerRow({ ...cur, ...edited }));
    const wanted = Object.fromEntries(EDITABLE_BUYER_FIELDS.filter((k) => k in edited).map((k) => [k, tidyEdited[k]]));
    const { changes, conflicts } = planEdit(base, cur, wanted as Partial<Buyer>, EDITABLE_BUYER_FIELDS);
    if (conflicts.length) return { kind: 'conflict' as const, conflicts, current: cur, buyer: cur };
    if (Object.keys(changes).length === 0) return { kind: 'saved' as const, value: cur, buyer: cur };
    // A stage chosen in the form is a change of stage like any other: it shows in the history.
    await db.buyers.put(toBuyerRow(withStageChange(cur, { ...cur, ...changes, updatedAt: now }, now)));
    await refreshDerived(db, [id], now);
    const saved = fromBuyerRow((await db.buyers.get(id))!);
    return { kind: 'saved' as const, value: saved, buyer: saved };
  });
}

/** Deletes the buyer with its inquiries and touchpoints, in one transaction. */
export async function deleteBuyer(id: string, db: BuyerbookDB = getDb()): Promise<void> {
  await writeBook(db, async () => {
    await db.touchpoints.where('buyerId').equals(id).delete();
    await db.inquiries.where('buyerId').equals(id).delete();
    // What the seller decided about the buyer's steps goes with the buyer.
    await db.stepStates?.where('buyerId').equals(id).delete();
    await db.buyers.delete(id);
    await refreshDerived(db, [id]);
  });
}
