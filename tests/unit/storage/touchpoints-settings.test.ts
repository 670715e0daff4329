import { expect, test } from 'vitest';
import { freshDb, newBuyer } from './helpers';
import { createBuyer, getBuyer } from '../../../storage/buyers-repo';
import { addTouchpoint, deleteTouchpoint, listTimeline } from '../../../storage/touchpoints-repo';
import { getInquiry, listInquiries } from '../../../storage/inquiries-repo';
import { getSettings, updateSettings } from '../../../storage/settings-repo';
import { DEFAULT_NEXT_STEP_SETTINGS } from '../../../lib/next-steps/settings';

test('timeline newest first, paged by keyset; lastContactAt follows adds and deletes', async () => {
  const db = freshDb();
  const b = await createBuyer(newBuyer({ name: 'A' }), db);
  const tps = [];
  for (const at of [100, 300, 200, 400]) {
    tps.push(await addTouchpoint({ buyerId: b.id, channel: 'email', direction: 'out', kind: 'follow-up', at, note: `n${at}` }, db));
  }
  expect(tps[0]!.inquiryId).toBeNull();
  expect((await listTimeline(b.id, { limit: 2 }, db)).map((t) => t.at)).toEqual([400, 300]);
  const t300 = tps[1]!;
  expect((await listTimeline(b.id, { after: { at: t300.at, id: t300.id }, limit: 2 }, db)).map((t) => t.at)).toEqual([200, 100]);
  expect((await getBuyer(b.id, db))?.lastContactAt).toBe(400);
  await deleteTouchpoint(tps[3]!.id, db);
  expect((await getBuyer(b.id, db))?.lastContactAt).toBe(300);
  await expect(addTouchpoint({ buyerId: 'nope', channel: 'email', direction: 'in', kind: 'note', at: 1, note: '' }, db)).rejects.toThrow(/not found/);
});

test('inquiries: newest first, missing ids give undefined', async () => {
  const db = freshDb();
  expect(await listInquiries('x', db)).toEqual([]);
  expect(await getInquiry('x', db)).toBeUndefined();
});

test('settings: defaults, update, refused invalid value', async () => {
  const db = freshDb();
  expect(await getSettings(db)).toEqual({ ownIdentity: { names: [], companies: [], emails: [], phones: [] }, lastBackupAt: null, backupReminderDays: 7, nextSteps: DEFAULT_NEXT_STEP_SETTINGS, customKinds: [], scheduledBackup: 'off', scheduledBackupAttemptAt: null });
  const s = await updateSettings({ lastBackupAt: 123 }, db);
  expect(s.lastBackupAt).toBe(123);
  await updateSettings({ ownIdentity: { names: ['Li Wei'], companies: [], emails: [], phones: [] } }, db);
  expect(await getSettings(db)).toMatchObject({ lastBackupAt: 123, ownIdentity: { names: ['Li Wei'] } });
  await expect(updateSettings({ lastBackupAt: -5 }, db)).rejects.toThrow(/Refused settings row/);
  expect((await getSettings(db)).lastBackupAt).toBe(123);
});
