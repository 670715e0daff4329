/**
 * The next-step settings. A change of the rules (an interval, working hours, the seller's zone)
 * moves every buyer's due time: it asks the batch backfill to compute them all again rather
 * than rewriting the book in one transaction. A buyer's own hours move only that buyer, at once.
 */
import { nextStepSettingsSchema, type BuyerHours, type NextStepSettings } from '../lib/next-steps/settings';
import { getDb, type BuyerbookDB } from './db';
import { computeNextDue, nextDueTables } from './next-due';
import { requestNextDueBackfill } from './next-due-backfill';
import { getSettings, updateSettings } from './settings-repo';
import { parseRow } from './validate';

const rulesOf = (s: NextStepSettings) => JSON.stringify({ ...s, reminder: null, buyerHours: null });

export async function updateNextStepSettings(patch: Partial<NextStepSettings>, db: BuyerbookDB = getDb()): Promise<NextStepSettings> {
  return db.transaction('rw', nextDueTables(db), async () => {
    const cur = (await getSettings(db)).nextSteps;
    const next = parseRow('settings', nextStepSettingsSchema, { ...cur, ...patch });
    await updateSettings({ nextSteps: next }, db);
    if (rulesOf(cur) !== rulesOf(next)) await requestNextDueBackfill(db);
    const ids = new Set([...Object.keys(cur.buyerHours), ...Object.keys(next.buyerHours)]);
    for (const id of ids) {
      if (JSON.stringify(cur.buyerHours[id]) !== JSON.stringify(next.buyerHours[id])) await computeNextDue(db, id);
    }
    return next;
  });
}

/** A buyer's own time zone, hours or weekend (null: back to their country's). */
export async function setBuyerHours(buyerId: string, hours: Partial<BuyerHours> | null, db: BuyerbookDB = getDb()): Promise<NextStepSettings> {
  const { buyerHours } = (await getSettings(db)).nextSteps;
  const rest = { ...buyerHours };
  delete rest[buyerId];
  return updateNextStepSettings({ buyerHours: hours ? { ...rest, [buyerId]: { timeZone: null, start: null, end: null, weekend: null, ...hours } } : rest }, db);
}
