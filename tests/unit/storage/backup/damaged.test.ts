/**
 * Damaged backups, each refused with the problem it has, and the book left exactly as it was,
 * compared row by row. Every file goes through both doors: restoreBackup (checks the whole file
 * before writing) and writeVerifiedBackup alone (writes while it reads, in replace mode it clears
 * the book first), which proves the single transaction rolls back a half-written restore.
 *
 * Files are built line by line with a correct checksum and counts (`file`), so each case reaches
 * the check it is about instead of stopping at the checksum.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { freshDb } from '../helpers';
import { BACKUP_PROBLEMS, BackupError, LineHasher, type BackupProblem } from '../../../../storage/backup/format';
import { restoreBackup, writeVerifiedBackup } from '../../../../storage/backup/restore';
import { writeBackup } from '../../../../storage/backup/write-backup';
import { scanBackup } from '../../../../storage/backup/read-backup';
import { LATEST_VERSION } from '../../../../storage/versions';
import { BUYERS, INQUIRIES, STEP_STATES, TOUCHPOINTS, buyer, dumpBook, inquiry, seedBook, touchpoint } from './book';
import { backupProblemMessage } from '../../../../components/backup-messages';

type Chunk = { table: string; rows: unknown[] };
const HEADER = { format: 'buyerbook-backup', formatVersion: 1, schemaVersion: LATEST_VERSION, createdAt: 1_764_000_000_000, app: 'buyerbook' };
const SETTINGS = [{ key: 'ownIdentity', value: { names: ['李明'], companies: [], emails: [], phones: [] } }];
const GOOD: Chunk[] = [
  { table: 'buyers', rows: BUYERS },
  { table: 'inquiries', rows: INQUIRIES },
  { table: 'touchpoints', rows: TOUCHPOINTS },
  { table: 'settings', rows: SETTINGS },
];

/** The lines of a backup with a right checksum and counts unless `trailer` changes them. */
async function lines(chunks: Chunk[] = GOOD, header: unknown = HEADER, trailer: (t: Record<string, unknown>) => unknown = (t) => t): Promise<string[]> {
  const body = [JSON.stringify(header), ...chunks.map((c) => JSON.stringify(c))];
  const h = new LineHasher();
  for (const l of body) h.add(new TextEncoder().encode(l));
  const counts: Record<string, number> = { buyers: 0, inquiries: 0, touchpoints: 0, settings: 0 };
  for (const c of chunks) counts[c.table] = (counts[c.table] ?? 0) + c.rows.length;
  return [...body, JSON.stringify(trailer({ end: true, counts, chunks: chunks.length, sha256: await h.hex() }))];
}
const file = async (...args: Parameters<typeof lines>) => new Blob([(await lines(...args)).join('\n') + '\n']);
const text = (s: string | Uint8Array<ArrayBuffer>) => new Blob([s]);
/** GOOD with one table's rows replaced. */
const withRows = (table: string, rows: unknown[]): Chunk[] => GOOD.map((c) => (c.table === table ? { table, rows } : c));
const withBuyer = (over: Record<string, unknown>) => withRows('buyers', [{ ...BUYERS[0], ...over }, ...BUYERS.slice(1)]);
const withTouchpoint = (over: Record<string, unknown>) => withRows('touchpoints', [TOUCHPOINTS[0], { ...TOUCHPOINTS[1], ...over }, ...TOUCHPOINTS.slice(2)]);
const withInquiry = (over: Record<string, unknown>) => withRows('inquiries', [{ ...INQUIRIES[0], ...over }, INQUIRIES[1]]);

let valid = '';
beforeAll(async () => {
  valid = (await lines()).join('\n') + '\n';
});
const cut = (at: (s: string) => number) => async () => text(valid.slice(0, at(valid)));
const validLines = () => valid.split('\n');

const CASES: [string, BackupProblem, () => Promise<Blob>][] = [
  ['an empty file', 'empty', async () => text('')],
  ['a lone newline', 'foreign', async () => text('\n')],
  ['random bytes', 'foreign', async () => text(new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x10, 0x0a, 0x99]))],
  ['a CSV export', 'foreign', async () => text('name,company,email\nWang,Huaqiang,wang@x.example\n')],
  ['a JSON array', 'foreign', async () => text('[{"id":"b-1"}]\n')],
  ['a dexie-export-import file', 'foreign', async () => text(JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'buyerbook', tables: [] } }))],
  ['a zip archive', 'foreign', async () => text(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]))],
  ['a PDF', 'foreign', async () => text('%PDF-1.4\n%âãÏÓ\n1 0 obj\n')],
  ['another app’s JSON lines', 'foreign', async () => text('{"format":"other-crm","formatVersion":1}\n')],
  ['format version 3 (a newer Buyerbook)', 'formatVersion', () => file(GOOD, { ...HEADER, formatVersion: 3 })],
  ['format version missing', 'formatVersion', () => file(GOOD, { ...HEADER, formatVersion: undefined })],
  ['the next schema version', 'newerVersion', () => file(GOOD, { ...HEADER, schemaVersion: LATEST_VERSION + 1 })],
  ['schema version 99', 'newerVersion', () => file(GOOD, { ...HEADER, schemaVersion: 99 })],
  ['schema version 0', 'badHeader', () => file(GOOD, { ...HEADER, schemaVersion: 0 })],
  ['schema version as text', 'badHeader', () => file(GOOD, { ...HEADER, schemaVersion: '2' })],
  ['a negative creation date', 'badHeader', () => file(GOOD, { ...HEADER, createdAt: -1 })],
  ['an unknown header field', 'badHeader', () => file(GOOD, { ...HEADER, encrypted: true })],
  ['cut in its first line', 'truncated', cut(() => 20)],
  ['cut in the middle', 'truncated', cut((s) => Math.floor(s.length / 2))],
  ['cut one byte before its end', 'truncated', cut((s) => s.length - 2)],
  ['cut after the last chunk', 'truncated', cut((s) => s.lastIndexOf('{"end"'))],
  ['cut after the buyers', 'truncated', cut((s) => s.indexOf('{"table":"inquiries"'))],
  ['cut after the header', 'truncated', cut((s) => s.indexOf('\n') + 1)],
  ['data after the trailer', 'trailingData', async () => text(valid + '{"table":"buyers","rows":[]}\n')],
  ['two trailers', 'trailingData', async () => text(valid + validLines().at(-2) + '\n')],
  ['a line that is not JSON', 'notJson', async () => { const l = validLines(); l.splice(2, 0, 'garbage here'); return text(l.join('\n')); }],
  ['an empty line in the middle', 'notJson', async () => { const l = validLines(); l.splice(3, 0, ''); return text(l.join('\n')); }],
  ['a chunk that is an array', 'badChunk', async () => { const l = validLines(); l.splice(2, 0, '[1,2]'); return text(l.join('\n')); }],
  ['a chunk without rows', 'badChunk', () => file([...GOOD.slice(0, 3), { table: 'settings', rows: [] }])],
  ['a chunk without its table', 'badChunk', () => file([{ rows: BUYERS } as unknown as Chunk, ...GOOD.slice(1)])],
  ['a table this app never had', 'unknownTable', () => file([...GOOD.slice(0, 3), { table: 'orders', rows: [{ id: 'o-1' }] }])],
  ['tables out of order', 'tableOrder', () => file([GOOD[0]!, GOOD[3]!, GOOD[1]!, GOOD[2]!])],
  ['an invalid email in the middle', 'badRow', () => file(withRows('buyers', [BUYERS[0], { ...BUYERS[1], emails: ['not-an-email'] }, BUYERS[2], BUYERS[3]]))],
  ['a country name instead of its code', 'badRow', () => file(withBuyer({ country: 'Germany' }))],
  ['an unknown stage', 'badRow', () => file(withBuyer({ stage: 'won' }))],
  ['a phone not in E.164', 'badRow', () => file(withBuyer({ phones: ['0138 0013 8000'] }))],
  ['an unknown platform id', 'badRow', () => file(withBuyer({ platformIds: [{ platform: 'ebay', id: '1' }] }))],
  ['an unknown channel', 'badRow', () => file(withTouchpoint({ channel: 'fax' }))],
  ['a negative time', 'badRow', () => file(withTouchpoint({ at: -5 }))],
  ['a fractional time', 'badRow', () => file(withTouchpoint({ at: 1.5 }))],
  ['a date as text', 'badRow', () => file(withTouchpoint({ at: '2026-11-27T10:00:00Z' }))],
  ['a quantity as text', 'badRow', () => file(withInquiry({ quantity: 'ten' }))],
  ['notes over 20,000 characters', 'badRow', () => file(withBuyer({ notes: 'x'.repeat(20_001) }))],
  ['a name over 300 characters', 'badRow', () => file(withBuyer({ name: '王'.repeat(301) }))],
  ['a message over 50,000 characters', 'badRow', () => file(withInquiry({ message: 'm'.repeat(50_001) }))],
  ['a touchpoint note over 20,000 characters', 'badRow', () => file(withTouchpoint({ note: 'n'.repeat(20_001) }))],
  ['51 emails', 'badRow', () => file(withBuyer({ emails: Array.from({ length: 51 }, (_, i) => `a${i}@x.example`) }))],
  ['an empty id', 'badRow', () => file(withRows('buyers', [{ ...BUYERS[3], id: '' }]))],
  ['an id of 65 characters', 'badRow', () => file(withRows('buyers', [{ ...BUYERS[3], id: 'b'.repeat(65) }]))],
  ['a touchpoint among the buyers', 'badRow', () => file(withRows('buyers', [...BUYERS, touchpoint('zz', 'b-1-zh')]))],
  ['a buyer among the touchpoints', 'badRow', () => file(withRows('touchpoints', [...TOUCHPOINTS, buyer('zz')]))],
  ['an inquiry among the touchpoints', 'badRow', () => file(withRows('touchpoints', [...TOUCHPOINTS, inquiry('zz', 'b-1-zh')]))],
  ['a buyer with a field the schema lacks', 'badRow', () => file(withBuyer({ password: 'secret' }))],
  ['a buyer with its index fields', 'badRow', () => file(withBuyer({ searchTokens: ['wang'] }))],
  ['a null row', 'badRow', () => file(withRows('buyers', [...BUYERS, null]))],
  ['a row that is a string', 'badRow', () => file(withRows('touchpoints', [...TOUCHPOINTS, 'row']))],
  ['an own identity that is not a list', 'badRow', () => file(withRows('settings', [{ key: 'ownIdentity', value: { names: 'Li' } }]))],
  ['the same buyer id twice', 'duplicateId', () => file(withRows('buyers', [BUYERS[0], BUYERS[0], ...BUYERS.slice(1)]))],
  ['a touchpoint id repeated in the next chunk', 'duplicateId', () => file([...GOOD.slice(0, 3), { table: 'touchpoints', rows: [TOUCHPOINTS[3]] }, GOOD[3]!])],
  ['buyer ids out of order', 'idOrder', () => file(withRows('buyers', [BUYERS[1], BUYERS[0], ...BUYERS.slice(2)]))],
  ['touchpoint chunks swapped', 'idOrder', () => file([...GOOD.slice(0, 2), { table: 'touchpoints', rows: TOUCHPOINTS.slice(2) }, { table: 'touchpoints', rows: TOUCHPOINTS.slice(0, 2) }, GOOD[3]!])],
  ['an inquiry of no buyer', 'orphan', () => file(withRows('inquiries', [...INQUIRIES, inquiry('i-9', 'b-gone')]))],
  ['a snoozed step of no buyer', 'orphan', () => file([...GOOD, { table: 'stepStates', rows: [{ ...STEP_STATES[0], id: 'b-gone|x', buyerId: 'b-gone' }] }], { ...HEADER, formatVersion: 2 })],
  ['a step state that is neither snoozed nor dismissed right', 'badRow', () => file([...GOOD, { table: 'stepStates', rows: [{ ...STEP_STATES[0], dismissed: 'yes' }] }], { ...HEADER, formatVersion: 2 })],
  ['step states before the settings', 'tableOrder', () => file([...GOOD.slice(0, 3), { table: 'stepStates', rows: STEP_STATES }, GOOD[3]!], { ...HEADER, formatVersion: 2 })],
  ['a touchpoint of no buyer', 'orphan', () => file(withRows('touchpoints', [...TOUCHPOINTS, touchpoint('t-9', 'b-gone')]))],
  ['a touchpoint of no inquiry', 'orphan', () => file(withTouchpoint({ inquiryId: 'i-gone' }))],
  ['one platform inquiry twice', 'duplicateInquiry', () => file(withRows('inquiries', [INQUIRIES[0], { ...INQUIRIES[1], platform: 'alibaba', platformInquiryId: 'INQ-001' }]))],
  ['a trailer with a short checksum', 'badTrailer', () => file(GOOD, HEADER, (t) => ({ ...t, sha256: 'abc' }))],
  ['a trailer without counts', 'badTrailer', () => file(GOOD, HEADER, (t) => ({ ...t, counts: undefined }))],
  ['more buyers counted than written', 'countMismatch', () => file(GOOD, HEADER, (t) => ({ ...t, counts: { ...(t.counts as object), buyers: 5 } }))],
  ['fewer touchpoints counted', 'countMismatch', () => file(GOOD, HEADER, (t) => ({ ...t, counts: { ...(t.counts as object), touchpoints: 3 } }))],
  ['a chunk count that is off', 'countMismatch', () => file(GOOD, HEADER, (t) => ({ ...t, chunks: 5 }))],
  ['a chunk removed', 'countMismatch', async () => { const l = validLines(); l.splice(3, 1); return text(l.join('\n')); }],
  ['a note changed by hand', 'checksum', async () => text(valid.replace('询价"', '询盘"'))],
  ['a wrong checksum', 'checksum', () => file(GOOD, HEADER, (t) => ({ ...t, sha256: '0'.repeat(64) }))],
  ['Windows line ends', 'checksum', async () => text(valid.replace(/\n/g, '\r\n'))],
  ['a byte-order mark added', 'checksum', async () => text('\uFEFF' + valid)],
  // Found by generated-damage.test.ts: each was a crash or the wrong problem before.
  ['cut inside a multi-byte character', 'truncated', async () => {
    const bytes = new TextEncoder().encode(valid);
    return text(bytes.slice(0, new TextEncoder().encode(valid.slice(0, valid.indexOf('王伟'))).length + 1));
  }],
  ['saved again as UTF-16 (Notepad’s “Unicode”)', 'notText', async () => {
    // Little-endian code units, as Windows writes them.
    const units = ('\uFEFF' + valid).split('').map((c) => c.charCodeAt(0));
    return text(new Uint8Array(units.flatMap((u) => [u & 0xff, u >> 8])));
  }],
  ['a touchpoint in year 275760', 'badRow', () => file(withTouchpoint({ at: 8.64e15 }))],
  ['a creation date past any calendar', 'badHeader', () => file(GOOD, { ...HEADER, createdAt: 8.64e15 + 1 })],
  ['a format version that is a list nested 100,000 deep', 'formatVersion', async () =>
    text(valid.replace('"formatVersion":1', `"formatVersion":${'['.repeat(100_000)}1${']'.repeat(100_000)}`))],
  ['invalid UTF-8 in a chunk', 'notText', async () => {
    const [head, ...rest] = validLines();
    const enc = new TextEncoder();
    return text(new Uint8Array([...enc.encode(head + '\n'), 0xc3, 0x28, 0x0a, ...enc.encode(rest.join('\n'))]));
  }],
];

describe('damaged backups are refused and the book is unchanged', () => {
  test('there are at least 50 cases and every problem has a message', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
    for (const p of BACKUP_PROBLEMS) expect(backupProblemMessage(new BackupError(p, 'detail', 3))).not.toMatch(/^backupProblem/);
  });

  test('the base file itself restores', async () => {
    const db = freshDb();
    await restoreBackup(text(valid), 'replace', {}, db);
    expect(await db.buyers.count()).toBe(BUYERS.length);
  });

  test('a setting is stored as its check read it: fields no setting has are not kept', async () => {
    const db = freshDb();
    const identity = { names: ['李明'], companies: [], emails: [], phones: [] };
    await restoreBackup(await file(withRows('settings', [{ key: 'ownIdentity', value: { ...identity, secret: 'x'.repeat(1000) } }])), 'replace', {}, db);
    expect((await db.settings.get('ownIdentity'))?.value).toEqual(identity);
  });

  test('a format 2 file with step states restores them (the base file is format 1, without)', async () => {
    const db = freshDb();
    await restoreBackup(await file([...GOOD, { table: 'stepStates', rows: STEP_STATES }], { ...HEADER, formatVersion: 2 }), 'replace', {}, db);
    expect(await db.stepStates.toArray()).toEqual(STEP_STATES);
  });

  test.each(CASES)('%s: refused as %s', async (_name, problem, make) => {
    const db = freshDb();
    await seedBook(db, 3);
    const before = await dumpBook(db);
    const blob = await make();
    for (const run of [
      () => restoreBackup(blob, 'replace', {}, db),
      () => restoreBackup(blob, 'merge', {}, db),
      () => writeVerifiedBackup(blob, 'replace', {}, db),
      () => writeVerifiedBackup(blob, 'merge', {}, db),
    ]) {
      const err = await run().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(BackupError);
      expect((err as BackupError).problem).toBe(problem);
      expect(backupProblemMessage(err as BackupError).length).toBeGreaterThan(20);
      expect(await dumpBook(db)).toEqual(before);
    }
  });

  test('a line longer than any backup writes is refused before it is read whole', async () => {
    const blob = text(valid.replace('"notes":""', `"notes":"${'x'.repeat(5000)}"`));
    for (const sliceBytes of [64, 100_000]) {
      const err = await scanBackup(blob, { maxLineBytes: 4096, sliceBytes }).then(() => null, (e: unknown) => e);
      expect((err as BackupError).problem).toBe('lineTooLong');
    }
  });

  test('a restore cancelled halfway leaves the book as it was', async () => {
    const source = freshDb();
    await seedBook(source, 2500);
    const { blob } = await writeBackup({}, source);
    const db = freshDb();
    await seedBook(db, 3);
    const before = await dumpBook(db);
    const ctl = new AbortController();
    const err = await writeVerifiedBackup(blob, 'replace', {
      signal: ctl.signal,
      onProgress: (_phase, read, total) => read > total / 2 && ctl.abort(),
    }, db).then(() => null, (e: unknown) => e);
    expect((err as BackupError).problem).toBe('cancelled');
    expect(await dumpBook(db)).toEqual(before);
  });
});
