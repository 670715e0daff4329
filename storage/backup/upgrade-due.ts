/**
 * Whether the book is stored at an older schema version than the code's, so that a copy must be
 * kept before it is opened (storage/backup/pre-upgrade.ts). Apart from that module because the
 * panel asks it before its first render, on every open, while the copy itself (the backup writer
 * and its schemas) is needed only once per schema change.
 */
import { LATEST_VERSION } from '../versions';

/** The Dexie version the book is stored at, without opening it (null when there is no book). */
export async function storedVersion(name: string): Promise<number | null> {
  const all = await indexedDB.databases();
  const found = all.find((d) => d.name === name);
  // Dexie stores version N as IndexedDB version N * 10.
  return found?.version ? found.version / 10 : null;
}

/** The stored version when it is older than the code's (a copy is due), else null. */
export async function upgradeDueFrom(name: string): Promise<number | null> {
  const from = await storedVersion(name);
  return from != null && from < LATEST_VERSION ? from : null;
}
