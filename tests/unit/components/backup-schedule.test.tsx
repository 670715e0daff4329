import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import './helpers';
import { BackupSchedule } from '../../../components/backup-schedule';
import { getSettings } from '../../../storage/settings-repo';

const select = () => screen.getByTestId('backup-schedule') as HTMLSelectElement;

describe('BackupSchedule', () => {
  it('asks for the downloads permission, saves the schedule and tells the background', async () => {
    const request = vi.fn(async () => true);
    (fakeBrowser.permissions as unknown as { request: unknown }).request = request;
    const sent: unknown[] = [];
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => void sent.push(m));
    const user = userEvent.setup();
    render(<BackupSchedule />);
    await waitFor(() => expect(select().value).toBe('off'));
    expect(screen.getByTestId('backup-schedule-status').textContent).toMatch(/Downloads\/Buyerbook/);
    await user.selectOptions(select(), 'weekly');
    expect(request).toHaveBeenCalledWith({ permissions: ['downloads'] });
    await waitFor(async () => expect((await getSettings()).scheduledBackup).toBe('weekly'));
    expect(sent).toContainEqual({ type: 'buyerbook/backup-schedule-changed' });
    await waitFor(() => expect(screen.getByTestId('backup-schedule-status').textContent).toMatch(/^Next automatic backup/));
    send.mockRestore();
  });

  it('stays off and says why when Chrome refuses the permission', async () => {
    (fakeBrowser.permissions as unknown as { request: unknown }).request = vi.fn(async () => false);
    const user = userEvent.setup();
    render(<BackupSchedule />);
    await waitFor(() => expect(select()).toBeTruthy());
    await user.selectOptions(select(), 'daily');
    expect(await screen.findByText('Chrome did not allow downloads, so the automatic backup stays off.')).toBeTruthy();
    expect((await getSettings()).scheduledBackup).toBe('off');
    expect(select().value).toBe('off');
  });

  it('turning it off needs no permission', async () => {
    const request = vi.fn(async () => true);
    (fakeBrowser.permissions as unknown as { request: unknown }).request = request;
    const user = userEvent.setup();
    render(<BackupSchedule />);
    await waitFor(() => expect(select()).toBeTruthy());
    await user.selectOptions(select(), 'daily');
    await waitFor(async () => expect((await getSettings()).scheduledBackup).toBe('daily'));
    request.mockClear();
    await user.selectOptions(select(), 'off');
    await waitFor(async () => expect((await getSettings()).scheduledBackup).toBe('off'));
    expect(request).not.toHaveBeenCalled();
  });
});
