/**
 * Next steps on the storage side: every write path keeps the buyer's nextDueAt and steps right,
 * snooze / dismiss / done are stored, and Today is a range read of the nextDueAt index.
 */
import { describe, expect, test } from 'vitest';
import { capture, freshDb, newBuyer } from './helpers';
import { saveCapture } from '../../../storage/capture-repo';
import { addTouchpoint, deleteTouchpoint, listTimeline } from '../../../storage/touchpoints-repo';
import { createBuyer, deleteBuyer, mergeBuyers, updateBuyer } from '../../../storage/buyers-repo';
import { completeStep, dismissStep, getBuyerSteps, snoozeStep } from '../../../storage/step-states-repo';
import { countDueBy, readToday } from '../../../storage/today-repo';
import { bulkImport } from '../../../storage/bulk-import';
import { setBuyerHours, updateNextStepSettings } from '../../../storage/next-step-settings-repo';
import { backfillNextDue } from '../../../storage/next-due-backfill';
import { NEXT_DUE_BACKFILL_KEY } from '../../../storage/versions';
import type { BuyerbookDB } from '../../../storage/db';

const Z = (iso: string) => Date.parse(iso);
const T0 = Z('2026-11-17T14:00:00Z'); // Tuesday 09:00 in New York
const REPLY_DUE = Z('2026-11-18T14:00:00Z');

async function capturedMike(db: BuyerbookDB) {
  return saveCapture(
    capture('alibaba', { name: 'Mike Turner', country: 'US', emails: ['mike@turner.example'], whatsapp: '+12125550100', platformBuyerId: '77' },
      { platformInquiryId: 'INQ-1', subject: 'Brass ball valves DN20', receivedAt: new Date(T0).toISOString() }),
    { now: T0 + 60_000 },
    db,
  );
}
const row = async (db: BuyerbookDB, id: string) => {
  const r = await db.buyers.get(id);
  return r && { ...r, nextSteps: await getBuyerSteps(id, db) };
};
const actions = async (db: BuyerbookDB, id: string) => (await row(db, id))?.nextSteps?.map((s) => s.action);

describe('nextDueAt follows every write', () => {
  test('capture: a reply is due; a quote moves it to the quote rule; deleting the quote moves it back', async () => {
    const db = freshDb();
    const { buyer } = await capturedMike(db);
    expect((await row(db, buyer.id))?.nextDueAt).toBe(REPLY_DUE);
    expect(await actions(db, buyer.id)).toEqual(['reply']);

    const reply = await addTouchpoint({ buyerId: buyer.id, channel: 'email', direction: 'out', kind: 'first-reply', at: T0 + 3600_000, note: '' }, db);
    expect(await actions(db, buyer.id)).toEqual(['follow-up-reply']);
    const quote = await addTouchpoint({ buyerId: buyer.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: T0 + 7200_000, note: 'FOB' }, db);
    const r = await row(db, buyer.id);
    expect(r?.nextSteps?.map((s) => [s.action, s.follows.id])).toEqual([['follow-up-quote', quote.id]]);
    expect(r?.nextDueAt).toBe(Z('2026-11-20T16:00:00Z')); // 3 days after the quote, inside New York hours

    await deleteTouchpoint(quote.id, db);
    expect(await actions(db, buyer.id)).toEqual(['follow-up-reply']);
    await deleteTouchpoint(reply.id, db);
    expect((await row(db, buyer.id))?.nextDueAt).toBe(REPLY_DUE);
  });

  test('update, create, merge and delete keep it right', async () => {
    const db = freshDb();
    const { buyer } = await capturedMike(db);
    await updateBuyer(buyer.id, { stage: 'lost' }, db);
    expect((await row(db, buyer.id))?.nextDueAt).toBeUndefined();
    await updateBuyer(buyer.id, { stage: 'new', country: 'SA' }, db);
    expect((await row(db, buyer.id))?.nextDueAt).toBe(Z('2026-11-18T14:00:00Z')); // 17:00 in Riyadh, a Wednesday

    const manual = await createBuyer(newBuyer({ name: 'Walk-in', emails: ['w@x.example'] }), db, Z('2026-11-02T15:00:00Z'));
    expect(await actions(db, manual.id)).toEqual(['re-engage']);
    await mergeBuyers(buyer.id, manual.id, db);
    expect(await actions(db, buyer.id)).toEqual(['reply']);

    await dismissStep(buyer.id, (await row(db, buyer.id))!.nextSteps![0]!.key, db);
    expect(await db.stepStates.where('buyerId').equals(buyer.id).count()).toBe(1);
    await deleteBuyer(buyer.id, db);
    expect(await db.stepStates.count()).toBe(0);
    expect(await db.buyerSteps.get(buyer.id)).toBeUndefined();
    expect(await db.buyerSteps.get(manual.id)).toBeUndefined(); // merged away
  });

  test('bulk import (restore, benchmark) fills nextDueAt from the batch itself', async () => {
    const db = freshDb();
    const b = { ...newBuyer({ name: 'Imported', emails: ['i@x.example'], country: 'DE' }), id: 'b-imp', tags: [], stage: 'quoted' as const, notes: '', createdAt: T0, updatedAt: T0, lastContactAt: T0 };
    await bulkImport({ buyers: [b], inquiries: [], touchpoints: [{ id: 't-q', buyerId: 'b-imp', channel: 'email', direction: 'out', kind: 'quote-sent', at: T0, note: '', inquiryId: null }] }, db);
    expect((await row(db, 'b-imp'))?.nextSteps?.map((s) => s.action)).toEqual(['follow-up-quote']);
    // A touchpoint for a buyer already in the book: that buyer is computed again whole.
    await bulkImport({ buyers: [], inquiries: [], touchpoints: [{ id: 't-in', buyerId: 'b-imp', channel: 'email', direction: 'in', kind: 'price-negotiation', at: T0 + 1000, note: '', inquiryId: null }] }, db);
    expect(await actions(db, 'b-imp')).toEqual(['reply']);
  });
});

describe('done, snooze, dismiss', () => {
  test('done logs the matching touchpoint on the step\'s channel', async () => {
    const db = freshDb();
    const { buyer, inquiry } = await capturedMike(db);
    const [step] = (await row(db, buyer.id))!.nextSteps!;
    const tp = await completeStep(step!, { now: T0 + 3600_000 }, db);
    expect(tp).toMatchObject({ kind: 'first-reply', direction: 'out', channel: 'email', inquiryId: inquiry!.id });
    expect((await listTimeline(buyer.id, {}, db)).map((t) => t.kind)).toEqual(['first-reply', 'inquiry']);
    expect(await actions(db, buyer.id)).toEqual(['follow-up-reply']);
  });

  test('snooze moves the due time, dismiss drops the step', async () => {
    const db = freshDb();
    const { buyer } = await capturedMike(db);
    const [step] = (await row(db, buyer.id))!.nextSteps!;
    await snoozeStep(buyer.id, step!.key, Z('2026-11-20T20:00:00Z'), db);
    const snoozed = await row(db, buyer.id);
    expect(snoozed?.nextDueAt).toBe(Z('2026-11-20T20:00:00Z'));
    expect(snoozed?.nextSteps?.[0]).toMatchObject({ snoozed: true, action: 'reply' });
    await dismissStep(buyer.id, step!.key, db);
    expect(await actions(db, buyer.id)).toEqual(['re-engage']);
  });
});

describe('Today', () => {
  test('overdue, today and upcoming from the index; the badge counts what is due by the end of today', async () => {
    const db = freshDb();
    const { buyer } = await capturedMike(db); // reply due Wed 14:00Z
    const quoted = await createBuyer(newBuyer({ name: 'Quoted', emails: ['q@x.example'], country: 'DE' }), db, T0);
    await addTouchpoint({ buyerId: quoted.id, channel: 'email', direction: 'out', kind: 'quote-sent', at: Z('2026-11-10T10:00:00Z'), note: '' }, db); // due Fri 13th: overdue
    const later = await createBuyer(newBuyer({ name: 'Later', emails: ['l@x.example'], country: 'DE' }), db, T0);
    await addTouchpoint({ buyerId: later.id, channel: 'email', direction: 'out', kind: 'sample-sent', at: Z('2026-11-14T10:00:00Z'), note: '' }, db); // due Fri 20th
    await createBuyer(newBuyer({ name: 'Far', emails: ['f@x.example'] }), db, T0); // re-engage in January: beyond upcoming

    const now = Z('2026-11-18T10:00:00Z');
    const dayEnd = Z('2026-11-19T00:00:00Z');
    const t = await readToday({ now, dayEnd }, db);
    expect(t.overdue.map((s) => [s.buyerName, s.action])).toEqual([['Quoted', 'follow-up-quote']]);
    expect(t.today.map((s) => [s.buyerName, s.action, s.priorityNow])).toEqual([['Mike Turner', 'reply', 0]]);
    expect(t.upcoming.map((s) => [s.buyerName, s.action])).toEqual([['Later', 'ask-sample-arrived']]);
    expect(t.more).toBe(false);
    expect(await countDueBy(dayEnd, db)).toBe(2);
    // The badge's count stops at its cap (it shows "999+" past 999): a full count walked every key.
    expect(await countDueBy(dayEnd, db, 1)).toBe(1);
    expect(buyer.id).toBeTruthy();
    // Bounded: one buyer a range, and it says there is more.
    expect((await readToday({ now, dayEnd, limit: 1 }, db)).more).toBe(true);
  });
});

describe('settings', () => {
  test('a rule change asks for the backfill; a buyer\'s own hours move that buyer at once', async () => {
    const db = freshDb();
    const { buyer } = await capturedMike(db);
    await updateNextStepSettings({ replyDueHours: 48 }, db);
    expect(await db.settings.get(NEXT_DUE_BACKFILL_KEY)).toBeTruthy();
    await backfillNextDue({ now: T0 }, db);
    expect((await row(db, buyer.id))?.nextDueAt).toBe(Z('2026-11-19T14:00:00Z'));
    await setBuyerHours(buyer.id, { timeZone: 'Asia/Tokyo' }, db); // Thu 14:00Z is 23:00 in Tokyo: Friday 09:00 JST
    expect((await row(db, buyer.id))?.nextDueAt).toBe(Z('2026-11-20T00:00:00Z'));
    await setBuyerHours(buyer.id, null, db);
    expect((await row(db, buyer.id))?.nextDueAt).toBe(Z('2026-11-19T14:00:00Z'));
    // The reminder alone moves nothing.
    await backfillNextDue({}, db);
    await updateNextStepSettings({ reminder: { enabled: true, time: '08:30' } }, db);
    expect(await db.settings.get(NEXT_DUE_BACKFILL_KEY)).toBeUndefined();
  });
});
