import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALIBABA_URL, alibabaCapture, dataValue } from './helpers';
import { ThisPageView } from '../../../components/this-page-view';
import { updateSettings } from '../../../storage/settings-repo';
import { saveCapture } from '../../../storage/capture-repo';
import { emptyCapture, type RawCapture } from '../../../lib/capture';

const noop = () => {};

/** A raw capture as the Alibaba content script sends it: page spellings, not yet normalised. */
function rawAlibaba(over: Partial<RawCapture['buyer']> = {}): RawCapture {
  const c = alibabaCapture();
  return {
    ...c,
    buyer: { ...c.buyer, country: 'Germany', emails: ['J.Becker@Becker-Haustechnik.de', 'sales@my-factory.cn'], phones: ['+49 151 1234 5678'], ...over },
  };
}

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  return tab.id!;
}

const changed = (capture: RawCapture) => ({ type: 'buyerbook/capture-changed', capture });
/**
 * Deliver a message to the panel as Chrome does, with the sending tab and frame (the fake's sender
 * is partial); `more` adds what Chrome 106+ says of the document.
 */
const deliver = (message: unknown, tab: { id: number; url: string }, more: object = {}) =>
  act(() => fakeBrowser.runtime.onMessage.trigger(message, { tab, frameId: 0, ...more } as never, noop));

describe('ThisPageView', () => {
  it("reads the pinned tab's capture, normalised and without the seller's own identity", async () => {
    await updateSettings({ ownIdentity: { names: [], companies: [], emails: ['sales@my-factory.cn'], phones: [] } });
    const tabId = await openTab(ALIBABA_URL);
    const send = vi.fn(async () => ({ type: 'buyerbook/capture-result', capture: rawAlibaba() }));
    fakeBrowser.tabs.sendMessage = send as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    const form = await screen.findByTestId('capture-form');
    expect(form.getAttribute('data-platform')).toBe('alibaba');
    // Only the top frame is asked: a reply from an iframe on the page would be someone else's.
    expect(send).toHaveBeenCalledWith(tabId, { type: 'buyerbook/capture-read' }, { frameId: 0 });
    expect(dataValue(screen.getByTestId('field-country'))).toBe('DE');
    expect(dataValue(screen.getByTestId('field-emails'))).toEqual(['j.becker@becker-haustechnik.de']);
    expect(dataValue(screen.getByTestId('field-phones'))).toEqual(['+4915112345678']);
  });

  it('shows a buyer already in the book the moment the page opens', async () => {
    await saveCapture(alibabaCapture());
    const tabId = await openTab(ALIBABA_URL);
    fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: rawAlibaba() })) as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    expect((await screen.findByTestId('known-buyer')).textContent).toContain('Jonas Becker');
    expect(await screen.findAllByTestId('timeline-item')).toHaveLength(1);
  });

  it('accepts pushed captures only from its own tab on an allowed site', async () => {
    const tabId = await openTab(ALIBABA_URL);
    const other = await openTab(ALIBABA_URL);
    fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: rawAlibaba() })) as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await screen.findByTestId('capture-form');

    const next = rawAlibaba({ name: 'Maria Lopez', emails: ['maria@lopez.es'], phones: [], whatsapp: null, platformBuyerId: '99' });
    await deliver(changed(next), { id: other, url: ALIBABA_URL });
    await deliver(changed(next), { id: tabId, url: 'https://evil.example/' });
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas Becker');

    await deliver(changed(next), { id: tabId, url: ALIBABA_URL });
    await waitFor(() => expect(dataValue(screen.getByTestId('field-name'))).toBe('Maria Lopez'));
  });

  it("accepts pushed captures only from the top frame of the tab's current document", async () => {
    const tabId = await openTab(ALIBABA_URL);
    fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: rawAlibaba() })) as never;
    // The panel learns which document is in the tab's top frame (Chrome names it in the injection's result).
    const exec = vi.fn(async () => [{ frameId: 0, documentId: 'DOC-NOW', result: true }]);
    fakeBrowser.scripting.executeScript = exec as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await screen.findByTestId('capture-form');
    await waitFor(() => expect(exec).toHaveBeenCalled());
    expect(exec.mock.calls[0]).toMatchObject([{ target: { tabId, frameIds: [0] } }]);
    await act(async () => {});

    const next = rawAlibaba({ name: 'Maria Lopez', emails: ['maria@lopez.es'], phones: [], whatsapp: null, platformBuyerId: '99' });
    const tab = { id: tabId, url: ALIBABA_URL };
    // An iframe on the page, the document the tab left (still sending as it unloads), and one in
    // the back-forward cache are refused.
    await deliver(changed(next), tab, { frameId: 2, documentId: 'DOC-FRAME', documentLifecycle: 'active' });
    await deliver(changed(next), tab, { documentId: 'DOC-BEFORE', documentLifecycle: 'active' });
    await deliver(changed(next), tab, { documentId: 'DOC-NOW', documentLifecycle: 'cached' });
    await new Promise((r) => setTimeout(r, 50));
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas Becker');

    await deliver(changed(next), tab, { documentId: 'DOC-NOW', documentLifecycle: 'active' });
    await waitFor(() => expect(dataValue(screen.getByTestId('field-name'))).toBe('Maria Lopez'));
  });

  it('says when a platform page shows no buyer', async () => {
    const tabId = await openTab(ALIBABA_URL);
    fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: emptyCapture('alibaba', ALIBABA_URL) })) as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    expect((await screen.findByTestId('empty-capture')).textContent).toContain('Alibaba.com');
  });

  it('offers "Capture from this page" elsewhere and shows what the generic capture read', async () => {
    const url = 'https://www.example-importer.com/contact';
    const tabId = await openTab(url);
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    fakeBrowser.tabs.sendMessage = send as never;
    const generic: RawCapture = {
      ...emptyCapture('generic', url),
      buyer: { ...emptyCapture('generic', url).buyer, name: 'Ahmed Khan', emails: ['ahmed@khan-trading.pk'] },
    };
    const exec = vi.fn(async () => [{ frameId: 0, result: generic }]);
    fakeBrowser.scripting.executeScript = exec as never;
    const user = userEvent.setup();
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await screen.findByTestId('unsupported-page');
    expect(send).not.toHaveBeenCalled(); // no content script runs outside the platforms
    await user.click(screen.getByTestId('capture-generic'));
    const form = await screen.findByTestId('capture-form');
    expect(exec).toHaveBeenCalledWith({ target: { tabId }, files: ['/generic-capture.js'] });
    expect(form.getAttribute('data-platform')).toBe('generic');
    expect(dataValue(screen.getByTestId('field-emails'))).toEqual(['ahmed@khan-trading.pk']);
  });

  it('refuses a generic result that fails its schema', async () => {
    const tabId = await openTab('https://www.example.org/');
    fakeBrowser.scripting.executeScript = (async () => [{ frameId: 0, result: { platform: 'generic', url: 1 } }]) as never;
    const user = userEvent.setup();
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await user.click(await screen.findByTestId('capture-generic'));
    // Not dropped without a word: the panel says which part made it unusable.
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-testid')).toBe('capture-refused');
    expect(alert.textContent).toContain('Page address: not a usable value');
    expect(screen.queryByTestId('capture-form')).toBeNull();
  });

  it('follows the active tab of its own window when not pinned', async () => {
    const mine = await fakeBrowser.windows.create({ focused: true });
    await openTab('https://www.example.org/');
    fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: rawAlibaba() })) as never;
    render(<ThisPageView onOpenBuyer={noop} search="" />);
    await screen.findByTestId('unsupported-page');
    // A tab activated in another window is not the panel's.
    const elsewhere = await fakeBrowser.windows.create({ focused: false });
    await act(async () => {
      await fakeBrowser.tabs.create({ url: ALIBABA_URL, active: true, windowId: elsewhere!.id });
    });
    expect(screen.getByTestId('unsupported-page')).toBeTruthy();
    await act(async () => {
      await fakeBrowser.tabs.create({ url: ALIBABA_URL, active: true, windowId: mine!.id });
    });
    expect((await screen.findByTestId('capture-form')).getAttribute('data-platform')).toBe('alibaba');
  });
});
