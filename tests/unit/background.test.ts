/**
 * The background's relay of the seller's requests: the context menu's "use as …" and the keyboard
 * command reach the open panel of that tab, or wait a short while for the panel they open.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMenus, KEEP_MS, MENU_PREFIX, onCommand, onMenuClicked, onMessage } from '../../entrypoints/background';
import { CAPTURE_COMMAND, PICK_FIELDS, PICK_MAX } from '../../lib/messages';
import type { Browser } from 'wxt/browser';

const tab = (id: number) => ({ id, windowId: 1, url: 'https://www.example.org/lead' }) as Browser.tabs.Tab;
const click = (field: string, selectionText: string, pageUrl = 'https://www.example.org/lead') =>
  ({ menuItemId: MENU_PREFIX + field, selectionText, pageUrl, editable: false }) as Browser.contextMenus.OnClickData;
const fromPanel = { id: fakeBrowser.runtime.id } as Browser.runtime.MessageSender;
const pendingFor = (tabId: number, sender = fromPanel) => onMessage({ type: 'buyerbook/pending', tabId }, sender);

let open: ReturnType<typeof vi.fn>;
beforeEach(() => {
  open = vi.fn(async () => {});
  (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open };
});

describe('context menu', () => {
  it('offers every pick on selected text, titled from the catalogue', async () => {
    const created: { id: string; title: string; contexts: string[] }[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation((async () => {}) as never);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((p: never) => created.push(p)) as never);
    await createMenus();
    expect(created.map((c) => c.id)).toEqual(PICK_FIELDS.map((f) => MENU_PREFIX + f));
    expect(created.map((c) => c.title)).toEqual([
      'Use as name', 'Use as company', 'Use as email', 'Use as phone', 'Use as WhatsApp', 'Use as WeChat', 'Use as website', 'Use as country',
    ]);
    expect(created.every((c) => c.contexts.join() === 'selection')).toBe(true);
  });

  it('sends the selection to the open panel of that tab, and opens the panel', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ taken: true })) as never);
    await onMenuClicked(click('email', 'Email: ana@souza.com.br'), tab(5));
    expect(open).toHaveBeenCalledWith({ windowId: 1 });
    expect(send).toHaveBeenCalledWith({
      type: 'buyerbook/panel-request',
      tabId: 5,
      request: { kind: 'pick', field: 'email', text: 'Email: ana@souza.com.br', pageUrl: 'https://www.example.org/lead' },
    });
    // Taken: nothing waits for a later panel.
    await expect(pendingFor(5)).resolves.toEqual({ requests: [] });
  });

  it('keeps a pick no panel took for the panel it opens, once, and clips a long selection', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never);
    await onMenuClicked(click('name', 'N'.repeat(5_000)), tab(6));
    await onMenuClicked(click('phone', '+48 601 234 567'), tab(6));
    // A page may not ask for it: only an extension page without a tab.
    expect(pendingFor(6, { id: fakeBrowser.runtime.id, tab: tab(6) } as never)).toBeUndefined();
    const { requests } = (await pendingFor(6))!;
    expect(requests.map((r) => r.kind === 'pick' && r.field)).toEqual(['name', 'phone']);
    expect(requests[0]?.kind === 'pick' && requests[0].text.length).toBe(PICK_MAX);
    await expect(pendingFor(6)).resolves.toEqual({ requests: [] });
  });

  it('hands what it keeps only to the side panel page, not to another page of the extension', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => undefined) as never);
    await onMenuClicked(click('email', 'ana@souza.com.br'), tab(10));
    const page = (path: string) => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL(path as never) }) as Browser.runtime.MessageSender;
    expect(pendingFor(10, page('/bench.html'))).toBeUndefined();
    expect(pendingFor(10, { url: fakeBrowser.runtime.getURL('/sidepanel.html' as never) } as Browser.runtime.MessageSender)).toBeUndefined();
    const { requests } = (await pendingFor(10, page('/sidepanel.html?tabId=10')))!;
    expect(requests.map((r) => r.kind === 'pick' && r.text)).toEqual(['ana@souza.com.br']);
  });

  it('forgets a request no panel asked for in time', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => undefined) as never);
      await onMenuClicked(click('company', 'Souza Ltda'), tab(7));
      vi.setSystemTime(Date.now() + KEEP_MS + 1);
      await expect(pendingFor(7)).resolves.toEqual({ requests: [] });
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores other menus and a click without a tab', () => {
    expect(onMenuClicked({ menuItemId: 'other', editable: false } as never, tab(8))).toBeUndefined();
    expect(onMenuClicked(click('email', 'a@b.co'), undefined)).toBeUndefined();
    expect(onMenuClicked(click('password', 'x'), tab(8))).toBeUndefined();
  });
});

describe('the document a request came from', () => {
  it("names the tab's top document at the time of the click or the command, for the panel to check", async () => {
    const exec = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async () => [{ frameId: 0, documentId: 'DOC-A', result: true }]) as never);
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => ({ taken: true })) as never);
    try {
      await onMenuClicked(click('email', 'ana@souza.com.br'), tab(11));
      await onCommand(CAPTURE_COMMAND, tab(11));
      expect(exec.mock.calls[0]).toMatchObject([{ target: { tabId: 11, frameIds: [0] } }]);
      const relayed = send.mock.calls.map(([m]) => m as unknown as { tabId: number; request: { documentId?: string } }).filter((m) => m.tabId === 11);
      expect(relayed.map((m) => m.request.documentId)).toEqual(['DOC-A', 'DOC-A']);
    } finally {
      exec.mockRestore();
    }
  });
});

describe('keyboard command', () => {
  it('opens the panel and asks it to capture the page', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => undefined) as never);
    await onCommand(CAPTURE_COMMAND, tab(9));
    expect(open).toHaveBeenCalledWith({ windowId: 1 });
    expect(send).toHaveBeenCalledWith({ type: 'buyerbook/panel-request', tabId: 9, request: { kind: 'capture' } });
    // Not taken (the panel was just opening): kept for it.
    await expect(pendingFor(9)).resolves.toEqual({ requests: [{ kind: 'capture' }] });
    expect(onCommand('something-else', tab(9))).toBeUndefined();
  });
});
