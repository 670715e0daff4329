/**
 * Book changes as an event, for what must follow every write without reading anything (the
 * toolbar badge): Dexie's own mutation event, fired for writes in this page and, through its
 * BroadcastChannel, in the extension's other pages.
 */
import Dexie from 'dexie';
import { DB_NAME } from './db';

type Parts = Record<string, unknown>;

/** Calls `fn` after each write to the buyers table (every change of a due time is one); returns the unsubscribe. */
export function onBuyersChanged(fn: () => void, dbName: string = DB_NAME): () => void {
  const prefix = `idb://${dbName}/buyers/`;
  const handler = (parts: Parts) => {
    if (Object.keys(parts).some((k) => k.startsWith(prefix))) fn();
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on.storagemutated.unsubscribe(handler);
}
