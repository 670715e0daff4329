/**
 * The backup file: UTF-8 text, one JSON value per line, so a book of a million touchpoints is
 * written and read a chunk at a time and never held as one string.
 *
 *   line 1      header   {"format":"buyerbook-backup","formatVersion":2,"schemaVersion":4,"createdAt":…}
 *   lines 2…n-1 chunks   {"table":"buyers","rows":[…]}  tables in TABLE_ORDER, rows in ascending id
 *   line n      trailer  {"end":true,"counts":{…},"chunks":k,"sha256":"…"}
 *
 * Rows ascend strictly by id within a table, so a duplicate id is caught without remembering every
 * id; buyers come before the inquiries and touchpoints that refer to them. crypto.subtle has no
 * incremental hash, so `sha256` is the SHA-256 of the concatenated SHA-256 digests of every line
 * before the trailer (header and chunks, without their newline): any changed, lost or reordered
 * byte changes it. The trailer is last because counts and checksum are known only at the end; a
 * file without it was cut short.
 */
import { z } from 'zod';
import { buyerSchema, epochMs, inquirySchema, stepStateSchema, touchpointSchema } from '../schema';

export const BACKUP_FORMAT = 'buyerbook-backup';
/**
 * 2 added the `stepStates` table (what the seller snoozed or dismissed). A file of format 1 has
 * none and still restores; an older Buyerbook refuses a format 2 file as made by a newer version
 * instead of dropping the table it does not know.
 */
export const BACKUP_FORMAT_VERSION = 2;
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];

/**
 * Every table of the book a backup holds, in file order. `buyerSteps` is not among them: it is
 * derived (the rules' output from the history, the settings and the time) and recomputed on
 * restore; tests/unit/storage/backup/round-trip.test.ts compares every table of the database, so
 * a new table left out of here fails it.
 */
export const TABLE_ORDER = ['buyers', 'inquiries', 'touchpoints', 'settings', 'stepStates'] as const;
export type BackupTable = (typeof TABLE_ORDER)[number];

/** Rows per chunk line, and the size a chunk line is closed at before that (a line of long messages). */
export const CHUNK_ROWS = 1000;
export const CHUNK_TARGET_BYTES = 2 * 1024 * 1024;
/** A longer line is refused unread: no row of the schema comes near it, and memory stays bounded. */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;

export const headerSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int(),
    schemaVersion: z.number().int().min(1),
    createdAt: epochMs,
    app: z.string().max(40).optional(),
  })
  .strict();
export type BackupHeader = z.infer<typeof headerSchema>;

export type BackupCounts = Record<BackupTable, number>;
const count = z.number().int().nonnegative();
export const trailerSchema = z
  .object({
    end: z.literal(true),
    // A format 1 file has no stepStates.
    counts: z.object({ buyers: count, inquiries: count, touchpoints: count, settings: count, stepStates: count.optional() }).strict(),
    chunks: count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type BackupTrailer = z.infer<typeof trailerSchema>;

export const chunkSchema = z.object({ table: z.string(), rows: z.array(z.unknown()).min(1) }).strict();

/**
 * A row as the latest schema version stores it, without the derived index fields (they are
 * recomputed on restore). Strict: a field the schema does not know means the row is of another
 * table or another program, and restoring it would silently drop data.
 */
export const BACKUP_ROW_SCHEMAS = {
  buyers: buyerSchema.strict(),
  inquiries: inquirySchema.strict(),
  touchpoints: touchpointSchema.strict(),
  settings: z.object({ key: z.string().min(1).max(100), value: z.unknown() }).strict(),
  stepStates: stepStateSchema.strict(),
} as const;

export const emptyCounts = (): BackupCounts => ({ buyers: 0, inquiries: 0, touchpoints: 0, settings: 0, stepStates: 0 });

/** Why a file is refused; each has its message in the catalogues (BACKUP_PROBLEM_KEYS). */
export const BACKUP_PROBLEMS = [
  'empty', 'notText', 'foreign', 'formatVersion', 'newerVersion', 'badHeader', 'notJson', 'lineTooLong',
  'badChunk', 'unknownTable', 'tableOrder', 'badRow', 'duplicateId', 'idOrder', 'orphan', 'duplicateInquiry',
  'badTrailer', 'truncated', 'trailingData', 'countMismatch', 'checksum', 'readFailed', 'cancelled',
] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

export class BackupError extends Error {
  readonly problem: BackupProblem;
  /** 1-based line of the file where it was found, when it is one line's fault. */
  readonly line: number | null;
  readonly detail: string;

  constructor(problem: BackupProblem, detail = '', line: number | null = null) {
    super(`${problem}${line != null ? ` (line ${line})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'BackupError';
    this.problem = problem;
    this.line = line;
    this.detail = detail;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `buyerbook-backup-2026-11-27.jsonl`, in the seller's local date. */
export function backupFileName(at: number): string {
  const d = new Date(at);
  return `buyerbook-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.jsonl`;
}

export function toHex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The running checksum: line digests are collected, the final hash is taken over all of them. */
export class LineHasher {
  private digests: Promise<ArrayBuffer>[] = [];

  /** Forgets the digests collected (once the checksum was compared). */
  clear(): void {
    this.digests = [];
  }

  add(bytes: Uint8Array<ArrayBuffer>): void {
    this.digests.push(crypto.subtle.digest('SHA-256', bytes));
  }

  async hex(): Promise<string> {
    const all = await Promise.all(this.digests);
    const joined = new Uint8Array(all.length * 32);
    all.forEach((d, i) => joined.set(new Uint8Array(d), i * 32));
    return toHex(await crypto.subtle.digest('SHA-256', joined));
  }
}
