import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import './helpers';
import { NextStepSettingsForm } from '../../../components/next-step-settings';
import { getSettings } from '../../../storage/settings-repo';

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('NextStepSettingsForm', () => {
  it('edits the intervals and working hours; refuses values that are not numbers or times', async () => {
    const user = userEvent.setup();
    render(<NextStepSettingsForm />);
    await waitFor(() => expect(input('next-quoteFollowUpDays').value).toBe('3, 7, 14'));
    expect(input('next-workStart').value).toBe('09:00');
    await user.clear(input('next-quoteFollowUpDays'));
    await user.type(input('next-quoteFollowUpDays'), '2，4 9');
    await user.clear(input('next-workEnd'));
    await user.type(input('next-workEnd'), '17:30');
    await user.click(screen.getByTestId('save-next-steps'));
    await screen.findByTestId('next-steps-saved');
    expect((await getSettings()).nextSteps).toMatchObject({ quoteFollowUpDays: [2, 4, 9], workEnd: '17:30', reminder: { enabled: false } });

    await user.clear(input('next-dormantDays'));
    await user.type(input('next-dormantDays'), 'sixty');
    await user.click(screen.getByTestId('save-next-steps'));
    expect(await screen.findByText(/Check the values/)).toBeTruthy();
    expect((await getSettings()).nextSteps.dormantDays).toBe(60);
  });

  it('asks for the notifications permission only when the reminder is turned on', async () => {
    const request = vi.fn(async () => true);
    (fakeBrowser.permissions as unknown as { request: unknown }).request = request;
    const user = userEvent.setup();
    render(<NextStepSettingsForm />);
    await waitFor(() => expect(input('next-reminder')).toBeTruthy());
    expect(request).not.toHaveBeenCalled();
    await user.click(input('next-reminder'));
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await user.clear(await screen.findByTestId('next-reminderTime'));
    await user.type(input('next-reminderTime'), '08:15');
    await user.click(screen.getByTestId('save-next-steps'));
    await screen.findByTestId('next-steps-saved');
    expect((await getSettings()).nextSteps.reminder).toEqual({ enabled: true, time: '08:15' });
  });

  it('stays off when the permission is refused', async () => {
    (fakeBrowser.permissions as unknown as { request: unknown }).request = vi.fn(async () => false);
    const user = userEvent.setup();
    render(<NextStepSettingsForm />);
    await waitFor(() => expect(input('next-reminder')).toBeTruthy());
    await user.click(input('next-reminder'));
    expect(await screen.findByText('Notifications were not allowed.')).toBeTruthy();
    expect(input('next-reminder').checked).toBe(false);
  });
});
