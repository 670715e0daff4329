/**
 * The book a seller lives in (issue 10), storage side: the seller's own kinds, delete with undo,
 * a stage proposed by what was logged, stage changes kept and shown in one history with
 * inquiries and touchpoints, and only linkable addresses stored.
 */
import { describe, expect, test } from 'vitest';
import { capture, freshDb, newBuyer } from './helpers';
import { saveCapture } from '../../../storage/capture-repo';
import { createBuyer, getBuyer, mergeBuyers, saveBuyerEdit, updateBuyer } from '../../../storage/buyers-repo';
import { addTouchpoint, deleteTouchpoint, latestTouchpoint, listTimeline, logTouchpoint, restoreTouchpoint } from '../../../storage/touchpoints-repo';
import { changeStage } from '../../../storage/buyer-stage';
import { listHistory } from '../../../storage/buyer-history';
import { getSettings, updateSettings } from '../../../storage/settings-repo';
import { bulkPutInquiries } from '../../../storage/inquiries-repo';
import { StorageValidationError } from '../../../storage/validate';
import { buyerSchema, type Touchpoint } from '../../../storage/schema';

const tp = (buyerId: string, over: Partial<Touchpoint> = {}) => ({
  buyerId, channel: 'email' as const, direction: 'out' as const, kind: 'follow-up' as const, at: 1_000, note: '', ...over,
});

describe('the seller’s own kinds', () => {
  test('settings default to none; a touchpoint takes custom:<slug> and refuses anything else', async () => {
    const db = freshDb();
    expect((await getSettings(db)).customKinds).toEqual([]);
    await updateSettings({ customKinds: [{ slug: 'trade-fair-visit', label: 'Trade fair visit' }] }, db);
    expect((await getSettings(db)).customKinds).toEqual([{ slug: 'trade-fair-visit', label: 'Trade fair visit' }]);
    const b = await createBuyer(newBuyer({ name: 'A' }), db);
    const saved = await addTouchpoint(tp(b.id, { kind: 'custom:trade-fair-visit' as never }), db);
    expect(saved.kind).toBe('custom:trade-fair-visit');
    await expect(addTouchpoint(tp(b.id, { kind: 'custom:Bad Slug' as never }), db)).rejects.toThrow(StorageValidationError);
    await expect(addTouchpoint(tp(b.id, { kind: 'stage-change' as never }), db)).rejects.toThrow(StorageValidationError);
    await expect(updateSettings({ customKinds: [{ slug: 'x y', label: 'X' }] }, db)).rejects.toThrow(StorageValidationError);
  });
});

describe('delete with undo', () => {
  test('the same row comes back, and the last contact follows both ways', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'A' }), db);
    await addTouchpoint(tp(b.id, { at: 100 }), db);
    const late = await addTouchpoint(tp(b.id, { at: 500, kind: 'quote-sent', note: 'FOB 4.20' }), db);
    const gone = await deleteTouchpoint(late.id, db);
    expect(gone).toEqual(late);
    expect((await getBuyer(b.id, db))!.lastContactAt).toBe(100);
    await restoreTouchpoint(gone!, db);
    expect((await listTimeline(b.id, {}, db))[0]).toEqual(late);
    expect((await getBuyer(b.id, db))!.lastContactAt).toBe(500);
    expect(await deleteTouchpoint('nope', db)).toBeUndefined();
  });
});

describe('stages follow the history', () => {
  test('a quote proposes quoted; an order ordered; a second order repeat; a note nothing', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'A' }), db);
    expect((await logTouchpoint(tp(b.id, { kind: 'quote-sent', at: 100 }), db)).proposedStage).toBe('quoted');
    expect((await logTouchpoint(tp(b.id, { kind: 'note', at: 150 }), db)).proposedStage).toBeNull();
    expect((await logTouchpoint(tp(b.id, { kind: 'order', direction: 'in', at: 200 }), db)).proposedStage).toBe('ordered');
    await changeStage(b.id, 'ordered', {}, db, 250);
    expect((await logTouchpoint(tp(b.id, { kind: 'order', direction: 'in', at: 300 }), db)).proposedStage).toBe('repeat');
    expect((await latestTouchpoint(b.id, db))!.at).toBe(300);
  });

  test('a change of stage is kept with its reason, from the card and from the edit form', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'A' }), db);
    await changeStage(b.id, 'quoted', {}, db, 1_000);
    await changeStage(b.id, 'quoted', {}, db, 1_500); // no change, nothing kept
    await changeStage(b.id, 'lost', { reason: '  Bought from a competitor ' }, db, 2_000);
    const base = (await getBuyer(b.id, db))!;
    await saveBuyerEdit(b.id, base, { stage: 'contacted' }, db, 3_000);
    await updateBuyer(b.id, { name: 'A renamed' }, db); // other fields do not add a change
    const changes = (await getBuyer(b.id, db))!.stageChanges!;
    expect(changes.map(({ at, from, to, reason }) => ({ at, from, to, reason }))).toEqual([
      { at: 1_000, from: 'new', to: 'quoted', reason: '' },
      { at: 2_000, from: 'quoted', to: 'lost', reason: 'Bought from a competitor' },
      { at: 3_000, from: 'lost', to: 'contacted', reason: '' },
    ]);
  });

  test('a capture saved into a known buyer with another stage records the change, and keeps the earlier ones', async () => {
    const db = freshDb();
    const first = await saveCapture(capture('alibaba', { name: 'Ben Ode', emails: ['ben@ode.com'] }), {}, db);
    await changeStage(first.buyer.id, 'quoted', {}, db, 1_000);
    await saveCapture(capture('gmail', { name: 'Ben Ode', emails: ['ben@ode.com'] }), { stage: 'negotiating', now: 2_000 }, db);
    const changes = (await getBuyer(first.buyer.id, db))!.stageChanges!;
    expect(changes.map((c) => [c.at, c.from, c.to])).toEqual([[1_000, 'new', 'quoted'], [2_000, 'quoted', 'negotiating']]);
  });

  test('a merge keeps both buyers’ stage changes', async () => {
    const db = freshDb();
    const a = await createBuyer(newBuyer({ name: 'A' }), db);
    const b = await createBuyer(newBuyer({ name: 'B' }), db);
    await changeStage(a.id, 'quoted', {}, db, 1_000);
    await changeStage(b.id, 'dormant', { reason: 'No answer' }, db, 500);
    await mergeBuyers(a.id, b.id, db);
    expect((await getBuyer(a.id, db))!.stageChanges!.map((c) => c.to)).toEqual(['dormant', 'quoted']);
  });
});

describe('one history', () => {
  test('inquiries, touchpoints and stage changes, newest first, keyset paged without gaps', async () => {
    const db = freshDb();
    const b = await createBuyer(newBuyer({ name: 'A' }), db);
    await bulkPutInquiries([
      { id: 'inq-1', buyerId: b.id, platform: 'alibaba', platformInquiryId: '1', url: 'https://message.alibaba.com/x', subject: 'Valves',
        productTitle: 'DN20 valve', productId: null, quantity: 500, unit: 'pieces', message: null, receivedAt: 300, capturedAt: 900 },
    ], db);
    for (const at of [100, 300, 300, 500]) await addTouchpoint(tp(b.id, { at }), db);
    await changeStage(b.id, 'quoted', {}, db, 400);
    const all = await listHistory(b.id, { limit: 50 }, db);
    expect(all.map((e) => [e.type, e.at])).toEqual([
      ['touchpoint', 500], ['stage', 400], ...all.slice(2, 5).map((e) => [e.type, 300]), ['touchpoint', 100],
    ]);
    expect(all.slice(2, 5).map((e) => e.type).sort()).toEqual(['inquiry', 'touchpoint', 'touchpoint']);
    const paged = [];
    let after;
    for (;;) {
      const page = await listHistory(b.id, { after, limit: 2 }, db);
      paged.push(...page);
      if (page.length < 2) break;
      after = { at: page[1]!.at, id: page[1]!.id };
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });
});

describe('only linkable addresses are stored', () => {
  test('the schema refuses a website or LinkedIn that is not http(s); a write moves one into the notes', async () => {
    const db = freshDb();
    const shape = buyerSchema.shape;
    expect(shape.website.safeParse('javascript:alert(1)').success).toBe(false);
    expect(shape.website.safeParse('data:text/html,x').success).toBe(false);
    expect(shape.linkedin.safeParse('https://evil.example/in/x').success).toBe(false);
    expect(shape.linkedin.safeParse('http://www.linkedin.com/in/x').success).toBe(false);
    expect(shape.website.safeParse('https://becker.de').success).toBe(true);
    // A row from before (or an import) is never refused for it: the value is kept in the notes.
    const b = await createBuyer(newBuyer({ website: 'javascript:alert(1)', linkedin: 'https://www.linkedin.com/in/jonas' }), db);
    expect(b.website).toBeNull();
    expect(b.linkedin).toBe('https://www.linkedin.com/in/jonas');
    expect(b.notes).toBe('Website is not an address Buyerbook opens, kept here: javascript:alert(1)');
  });
});
