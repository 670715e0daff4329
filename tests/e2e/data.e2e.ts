/**
 * Owning the data in real Chromium: a buyer is captured and a sheet with Chinese headers is
 * imported in one profile, a backup is downloaded from the panel (<a download>, no downloads
 * permission), and restored in a fresh profile, where the book read straight from IndexedDB is
 * the same row for row. The network guard sees no request in either profile.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchFor, loadFixture, openWithPanel, readBook, saveCapture, type BookDump, type ExtensionBrowser } from './harness';

const fx = loadFixture('alibaba-detail-zh');
const dir = mkdtempSync(join(tmpdir(), 'buyerbook-data-e2e-'));
const opened: ExtensionBrowser[] = [];
afterAll(async () => {
  for (const b of opened) await b.close();
  rmSync(dir, { recursive: true, force: true });
});

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const sorted = (b: BookDump) => ({ buyers: byId(b.buyers as never[]), inquiries: byId(b.inquiries as never[]), touchpoints: byId(b.touchpoints as never[]) });

const LEADS = [
  '姓名,公司,国家,邮箱,电话,手机,WhatsApp,微信,网址,备注',
  '陈静,宁波海曙进出口有限公司,中国,chen.jing@haishu.example,0574-8765 4321,139 5740 1234,,chenjing_nb,www.haishu.example,广交会 2026 秋季',
  ',,,,,,,,,',
  'Amina Yusuf,Lagos Home Supplies Ltd,尼日利亚,amina@lagoshome.example,,,+234 803 123 4567,,,',
].join('\r\n');

describe('backup, restore and import in Chromium', () => {
  let book: BookDump;
  let backupPath = '';

  it('imports a sheet with Chinese headers and downloads a backup from the panel', async () => {
    const browser = await launchFor(fx);
    opened.push(browser);
    const { panel } = await openWithPanel(browser, fx.url, fx.html);
    await saveCapture(panel);

    await panel.locator('[data-testid="tab-data"]').click();
    await panel.locator('[data-testid="import-file"]').setInputFiles({ name: '展会名单.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + LEADS, 'utf8') });
    await expect(panel.locator('[data-testid="import-counts"]').textContent()).resolves.toMatch(/^2 new buyers, 0 already in the book.*1 rows skipped/);
    await panel.locator('[data-testid="import-run"]').click();
    await panel.locator('[data-testid="import-message"]').waitFor();
    book = await readBook(panel);
    expect(book.buyers).toHaveLength(3);
    expect(book.buyers.find((b) => (b as { name: string }).name === '陈静')).toMatchObject({ country: 'CN', phones: ['+8657487654321', '+8613957401234'], wechat: 'chenjing_nb' });

    const download = panel.waitForEvent('download');
    await panel.locator('[data-testid="backup-now"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^buyerbook-backup-\d{4}-\d\d-\d\d\.jsonl$/);
    backupPath = join(dir, file.suggestedFilename());
    await file.saveAs(backupPath);
    await panel.locator('[data-testid="backup-done"]').waitFor();
    await expect(panel.locator('[data-testid="backup-status"]').textContent()).resolves.toContain('today');
    const text = readFileSync(backupPath, 'utf8');
    expect(text).toContain('"format":"buyerbook-backup"');
    expect(text).toContain('宁波海曙进出口有限公司');

    // CSV for Excel and vCards of the book, downloaded the same way.
    const csvDownload = panel.waitForEvent('download');
    await panel.locator('[data-testid="export-csv-buyers"]').click();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toMatch(/^buyerbook-buyers-\d{4}-\d\d-\d\d\.csv$/);
    const csvPath = join(dir, csvFile.suggestedFilename());
    await csvFile.saveAs(csvPath);
    const csv = readFileSync(csvPath);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain(`陈静,宁波海曙进出口有限公司,CN,chen.jing@haishu.example,"'+8657487654321; +8613957401234",,chenjing_nb,`);
    const vcfDownload = panel.waitForEvent('download');
    await panel.locator('[data-testid="export-vcard-4"]').click();
    const vcfPath = join(dir, 'contacts.vcf');
    await (await vcfDownload).saveAs(vcfPath);
    expect(readFileSync(vcfPath, 'utf8').match(/BEGIN:VCARD/g)).toHaveLength(3);
    expect(browser.guard.leaks).toEqual([]);
  });

  it('restores the backup in a fresh profile, row for row', async () => {
    expect(backupPath).not.toBe('');
    const browser = await launchFor(fx);
    opened.push(browser);
    const { panel } = await openWithPanel(browser, fx.url, fx.html);
    await panel.locator('[data-testid="tab-data"]').click();
    expect((await readBook(panel)).buyers).toHaveLength(0);
    await panel.locator('[data-testid="restore-file"]').setInputFiles(backupPath);
    await expect(panel.locator('[data-testid="restore-counts"]').textContent()).resolves.toBe('3 buyers, 1 inquiries, 1 touchpoints.');
    await panel.locator('[data-testid="restore-replace"]').click();
    await panel.locator('[data-testid="confirm-yes"]').click();
    await panel.locator('[data-testid="restore-done"]').waitFor({ timeout: 30_000 });
    expect(sorted(await readBook(panel))).toEqual(sorted(book));

    // A damaged copy is refused with its reason and changes nothing.
    const damaged = readFileSync(backupPath, 'utf8').replace('陈静', '陈晶');
    await panel.locator('[data-testid="restore-file"]').setInputFiles({ name: 'damaged.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(damaged) });
    await expect(panel.locator('[data-testid="restore-error"]').textContent()).resolves.toContain('checksum');
    expect(sorted(await readBook(panel))).toEqual(sorted(book));
    expect(browser.guard.leaks).toEqual([]);
  });
});
