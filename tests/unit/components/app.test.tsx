import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALIBABA_URL, alibabaCapture } from './helpers';
import { App } from '../../../components/app';
import { startViewFor } from '../../../components/start-view';

describe('App', () => {
  it('is a tablist driven by the arrow keys, opened on the book away from a platform page', async () => {
    const user = userEvent.setup();
    render(<App search="?tabId=999" />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.getAttribute('data-testid'))).toEqual(['tab-this-page', 'tab-buyers', 'tab-today', 'tab-data', 'tab-settings']);
    // No such tab, so no platform page: the panel opens on the book's Today view.
    await waitFor(() => expect(screen.getByTestId('tab-today').getAttribute('aria-selected')).toBe('true'));
    expect(await within(screen.getByRole('tabpanel')).findByTestId('today-view', {}, { timeout: 10_000 })).toBeTruthy();
    screen.getByTestId('tab-today').focus();
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByTestId('tab-settings'));
    expect(screen.getByTestId('tab-settings').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').id).toBe(screen.getByTestId('tab-settings').getAttribute('aria-controls'));
    expect(await within(screen.getByRole('tabpanel')).findByTestId('settings-form', {}, { timeout: 10_000 })).toBeTruthy();
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(screen.getByTestId('tab-this-page'));
    // Only the selected tab is a tab stop.
    expect(tabs.filter((t) => t.tabIndex === 0)).toHaveLength(1);
  });

  it('opens on "This page" on a platform page, elsewhere on the book', async () => {
    expect(startViewFor(ALIBABA_URL)).toBe('this-page');
    expect(startViewFor('https://mail.google.com/mail/u/0/#inbox/FMfcg')).toBe('this-page');
    expect(startViewFor('https://www.example.com/contact')).toBe('book');
    expect(startViewFor('chrome://newtab/')).toBe('book');
    expect(startViewFor(null)).toBe('book');
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.example.com/' });
    render(<App search={`?tabId=${tab.id}`} />);
    await waitFor(() => expect(screen.getByTestId('tab-today').getAttribute('aria-selected')).toBe('true'));
  });

  it('opens the saved buyer from the capture in the buyers tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: ALIBABA_URL });
    fakeBrowser.tabs.sendMessage = vi.fn(async () => ({ type: 'buyerbook/capture-result', capture: alibabaCapture() })) as never;
    const user = userEvent.setup();
    render(<App search={`?tabId=${tab.id}`} />);
    await waitFor(() => expect(screen.getByTestId('tab-this-page').getAttribute('aria-selected')).toBe('true'));
    // "This page" is its own chunk too: on a loaded machine its cold import can pass the 1 s default.
    await user.click(await screen.findByTestId('save-capture', {}, { timeout: 10_000 }));
    const notice = await screen.findByTestId('saved-notice');
    await user.click(within(notice).getByRole('button'));
    expect(screen.getByTestId('tab-buyers').getAttribute('aria-selected')).toBe('true');
    // The book's code and the buyer's card load on first use: give them the time a cold import takes.
    const detail = await screen.findByTestId('buyer-detail', {}, { timeout: 10_000 });
    expect(within(detail).getByRole('heading', { level: 2 }).textContent).toBe('Jonas Becker');
    await waitFor(() => expect(within(detail).getAllByTestId('timeline-item')).toHaveLength(1));
  });
});
