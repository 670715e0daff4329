/**
 * Writes the whole book to a backup file (format: storage/backup/format.ts), a page of rows at a
 * time in primary-key order, each page in its own short read transaction so the seller can keep
 * saving while a big book is written. Encoded chunks are gathered into Blobs as they come, which
 * the browser keeps outside the page's JS heap (on disk when large), so memory stays flat.
 *
 * Because pages are separate transactions, a row written meanwhile may refer to a buyer or an
 * inquiry read before it existed: such an inquiry or touchpoint is left out (it is newer than the
 * backup), and a link to an inquiry not in the file is cleared, so the file always restores.
 */
import type { Table } from 'dexie';
import { fromBuyerRow } from '../buyer-row';
import { getDb, type BuyerbookDB } from '../db';
import { eachPage } from '../read-pages';
import type { BuyerRow, Inquiry, StepStateRow, Touchpoint } from '../schema';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  CHUNK_ROWS,
  CHUNK_TARGET_BYTES,
  LineHasher,
  TABLE_ORDER,
  backupFileName,
  emptyCounts,
  type BackupCounts,
  type BackupHeader,
  type BackupTable,
  type BackupTrailer,
} from './format';

export interface BackupProgress {
  table: BackupTable;
  /** Rows written so far, over all tables, and the rows the book had when the backup began (0 until counted). */
  done: number;
  total: number;
}

export interface WrittenBackup {
  blob: Blob;
  fileName: string;
  createdAt: number;
  counts: BackupCounts;
  /** Rows left out because they were written during the backup and refer to rows it had already passed. */
  skipped: number;
  sha256: string;
}

export interface WriteBackupOptions {
  now?: number;
  onProgress?: (p: BackupProgress) => void;
  signal?: AbortSignal;
  /** Rows read per transaction. */
  pageRows?: number;
}

/** Internal settings rows (markers of background work), never part of a backup. */
const isInternalSetting = (key: string) => key.startsWith('backfill:');

/** Collects encoded lines into Blobs of a few MB, so the bytes leave the JS heap as they are made. */
class BlobSink {
  private parts: Uint8Array<ArrayBuffer>[] = [];
  private partBytes = 0;
  private readonly blobs: Blob[] = [];
  private readonly encoder = new TextEncoder();
  readonly hasher = new LineHasher();

  line(text: string, hashed = true): void {
    const bytes = this.encoder.encode(text + '\n') as Uint8Array<ArrayBuffer>;
    if (hashed) this.hasher.add(bytes.subarray(0, bytes.length - 1));
    this.parts.push(bytes);
    this.partBytes += bytes.length;
    if (this.partBytes >= 16 * 1024 * 1024) this.flush();
  }

  private flush(): void {
    if (this.parts.length) this.blobs.push(new Blob(this.parts));
    this.parts = [];
    this.partBytes = 0;
  }

  blob(): Blob {
    this.flush();
    return new Blob(this.blobs, { type: 'application/x-ndjson' });
  }
}

export async function writeBackup(opts: WriteBackupOptions = {}, db: BuyerbookDB = getDb()): Promise<WrittenBackup> {
  const createdAt = opts.now ?? Date.now();
  const pageRows = Math.max(1, opts.pageRows ?? 5000);
  const sink = new BlobSink();
  if (!db.isOpen()) await db.open();
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    // The version of the database read (an old one when a copy is kept before an upgrade).
    schemaVersion: db.verno,
    createdAt,
    app: 'buyerbook',
  };
  sink.line(JSON.stringify(header));

  // A book at a version before 3 (the copy before an upgrade) has no step tables.
  const tables: Record<BackupTable, Table<unknown, string> | undefined> = {
    buyers: db.buyers as Table<unknown, string>,
    inquiries: db.inquiries as Table<unknown, string>,
    touchpoints: db.touchpoints as Table<unknown, string>,
    settings: db.settings as Table<unknown, string>,
    stepStates: db.stepStates as Table<unknown, string> | undefined,
  };
  const present = TABLE_ORDER.filter((t) => !!tables[t]);
  // Counting a big table takes Chromium as long as reading a good part of it, so the total for
  // the progress bar is counted beside the reads instead of before them.
  let total = 0;
  void db
    .transaction('r', present.map((t) => tables[t]!), () => Promise.all(present.map((t) => tables[t]!.count())))
    .then((sizes) => (total = sizes.reduce((a, b) => a + b, 0)), () => undefined);
  const counts: BackupCounts = emptyCounts();
  const buyerIds = new Set<string>();
  const inquiryIds = new Set<string>();
  let skipped = 0;
  let chunks = 0;
  let done = 0;

  // What each table's stored row becomes in the file; null leaves it out.
  const rowOut: Record<BackupTable, (row: unknown) => unknown> = {
    buyers: (r) => {
      const b = fromBuyerRow(r as BuyerRow);
      buyerIds.add(b.id);
      return b;
    },
    inquiries: (r) => {
      const i = r as Inquiry;
      if (!buyerIds.has(i.buyerId)) return null;
      inquiryIds.add(i.id);
      return i;
    },
    touchpoints: (r) => {
      const tp = r as Touchpoint;
      if (!buyerIds.has(tp.buyerId)) return null;
      return tp.inquiryId != null && !inquiryIds.has(tp.inquiryId) ? { ...tp, inquiryId: null } : tp;
    },
    settings: (r) => (isInternalSetting((r as { key: string }).key) ? null : r),
    // What the seller decided about a buyer's steps goes with the buyer.
    stepStates: (r) => (buyerIds.has((r as StepStateRow).buyerId) ? r : null),
  };

  for (const table of present) {
    let chunk: string[] = [];
    let chunkBytes = 0;
    const flush = () => {
      if (!chunk.length) return;
      sink.line(`{"table":"${table}","rows":[${chunk.join(',')}]}`);
      chunks++;
      chunk = [];
      chunkBytes = 0;
    };
    const keyOf = (r: unknown) => String((r as { id?: string; key?: string })[table === 'settings' ? 'key' : 'id']);
    await eachPage(tables[table]!, pageRows, keyOf, (page) => {
      for (const stored of page) {
        const row = rowOut[table](stored);
        if (row === null) {
          skipped++;
          continue;
        }
        const json = JSON.stringify(row);
        chunk.push(json);
        chunkBytes += json.length;
        counts[table]++;
        if (chunk.length >= CHUNK_ROWS || chunkBytes >= CHUNK_TARGET_BYTES) flush();
      }
      done += page.length;
      opts.onProgress?.({ table, done, total: total && Math.max(total, done) });
    }, opts.signal);
    flush();
  }

  const sha256 = await sink.hasher.hex();
  const trailer: BackupTrailer = { end: true, counts, chunks, sha256 };
  sink.line(JSON.stringify(trailer), false);
  return { blob: sink.blob(), fileName: backupFileName(createdAt), createdAt, counts, skipped, sha256 };
}
