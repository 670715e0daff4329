/**
 * The panel side of capture that holds: a capture that fails its schema is mended and said, not
 * dropped; the draft is the seller's (a re-read fills only what was not edited, another buyer asks
 * first); each field says where it came from; a selection picked from the page and the keyboard
 * command reach the form through the background's relay.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALIBABA_URL, alibabaCapture, dataValue } from './helpers';
import { ThisPageView } from '../../../components/this-page-view';
import { emptyCapture, type RawCapture } from '../../../lib/capture';
import { CLIP_MARKER } from '../../../lib/capture-repair';
import type { PanelRequest } from '../../../lib/messages';
import { findBuyers } from '../../../storage/buyers-repo';
import { listInquiries } from '../../../storage/inquiries-repo';

const noop = () => {};

async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  return tab.id!;
}

const changed = (capture: unknown) => ({ type: 'buyerbook/capture-changed', capture });
/** A message from the tab's content script (Chrome gives the sending tab). */
const push = (capture: unknown, tab: { id: number; url: string }) =>
  act(() => fakeBrowser.runtime.onMessage.trigger(changed(capture), { id: fakeBrowser.runtime.id, tab, frameId: 0 } as never, noop));
/** A request relayed by the background (an extension page: no tab). */
const relay = (tabId: number, request: PanelRequest, sender: object = { id: fakeBrowser.runtime.id }) =>
  act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'buyerbook/panel-request', tabId, request }, sender as never, noop));

/** The panel on an Alibaba inquiry whose content script answers with `first`. */
async function openAlibaba(first: RawCapture = alibabaCapture()) {
  const tabId = await openTab(ALIBABA_URL);
  fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: first })) as never;
  const user = userEvent.setup();
  render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
  await screen.findByTestId('capture-form');
  return { tabId, user, tab: { id: tabId, url: ALIBABA_URL } };
}

describe('a capture that fails its schema', () => {
  it('is clipped, shown with what was changed, and saved', async () => {
    const long = 'We need 300 sets. ' + 'Details follow. '.repeat(4_000); // about 64,000 characters
    const { user } = await openAlibaba(alibabaCapture({}, { message: long }));
    const notice = screen.getByTestId('capture-issues');
    expect(notice.textContent).toContain(`Message: cut to 50000 characters (it had ${long.length})`);
    const message = (screen.getByTestId('field-message') as HTMLTextAreaElement).value;
    expect(message.length).toBeLessThanOrEqual(50_000);
    expect(message.endsWith(CLIP_MARKER.trim())).toBe(true);

    await user.click(screen.getByTestId('save-capture'));
    await screen.findByTestId('saved-notice');
    const [buyer] = (await findBuyers()).buyers;
    const [inquiry] = await listInquiries(buyer!.id);
    expect(inquiry?.message?.startsWith('We need 300 sets.')).toBe(true);
    expect(inquiry?.message?.length).toBeLessThanOrEqual(50_000);
  });

  it('that cannot be mended is said field by field, and the open draft stays', async () => {
    const { tab } = await openAlibaba();
    await push({ ...alibabaCapture({ name: 'Other Buyer' }), platform: 'myspace' }, tab);
    const alert = await screen.findByTestId('capture-refused');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Platform: not a usable value');
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas Becker');
  });
});

describe('the draft is the seller\'s', () => {
  it('a new capture of the same page fills only the fields the seller has not edited, and says so', async () => {
    const { user, tab } = await openAlibaba();
    const company = screen.getByTestId('field-company');
    await user.clear(company);
    await user.type(company, 'Becker Armaturen AG');

    // A re-render: the page now shows other values for company, quantity and unit.
    await push(alibabaCapture({ company: 'Becker GmbH (page)' }, { quantity: 800, unit: 'sets' }), tab);
    await waitFor(() => expect(dataValue(screen.getByTestId('field-quantity'))).toBe(800));
    expect(dataValue(screen.getByTestId('field-unit'))).toBe('sets');
    expect(dataValue(company)).toBe('Becker Armaturen AG');
    expect(screen.getByTestId('draft-merged').textContent).toBe('2 fields updated from the page; your edits kept.');
    expect(screen.queryByTestId('replace-draft')).toBeNull();
  });

  it('a capture of another buyer asks before replacing a draft with edits', async () => {
    const { user, tab } = await openAlibaba();
    const name = screen.getByTestId('field-name');
    await user.clear(name);
    await user.type(name, 'Jonas B.');

    const other = alibabaCapture(
      { name: 'Maria Lopez', company: 'Lopez SL', emails: ['maria@lopez.es'], phones: [], whatsapp: null, platformBuyerId: '99' },
      { platformInquiryId: '77' },
    );
    await push(other, tab);
    const ask = await screen.findByTestId('replace-draft');
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas B.');

    // Keep: the draft stays; the question goes.
    await user.click(within(ask).getByTestId('replace-draft-no'));
    expect(screen.queryByTestId('replace-draft')).toBeNull();
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas B.');

    // Asked again, and this time replaced.
    await push({ ...other, inquiry: { ...other.inquiry, subject: 'Another subject' } }, tab);
    await user.click(await screen.findByTestId('replace-draft-yes'));
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Maria Lopez');
    expect(screen.queryByTestId('replace-draft')).toBeNull();
  });

  it('a thread opened at another address of the same tab asks too: the address alone drops nothing', async () => {
    const { user, tabId } = await openAlibaba();
    await user.type(screen.getByTestId('field-company'), ' (Hamburg)');
    const url = 'https://message.alibaba.com/message/maDetail.htm?imInquiryId=77';
    const other = alibabaCapture({ name: 'Maria Lopez', emails: ['maria@lopez.es'], phones: [], whatsapp: null, platformBuyerId: '99' }, { platformInquiryId: '77' });
    fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: { ...other, url } })) as never;
    await act(async () => {
      await fakeBrowser.tabs.update(tabId, { url });
    });
    await screen.findByTestId('replace-draft');
    expect(dataValue(screen.getByTestId('field-company'))).toBe('Becker Haustechnik GmbH (Hamburg)');
  });

  it('an empty re-read (a page mid-render) keeps a draft with edits, and replaces one without', async () => {
    const { user, tab } = await openAlibaba();
    await user.type(screen.getByTestId('field-company'), ' (Hamburg)');
    await push(emptyCapture('alibaba', ALIBABA_URL), tab);
    await push(alibabaCapture({}, { quantity: 600 }), tab);
    await waitFor(() => expect(dataValue(screen.getByTestId('field-quantity'))).toBe(600));
    expect(dataValue(screen.getByTestId('field-company'))).toBe('Becker Haustechnik GmbH (Hamburg)');

    await user.clear(screen.getByTestId('field-company'));
    await user.type(screen.getByTestId('field-company'), 'Becker Haustechnik GmbH');
    await push(emptyCapture('alibaba', ALIBABA_URL), tab);
    await screen.findByTestId('empty-capture');
  });

  it('a draft whose edits are saved gives way to another buyer without asking', async () => {
    const { user, tab } = await openAlibaba();
    await user.type(screen.getByTestId('field-company'), ' (Hamburg)');
    await user.click(screen.getByTestId('save-capture'));
    await screen.findByTestId('saved-notice');
    await push(alibabaCapture({ name: 'Maria Lopez', emails: ['maria@lopez.es'], phones: [], whatsapp: null, platformBuyerId: '99' }, { platformInquiryId: '77' }), tab);
    await waitFor(() => expect(dataValue(screen.getByTestId('field-name'))).toBe('Maria Lopez'));
    expect(screen.queryByTestId('replace-draft')).toBeNull();
  });

  it('a capture of another buyer replaces a draft without edits at once', async () => {
    const { tab } = await openAlibaba();
    await push(alibabaCapture({ name: 'Maria Lopez', emails: ['maria@lopez.es'], phones: [], whatsapp: null, platformBuyerId: '99' }, { platformInquiryId: '77' }), tab);
    await waitFor(() => expect(dataValue(screen.getByTestId('field-name'))).toBe('Maria Lopez'));
    expect(screen.queryByTestId('replace-draft')).toBeNull();
  });
});

describe('where each field came from', () => {
  it('shows the source, marks values read from free text, and follows the seller\'s edits', async () => {
    const c = alibabaCapture({ wechat: 'becker_wx' });
    const { user } = await openAlibaba({ ...c, sources: { name: 'page-data', company: 'label', emails: 'signature', phones: 'text', wechat: 'chat' } });
    const src = (k: string) => screen.getByTestId(`source-${k}`);
    expect(src('name').getAttribute('data-source')).toBe('page-data');
    expect(src('name').textContent).toBe('from page data');
    expect(src('name').hasAttribute('data-check')).toBe(false);
    expect(src('company').textContent).toBe('from a labelled field');
    for (const k of ['emails', 'phones', 'wechat']) expect(src(k).getAttribute('data-check'), k).toBe('true');
    expect(src('phones').textContent).toBe('from the message text: check it');
    // Tied to its field for assistive technology.
    expect(screen.getByTestId('field-name').getAttribute('aria-describedby')).toContain(src('name').parentElement!.id);
    // No source given: nothing claimed.
    expect(screen.queryByTestId('source-website')).toBeNull();

    await user.type(screen.getByTestId('field-name'), 'x');
    expect(src('name').getAttribute('data-source')).toBe('edited');
  });
});

describe('picked from the page', () => {
  it('puts a selection into its field, normalised, marked as picked, and a re-read keeps it', async () => {
    const { tabId, tab } = await openAlibaba(alibabaCapture({ emails: [], website: null }));
    const [reply] = await relay(tabId, { kind: 'pick', field: 'email', text: '  Email: Jonas.Becker@Becker-Haustechnik.DE; ', pageUrl: ALIBABA_URL });
    expect(reply).toEqual({ taken: true });
    await waitFor(() => expect(dataValue(screen.getByTestId('field-emails'))).toEqual(['jonas.becker@becker-haustechnik.de']));
    expect(screen.getByTestId('source-emails').getAttribute('data-source')).toBe('picked');

    await relay(tabId, { kind: 'pick', field: 'phone', text: 'Tel：0171 2345678', pageUrl: ALIBABA_URL });
    await waitFor(() => expect(dataValue(screen.getByTestId('field-phones'))).toEqual(['+4915112345678', '+491712345678']));
    await relay(tabId, { kind: 'pick', field: 'website', text: 'www.becker-haustechnik.de/', pageUrl: ALIBABA_URL });
    await relay(tabId, { kind: 'pick', field: 'country', text: '德国', pageUrl: ALIBABA_URL });
    await waitFor(() => expect(dataValue(screen.getByTestId('field-website'))).toBe('https://www.becker-haustechnik.de'));
    expect(dataValue(screen.getByTestId('field-country'))).toBe('DE');

    // The page is read again (a new chat line): the picked values stay.
    await push(alibabaCapture({ emails: [], website: null }, { quantity: 900 }), tab);
    await waitFor(() => expect(dataValue(screen.getByTestId('field-quantity'))).toBe(900));
    expect(dataValue(screen.getByTestId('field-emails'))).toEqual(['jonas.becker@becker-haustechnik.de']);
    expect(dataValue(screen.getByTestId('field-website'))).toBe('https://www.becker-haustechnik.de');
  });

  it('takes picks only for its own tab and only from the extension, never from a page', async () => {
    const { tabId } = await openAlibaba();
    const pick: PanelRequest = { kind: 'pick', field: 'name', text: 'Mallory', pageUrl: ALIBABA_URL };
    const [other] = await relay(tabId + 100, pick);
    expect(other).toBeUndefined();
    await relay(tabId, pick, { id: fakeBrowser.runtime.id, tab: { id: tabId, url: ALIBABA_URL } });
    await relay(tabId, pick, { id: 'another-extension' });
    // A sender that names no extension, or an extension page other than the background (the
    // relay is the background's alone), is not the relay either.
    await relay(tabId, pick, {});
    await relay(tabId, pick, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas Becker');
    await relay(tabId, pick, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') });
    await waitFor(() => expect(dataValue(screen.getByTestId('field-name'))).toBe('Mallory'));
  });

  it('opens a form for a page with no capture yet, holding the pick', async () => {
    const url = 'https://www.example-importer.com/contact';
    const tabId = await openTab(url);
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await screen.findByTestId('unsupported-page');
    await relay(tabId, { kind: 'pick', field: 'name', text: ' Ahmed   Khan ', pageUrl: url });
    const form = await screen.findByTestId('capture-form');
    expect(form.getAttribute('data-platform')).toBe('generic');
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Ahmed Khan');
  });

  it('takes a pick made while no panel was open, once it starts', async () => {
    const tabId = await openTab(ALIBABA_URL);
    fakeBrowser.tabs.sendMessage = (async () => ({ type: 'buyerbook/capture-result', capture: alibabaCapture() })) as never;
    const ask = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation((async () => ({ requests: [{ kind: 'pick', field: 'wechat', text: 'becker_wx', pageUrl: ALIBABA_URL }] })) as never);
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await waitFor(() => expect(dataValue(screen.getByTestId('field-wechat'))).toBe('becker_wx'));
    expect(ask).toHaveBeenCalledWith({ type: 'buyerbook/pending', tabId });
    // The page's capture, read meanwhile, fills the rest around the pick.
    await waitFor(() => expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas Becker'));
    expect(dataValue(screen.getByTestId('field-wechat'))).toBe('becker_wx');
  });
});

describe('a relayed request is tied to the document it came from', () => {
  /** The tab's top document is DOC-NOW (Chrome names it in an injection's result). */
  const documentNow = (generic?: () => RawCapture) =>
    vi.fn(async (o: { files?: string[] }) => [{ frameId: 0, documentId: 'DOC-NOW', result: o.files ? generic?.() : true }]);

  it('a pick made on a page the tab has since left is refused; one from the page now in it is taken', async () => {
    const exec = documentNow();
    fakeBrowser.scripting.executeScript = exec as never;
    const { tabId } = await openAlibaba();
    await waitFor(() => expect(exec).toHaveBeenCalled());
    await relay(tabId, { kind: 'pick', field: 'name', text: 'Mallory', pageUrl: ALIBABA_URL, documentId: 'DOC-BEFORE' });
    await new Promise((r) => setTimeout(r, 50));
    expect(dataValue(screen.getByTestId('field-name'))).toBe('Jonas Becker');
    await relay(tabId, { kind: 'pick', field: 'name', text: 'Maria Lopez', pageUrl: ALIBABA_URL, documentId: 'DOC-NOW' });
    await waitFor(() => expect(dataValue(screen.getByTestId('field-name'))).toBe('Maria Lopez'));
  });

  it("the command's capture reads only the document it was pressed on", async () => {
    const url = 'https://www.example-importer.com/contact';
    const tabId = await openTab(url);
    const generic = () => {
      const c = emptyCapture('generic', url);
      c.buyer.name = 'Ahmed Khan';
      return c;
    };
    const exec = documentNow(generic);
    fakeBrowser.scripting.executeScript = exec as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await screen.findByTestId('unsupported-page');
    await relay(tabId, { kind: 'capture', documentId: 'DOC-BEFORE' });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('capture-form')).toBeNull();
    expect(exec.mock.calls.some(([o]) => !!o.files)).toBe(false);
    await relay(tabId, { kind: 'capture', documentId: 'DOC-NOW' });
    expect((await screen.findByTestId('capture-form')).getAttribute('data-platform')).toBe('generic');
    // The injection itself is addressed to that document: a page loaded in between gets none.
    expect(exec).toHaveBeenCalledWith({ target: { tabId, documentIds: ['DOC-NOW'] }, files: ['/generic-capture.js'] });
  });

  it("on a platform page the command's read is addressed to that document", async () => {
    fakeBrowser.scripting.executeScript = documentNow() as never;
    const tabId = await openTab(ALIBABA_URL);
    const send = vi.fn(async () => ({ type: 'buyerbook/capture-result', capture: alibabaCapture() }));
    fakeBrowser.tabs.sendMessage = send as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await screen.findByTestId('capture-form');
    await relay(tabId, { kind: 'capture', documentId: 'DOC-NOW' });
    await waitFor(() => expect(send).toHaveBeenCalledWith(tabId, { type: 'buyerbook/capture-read' }, { frameId: 0, documentId: 'DOC-NOW' }));
  });
});

describe('capture from any page', () => {
  const url = 'https://www.example-importer.com/contact';
  const generic = (): RawCapture => {
    const c = emptyCapture('generic', url);
    c.buyer.name = 'Ahmed Khan';
    c.buyer.emails = ['ahmed@khan-trading.pk'];
    return c;
  };

  it('the keyboard command captures the page it was pressed on', async () => {
    const tabId = await openTab(url);
    const exec = vi.fn(async () => [{ frameId: 0, result: generic() }]);
    fakeBrowser.scripting.executeScript = exec as never;
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await screen.findByTestId('unsupported-page');
    await relay(tabId, { kind: 'capture' });
    expect((await screen.findByTestId('capture-form')).getAttribute('data-platform')).toBe('generic');
    expect(exec).toHaveBeenCalledWith({ target: { tabId }, files: ['/generic-capture.js'] });
  });

  /** "Capture from this page" where executeScript fails with Chrome's `error`; the shortcut as set. */
  async function failedCapture(error: string, shortcut: string): Promise<HTMLElement> {
    const tabId = await openTab(url);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error(error));
    vi.spyOn(fakeBrowser.commands, 'getAll').mockImplementation((async () => [{ name: 'capture-page', shortcut, description: '' }]) as never);
    const user = userEvent.setup();
    render(<ThisPageView onOpenBuyer={noop} search={`?tabId=${tabId}`} />);
    await user.click(await screen.findByTestId('capture-generic'));
    return screen.findByTestId('capture-generic-failed');
  }

  it('says exactly what to do when Chrome has not let it read the page', async () => {
    const failed = await failedCapture(
      `Cannot access contents of url "${url}". Extension manifest must request permission to access this host.`,
      'Alt+Shift+B',
    );
    expect(failed.getAttribute('data-reason')).toBe('no-access');
    expect(failed.textContent).toContain('press Alt+Shift+B or click the Buyerbook button in the toolbar');
  });

  it('says where to set a shortcut when the command has none', async () => {
    const failed = await failedCapture('Cannot access contents of the page. Extension manifest must request permission to access the respective host.', '');
    expect(failed.textContent).toContain('chrome://extensions/shortcuts');
  });

  it('says a browser page is closed to extensions, not what to press', async () => {
    const failed = await failedCapture('Cannot access a chrome:// URL', 'Alt+Shift+B');
    expect(failed.getAttribute('data-reason')).toBe('unreadable');
  });
});
