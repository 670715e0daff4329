import { test } from 'vitest';
import { freshDb } from './storage/helpers';
import { applyImport, planImport, readSheet } from '../../storage/sheet-import';
import { guessMapping } from '../../lib/column-mapping';
import { xlsx } from '../support/xlsx';

const enc = (s: string) => new TextEncoder().encode(s);
async function run(name: string, bytes: Uint8Array, apply = false) {
  const t0 = performance.now();
  try {
    const tbl = await readSheet(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const map = guessMapping(tbl.headers);
    const db = freshDb();
    const plan = await planImport(tbl, map, db);
    let applied = '';
    if (apply) applied = JSON.stringify(await applyImport(plan, db));
    console.log(name, '| headers', JSON.stringify(tbl.headers).slice(0, 120), '| map', JSON.stringify(map), '| counts', JSON.stringify(plan.counts), applied,
      '| first', JSON.stringify(plan.rows.slice(0, 3).map((r) => [r.line, r.status, r.reason, r.detail.slice(0, 100), r.buyer?.name, r.buyer?.company, r.buyer?.emails, r.buyer?.notes?.slice(0, 30), r.dropped])).slice(0, 600), Math.round(performance.now() - t0), 'ms');
  } catch (e) {
    console.log(name, 'THROWS', (e as Error).name, (e as Error).message.slice(0, 200), Math.round(performance.now() - t0), 'ms');
  }
}
test('probe', async () => {
  const good = xlsx([['Name', 'Company', 'Email'], ['Ann', 'A Co', 'ann@a.example']]);
  await run('garbage', new Uint8Array(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256)));
  await run('xls (OLE)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 600 }, (_, i) => i % 256)]));
  await run('xlsx cut', good.slice(0, Math.floor(good.length / 2)));
  await run('xlsx cut 40', good.slice(0, 40));
  await run('empty', new Uint8Array());
  await run('header only', enc('Name,Company,Email\r\n'));
  await run('formula', enc('Name,Company,Email,Notes\n=1+1,+SUM(A1),@cmd,-2\n\'=HYPERLINK("x"),=cmd|\' /C calc\'!A0,a@b.example,x\n'), true);
  await run('mixed line ends', enc('Name,Company,Email\r\nAnn,A Co,ann@a.example\nBob,B Co,bob@b.example\rCy,C Co,cy@c.example\r\n'));
  await run('bom', enc('\uFEFFName,Email\nAnn,ann@a.example\n'));
  await run('semicolon', enc('Name;Company;Email;Notes\nAnn;A Co, Ltd;ann@a.example;hello, world\n'));
  await run('tab', enc('Name\tCompany\tEmail\nAnn\tA Co\tann@a.example\n'));
  await run('quoted newline', enc('Name,Notes,Email\n"Ann","line1\nline2",ann@a.example\n'));
  await run('dup headers', enc('Name,Name,Email,Email,Phone\nAnn,Annie,ann@a.example,ann2@a.example,+8613800138000\n'));
  await run('mixed zh en', enc('姓名,Company,邮箱,Phone,国家\n王伟,Huaqiang,wang@h.example,13800138000,中国\n'));
  await run('title rows', enc('2026 广交会客户名单,,\n,,\n姓名,公司,邮箱\n王伟,华强,wang@h.example\n'));
  await run('title rows xlsx', xlsx([['Canton Fair 2026 leads'], [], ['Name', 'Company', 'Email'], ['Ann', 'A Co', 'ann@a.example']]));
  await run('blank rows xlsx', xlsx([['Name', 'Company', 'Email'], [], ['Ann', 'A Co', 'not-email'], [], ['', '', '']]));
  await run('1MB cell', enc('Name,Notes\nAnn,' + 'x'.repeat(1024 * 1024) + '\n'));
  await run('1MB name', enc('Name,Email\n' + 'x'.repeat(1024 * 1024) + ',a@b.example\n'));
  const u16 = '\uFEFFName\tEmail\r\nAnn\tann@a.example\r\n';
  await run('utf16le', new Uint8Array(u16.split('').flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])));
  const rows = ['Name,Company,Email,Phone'];
  for (let i = 0; i < 5000; i++) rows.push(`Buyer ${i},Co ${i % 300},b${i}@x${i % 50}.example,+86138${String(i).padStart(8, '0')}`);
  await run('5000 rows', enc(rows.join('\n')), true);
}, 300_000);
