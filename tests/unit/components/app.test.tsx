import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALIBABA_URL, alibabaCapture } from './helpers';
import { App } from '../../../components/app';

describe('App', () => {
  it('is a tablist driven by the arrow keys', async () => {
    const user = userEvent.setup();
    render(<App search="?tabId=999" />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('data-testid'))).toEqual(['tab-this-page', 'tab-buyers', 'tab-today', 'tab-data', 'tab-settings']);
    expect(screen.getByTestId('tab-this-page').getAttribute('aria-selected')).toBe('true');
    screen.getByTestId('tab-this-page').focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByTestId('tab-buyers'));
    expect(screen.getByTestId('tab-buyers').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').id).toBe(screen.getByTestId('tab-buyers').getAttribute('aria-controls'));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByTestId('tab-settings'));
    expect(within(screen.getByRole('tabpanel')).getByTestId('settings-form')).toBeTruthy();
    // Only the selected tab is a tab stop.
    expect(tabs.filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });

  it('opens the saved buyer from the capture in the buyers tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: ALIBABA_URL });
    fakeBrowser.tabs.sendMessage = vi.fn(async () => ({ type: 'buyerbook/capture-result', capture: alibabaCapture() })) as never;
    const user = userEvent.setup();
    render(<App search={`?tabId=${tab.id}`} />);
    await user.click(await screen.findByTestId('save-capture'));
    const notice = await screen.findByTestId('saved-notice');
    await user.click(within(notice).getByRole('button'));
    expect(screen.getByTestId('tab-buyers').getAttribute('aria-selected')).toBe('true');
    const detail = await screen.findByTestId('buyer-detail');
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('Jonas Becker');
    await waitFor(() => expect(within(detail).getAllByTestId('timeline-item')).toHaveLength(1));
  });
});
