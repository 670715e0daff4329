import '../lib/zod-setup';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  CAPTURE_COMMAND,
  PICK_FIELDS,
  PICK_MAX,
  pendingRequestsSchema,
  takenReplySchema,
  type PanelRequest,
  type PanelRequestMessage,
  type PendingReply,
  type PickField,
} from '../lib/messages';

export const MENU_PREFIX = 'buyerbook-pick-';

// Titles from the catalogue. lib/i18n is not imported: it bundles the country tables.
const MENU_TITLES: Record<PickField, string> = {
  name: 'pickAsName',
  company: 'pickAsCompany',
  email: 'pickAsEmail',
  phone: 'pickAsPhone',
  whatsapp: 'pickAsWhatsapp',
  wechat: 'pickAsWechat',
  website: 'pickAsWebsite',
  country: 'pickAsCountry',
};

/** A request no panel took is kept this long for the panel the command or the menu is opening. */
export const KEEP_MS = 30_000;
const pending = new Map<number, { at: number; requests: PanelRequest[] }>();

/**
 * The menu lives in the browser's profile, but a service worker start may follow an update that
 * changed it: it is built again each time, from scratch, so no id is ever created twice.
 */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const field of PICK_FIELDS) {
    browser.contextMenus.create({
      id: MENU_PREFIX + field,
      title: browser.i18n.getMessage(MENU_TITLES[field] as never) || MENU_TITLES[field],
      // Every page: a selection is text the seller chose, and the click grants activeTab.
      contexts: ['selection'],
    });
  }
}

function keep(tabId: number, request: PanelRequest): void {
  const now = Date.now();
  for (const [id, p] of pending) if (now - p.at > KEEP_MS) pending.delete(id);
  const list = pending.get(tabId)?.requests ?? [];
  // Only the latest capture request matters; picks are kept in order, a few at most.
  const kept = request.kind === 'capture' ? list.filter((r) => r.kind !== 'capture') : list;
  pending.set(tabId, { at: now, requests: [...kept, request].slice(-10) });
}

/** Hands a request to the open panel of that tab, or keeps it for the panel about to open. */
async function deliver(tabId: number, request: PanelRequest): Promise<void> {
  const message: PanelRequestMessage = { type: 'buyerbook/panel-request', tabId, request };
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (takenReplySchema.safeParse(reply).success) return;
  } catch {
    // No extension page is open to receive it.
  }
  keep(tabId, request);
}

/**
 * Opens the side panel. Chrome allows it only in answer to a user action (a menu click, a
 * command), and only while that action is being handled: it is called first, before any await.
 */
function openPanel(tab: Browser.tabs.Tab | undefined): void {
  if (tab?.windowId == null) return;
  browser.sidePanel?.open?.({ windowId: tab.windowId })?.catch(() => {});
}

export function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> | undefined {
  const id = String(info.menuItemId);
  const field = id.slice(MENU_PREFIX.length) as PickField;
  if (!id.startsWith(MENU_PREFIX) || !PICK_FIELDS.includes(field) || tab?.id == null) return undefined;
  openPanel(tab);
  const pageUrl = info.pageUrl ?? tab.url ?? null;
  return deliver(tab.id, {
    kind: 'pick',
    field,
    text: (info.selectionText ?? '').slice(0, PICK_MAX),
    pageUrl: pageUrl ? pageUrl.slice(0, 4000) : null,
  });
}

export function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> | undefined {
  if (command !== CAPTURE_COMMAND || tab?.id == null) return undefined;
  openPanel(tab);
  return deliver(tab.id, { kind: 'capture' });
}

/** The panel, once started, asks for what was meant for it. Only extension pages may ask. */
export function onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<PendingReply> | undefined {
  const parsed = pendingRequestsSchema.safeParse(message);
  if (!parsed.success || sender.tab || sender.id !== browser.runtime.id) return undefined;
  const entry = pending.get(parsed.data.tabId);
  pending.delete(parsed.data.tabId);
  const fresh = entry && Date.now() - entry.at <= KEEP_MS ? entry.requests : [];
  return Promise.resolve({ requests: fresh });
}

export default defineBackground(() => {
  // The toolbar button opens the side panel. Chrome keeps this setting, but it is set again at
  // every start so an update can never leave the button doing nothing.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  createMenus().catch(() => {});
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.runtime.onMessage.addListener(onMessage as never);
  // The browser tests reach the real handlers here: Chromium's own menu and shortcuts cannot be
  // driven headless. Only in the e2e build, which is never shipped.
  if (import.meta.env.MODE === 'e2e') {
    (globalThis as { buyerbookTest?: unknown }).buyerbookTest = { onMenuClicked, onCommand };
  }
});
