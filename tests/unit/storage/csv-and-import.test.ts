/**
 * CSV export for Excel and the import of buyer sheets: the export's bytes (BOM, escaped formulas,
 * filter), the header guess in English and Chinese, export → import giving the same buyers, and
 * a Chinese lead list with every kind of skipped row.
 */
import { describe, expect, test } from 'vitest';
import { freshDb } from './helpers';
import { exportCsv } from '../../../storage/csv-export';
import { applyImport, parseCsvText, planImport, readSheet } from '../../../storage/sheet-import';
import { guessMapping } from '../../../lib/column-mapping';
import { BUYERS, seedBook } from './backup/book';
import { bulkImport } from '../../../storage/bulk-import';
import { buyer } from './backup/book';
import type { Buyer } from '../../../storage/schema';
import { xlsx } from '../../support/xlsx';

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const contact = (b: Buyer) => {
  const { id: _i, createdAt: _c, updatedAt: _u, lastContactAt: _l, ...rest } = b;
  return rest;
};

describe('CSV export', () => {
  test('UTF-8 with a byte-order mark, CRLF, formulas escaped, every buyer', async () => {
    const db = freshDb();
    await seedBook(db);
    const { blob, rows, fileName } = await exportCsv('buyers', { now: Date.UTC(2026, 10, 27, 12) }, db);
    expect(fileName).toBe('buyerbook-buyers-2026-11-27.csv');
    expect(rows).toBe(BUYERS.length);
    const bytes = await bytesOf(blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.startsWith('id,name,company,country,emails,phones,')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain('深圳市华强五金有限公司');
    expect(text).toContain('شركة الخليج للتجارة');
    // A company that is a formula is written as text; an E.164 phone too.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain(`'+8613800138000`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  test('touchpoint notes starting with + @ - = are escaped', async () => {
    const db = freshDb();
    await seedBook(db);
    const text = await (await exportCsv('touchpoints', {}, db)).blob.text();
    expect(text).toContain(`'+SUM(A1:A9) @cmd -2 =1`);
    expect(text.split('\r\n')[0]).toBe('id,buyer_id,buyer_name,buyer_company,at,channel,direction,kind,note,inquiry_id');
  });

  test('a filter keeps only the buyers of that stage, and their inquiries and touchpoints', async () => {
    const db = freshDb();
    await seedBook(db);
    expect((await exportCsv('buyers', { filter: { stage: 'quoted' } }, db)).rows).toBe(1);
    expect((await exportCsv('touchpoints', { filter: { stage: 'quoted' } }, db)).rows).toBe(2);
    expect((await exportCsv('inquiries', { filter: { tag: 'VIP' } }, db)).rows).toBe(1);
    expect((await exportCsv('inquiries', {}, db)).rows).toBe(2);
  });
});

describe('sheet import', () => {
  test('column mapping is guessed from Chinese and English headers', () => {
    expect(guessMapping(['姓名', '公司', '国家', '邮箱', '电话', '手机', 'WhatsApp', '微信', '网址', '备注', '标签', '序号'])).toEqual([
      'name', 'company', 'country', 'email', 'phone', 'phone', 'whatsapp', 'wechat', 'website', 'notes', 'tags', null,
    ]);
    expect(guessMapping(['First Name', 'Last Name', 'E-mail Address', 'Company Name', 'Country/Region', 'Mobile Phone', 'WeChat ID'])).toEqual([
      'firstName', 'lastName', 'email', 'company', 'country', 'phone', 'wechat',
    ]);
    expect(guessMapping(['联系人', '公司名称', '国家/地区', '电子邮箱', '联系电话', '客户阶段'])).toEqual([
      'name', 'company', 'country', 'email', 'phone', 'stage',
    ]);
  });

  test('export → import gives the same buyers', async () => {
    const source = freshDb();
    await seedBook(source);
    const { blob } = await exportCsv('buyers', {}, source);
    const db = freshDb();
    const plan = await planImport(await readSheet(blob), undefined, db);
    // The buyer with nothing but an id is no row an import can take.
    expect(plan.counts).toEqual({ new: 3, merge: 0, skip: 1 });
    expect(plan.rows.find((r) => r.status === 'skip')).toMatchObject({ line: 5, reason: 'empty' });
    expect(plan.rows.flatMap((r) => r.dropped)).toEqual([]);
    expect(await applyImport(plan, db)).toEqual({ created: 3, merged: 0 });
    const imported = (await db.buyers.toArray()).map((r) => contact(r as Buyer));
    const byName = (xs: ReturnType<typeof contact>[]) => [...xs].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    const want = BUYERS.filter((b) => b.id !== 'b-4-bare').map(contact);
    expect(byName(imported.map((r) => { const { platformKeys: _a, searchTokens: _b, phrases: _c, matchKeys: _d, recency: _e, nextDueAt: _f, nameSort: _g, platforms: _h, ...x } = r as never as Record<string, unknown>; return x as ReturnType<typeof contact>; }))).toEqual(byName(want));
    // The same file again merges into the same buyers: nothing is duplicated.
    const again = await planImport(await readSheet(blob), undefined, db);
    expect(again.counts).toEqual({ new: 0, merge: 3, skip: 1 });
  });

  test('a Chinese lead list: new, matched, and skipped rows with their reasons', async () => {
    const db = freshDb();
    await bulkImport({ buyers: [buyer('b-known', { name: 'Anna Schmidt', emails: ['anna@schmidt.example'], tags: ['2025'] })], inquiries: [], touchpoints: [] }, db);
    const csv = [
      '姓名,公司,国家,邮箱,电话,手机,WhatsApp,微信,网址,备注',
      '王伟,深圳市华强五金有限公司,中国,wang@huaqiang.example,0755-8888 8888,138 0013 8000,,wangwei_88,www.huaqiang.example,广交会认识',
      'Anna Schmidt,Schmidt GmbH,德国,ANNA@schmidt.example,,,+49 151 2345 6789,,,',
      ',,,,,,,,,',
      `${'长'.repeat(301)},公司,,x@y.example,,,,,,`,
      '王伟 (again),,,,,+86 138 0013 8000,,,,second row of the same man',
      'Lee,Lee Trading,韩国,not-an-email,,,,,,',
    ].join('\r\n');
    const gbk = new Blob([csv]);
    const plan = await planImport(await readSheet(gbk), undefined, db);
    const status = plan.rows.map((r) => [r.line, r.status, r.reason]);
    expect(status).toEqual([
      [2, 'new', null],
      [3, 'merge', null],
      [4, 'skip', 'empty'],
      // Over a limit is not invalid: the book keeps the value clipped (storage/buyer-limits.ts).
      [5, 'new', null],
      [6, 'skip', 'duplicateInFile'],
      [7, 'new', null],
    ]);
    expect(plan.rows[4]!.detail).toBe('2');
    expect(plan.rows[5]!.dropped).toEqual(['not-an-email']);
    expect(plan.rows[0]!.buyer).toMatchObject({ country: 'CN', phones: ['+8675588888888', '+8613800138000'], website: 'https://www.huaqiang.example', wechat: 'wangwei_88' });
    expect(plan.rows[0]!.buyer!.notes).toContain('second row of the same man');
    expect(plan.rows[1]!.match!.id).toBe('b-known');
    expect(await applyImport(plan, db)).toEqual({ created: 3, merged: 1 });
    const anna = await db.buyers.get('b-known');
    expect(anna).toMatchObject({ country: 'DE', company: 'Schmidt GmbH', whatsapp: '+4915123456789', tags: ['2025'] });
    expect(await db.buyers.count()).toBe(4);
    const long = (await db.buyers.toArray()).find((b) => b.name?.startsWith('长'));
    expect(Array.from(long!.name!).length).toBeLessThanOrEqual(300);
  });

  test('an Excel sheet is read: Chinese headers, numbers as text, empty cells', async () => {
    const file = xlsx([
      ['姓名', '公司', '国家/地区', '邮箱', '手机'],
      ['张伟', '义乌小商品有限公司', '中国', 'zhang@yiwu.example', 13800138000],
      ['Omar', null, 'Egypt', 'omar@cairo.example', '+20 10 1234 5678'],
    ]);
    const table = await readSheet(new Blob([file as Uint8Array<ArrayBuffer>]));
    expect(table.headers).toEqual(['姓名', '公司', '国家/地区', '邮箱', '手机']);
    expect(table.rows[0]).toEqual(['张伟', '义乌小商品有限公司', '中国', 'zhang@yiwu.example', '13800138000']);
    const plan = await planImport(table, undefined, freshDb());
    expect(plan.counts).toEqual({ new: 2, merge: 0, skip: 0 });
    expect(plan.rows[0]!.buyer).toMatchObject({ country: 'CN', phones: ['+8613800138000'] });
    expect(plan.rows[1]!.buyer).toMatchObject({ company: null, country: 'EG', phones: ['+201012345678'] });
  });

  test('a damaged Excel file is refused as unreadable', async () => {
    const file = xlsx([['姓名'], ['x']]).slice(0, 200);
    await expect(readSheet(new Blob([file as Uint8Array<ArrayBuffer>]))).rejects.toMatchObject({ reason: 'unreadable' });
  });

  test('a CSV saved by Chinese Excel (GB18030) is read', async () => {
    const gb = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd3, 0xca, 0xcf, 0xe4, 0x0d, 0x0a, 0xcd, 0xf5, 0xce, 0xb0, 0x2c, 0x77, 0x40, 0x78, 0x2e, 0x63, 0x6e]);
    const table = await readSheet(new Blob([gb]));
    expect(table).toEqual({ headers: ['姓名', '邮箱'], rows: [['王伟', 'w@x.cn']] });
  });

  test('a header-only CSV has no rows; cells keep quotes and newlines', () => {
    expect(parseCsvText('姓名,邮箱\r\n')).toEqual({ headers: ['姓名', '邮箱'], rows: [] });
    expect(parseCsvText('name,notes\n"Li","a, ""b""\nc"').rows).toEqual([['Li', 'a, "b"\nc']]);
  });
});
