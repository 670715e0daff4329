/**
 * Derived fields are recomputed in one place (storage/derived-fields.ts) on every write path: each
 * step below writes through one path, then every buyer row is checked against a recomputation
 * from scratch (last contact from the touchpoints, index fields from the row).
 */
import { expect, test } from 'vitest';
import { capture, freshDb, newBuyer } from './helpers';
import { fromBuyerRow, toBuyerRow } from '../../../storage/buyer-row';
import { bulkPutBuyers, createBuyer, deleteBuyer, getBuyer, mergeBuyers, saveBuyerEdit, updateBuyer } from '../../../storage/buyers-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { bulkImport } from '../../../storage/bulk-import';
import { addTouchpoint, bulkPutTouchpoints, deleteTouchpoint, editTouchpoint, logTouchpoint, restoreTouchpoint } from '../../../storage/touchpoints-repo';
import { changeStage } from '../../../storage/buyer-stage';
import type { BuyerbookDB } from '../../../storage/db';
import { withNextDue } from '../../../storage/next-due';
import { getSettings } from '../../../storage/settings-repo';

async function expectDerivedRight(db: BuyerbookDB, step: string) {
  for (const row of await db.buyers.toArray()) {
    const tps = await db.touchpoints.where('buyerId').equals(row.id).toArray();
    const last = tps.length ? Math.max(...tps.map((t) => t.at)) : null;
    // Products asked about and platforms come from the buyer's inquiries, read here from scratch.
    const inquiries = (await db.inquiries.where('buyerId').equals(row.id).toArray()).sort(
      (a, b) => (b.receivedAt ?? b.capturedAt) - (a.receivedAt ?? a.capturedAt),
    );
    const context = {
      products: [...new Set(inquiries.map((i) => i.productTitle?.trim()).filter((t): t is string => !!t))].slice(0, 20),
      platforms: [...new Set(inquiries.map((i) => i.platform))],
    };
    const plain = toBuyerRow({ ...fromBuyerRow(row), lastContactAt: last }, context);
    // Next steps' due time, from the whole history and the settings (storage/next-due.ts).
    const history = { touchpoints: tps, inquiries, states: await db.stepStates.where('buyerId').equals(row.id).toArray() };
    const want = withNextDue(plain, history, (await getSettings(db)).nextSteps, Date.now()).row;
    expect(row, `${step}: ${row.name}`).toEqual(want);
  }
}

const tp = (buyerId: string, at: number) => ({ buyerId, channel: 'email', direction: 'out', kind: 'follow-up', at, note: '' }) as const;

test('every write path leaves every buyer\'s derived fields right', async () => {
  const db = freshDb();
  const a = await createBuyer(newBuyer({ name: 'Anna Schmidt', company: 'Schmidt GmbH' }), db);
  await expectDerivedRight(db, 'create');
  await updateBuyer(a.id, { name: 'Anna Schmidt-Berg', tags: ['vip'] }, db);
  await expectDerivedRight(db, 'update');
  await saveBuyerEdit(a.id, (await getBuyer(a.id, db))!, { company: 'Berg AG' }, db);
  await expectDerivedRight(db, 'edit');

  const saved = await saveCapture(
    capture('alibaba', { name: 'Ben Ode', emails: ['ben@ode.com'], platformBuyerId: 'P1' }, { platformInquiryId: 'Q1', subject: 'valves', receivedAt: '2026-11-02T00:00:00Z' }),
    {},
    db,
  );
  await expectDerivedRight(db, 'capture save');

  const t1 = await addTouchpoint(tp(a.id, 5000), db);
  await addTouchpoint(tp(a.id, 7000), db);
  await expectDerivedRight(db, 'add touchpoint');
  await editTouchpoint(t1.id, t1, { at: 9000 }, db);
  await expectDerivedRight(db, 'edit touchpoint');
  const moved = (await db.touchpoints.get(t1.id))!;
  await editTouchpoint(t1.id, moved, { buyerId: saved.buyer.id }, db);
  await expectDerivedRight(db, 'move touchpoint');
  const gone = await deleteTouchpoint(t1.id, db);
  await expectDerivedRight(db, 'delete touchpoint');
  await restoreTouchpoint(gone!, db);
  await expectDerivedRight(db, 'undo a delete');
  await deleteTouchpoint(t1.id, db);
  await logTouchpoint(tp(a.id, 8000), db);
  await expectDerivedRight(db, 'log touchpoint');
  await changeStage(a.id, 'lost', { reason: 'went elsewhere' }, db);
  await expectDerivedRight(db, 'change stage');

  // The inquiry moves to Anna (saved into her by its platform id): both buyers recomputed.
  await saveCapture(capture('alibaba', { name: 'Anna' }, { platformInquiryId: 'Q1', subject: 'valves' }), { buyerId: a.id }, db);
  await expectDerivedRight(db, 'move inquiry');

  const c = await createBuyer(newBuyer({ name: 'Carl' }), db);
  await addTouchpoint(tp(c.id, 12_000), db);
  await mergeBuyers(a.id, c.id, db);
  await expectDerivedRight(db, 'merge');

  // Bulk writes: rows as a backup holds them, with a stale last contact, recomputed on the way in.
  const now = 20_000;
  const d = { ...(await createBuyer(newBuyer({ name: 'Dora' }), db)), lastContactAt: 1, updatedAt: now };
  await bulkPutBuyers([d], db);
  await expectDerivedRight(db, 'bulk put buyers');
  await bulkPutTouchpoints([{ id: 'tp-d', ...tp(d.id, 15_000), inquiryId: null }], db);
  await expectDerivedRight(db, 'bulk put touchpoints');
  const e = { ...d, id: 'b-e', name: 'Emil', lastContactAt: 99_999 };
  await bulkImport({ buyers: [e], inquiries: [], touchpoints: [{ id: 'tp-e', ...tp('b-e', 16_000), inquiryId: null }] }, db);
  await expectDerivedRight(db, 'bulk import');
  expect((await getBuyer('b-e', db))!.lastContactAt).toBe(16_000);

  await deleteBuyer(saved.buyer.id, db);
  await expectDerivedRight(db, 'delete buyer');
});
