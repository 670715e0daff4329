/** Backups of every earlier schema version restore; each version has its row upgrade step. */
import { expect, test } from 'vitest';
import { ROW_UPGRADES, rowUpgradeFrom } from '../../../../storage/backup/row-upgrades';
import { SCHEMA_VERSIONS, LATEST_VERSION } from '../../../../storage/versions';
import { writeBackup } from '../../../../storage/backup/write-backup';
import { restoreBackup } from '../../../../storage/backup/restore';
import { LineHasher } from '../../../../storage/backup/format';
import { freshDb } from '../helpers';
import { NOW, dumpBook, seedBook } from './book';

test('every schema version after the first has its backup row upgrade (add one with a new version)', () => {
  for (const v of SCHEMA_VERSIONS.slice(1)) expect(ROW_UPGRADES[v.version], `version ${v.version}`).toBeTypeOf('function');
  expect(rowUpgradeFrom(LATEST_VERSION + 1)).not.toBeNull(); // nothing to do from the current version
  for (let v = 1; v <= LATEST_VERSION; v++) expect(rowUpgradeFrom(v)).not.toBeNull();
});

/** The same book's backup as an older version would have stamped it (rows of today's shape are those of v1 and v2). */
async function asVersion(blob: Blob, version: number): Promise<Blob> {
  const lines = (await blob.text()).split('\n');
  lines[0] = JSON.stringify({ ...JSON.parse(lines[0]!), schemaVersion: version });
  const trailer = JSON.parse(lines[lines.length - 2]!);
  const h = new LineHasher();
  for (const l of lines.slice(0, -2)) h.add(new TextEncoder().encode(l));
  lines[lines.length - 2] = JSON.stringify({ ...trailer, sha256: await h.hex() });
  return new Blob([lines.join('\n')]);
}

test.each(SCHEMA_VERSIONS.map((v) => v.version))('a backup of schema version %i restores to the same book', async (version) => {
  const source = freshDb();
  await seedBook(source, 5);
  const before = await dumpBook(source);
  const { blob } = await writeBackup({}, source);
  const db = freshDb();
  await restoreBackup(await asVersion(blob, version), 'replace', { now: NOW }, db);
  const after = await dumpBook(db);
  expect({ ...after, settings: null }).toEqual({ ...before, settings: null });
});
