/**
 * Backup, wipe, restore: the book comes back row for row, derived index fields included, in
 * Chinese, Arabic and emoji, with 20,000-character notes and dates from 1970 to 2100.
 */
import { describe, expect, test } from 'vitest';
import { freshDb } from '../helpers';
import { writeBackup } from '../../../../storage/backup/write-backup';
import { restoreBackup, verifyBackup } from '../../../../storage/backup/restore';
import { scanBackup } from '../../../../storage/backup/read-backup';
import { backupFileName } from '../../../../storage/backup/format';
import { LATEST_VERSION } from '../../../../storage/versions';
import { getSettings, updateSettings } from '../../../../storage/settings-repo';
import { BUYERS, NOW, dumpBook, seedBook, buyer, touchpoint } from './book';
import { bulkImport } from '../../../../storage/bulk-import';

describe('backup and restore', () => {
  test('backup → wipe → restore gives the same book, row for row', async () => {
    const db = freshDb();
    await seedBook(db, 2100); // three touchpoint chunks
    const before = await dumpBook(db);
    const progress: number[] = [];
    const backup = await writeBackup({ now: NOW, pageRows: 500, onProgress: (p) => progress.push(p.done) }, db);
    expect(backup.fileName).toMatch(/^buyerbook-backup-2026-11-27\.jsonl$/);
    expect(backup.counts).toEqual({ buyers: 4, inquiries: 2, touchpoints: 2104, settings: 1, stepStates: 2 });
    // Every table of the database is compared below: none may be empty, or it proves nothing.
    for (const t of db.tables) expect(before[t.name]!.length, t.name).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    await db.delete();
    await db.open();
    expect((await dumpBook(db)).buyers).toEqual([]);

    const phases = new Set<string>();
    const report = await restoreBackup(backup.blob, 'replace', { now: NOW, onProgress: (phase) => phases.add(phase) }, db);
    expect(report).toMatchObject({ buyersAdded: 4, inquiriesAdded: 2, touchpointsAdded: 2104 });
    expect([...phases]).toEqual(['verify', 'write']);
    const after = await dumpBook(db);
    expect({ ...after, settings: null }).toEqual({ ...before, settings: null });
    // Settings come back too, except lastBackupAt: that is the book's own, never the file's.
    const setting = (d: typeof before, key: string) => d.settings.find((r) => r.key === key)?.value;
    expect(setting(after, 'ownIdentity')).toEqual(setting(before, 'ownIdentity'));
    expect(setting(after, 'lastBackupAt')).toBeUndefined();
  });

  test('the file is read slice by slice: tiny slices give the same summary', async () => {
    const db = freshDb();
    await seedBook(db, 30);
    const { blob, counts, sha256, createdAt } = await writeBackup({}, db);
    const summary = await scanBackup(blob, { sliceBytes: 7 });
    expect(summary).toMatchObject({ counts, sha256, header: { schemaVersion: LATEST_VERSION, createdAt } });
    expect(await verifyBackup(blob)).toEqual(summary);
  });

  test('replace drops what the book had; its own last-backup time stays', async () => {
    const source = freshDb();
    await seedBook(source);
    const { blob } = await writeBackup({}, source);
    const db = freshDb();
    await bulkImport({ buyers: [buyer('b-other', { name: 'Someone else' })], inquiries: [], touchpoints: [] }, db);
    await updateSettings({ lastBackupAt: 1234 }, db);
    await restoreBackup(blob, 'replace', {}, db);
    expect((await db.buyers.toArray()).map((b) => b.id)).toEqual(BUYERS.map((b) => b.id));
    expect((await getSettings(db)).lastBackupAt).toBe(1234);
  });

  test('merge into the book it came from changes nothing', async () => {
    const db = freshDb();
    await seedBook(db, 10);
    const before = await dumpBook(db);
    const { blob } = await writeBackup({}, db);
    const report = await restoreBackup(blob, 'merge', {}, db);
    expect(report).toMatchObject({ buyersAdded: 0, buyersMerged: 0, buyersUnchanged: 4, inquiriesAdded: 0, touchpointsAdded: 0 });
    expect(await dumpBook(db)).toEqual(before);
  });

  test('merge recognises a buyer by email under another id; the history follows, nothing is duplicated', async () => {
    const source = freshDb();
    await seedBook(source);
    const { blob } = await writeBackup({}, source);
    const db = freshDb();
    // The same Arabic buyer, saved on this machine under its own id with another phone.
    await bulkImport(
      {
        buyers: [buyer('local-ali', { name: 'Mohammed Ali', emails: ['m.ali@gulf.example'], phones: ['+97142223333'], tags: ['local'] })],
        inquiries: [],
        touchpoints: [touchpoint('t-local', 'local-ali', { note: 'called' })],
      },
      db,
    );
    const report = await restoreBackup(blob, 'merge', {}, db);
    expect(report).toMatchObject({ buyersAdded: 3, buyersMerged: 1 });
    const buyers = await db.buyers.toArray();
    expect(buyers.map((b) => b.id).sort()).toEqual(['b-1-zh', 'b-3-emoji', 'b-4-bare', 'local-ali']);
    const ali = buyers.find((b) => b.id === 'local-ali')!;
    expect(ali.name).toBe('Mohammed Ali');
    expect(ali.phones).toContain('+97142223333');
    expect(ali.whatsapp).toBe('+971501234567');
    expect(ali.tags).toEqual(['local']);
    expect(ali.platformIds).toEqual([{ platform: 'made-in-china', id: 'mic-9988' }]);
    expect(ali.notes).toContain('يريد عينة');
    const aliTimeline = await db.touchpoints.where('buyerId').equals('local-ali').toArray();
    expect(aliTimeline.map((t) => t.id).sort()).toEqual(['t-3', 't-local']);
    expect((await db.inquiries.get('i-2'))!.buyerId).toBe('local-ali');
    // A second merge of the same file adds nothing.
    const again = await restoreBackup(blob, 'merge', {}, db);
    expect(again).toMatchObject({ buyersAdded: 0, inquiriesAdded: 0, touchpointsAdded: 0 });
  });

  test('a file name carries the local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe('buyerbook-backup-2026-01-05.jsonl');
  });
});
