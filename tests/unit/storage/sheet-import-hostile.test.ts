/**
 * Sheets as sellers really have them, and files that are no sheet at all: each gives a preview
 * with the skipped rows and their reasons, or a SheetError the panel has a message for, never a
 * crash and never a half-written book. Companion to csv-and-import.test.ts (the ordinary cases).
 */
import { describe, expect, test } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { freshDb } from './helpers';
import { applyImport, planImport, readSheet, SheetError, type SheetTable } from '../../../storage/sheet-import';
import { sheetErrorKey } from '../../../components/import-messages';
import { xlsx, zipFiles } from '../../support/xlsx';
import { dumpBook, seedBook } from './backup/book';

const enc = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;
const blob = (b: Uint8Array | string) => new Blob([typeof b === 'string' ? enc(b) : (b as Uint8Array<ArrayBuffer>)]);
const read = (b: Uint8Array | string) => readSheet(blob(b));
const refusal = (b: Uint8Array | string) => read(b).then(() => null, (e: unknown) => e);

/** Refused with a SheetError whose message is in both catalogues. */
async function expectRefused(b: Uint8Array | string, reason: SheetError['reason']): Promise<void> {
  const err = await refusal(b);
  expect(err).toBeInstanceOf(SheetError);
  expect((err as SheetError).reason).toBe(reason);
  const key = sheetErrorKey(err);
  expect(key in en && key in zh).toBe(true);
}

async function plan(table: SheetTable) {
  return planImport(table, undefined, freshDb());
}

describe('files that are no sheet', () => {
  test('an old Excel file (.xls) says to save it as .xlsx or CSV', async () => {
    await expectRefused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 600 }, (_, i) => i % 256)]), 'oldExcel');
  });

  test('binary garbage is refused, not previewed as rows of nonsense', async () => {
    await expectRefused(new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256)), 'notSheet');
    await expectRefused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'notSheet');
  });

  test('an .xlsx cut short, and an .xlsx with no sheet, are unreadable', async () => {
    const good = xlsx([['Name', 'Email'], ['Ann', 'ann@a.example']]);
    for (const at of [2, 40, Math.floor(good.length / 2), good.length - 10]) await expectRefused(good.slice(0, at), 'unreadable');
    await expectRefused(zipFiles({ '[Content_Types].xml': '<Types/>' }), 'unreadable');
  });

  test('a quote never closed is refused with its row: the rows after it would vanish into one cell', async () => {
    await expectRefused('Name,Company,Email\nAnn,"A Co,ann@a.example\nBob,B Co,bob@b.example\nCy,C,c@c.example\n', 'unclosedQuote');
    expect(((await refusal('Name,Company\n\nAnn,"A Co\nBob,B\n')) as SheetError).message).toBe('3');
    // A quote inside a cell that does not start with one is only a character.
    expect((await read('Name,Company\nAnn,A "big" Co\nBob,B\n')).rows).toEqual([['Ann', 'A "big" Co'], ['Bob', 'B']]);
  });

  test('an empty file, and a sheet of only its header row', async () => {
    await expectRefused('', 'empty');
    await expectRefused('\r\n\r\n', 'empty');
    await expectRefused('Name,Company,Email\r\n', 'noRows');
    await expectRefused(xlsx([['姓名', '邮箱']]), 'noRows');
  });
});

describe('sheets as sellers have them', () => {
  test('mixed line ends (rows pasted together from Mac, Windows and Unix files) lose no row', async () => {
    const table = await read('Name,Company,Email\r\nAnn,A Co,ann@a.example\nBob,B Co,bob@b.example\rCy,C Co,cy@c.example\r\n');
    expect(table.rows).toEqual([
      ['Ann', 'A Co', 'ann@a.example'],
      ['Bob', 'B Co', 'bob@b.example'],
      ['Cy', 'C Co', 'cy@c.example'],
    ]);
  });

  test('a title above the header (a lead list as printed) is passed over, rows keep their numbers', async () => {
    const table = await read('2026 广交会客户名单,,\r\n,,\r\n姓名,公司,邮箱\r\n王伟,华强,wang@h.example\r\n,,\r\nAnn,A Co,ann@a.example\r\n');
    expect(table.headers).toEqual(['姓名', '公司', '邮箱']);
    const p = await plan(table);
    expect(p.rows.map((r) => [r.line, r.status, r.reason])).toEqual([
      [4, 'new', null],
      [5, 'skip', 'empty'],
      [6, 'new', null],
    ]);
  });

  test('an Excel sheet with a title and blank rows: the rows keep the numbers Excel shows', async () => {
    const table = await read(xlsx([['Canton Fair 2026 leads'], [], ['Name', 'Company', 'Email'], ['Ann', 'A Co', 'ann@a.example'], [], ['Bob', 'B Co', 'bob@b.example']]));
    expect(table.headers).toEqual(['Name', 'Company', 'Email']);
    const p = await plan(table);
    expect(p.rows.map((r) => [r.line, r.status, r.buyer?.name ?? null])).toEqual([
      [4, 'new', 'Ann'],
      [5, 'skip', null],
      [6, 'new', 'Bob'],
    ]);
  });

  test('Excel "Unicode text" (UTF-16 with tabs) is read', async () => {
    const text = '\uFEFF姓名\t邮箱\r\n王伟\twang@h.example\r\n';
    const le = new Uint8Array(text.split('').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
    const be = new Uint8Array(text.split('').flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));
    for (const bytes of [le, be]) expect(await read(bytes)).toEqual({ headers: ['姓名', '邮箱'], rows: [['王伟', 'wang@h.example']] });
  });

  test('semicolons (European Excel), tabs, a BOM, quoted newlines, duplicate and mixed-language headers', async () => {
    expect((await read('\uFEFFName;Company;Email;Notes\r\nAnn;A Co, Ltd;ann@a.example;"hello;\r\nworld"\r\n')).rows).toEqual([
      ['Ann', 'A Co, Ltd', 'ann@a.example', 'hello;\r\nworld'],
    ]);
    expect((await read('Name\tCompany\r\nAnn\tA Co\r\n')).rows).toEqual([['Ann', 'A Co']]);
    const p = await plan(await read('姓名,Name,Email,邮箱,Phone\n王伟,Wang Wei,w@h.example,w2@h.example,+8613800138000\n'));
    expect(p.rows[0]!.buyer).toMatchObject({ name: '王伟', emails: ['w@h.example', 'w2@h.example'], phones: ['+8613800138000'] });
  });

  test('cells starting with = + - @ are kept as text, and written back escaped', async () => {
    const db = freshDb();
    const p = await planImport(await read('Name,Company,Notes\n=1+1,"=cmd|\' /C calc\'!A0",@SUM(A1) -2 +3\n'), undefined, db);
    expect(p.rows[0]!.buyer).toMatchObject({ name: '=1+1', company: "=cmd|' /C calc'!A0", notes: '@SUM(A1) -2 +3' });
    await applyImport(p, db);
    expect((await db.buyers.toArray())[0]).toMatchObject({ name: '=1+1', company: "=cmd|' /C calc'!A0" });
  });

  test('a 1 MB cell is clipped into the book, not a refused row', async () => {
    const db = freshDb();
    const p = await planImport(await read(`Name,Notes,Email\nAnn,${'备'.repeat(1024 * 1024)},ann@a.example\n`), undefined, db);
    expect(p.counts).toEqual({ new: 1, merge: 0, skip: 0 });
    await applyImport(p, db);
    expect((await db.buyers.toArray())[0]!.notes.length).toBeLessThanOrEqual(20_000);
  });

  test('an import that fails halfway writes nothing', async () => {
    const db = freshDb();
    await seedBook(db);
    const before = await dumpBook(db);
    const p = await planImport(await read('Name,Email\nAnn,ann@a.example\nBob,bob@b.example\n'), undefined, db);
    // The second buyer is made unwritable after the preview (a row the schema refuses).
    p.rows[1]!.buyer = { ...p.rows[1]!.buyer!, emails: ['not an email'] };
    await expect(applyImport(p, db)).rejects.toBeTruthy();
    expect(await dumpBook(db)).toEqual(before);
  });
});

describe('a big sheet', () => {
  test('50,000 rows: a preview that finds the buyers already in the book by email, phone, or name at the company', async () => {
    const db = freshDb();
    await seedBook(db);
    const lines = ['Name,Company,Email,Phone'];
    for (let i = 0; i < 50_000; i++) lines.push(`Lead ${i},Firm ${i % 997},lead${i}@expo${i % 50}.example,`);
    // Known buyers of the test book (backup/book.ts), each by another identity.
    lines[10_001] = 'Someone,,WANG@huaqiang.example,';
    lines[20_001] = ',,,+971 50 123 4567';
    lines[30_001] = '=cmd,,,';
    lines[40_001] = 'Zoë 🌟 O’Brien,"=HYPERLINK(""http://evil.example"")",,';
    // The same lead twice in the file: folded into its first row.
    lines[50_000] = 'Lead 5,Firm 5,lead5@expo5.example,';
    const table = await read(lines.join('\r\n'));
    expect(table.rows).toHaveLength(50_000);
    const p = await planImport(table, undefined, db);
    expect(p.counts).toEqual({ new: 49_996, merge: 3, skip: 1 });
    expect(p.rows[10_000]!.match?.id).toBe('b-1-zh');
    expect(p.rows[20_000]!.match?.id).toBe('b-2-ar');
    expect(p.rows[40_000]!.match?.id).toBe('b-3-emoji');
    expect(p.rows[49_999]).toMatchObject({ status: 'skip', reason: 'duplicateInFile', detail: '7' });
  }, 120_000);
});
