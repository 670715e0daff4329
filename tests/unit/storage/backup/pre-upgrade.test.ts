/**
 * Before an upgrade the book is copied at its old version into a database of its own; the copy
 * is an ordinary backup of that version and restores. A book already at the latest version is
 * not copied.
 */
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { Blob as NodeBlob } from 'node:buffer';
import Dexie from 'dexie';
import { openDb } from '../../../../storage/db';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../../../../storage/versions';
import { keepCopyBeforeUpgrade, listSafetyCopies } from '../../../../storage/backup/pre-upgrade';
import { restoreBackup, verifyBackup } from '../../../../storage/backup/restore';
import { freshDb } from '../helpers';
import { dumpBook, seedBook } from './book';

// The copy is a Blob stored in IndexedDB, as Chromium does; jsdom's Blob loses its bytes in
// fake-indexeddb's structured clone, Node's keeps them.
beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
});

const names: string[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const n of names.splice(0)) await Dexie.delete(n);
});

test('an old book is copied at its own version before the upgrade, and the copy restores', async () => {
  const name = `buyerbook-pre-upgrade-${Date.now()}`;
  const safetyName = `${name}-safety`;
  names.push(name, safetyName);
  const old = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= 1) });
  await seedBook(old, 5);
  const before = await dumpBook(old);
  old.close();

  const copy = await keepCopyBeforeUpgrade({ name, safetyName, now: Date.UTC(2026, 10, 27) });
  expect(copy).toMatchObject({ fromVersion: 1, toVersion: LATEST_VERSION });
  expect(copy!.fileName).toMatch(/^buyerbook-before-update-v1-2026-11-2\d\.jsonl$/);
  // The book itself was not upgraded by taking the copy.
  const raw = (await indexedDB.databases()).find((d) => d.name === name);
  expect(raw?.version).toBe(10);

  const [kept] = await listSafetyCopies(safetyName);
  const summary = await verifyBackup(kept!.blob);
  expect(summary.header.schemaVersion).toBe(1);
  expect(summary.counts.touchpoints).toBe(before.touchpoints.length);
  const db = freshDb();
  await restoreBackup(kept!.blob, 'replace', {}, db);
  const after = await dumpBook(db);
  expect(after.touchpoints).toEqual(before.touchpoints);
  expect(after.buyers.map((b) => b.id)).toEqual(before.buyers.map((b) => b.id));

  // Opened by the current code, the book upgrades; no copy is due any more.
  const now = openDb(name);
  await now.open();
  now.close();
  expect(await keepCopyBeforeUpgrade({ name, safetyName })).toBeNull();
  expect(await keepCopyBeforeUpgrade({ name: `${name}-absent`, safetyName })).toBeNull();
});
