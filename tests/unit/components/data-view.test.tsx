/**
 * The Data tab on the real repositories: a backup is saved through <a download> and the age of
 * the last backup above the tabs follows; a restore shows its checked preview before writing and
 * refuses a damaged file with its reason; a Chinese sheet is imported after its preview.
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads } from './helpers';
import { App } from '../../../components/app';
import { DataView } from '../../../components/data-view';
import { getDb } from '../../../storage/db';
import { getSettings, updateSettings } from '../../../storage/settings-repo';
import { bulkImport } from '../../../storage/bulk-import';
import { writeBackup } from '../../../storage/backup/write-backup';
import { BUYERS, INQUIRIES, TOUCHPOINTS } from '../storage/backup/book';


describe('Data tab', () => {
  it('backs up the book to a dated file and the status above the tabs follows', async () => {
    await bulkImport({ buyers: BUYERS, inquiries: INQUIRIES, touchpoints: TOUCHPOINTS }, getDb());
    const saved = captureDownloads();
    const user = userEvent.setup();
    render(<App search="?tabId=999" />);
    const status = await screen.findByTestId('backup-status');
    await waitFor(() => expect(status.textContent).toContain('No backup yet'));
    expect(status.getAttribute('data-due')).toBe('true');
    await user.click(within(status).getByRole('button'));
    expect(screen.getByTestId('tab-data').getAttribute('aria-selected')).toBe('true');
    await user.click(await screen.findByTestId('backup-now'));
    expect((await screen.findByTestId('backup-done')).textContent).toContain('4 buyers, 2 inquiries, 4 touchpoints');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/^buyerbook-backup-\d{4}-\d\d-\d\d\.jsonl$/);
    expect((await saved[0]!.blob.text()).split('\n')[0]).toContain('"format":"buyerbook-backup"');
    expect((await getSettings()).lastBackupAt).not.toBeNull();
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toContain('Last backup: today'));
    expect(screen.getByTestId('backup-status').getAttribute('data-due')).toBe('false');
  });

  it('a backup older than the reminder interval is flagged', async () => {
    await updateSettings({ lastBackupAt: Date.now() - 10 * 86_400_000, backupReminderDays: 7 });
    render(<App search="?tabId=999" />);
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toContain('10 days ago'));
    expect(screen.getByTestId('backup-status').getAttribute('data-due')).toBe('true');
  });

  it('restore: the preview first, then merge; a damaged file is refused with its reason', async () => {
    const source = getDb();
    await bulkImport({ buyers: BUYERS, inquiries: INQUIRIES, touchpoints: TOUCHPOINTS }, source);
    const { blob } = await writeBackup({}, source);
    await source.transaction('rw', source.tables, async () => {
      for (const tb of source.tables) await tb.clear();
    });
    const user = userEvent.setup();
    render(<DataView />);
    const input = screen.getByTestId('restore-file') as HTMLInputElement;

    const text = await blob.text();
    await user.upload(input, new File([text.slice(0, text.length / 2)], 'cut.jsonl'));
    expect((await screen.findByTestId('restore-error')).textContent).toContain('incomplete');
    expect(await getDb().buyers.count()).toBe(0);

    await user.upload(input, new File([text], 'buyerbook-backup.jsonl'));
    const preview = await screen.findByTestId('restore-preview');
    expect(within(preview).getByTestId('restore-counts').textContent).toBe('4 buyers, 2 inquiries, 4 touchpoints.');
    expect(await getDb().buyers.count()).toBe(0); // nothing written before the choice
    await user.click(within(preview).getByTestId('restore-merge'));
    expect((await screen.findByTestId('restore-done')).textContent).toContain('4 new buyers');
    expect(await getDb().touchpoints.count()).toBe(4);
  });

  it('imports a sheet with Chinese headers after its preview', async () => {
    const user = userEvent.setup();
    render(<DataView />);
    const csv = '\uFEFF姓名,公司,国家,邮箱,手机\r\n,,,,\r\n王伟,华强五金,中国,wang@huaqiang.example,13800138000\r\n';
    await user.upload(screen.getByTestId('import-file'), new File([csv], 'leads.csv', { type: 'text/csv' }));
    expect((await screen.findByTestId('import-counts')).textContent).toBe('1 new buyers, 0 already in the book (will be updated), 1 rows skipped.');
    expect((screen.getByTestId('import-map-4') as HTMLSelectElement).value).toBe('phone');
    expect(screen.getByTestId('import-report').textContent).toContain('Row 2: skipped');
    await user.click(screen.getByTestId('import-run'));
    expect((await screen.findByTestId('import-message')).textContent).toContain('1 new buyers');
    const [b] = await getDb().buyers.toArray();
    expect(b).toMatchObject({ name: '王伟', country: 'CN', emails: ['wang@huaqiang.example'], phones: ['+8613800138000'] });
  });
});
