import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './helpers';
import { SettingsView } from '../../../components/settings-view';
import { getSettings, updateSettings } from '../../../storage/settings-repo';

describe('SettingsView', () => {
  it("saves the seller's own identity, one value a line", async () => {
    await updateSettings({ ownIdentity: { names: ['Lily Chen'], companies: [], emails: [], phones: [] } });
    const user = userEvent.setup();
    render(<SettingsView />);
    const names = await screen.findByLabelText('Your names');
    expect((names as HTMLTextAreaElement).value).toBe('Lily Chen');
    await user.type(names, '{Enter}陈丽丽{Enter}{Enter}');
    await user.type(screen.getByLabelText('Your companies'), 'Ningbo Bright Valve Co., Ltd.');
    await user.type(screen.getByLabelText('Your emails'), 'lily@brightvalve.cn{Enter}sales@brightvalve.cn');
    await user.type(screen.getByLabelText('Your phones'), '+86 138 0000 1234');
    await user.click(screen.getByTestId('save-settings'));
    expect(await screen.findByTestId('settings-saved')).toBeTruthy();
    const { ownIdentity } = await getSettings();
    expect(ownIdentity).toEqual({
      names: ['Lily Chen', '陈丽丽'],
      companies: ['Ningbo Bright Valve Co., Ltd.'],
      emails: ['lily@brightvalve.cn', 'sales@brightvalve.cn'],
      phones: ['+86 138 0000 1234'],
    });
  });
});
