/**
 * What the seller does with a suggested step: Done (logs the matching touchpoint, so the rules
 * move on by themselves; a step with no touchpoint to log is dismissed), snooze until a time, or
 * dismiss. Each writes the buyer's steps again in the same transaction.
 */
import { DONE_KIND } from '../lib/next-steps/rules';
import type { NextStep, StepChannel } from '../lib/next-steps/types';
import { getDb, type BuyerbookDB } from './db';
import { computeNextDue, nextDueTables } from './next-due';
import { stepStateSchema, type StepStateRow, type Touchpoint } from './schema';
import { addTouchpoint } from './touchpoints-repo';
import { parseRow } from './validate';

/** A step state's id: one per buyer and step. */
export const stepStateId = (buyerId: string, key: string) => `${buyerId}|${key}`;

async function putState(buyerId: string, key: string, patch: Partial<Pick<StepStateRow, 'snoozedUntil' | 'dismissed'>>, db: BuyerbookDB, now: number) {
  await db.transaction('rw', nextDueTables(db), async () => {
    const id = stepStateId(buyerId, key);
    const cur = await db.stepStates.get(id);
    await db.stepStates.put(parseRow('stepStates', stepStateSchema, { ...cur, ...patch, id, buyerId, key, at: now }));
    await computeNextDue(db, buyerId, now);
  });
}

/** Moves the step to `until` (it shows again then, at the buyer's next working hour). */
export async function snoozeStep(buyerId: string, key: string, until: number, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<void> {
  await putState(buyerId, key, { snoozedUntil: until }, db, now);
}

export async function dismissStep(buyerId: string, key: string, db: BuyerbookDB = getDb(), now: number = Date.now()): Promise<void> {
  await putState(buyerId, key, { dismissed: true }, db, now);
}

/** Done: the matching touchpoint logged on the step's channel (or the one the seller used), or dismissed. */
export async function completeStep(
  step: Pick<NextStep, 'buyerId' | 'key' | 'action' | 'channel' | 'follows'>,
  opts: { channel?: StepChannel; note?: string; now?: number } = {},
  db: BuyerbookDB = getDb(),
): Promise<Touchpoint | null> {
  const now = opts.now ?? Date.now();
  const kind = DONE_KIND[step.action];
  if (!kind) {
    await dismissStep(step.buyerId, step.key, db, now);
    return null;
  }
  return addTouchpoint(
    {
      buyerId: step.buyerId,
      channel: opts.channel ?? step.channel,
      direction: 'out',
      kind,
      at: now,
      note: opts.note ?? '',
      inquiryId: step.follows.type === 'inquiry' ? step.follows.id : null,
    },
    db,
  );
}

/** A buyer's current suggested steps, earliest first. */
export async function getBuyerSteps(buyerId: string, db: BuyerbookDB = getDb()): Promise<NextStep[]> {
  return (await db.buyerSteps.get(buyerId))?.steps ?? [];
}

export async function listStepStates(buyerId: string, db: BuyerbookDB = getDb()): Promise<StepStateRow[]> {
  return db.stepStates.where('buyerId').equals(buyerId).toArray();
}
