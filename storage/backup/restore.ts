/**
 * Restores a backup file into the book, all or nothing. First the whole file is read and checked
 * (scanBackup: every row validated, references, counts, checksum) without writing anything; that
 * is also the preview. Then it is read again inside ONE read-write transaction and written as it
 * is read: IndexedDB rolls back the whole transaction when anything fails or the seller cancels,
 * so the book is either the restored one or exactly the one before. The transaction stays open
 * while the file is read through Dexie.waitFor (the file is read a slice at a time, never whole).
 *
 * Replace: the book's buyers, inquiries and touchpoints are cleared and the file's written. Merge:
 * each buyer of the file is matched by id, else by the recognition of capture
 * (findBuyersByIdentity: same email, phone/WhatsApp, WeChat, LinkedIn or platform id); a match is
 * merged with mergeBuyerFields, so nothing either side knew is dropped, and its inquiries and
 * touchpoints follow it. Rows already in the book (same id, or the same platform inquiry) are not
 * written twice, so merging a backup into the book it was made from changes nothing.
 */
import Dexie from 'dexie';
import { fromBuyerRow, toBuyerRow, uniqStrings } from '../buyer-row';
import { findBuyersByIdentity, mergeBuyerFields, putBuyerRows } from '../buyers-repo';
import { deriveBuyers, putDerived, refreshDerived, writeBook } from '../derived-fields';
import { getDb, type BuyerbookDB } from '../db';
import { putInquiryRows } from '../inquiries-repo';
import {
  settingsSchema, stepStateSchema, type Buyer, type Inquiry, type OwnIdentity, type StepStateRow, type Touchpoint,
} from '../schema';
import { getSettings } from '../settings-repo';
import { stepStateId } from '../step-states-repo';
import { putTouchpointRows } from '../touchpoints-repo';
import { parseRow } from '../validate';
import type { BackupTable } from './format';
import { scanBackup, type BackupSummary } from './read-backup';

export type RestoreMode = 'replace' | 'merge';

export interface RestoreReport {
  mode: RestoreMode;
  buyersAdded: number;
  /** Merge only: buyers of the file merged into one of the book, and those the book already had as they are. */
  buyersMerged: number;
  buyersUnchanged: number;
  inquiriesAdded: number;
  inquiriesSkipped: number;
  touchpointsAdded: number;
  touchpointsSkipped: number;
}

export interface RestoreOptions {
  /**
   * 'verify' while the file is checked, 'write' while it is written; bytes of the file read (a
   * replace reads the file twice while writing, so its total is twice the file's size).
   */
  onProgress?: (phase: 'verify' | 'write', bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
  /** The time the restore happens, for the derived fields that depend on it (next steps). */
  now?: number;
}

/** Buyers a merge refreshes per call at the end (each call reads their whole history). */
const REFRESH_BATCH = 500;

/** The preview: reads and checks the whole file, writes nothing. Throws BackupError. */
export function verifyBackup(file: Blob, opts: RestoreOptions = {}): Promise<BackupSummary> {
  return scanBackup(file, { signal: opts.signal, onProgress: (r, t) => opts.onProgress?.('verify', r, t) });
}

/** Settings a restore never takes from the file: the times of the last backup and attempt are this book's own. */
const KEEP_OWN_SETTINGS = new Set(['lastBackupAt', 'scheduledBackupAttemptAt']);
const KNOWN_SETTINGS = new Set(Object.keys(settingsSchema.shape));

const mergeIdentity = (a: OwnIdentity, b: OwnIdentity): OwnIdentity => ({
  names: uniqStrings([...a.names, ...b.names]),
  companies: uniqStrings([...a.companies, ...b.companies]),
  emails: uniqStrings([...a.emails, ...b.emails]),
  phones: uniqStrings([...a.phones, ...b.phones]),
});

export async function restoreBackup(
  file: Blob,
  mode: RestoreMode,
  opts: RestoreOptions = {},
  db: BuyerbookDB = getDb(),
): Promise<RestoreReport> {
  await verifyBackup(file, opts);
  return writeVerifiedBackup(file, mode, opts, db);
}

/**
 * The write pass alone (restoreBackup runs it after verifyBackup). It checks everything again as
 * it reads, so a file changed since its preview fails here and is rolled back.
 */
export async function writeVerifiedBackup(
  file: Blob,
  mode: RestoreMode,
  opts: RestoreOptions = {},
  db: BuyerbookDB = getDb(),
): Promise<RestoreReport> {
  const now = opts.now ?? Date.now();
  const report: RestoreReport = {
    mode, buyersAdded: 0, buyersMerged: 0, buyersUnchanged: 0, inquiriesAdded: 0, inquiriesSkipped: 0, touchpointsAdded: 0, touchpointsSkipped: 0,
  };
  // Ids of the file's buyers and inquiries that became other ids of the book (merge).
  const buyerMap = new Map<string, string>();
  const inquiryMap = new Map<string, string>();
  // Merge: the buyers whose row or history this restore changed, refreshed once at the end.
  const touched = new Set<string>();

  const putStepStates = async (rows: StepStateRow[]) => {
    if (db.stepStates && rows.length) await db.stepStates.bulkPut(rows.map((r) => parseRow('stepStates', stepStateSchema, r)));
  };

  // Replace, first pass: the history and the settings, written as they are. The scan has just
  // parsed every row with its table's schema (BACKUP_ROW_SCHEMAS: the repositories' own, strict),
  // so the rows are put without a second parse: on a million touchpoints that is seconds.
  const writeHistory = async (table: BackupTable, rows: unknown[]) => {
    if (table === 'inquiries') {
      await db.inquiries.bulkPut(rows as Inquiry[]);
      report.inquiriesAdded += rows.length;
    } else if (table === 'touchpoints') {
      await db.touchpoints.bulkPut(rows as Touchpoint[]);
      report.touchpointsAdded += rows.length;
    } else if (table === 'stepStates') {
      if (db.stepStates) await db.stepStates.bulkPut(rows as StepStateRow[]);
    } else if (table === 'settings') {
      await writeSettings(rows);
    }
  };

  // Replace, second pass: each buyer written once, its derived fields from the history now in the book.
  const writeBuyers = async (table: BackupTable, rows: unknown[]) => {
    if (table !== 'buyers') return;
    await putDerived(db, await deriveBuyers(db, rows as Buyer[], now));
    report.buyersAdded += rows.length;
  };

  const mergeBuyer = async (b: Buyer) => {
    const byId = await db.buyers.get(b.id);
    const target = byId ? fromBuyerRow(byId) : (await findBuyersByIdentity(b, db))[0];
    if (!target) {
      await putBuyerRows([b], db);
      touched.add(b.id);
      report.buyersAdded++;
      return;
    }
    if (target.id !== b.id) buyerMap.set(b.id, target.id);
    // The same notes twice (a backup of this very book) are kept once.
    const incoming = target.notes.includes(b.notes) ? { ...b, notes: '' } : b;
    const merged = toBuyerRow(mergeBuyerFields(target, incoming, Math.max(target.updatedAt, b.updatedAt)));
    const before = toBuyerRow(target);
    if (JSON.stringify(merged) === JSON.stringify(before)) {
      report.buyersUnchanged++;
      return;
    }
    await db.buyers.put(merged);
    touched.add(target.id);
    report.buyersMerged++;
  };

  const writeMerge = async (table: BackupTable, rows: unknown[]) => {
    if (table === 'buyers') {
      // One at a time: a later buyer of the file is recognised against the ones written before it.
      for (const b of rows as Buyer[]) await mergeBuyer(b);
    } else if (table === 'inquiries') {
      const incoming = (rows as Inquiry[]).map((i) => ({ ...i, buyerId: buyerMap.get(i.buyerId) ?? i.buyerId }));
      const have = await db.inquiries.bulkGet(incoming.map((i) => i.id));
      const add: Inquiry[] = [];
      for (const [n, i] of incoming.entries()) {
        if (have[n]) {
          report.inquiriesSkipped++;
          continue;
        }
        const same = i.platformInquiryId
          ? await db.inquiries.where('[platform+platformInquiryId]').equals([i.platform, i.platformInquiryId]).first()
          : undefined;
        if (same) {
          inquiryMap.set(i.id, same.id);
          report.inquiriesSkipped++;
          continue;
        }
        add.push(i);
      }
      await putInquiryRows(add, db);
      for (const i of add) touched.add(i.buyerId);
      report.inquiriesAdded += add.length;
    } else if (table === 'touchpoints') {
      const incoming = (rows as Touchpoint[]).map((t) => ({
        ...t,
        buyerId: buyerMap.get(t.buyerId) ?? t.buyerId,
        inquiryId: t.inquiryId == null ? null : (inquiryMap.get(t.inquiryId) ?? t.inquiryId),
      }));
      const have = await db.touchpoints.bulkGet(incoming.map((t) => t.id));
      const add = incoming.filter((_, n) => !have[n]);
      report.touchpointsSkipped += incoming.length - add.length;
      await putTouchpointRows(add, db);
      for (const t of add) touched.add(t.buyerId);
      report.touchpointsAdded += add.length;
    } else if (table === 'stepStates') {
      // The book's own decision about a step wins over the file's.
      const incoming = (rows as StepStateRow[]).map((r) => {
        const buyerId = buyerMap.get(r.buyerId) ?? r.buyerId;
        return { ...r, buyerId, id: stepStateId(buyerId, r.key) };
      });
      const have = db.stepStates ? await db.stepStates.bulkGet(incoming.map((r) => r.id)) : [];
      const add = incoming.filter((_, n) => !have[n]);
      await putStepStates(add);
      for (const r of add) touched.add(r.buyerId);
    } else if (table === 'settings') {
      await writeSettings(rows);
    }
  };

  const writeSettings = async (rows: unknown[]) => {
    const current = await getSettings(db);
    for (const { key, value } of rows as { key: string; value: unknown }[]) {
      if (!KNOWN_SETTINGS.has(key) || KEEP_OWN_SETTINGS.has(key)) continue;
      if (mode === 'merge' && key === 'ownIdentity') {
        const theirs = settingsSchema.shape.ownIdentity.parse(value);
        await db.settings.put({ key, value: mergeIdentity(current.ownIdentity, theirs) });
      } else if (mode === 'replace' || !(await db.settings.get(key))) {
        await db.settings.put({ key, value });
      }
    }
  };

  const refreshTouched = async () => {
    const ids = [...touched];
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) await refreshDerived(db, ids.slice(i, i + REFRESH_BATCH), now);
  };

  // Every wait on the file goes through Dexie.waitFor, and every write runs inside the scan (its
  // onChunk and onEnd): code after an awaited scan has left the transaction's zone, and a write
  // there would start a transaction of its own (Dexie's PrematureCommitError).
  const wait = <T>(p: Promise<T>) => Dexie.waitFor(p);

  // One transaction over the whole book (bookTables: the step tables too, which every write
  // path's refreshDerived reads and writes): a failure or a cancel rolls all of it back.
  await writeBook(db, async () => {
    if (mode === 'merge') {
      await scanBackup(file, { signal: opts.signal, wait, onProgress: (r, t) => opts.onProgress?.('write', r, t), onChunk: writeMerge, onEnd: refreshTouched });
      return;
    }
    await db.touchpoints.clear();
    await db.inquiries.clear();
    await db.buyers.clear();
    await db.stepStates?.clear();
    await db.buyerSteps?.clear();
    // Two passes, so each buyer row (dozens of index entries) is written once, with its derived
    // fields complete, rather than written and then rewritten by a refresh: the whole file with
    // everything but the buyers, then the buyers again (the first lines of the file). The second
    // pass runs in the first one's onEnd and stops at the first line after the buyers: a pass
    // over lines that write nothing would lose Dexie's zone, and with it the transaction.
    const total = file.size;
    let buyersEnd = 0;
    let table: BackupTable | null = null;
    await scanBackup(file, {
      signal: opts.signal,
      wait,
      onProgress: (r) => {
        if (table === null || table === 'buyers') buyersEnd = r;
        opts.onProgress?.('write', r, 2 * total);
      },
      onChunk: (t, rows) => {
        table = t;
        // Nothing to await for the buyers (the second pass writes them): see handleLine.
        return t === 'buyers' ? undefined : writeHistory(t, rows);
      },
      onEnd: async () => {
        await scanBackup(file, {
          signal: opts.signal,
          wait,
          stopAfter: 'buyers',
          onProgress: (r) => opts.onProgress?.('write', total + Math.round((Math.min(r, buyersEnd) / Math.max(1, buyersEnd)) * total), 2 * total),
          onChunk: writeBuyers,
        });
      },
    });
  });
  return report;
}
