/**
 * Reads a backup file (storage/backup/format.ts) a slice at a time and checks all of it: the
 * header, every line, every row against its zod schema after the row upgrade of its version, the
 * order of tables and ids, that every inquiry and touchpoint has its buyer (and inquiry), the
 * counts and the checksum. The first problem stops the scan with a BackupError that names it and
 * its line. `onChunk` receives each chunk's rows once they are valid: the restore writes them.
 *
 * Memory stays bounded on a million rows: one slice and one line at a time, plus the ids of
 * buyers and inquiries (references are checked against them; touchpoint ids need no set because
 * ids ascend).
 */
import Dexie from 'dexie';
import { settingsSchema } from '../schema';
import { LATEST_VERSION } from '../versions';
import {
  BACKUP_FORMAT,
  BACKUP_ROW_SCHEMAS,
  BackupError,
  LineHasher,
  MAX_LINE_BYTES,
  READABLE_FORMAT_VERSIONS,
  TABLE_ORDER,
  chunkSchema,
  emptyCounts,
  headerSchema,
  trailerSchema,
  type BackupCounts,
  type BackupHeader,
  type BackupTable,
} from './format';
import { rowUpgradeFrom, type RowUpgrade } from './row-upgrades';

export interface BackupSummary {
  header: BackupHeader;
  counts: BackupCounts;
  chunks: number;
  sha256: string;
  bytes: number;
}

export interface ScanOptions {
  /** Called with each chunk's validated, upgraded rows, in file order; awaited. */
  onChunk?: (table: BackupTable, rows: unknown[]) => Promise<void> | void;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
  /** Wraps every wait on something other than the database (the restore keeps its transaction open with Dexie.waitFor). */
  wait?: <T>(p: Promise<T>) => Promise<T>;
  sliceBytes?: number;
  /**
   * Called once the whole file has passed every check, before the scan returns: the restore's
   * last writes (derived fields) run here, inside the transaction the scan's reads keep open.
   */
  onEnd?: () => Promise<void>;
  /**
   * Reads no further than this table: the scan returns (null) at the first chunk of a later one.
   * For a second pass over a file already checked whole in the same transaction.
   */
  stopAfter?: BackupTable;
  /** Longest line accepted (MAX_LINE_BYTES); smaller in tests. */
  maxLineBytes?: number;
}

const SETTINGS_SHAPE = settingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }>;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function issuesText(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** A first line that is our header in UTF-16, either byte order, after its byte-order mark. */
function isUtf16Backup(bytes: Uint8Array): boolean {
  const order = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  return !!order && new TextDecoder(order).decode(bytes.subarray(0, 80)).startsWith(`{"format":"${BACKUP_FORMAT}"`);
}

/** The state of one scan: what has been seen so far, to check each next line against. */
class Checker {
  header: BackupHeader | null = null;
  upgrade: RowUpgrade | null = null;
  trailer: import('./format').BackupTrailer | null = null;
  tableIndex = -1;
  lastKey: string | null = null;
  chunks = 0;
  counts: BackupCounts = emptyCounts();
  readonly buyerIds = new Set<string>();
  readonly inquiryIds = new Set<string>();
  readonly inquiryKeys = new Set<string>();
  readonly hasher = new LineHasher();

  /** Drops the ids and digests kept for the checks: on a full book, hundreds of thousands of strings. */
  release(): void {
    this.buyerIds.clear();
    this.inquiryIds.clear();
    this.inquiryKeys.clear();
    this.hasher.clear();
  }

  checkHeader(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupError('foreign', '', 1);
    }
    if (!isObject(value) || value.format !== BACKUP_FORMAT) throw new BackupError('foreign', '', 1);
    if (typeof value.formatVersion !== 'number' || !READABLE_FORMAT_VERSIONS.includes(value.formatVersion)) {
      // Only a number is named: String() of a missing value reads "undefined", of a deeply nested list it overflows the stack.
      throw new BackupError('formatVersion', typeof value.formatVersion === 'number' ? String(value.formatVersion) : '?', 1);
    }
    if (typeof value.schemaVersion === 'number' && value.schemaVersion > LATEST_VERSION) {
      throw new BackupError('newerVersion', String(value.schemaVersion), 1);
    }
    const h = headerSchema.safeParse(value);
    if (!h.success) throw new BackupError('badHeader', issuesText(h.error.issues), 1);
    this.upgrade = rowUpgradeFrom(h.data.schemaVersion);
    if (!this.upgrade) throw new BackupError('badHeader', `no upgrade from schema version ${h.data.schemaVersion}`, 1);
    this.header = h.data;
  }

  /** A chunk line: returns its table and valid rows, or throws. */
  checkChunk(value: Record<string, unknown>, line: number): { table: BackupTable; rows: unknown[] } {
    const c = chunkSchema.safeParse(value);
    if (!c.success) throw new BackupError('badChunk', issuesText(c.error.issues), line);
    const table = c.data.table as BackupTable;
    const index = TABLE_ORDER.indexOf(table);
    if (index < 0) throw new BackupError('unknownTable', c.data.table.slice(0, 60), line);
    if (index < this.tableIndex) throw new BackupError('tableOrder', table, line);
    if (index > this.tableIndex) {
      this.tableIndex = index;
      this.lastKey = null;
    }
    const schema = BACKUP_ROW_SCHEMAS[table];
    const rows: unknown[] = [];
    c.data.rows.forEach((raw, i) => {
      const where = `${table} #${this.counts[table] + i + 1}`;
      const r = schema.safeParse(this.upgrade!(table, raw));
      if (!r.success) throw new BackupError('badRow', `${where}: ${issuesText(r.error.issues)}`, line);
      const row = r.data as Record<string, unknown>;
      const key = String(table === 'settings' ? row.key : row.id);
      if (this.lastKey !== null && key <= this.lastKey) {
        throw new BackupError(key === this.lastKey ? 'duplicateId' : 'idOrder', `${where}: ${key.slice(0, 64)}`, line);
      }
      this.lastKey = key;
      rows.push(this.checkRow(table, row, where, line));
    });
    this.counts[table] += rows.length;
    this.chunks++;
    return { table, rows };
  }

  /** The row as it is to be written (a setting's value as its schema read it), or throws. */
  private checkRow(table: BackupTable, row: Record<string, unknown>, where: string, line: number): Record<string, unknown> {
    if (table === 'buyers') {
      this.buyerIds.add(row.id as string);
    } else if (table === 'inquiries') {
      if (!this.buyerIds.has(row.buyerId as string)) throw new BackupError('orphan', `${where}: buyer ${row.buyerId}`, line);
      if (row.platformInquiryId != null) {
        const k = `${row.platform}:${row.platformInquiryId}`;
        if (this.inquiryKeys.has(k)) throw new BackupError('duplicateInquiry', `${where}: ${k.slice(0, 140)}`, line);
        this.inquiryKeys.add(k);
      }
      this.inquiryIds.add(row.id as string);
    } else if (table === 'touchpoints' || table === 'stepStates') {
      if (!this.buyerIds.has(row.buyerId as string)) throw new BackupError('orphan', `${where}: buyer ${row.buyerId}`, line);
      if (row.inquiryId != null && !this.inquiryIds.has(row.inquiryId as string)) {
        throw new BackupError('orphan', `${where}: inquiry ${row.inquiryId}`, line);
      }
    } else {
      // Own keys only: a row named "constructor" or "toString" would otherwise find Object's own.
      const shape = Object.hasOwn(SETTINGS_SHAPE, row.key as string) ? SETTINGS_SHAPE[row.key as string] : undefined;
      const r = shape?.safeParse(row.value);
      if (r && !r.success) throw new BackupError('badRow', `${where}: ${row.key}: ${r.error?.issues[0]?.message ?? ''}`, line);
      // What is written is what was checked: fields no setting has (or had) are not carried into the book.
      if (r) return { ...row, value: r.data };
    }
    return row;
  }

  checkTrailer(value: Record<string, unknown>, line: number): void {
    const t = trailerSchema.safeParse(value);
    if (!t.success) throw new BackupError('badTrailer', issuesText(t.error.issues), line);
    this.trailer = t.data;
  }

  async finish(bytes: number, wait: <T>(p: Promise<T>) => Promise<T>, onEnd?: () => Promise<void>): Promise<BackupSummary> {
    const t = this.trailer;
    if (!this.header || !t) throw new BackupError('truncated');
    for (const table of TABLE_ORDER) {
      if ((t.counts[table] ?? 0) !== this.counts[table]) {
        throw new BackupError('countMismatch', `${table}: ${t.counts[table] ?? 0} ≠ ${this.counts[table]}`);
      }
    }
    if (t.chunks !== this.chunks) throw new BackupError('countMismatch', `chunks: ${t.chunks} ≠ ${this.chunks}`);
    const sha256 = await wait(this.hasher.hex());
    if (sha256 !== t.sha256) throw new BackupError('checksum');
    // The file is whole: what was kept to check it goes before onEnd, which in a replace restore
    // runs the whole second pass (with a checker of its own) while this one is still on the stack.
    this.release();
    // Straight after a wait, with no other await between: Dexie's zone (and so the restore's
    // transaction) is certain to be current here, while it may be lost a few awaits later.
    await onEnd?.();
    return { header: this.header, counts: this.counts, chunks: this.chunks, sha256, bytes };
  }
}

/**
 * Awaits a chunk's writes so the code after it is still in the restore's transaction. Awaiting
 * the native promise of an async onChunk directly can leave Dexie's zone (Dexie follows native
 * awaits only so far), and the next wait or write would then run outside the transaction: a
 * Dexie promise made here, while the zone is current, brings the code after it back into it.
 */
const inZone = <T>(p: Promise<T>): Promise<T> => Dexie.Promise.resolve(p);

/** Reads and checks the whole file; see the file comment. */
export async function scanBackup(file: Blob, opts: ScanOptions & { stopAfter: BackupTable }): Promise<BackupSummary | null>;
export async function scanBackup(file: Blob, opts?: ScanOptions): Promise<BackupSummary>;
export async function scanBackup(file: Blob, opts: ScanOptions = {}): Promise<BackupSummary | null> {
  const wait = opts.wait ?? (<T>(p: Promise<T>) => p);
  const sliceBytes = opts.sliceBytes ?? 4 * 1024 * 1024;
  const maxLine = opts.maxLineBytes ?? MAX_LINE_BYTES;
  const total = file.size;
  if (total === 0) throw new BackupError('empty');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const check = new Checker();
  let lineNo = 0;
  let pending: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  const stopIndex = opts.stopAfter ? TABLE_ORDER.indexOf(opts.stopAfter) : TABLE_ORDER.length;
  let stopped = false;

  // Synchronous unless the line's onChunk returns a promise: a restore's transaction lives in
  // Dexie's zone, which survives only a few awaits of promises that are not Dexie's, so a run of
  // lines that write nothing must not await at all.
  const handleLine = (bytes: Uint8Array<ArrayBuffer>, terminated: boolean): Promise<void> | void => {
    lineNo++;
    if (opts.signal?.aborted) throw new BackupError('cancelled');
    if (check.trailer) {
      if (bytes.length === 0 && !terminated) return;
      throw new BackupError('trailingData', '', lineNo);
    }
    // A backup opened and saved again as UTF-16 (Notepad's "Unicode") is ours in another encoding.
    if (lineNo === 1 && isUtf16Backup(bytes)) throw new BackupError('notText', '', 1);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      // The last line of a file cut inside a multi-byte character is cut short, not mis-encoded.
      throw new BackupError(!terminated ? 'truncated' : lineNo === 1 ? 'foreign' : 'notText', '', lineNo);
    }
    if (lineNo === 1) {
      // A file cut inside its first line is still recognisably ours or not.
      const mark = `{"format":"${BACKUP_FORMAT}"`;
      if (!terminated && (text.startsWith(mark) || (text.length > 2 && mark.startsWith(text)))) throw new BackupError('truncated', '', 1);
      check.checkHeader(text.replace(/^\uFEFF/, ''));
      check.hasher.add(bytes);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The last line of a file cut short does not parse: say so rather than "not JSON".
      throw new BackupError(terminated ? 'notJson' : 'truncated', '', lineNo);
    }
    if (!isObject(value)) throw new BackupError('badChunk', '', lineNo);
    if ('end' in value) {
      check.checkTrailer(value, lineNo);
      return;
    }
    const { table, rows } = check.checkChunk(value, lineNo);
    if (TABLE_ORDER.indexOf(table) > stopIndex) {
      stopped = true;
      return;
    }
    check.hasher.add(bytes);
    return opts.onChunk?.(table, rows);
  };

  for (let at = 0; at < total; at += sliceBytes) {
    let buf: Uint8Array<ArrayBuffer>;
    try {
      buf = new Uint8Array(await wait(file.slice(at, Math.min(total, at + sliceBytes)).arrayBuffer()));
    } catch (err) {
      throw new BackupError('readFailed', err instanceof Error ? err.message : String(err));
    }
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      const part = buf.subarray(start, nl);
      let line: Uint8Array<ArrayBuffer>;
      if (pending.length) {
        line = new Uint8Array(pending.length + part.length);
        line.set(pending);
        line.set(part, pending.length);
        pending = new Uint8Array(0);
      } else {
        line = part;
      }
      if (line.length > maxLine) throw new BackupError('lineTooLong', '', lineNo + 1);
      const writing = handleLine(line, true);
      if (writing) await inZone(writing);
      if (stopped) return null;
      start = nl + 1;
      opts.onProgress?.(at + start, total);
    }
    const rest = buf.subarray(start);
    if (pending.length + rest.length > maxLine) throw new BackupError('lineTooLong', '', lineNo + 1);
    if (rest.length) {
      const joined = new Uint8Array(pending.length + rest.length);
      joined.set(pending);
      joined.set(rest, pending.length);
      pending = joined;
    }
  }
  if (pending.length) {
    const writing = handleLine(pending, false);
    if (writing) await inZone(writing);
  }
  if (stopped) return null;
  opts.onProgress?.(total, total);
  if (lineNo === 0) throw new BackupError('empty');
  return check.finish(total, wait, opts.onEnd);
}
