/**
 * A copy of the book kept before an update upgrades its schema. Dexie upgrades the database the
 * moment the panel first opens it, so the panel calls keepCopyBeforeUpgrade() before anything
 * else: when the stored version is older than the code's, the book is opened at ITS version
 * (only the versions up to it are declared, so nothing upgrades), written as an ordinary backup
 * file (stamped with the old version; restore accepts every earlier version) and that file is
 * kept as a Blob in a database of its own, `buyerbook-safety`, which the upgrade never touches.
 * The Data tab offers it for download. The last COPIES_KEPT copies are kept.
 *
 * Limits: it lives in the browser, so uninstalling the extension deletes it too (only a backup
 * file is safe from that); and a second panel opened at the very same moment may upgrade first.
 */
import Dexie, { type Table } from 'dexie';
import { DB_NAME, openDb } from '../db';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '../versions';
import { upgradeDueFrom } from './upgrade-due';
import { writeBackup, type BackupProgress } from './write-backup';

export const SAFETY_DB = 'buyerbook-safety';
const COPIES_KEPT = 2;

export interface SafetyCopy {
  key: string;
  fromVersion: number;
  toVersion: number;
  createdAt: number;
  fileName: string;
  blob: Blob;
}

class SafetyDB extends Dexie {
  declare copies: Table<SafetyCopy, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ copies: 'key, createdAt' });
  }
}

export async function keepCopyBeforeUpgrade(
  opts: { name?: string; safetyName?: string; now?: number; onProgress?: (p: BackupProgress) => void } = {},
): Promise<SafetyCopy | null> {
  const name = opts.name ?? DB_NAME;
  const from = await upgradeDueFrom(name);
  if (from == null) return null;
  const old = openDb(name, { versions: SCHEMA_VERSIONS.filter((v) => v.version <= from) });
  const safety = new SafetyDB(opts.safetyName ?? SAFETY_DB);
  try {
    const b = await writeBackup({ now: opts.now, onProgress: opts.onProgress }, old);
    const copy: SafetyCopy = {
      key: `v${from}-to-v${LATEST_VERSION}-${b.createdAt}`,
      fromVersion: from,
      toVersion: LATEST_VERSION,
      createdAt: b.createdAt,
      fileName: b.fileName.replace('buyerbook-backup-', `buyerbook-before-update-v${from}-`),
      blob: b.blob,
    };
    await safety.copies.put(copy);
    const older = await safety.copies.orderBy('createdAt').reverse().offset(COPIES_KEPT).primaryKeys();
    await safety.copies.bulkDelete(older);
    return copy;
  } finally {
    old.close();
    safety.close();
  }
}

/** The copies kept before upgrades, newest first. */
export async function listSafetyCopies(safetyName: string = SAFETY_DB): Promise<SafetyCopy[]> {
  const safety = new SafetyDB(safetyName);
  try {
    return await safety.copies.orderBy('createdAt').reverse().toArray();
  } finally {
    safety.close();
  }
}
