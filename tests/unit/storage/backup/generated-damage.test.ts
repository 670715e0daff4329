/**
 * Damage no one wrote by hand: a seeded generator makes a few hundred variants of a real backup
 * (writeBackup of the test book) the way files get damaged in the wild: cut short anywhere (inside
 * a multi-byte character too), bytes flipped, inserted or lost, lines dropped, repeated or swapped,
 * saved on Windows, re-encoded, compressed, pasted twice; and rows whose values changed type or
 * size with the checksum made right again, so each reaches the row checks. Every variant must be
 * either accepted, and then restore to exactly what the file holds, or refused with a BackupError
 * whose problem has a message in both catalogues: never a TypeError, a RangeError, a zod error or
 * a hang. A sample of the refused ones is restored into a filled book, which must stay unchanged
 * row by row. The seed is fixed: a failure names its variant, and the same variant comes back.
 */
import { gzipSync, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import en from '../../../../public/_locales/en/messages.json';
import zh from '../../../../public/_locales/zh_CN/messages.json';
import { freshDb } from '../helpers';
import { BackupError, LineHasher } from '../../../../storage/backup/format';
import { restoreBackup, verifyBackup } from '../../../../storage/backup/restore';
import { writeBackup } from '../../../../storage/backup/write-backup';
import { exportCsv } from '../../../../storage/csv-export';
import { exportVCards } from '../../../../storage/vcard-export';
import { LATEST_VERSION } from '../../../../storage/versions';
import { backupProblemMessage } from '../../../../components/backup-messages';
import { concatBytes } from '../../../support/xlsx';
import { NOW, dumpBook, seedBook, type BookDump } from './book';

type Variant = { name: string; bytes: Uint8Array<ArrayBuffer>; semantic: boolean };

/** mulberry32: small, fast, and the same sequence on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const enc = new TextEncoder();
const bytesOf = (s: string) => enc.encode(s) as Uint8Array<ArrayBuffer>;
const concat = concatBytes;

/** The text as a Chinese Windows "ANSI" save writes it: GB18030 (characters it lacks become "?"). */
function gb18030(text: string): Uint8Array<ArrayBuffer> {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) {
      if (b2 === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([b1, b2]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [b1, b2]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

function utf16(text: string, bigEndian: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  const put = (at: number, unit: number) => {
    out[at + (bigEndian ? 0 : 1)] = unit >> 8;
    out[at + (bigEndian ? 1 : 0)] = unit & 0xff;
  };
  put(0, 0xfeff);
  for (let i = 0; i < text.length; i++) put(2 + i * 2, text.charCodeAt(i));
  return out;
}

/** A one-file zip archive (stored as deflate), as "Send to > Compressed folder" makes. */
function zipOf(name: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const body = deflateRawSync(data);
  const head = Buffer.alloc(30);
  head.writeUInt32LE(0x04034b50, 0);
  head.writeUInt16LE(8, 8);
  head.writeUInt32LE(body.length, 18);
  head.writeUInt32LE(data.length, 22);
  head.writeUInt16LE(name.length, 26);
  return concat(head, bytesOf(name), body);
}

/** A backup's lines rebuilt with a right checksum, counts and chunk count (the damage is in the rows). */
async function rebuilt(lines: unknown[]): Promise<Uint8Array<ArrayBuffer>> {
  const [header, ...chunks] = lines;
  const body = [JSON.stringify(header), ...chunks.map((c) => JSON.stringify(c))].map((l) => l.replace(`"${NESTED}"`, NESTED_JSON));
  const h = new LineHasher();
  for (const l of body) h.add(bytesOf(l));
  const counts: Record<string, number> = { buyers: 0, inquiries: 0, touchpoints: 0, settings: 0, stepStates: 0 };
  for (const c of chunks as { table: string; rows: unknown[] }[]) {
    if (c && typeof c === 'object' && Array.isArray(c.rows) && typeof c.table === 'string') counts[c.table] = (counts[c.table] ?? 0) + c.rows.length;
  }
  const trailer = { end: true, counts, chunks: chunks.length, sha256: await h.hex() };
  return bytesOf([...body, JSON.stringify(trailer)].join('\n') + '\n');
}

/** Deep nesting is written as text: JSON.stringify of it would overflow the test's own stack. */
const NESTED = 'nested-marker-5f3a';
const NESTED_JSON = '['.repeat(100_000) + '"deep"' + ']'.repeat(100_000);

/** Values a row's field may turn into: another type, an edge of its range, or far too much. */
const HOSTILE: [string, () => unknown][] = [
  ['a number', () => 42],
  ['a string', () => 'text'],
  ['null', () => null],
  ['true', () => true],
  ['an object', () => ({ a: 1 })],
  ['an array', () => ['x']],
  ['an empty array', () => []],
  ['a huge number', () => 1e308],
  ['past the safe integers', () => 2 ** 53 + 2],
  ['minus zero', () => -0],
  ['a negative number', () => -1],
  ['"NaN"', () => 'NaN'],
  ['"Infinity"', () => 'Infinity'],
  ['a date past year 275760', () => 8.64e15 + 1],
  ['the last date there is', () => 8.64e15],
  ['a date in year 10000', () => 253_402_300_800_000],
  ['an ISO date', () => '2026-11-27T10:00:00Z'],
  ['a 1 MB string', () => 'x'.repeat(1024 * 1024)],
  ['a 1 MB string of 汉字', () => '汉'.repeat(350_000)],
  ['arrays nested 100,000 deep', () => NESTED],
  ['a lone surrogate', () => '\ud800'],
  ['a NUL character', () => 'a\u0000b'],
  ['control characters', () => '\u0001\u0002\u001b[31m'],
  ['an object with __proto__', () => JSON.parse('{"__proto__":{"polluted":true}}')],
  ['a number as text', () => '1700000000000'],
];

/** Every variant, in a fixed order from a fixed seed. */
async function variants(base: Uint8Array<ArrayBuffer>): Promise<Variant[]> {
  const r = rng(20261127);
  const int = (n: number) => Math.floor(r() * n);
  const text = new TextDecoder().decode(base);
  const lines = text.split('\n').slice(0, -1);
  const out: Variant[] = [];
  const add = (name: string, bytes: Uint8Array<ArrayBuffer>, semantic = false) => out.push({ name, bytes, semantic });

  // Cut short: anywhere, and inside a multi-byte character.
  for (let i = 0; i < 40; i++) {
    const at = 1 + int(base.length - 1);
    add(`cut at byte ${at}`, base.slice(0, at));
  }
  const inside = [...base.keys()].filter((i) => (base[i]! & 0xc0) === 0x80);
  for (let i = 0; i < 15; i++) {
    const at = inside[int(inside.length)]!;
    add(`cut inside a character at byte ${at}`, base.slice(0, at));
  }
  // Bytes flipped, inserted, lost.
  for (let i = 0; i < 40; i++) {
    const at = int(base.length);
    const bit = 1 << int(8);
    const b = base.slice();
    b[at] = b[at]! ^ bit;
    add(`bit ${bit} flipped at byte ${at}`, b);
  }
  for (let i = 0; i < 30; i++) {
    const at = int(base.length + 1);
    const v = int(256);
    add(`byte ${v} inserted at ${at}`, concat(base.subarray(0, at), new Uint8Array([v]), base.subarray(at)));
  }
  for (let i = 0; i < 30; i++) {
    const at = int(base.length);
    add(`byte deleted at ${at}`, concat(base.subarray(0, at), base.subarray(at + 1)));
  }
  // Lines dropped, repeated, swapped.
  const join = (ls: string[]) => bytesOf(ls.join('\n') + '\n');
  for (let i = 0; i < lines.length; i++) {
    add(`line ${i + 1} dropped`, join(lines.filter((_, j) => j !== i)));
    add(`line ${i + 1} twice`, join(lines.flatMap((l, j) => (j === i ? [l, l] : [l]))));
  }
  for (let i = 0; i < 12; i++) {
    const a = int(lines.length);
    const b = int(lines.length);
    const ls = lines.slice();
    [ls[a], ls[b]] = [ls[b]!, ls[a]!];
    add(`lines ${a + 1} and ${b + 1} swapped`, join(ls));
  }
  // Whole-file accidents.
  add('Windows line ends', bytesOf(text.replace(/\n/g, '\r\n')));
  add('old Mac line ends', bytesOf(text.replace(/\n/g, '\r')));
  add('a byte-order mark', bytesOf('\uFEFF' + text));
  add('a byte-order mark and Windows line ends', bytesOf('\uFEFF' + text.replace(/\n/g, '\r\n')));
  add('no newline at the end', bytesOf(text.slice(0, -1)));
  add('a blank line at the end', bytesOf(text + '\n'));
  add('spaces at the end', bytesOf(text + '   '));
  add('NUL bytes after the end (a disk that lost its last write)', concat(base, new Uint8Array(4096)));
  add('NUL bytes in place of its end', concat(base.subarray(0, base.length - 500), new Uint8Array(500)));
  add('UTF-16 LE', utf16(text, false));
  add('UTF-16 BE', utf16(text, true));
  add('GB18030', gb18030(text));
  add('gzip', gzipSync(base) as Uint8Array<ArrayBuffer>);
  add('zip', zipOf('buyerbook-backup.jsonl', base));
  add('the file twice in a row', concat(base, base));
  add('the file twice without a newline between', concat(base.subarray(0, base.length - 1), base));
  add('a second file appended cut short', concat(base, base.subarray(0, 300)));
  add('only the trailer', bytesOf(lines.at(-1)! + '\n'));
  add('only the header', bytesOf(lines[0]! + '\n'));
  add('the header and the trailer', bytesOf(lines[0]! + '\n' + lines.at(-1)! + '\n'));
  add('HTML saved by a browser', bytesOf(`<html><body><pre>${text}</pre></body></html>`));
  add('base64', bytesOf(Buffer.from(base).toString('base64')));

  // Values changed inside a row, with the checksum made right again.
  const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const chunkAt = parsed.map((l, i) => (Array.isArray(l.rows) ? i : -1)).filter((i) => i >= 0);
  const header = parsed[0]!;
  const chunks = () => parsed.slice(1, -1).map((c) => structuredClone(c));
  for (let i = 0; i < 120; i++) {
    const cs = chunks();
    const ci = chunkAt[int(chunkAt.length)]! - 1;
    const chunk = cs[ci] as { table: string; rows: Record<string, unknown>[] };
    const ri = int(chunk.rows.length);
    const row = chunk.rows[ri]!;
    const fields = Object.keys(row);
    const field = fields[int(fields.length)]!;
    const [what, value] = HOSTILE[int(HOSTILE.length)]!;
    row[field] = value();
    add(`${chunk.table} #${ri + 1} ${field} made ${what}`, await rebuilt([header, ...cs]), true);
  }
  for (const [what, value] of HOSTILE) {
    const cs = chunks();
    const settings = cs.find((c) => c.table === 'settings') as { rows: Record<string, unknown>[] };
    settings.rows[0]!.value = value();
    add(`a setting's value made ${what}`, await rebuilt([header, ...cs]), true);
  }
  for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    const cs = chunks();
    const settings = cs.find((c) => c.table === 'settings') as { rows: Record<string, unknown>[] };
    settings.rows = [...settings.rows, { key, value: { x: 1 } }].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
    add(`a setting named ${key}`, await rebuilt([header, ...cs]), true);
  }
  // Optional fields the base rows do not have: a time zone no calendar knows, stage changes of every shape.
  const optional: [string, unknown][] = [
    ['timeZone', 'Mars/Olympus_Mons'], ['timeZone', ''], ['timeZone', 'UTC'], ['timeZone', 'Etc/GMT+14'], ['timeZone', '+08:00'],
    ['timeZone', 'asia/shanghai'], ['timeZone', 'Asia/Shanghai\u0000'],
    ['stageChanges', [{ id: 's1', at: 8.64e15, from: 'new', to: 'quoted', reason: '' }]],
    ['stageChanges', [{ id: 's1', at: 1, from: 'new', to: 'won' }]],
    ['stageChanges', Array.from({ length: 201 }, (_, i) => ({ id: `s${i}`, at: i, from: 'new', to: 'quoted' }))],
    ['stageChanges', [{ id: 's1', at: 1, from: 'new', to: 'quoted', reason: 'r'.repeat(1001) }]],
  ];
  for (const [field, value] of optional) {
    const cs = chunks();
    const c = cs.find((x) => x.table === 'buyers') as { rows: Record<string, unknown>[] };
    c.rows[int(c.rows.length)]![field] = value;
    add(`a buyer's ${field} made ${JSON.stringify(value).slice(0, 60)}`, await rebuilt([header, ...cs]), true);
  }
  for (const table of ['buyers', 'inquiries', 'touchpoints']) {
    const cs = chunks();
    const c = cs.find((x) => x.table === table) as { rows: Record<string, unknown>[] };
    c.rows[0] = { ...c.rows[0], colour: 'red' };
    add(`an unknown field in ${table}`, await rebuilt([header, ...cs]), true);
  }
  const cs = chunks();
  add('a chunk named __proto__', await rebuilt([header, { table: '__proto__', rows: [{}] }, ...cs]), true);
  add('a chunk named constructor', await rebuilt([header, { table: 'constructor', rows: [{}] }, ...cs]), true);
  add('a chunk named toString', await rebuilt([header, { table: 'toString', rows: [{}] }, ...cs]), true);
  add('a trailer-like chunk row', await rebuilt([header, ...cs.slice(0, 1), { table: 'buyers', rows: [{ end: true }] }, ...cs.slice(1)]), true);
  for (let v = 1; v <= LATEST_VERSION + 2; v++) add(`a header of schema version ${v}`, await rebuilt([{ ...header, schemaVersion: v }, ...chunks()]), true);
  for (const [what, value] of HOSTILE) {
    add(`the header's schema version made ${what}`, await rebuilt([{ ...header, schemaVersion: value() }, ...chunks()]), true);
    add(`the header's creation date made ${what}`, await rebuilt([{ ...header, createdAt: value() }, ...chunks()]), true);
    add(`the header's format version made ${what}`, await rebuilt([{ ...header, formatVersion: value() }, ...chunks()]), true);
  }
  add('a header with an extra field', await rebuilt([{ ...header, device: 'laptop' }, ...chunks()]), true);
  add('a format 1 header with step states', await rebuilt([{ ...header, formatVersion: 1 }, ...chunks()]), true);
  return out;
}

const KEYS = new Set(Object.keys(en));
const ZH_KEYS = new Set(Object.keys(zh));

let base: Uint8Array<ArrayBuffer>;
let baseDump: BookDump;
let all: Variant[] = [];

beforeAll(async () => {
  const source = freshDb();
  await seedBook(source, 30);
  const { blob } = await writeBackup({ now: NOW }, source);
  base = new Uint8Array(await blob.arrayBuffer());
  const db = freshDb();
  await restoreBackup(new Blob([base]), 'replace', { now: NOW }, db);
  baseDump = await dumpBook(db);
  all = await variants(base);
});

/** Refused with a BackupError whose problem has a message in both catalogues, and a message that reads whole. */
function expectClearRefusal(name: string, err: unknown): void {
  if (!(err instanceof BackupError)) throw new Error(`${name}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  const key = `backupProblem${err.problem[0]!.toUpperCase()}${err.problem.slice(1)}`;
  expect(KEYS.has(key) && ZH_KEYS.has(key), `${name}: ${key} in both catalogues`).toBe(true);
  const msg = backupProblemMessage(err);
  // An empty or absent detail must not leave "()" or "undefined" in the sentence, nor end it on a colon.
  expect(msg, `${name}: ${msg}`).not.toMatch(/\(\)|\(undefined\)|:\s*$|:\s*\(line/);
}

describe('generated damage to a real backup', () => {
  test('a few hundred variants, each accepted whole or refused with a clear problem', async () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    const failures: string[] = [];
    const accepted: Variant[] = [];
    const problems = new Map<string, number>();
    for (const v of all) {
      const started = performance.now();
      const err = await verifyBackup(new Blob([v.bytes])).then(() => null, (e: unknown) => e);
      if (performance.now() - started > 3000) failures.push(`${v.name}: took ${Math.round(performance.now() - started)} ms`);
      if (err === null) {
        accepted.push(v);
        continue;
      }
      if (process.env.DAMAGE_REPORT) problems.set((err as BackupError).problem ?? 'crash', (problems.get((err as BackupError).problem ?? 'crash') ?? 0) + 1);
      try {
        expectClearRefusal(v.name, err);
      } catch (e) {
        failures.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
      }
    }
    // An accepted file restores to what it holds: the real book when only its bytes were damaged.
    for (const v of accepted) {
      const db = freshDb();
      try {
        await restoreBackup(new Blob([v.bytes]), 'replace', { now: NOW }, db);
        if (!v.semantic) expect(await dumpBook(db)).toEqual(baseDump);
        // What reads the book afterwards must cope with what was let in.
        await exportCsv('buyers', { now: NOW }, db);
        await exportCsv('inquiries', { now: NOW }, db);
        await exportCsv('touchpoints', { now: NOW }, db);
        await exportVCards('3.0', { now: NOW }, db);
        await exportVCards('4.0', { now: NOW }, db);
        // And merged into a filled book.
        const filled = freshDb();
        await seedBook(filled, 3);
        await restoreBackup(new Blob([v.bytes]), 'merge', { now: NOW }, filled);
      } catch (e) {
        failures.push(`${v.name} (accepted): ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e)}`);
      }
    }
    if (process.env.DAMAGE_REPORT) {
      console.log([...problems].map(([p, n]) => `${p} ${n}`).join(', '));
      console.log(`${all.length} variants, ${accepted.length} accepted: ${accepted.map((v) => v.name).join(' | ')}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  test('a sample of the refused variants leaves a filled book unchanged, row by row', async () => {
    const r = rng(7);
    const sample = all.filter(() => r() < 0.08);
    expect(sample.length).toBeGreaterThan(15);
    const db = freshDb();
    await seedBook(db, 3);
    const before = await dumpBook(db);
    for (const v of sample) {
      // Only refused ones: an accepted file would rightly change the book.
      if (await verifyBackup(new Blob([v.bytes])).then(() => true, () => false)) continue;
      for (const mode of ['replace', 'merge'] as const) {
        const err = await restoreBackup(new Blob([v.bytes]), mode, { now: NOW }, db).then(() => null, (e: unknown) => e);
        expectClearRefusal(`${v.name} (${mode})`, err);
        expect(await dumpBook(db), `${v.name} (${mode})`).toEqual(before);
      }
    }
  }, 60_000);
});
