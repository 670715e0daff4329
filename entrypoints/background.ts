import '../lib/zod-setup';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  CAPTURE_COMMAND,
  PICK_FIELDS,
  PICK_MAX,
  pendingRequestsSchema,
  type PanelRequest,
  type PanelRequestMessage,
  type PendingReply,
  type PickField,
} from '../lib/messages';
import { bookChangedSchema, reminderChangedSchema } from '../lib/badge-messages';
import { sendRequest } from '../lib/protocol';
import { setMessageSource, t } from '../lib/i18n';
import { nextReminderAt } from '../lib/next-steps/reminder';
import { sellerZone } from '../lib/next-steps/rules';
import { localDayBounds } from '../lib/next-steps/working-hours';
import { getSettings, updateSettings } from '../storage/settings-repo';
import { offscreenBackupMessage, scheduleChangedSchema } from '../lib/backup-messages';
import { runScheduledBackup } from './shared/scheduled-backup-runner';
import { topDocumentId } from '../components/top-document';
import { downloadEnded } from './shared/download-ended';
import { BADGE_COUNT_CAP, countDueBy } from '../storage/today-repo';

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
    if (await sendRequest((m) => browser.runtime.sendMessage(m), message)) return;
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
  return withDocument(tab.id, {
    kind: 'pick',
    field,
    text: (info.selectionText ?? '').slice(0, PICK_MAX),
    pageUrl: pageUrl ? pageUrl.slice(0, 4000) : null,
  });
}

export function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> | undefined {
  if (command !== CAPTURE_COMMAND || tab?.id == null) return undefined;
  openPanel(tab);
  return withDocument(tab.id, { kind: 'capture' });
}

/**
 * Delivers the request with the document in the tab's top frame now, while the click or the
 * shortcut is handled (it grants activeTab): the panel takes it only from that same document.
 */
async function withDocument(tabId: number, request: PanelRequest): Promise<void> {
  const documentId = await topDocumentId(tabId);
  return deliver(tabId, documentId ? { ...request, documentId } : request);
}

/**
 * Only the side panel asks: an extension page without a tab (a page and its content scripts have
 * one) at the panel's address, where Chrome gives the address. What is kept is the seller's
 * selection, so no other page of the extension (the benchmark's, in its builds) is handed it.
 */
function fromPanel(sender: Browser.runtime.MessageSender): boolean {
  if (sender.tab || sender.id !== browser.runtime.id) return false;
  return sender.url === undefined || sender.url.startsWith(browser.runtime.getURL('/sidepanel.html' as never));
}

/** The panel, once started, asks for what was meant for it. */
export function onMessage(message: unknown, sender: Browser.runtime.MessageSender): Promise<PendingReply> | undefined {
  const parsed = pendingRequestsSchema.safeParse(message);
  if (!parsed.success || !fromPanel(sender)) return undefined;
  const entry = pending.get(parsed.data.tabId);
  pending.delete(parsed.data.tabId);
  const fresh = entry && Date.now() - entry.at <= KEEP_MS ? entry.requests : [];
  return Promise.resolve({ requests: fresh });
}

const BADGE_ALARM = 'buyerbook:badge';
const REMINDER_ALARM = 'buyerbook:reminder';
/** A sleeping service worker still redraws the badge this often (a new day turns steps due). */
const BADGE_EVERY_MINUTES = 15;

/** Steps due by the end of the seller's day (overdue included): read from the nextDueAt index. */
async function dueToday(): Promise<number> {
  const { nextSteps } = await getSettings();
  return countDueBy(localDayBounds(Date.now(), sellerZone(nextSteps)).end);
}

async function refreshBadge(): Promise<void> {
  const n = await dueToday();
  await browser.action.setBadgeText({ text: n === 0 ? '' : n > 999 ? '999+' : String(n) });
  await browser.action.setBadgeBackgroundColor({ color: '#b91c1c' });
}

/** One alarm at the next reminder time (set again each time it fires, so daylight saving never shifts it). */
async function scheduleReminder(): Promise<void> {
  const { nextSteps } = await getSettings();
  if (!nextSteps.reminder.enabled) {
    await browser.alarms.clear(REMINDER_ALARM);
    return;
  }
  await browser.alarms.create(REMINDER_ALARM, { when: nextReminderAt(Date.now(), nextSteps.reminder.time, sellerZone(nextSteps)) });
}

async function remind(): Promise<void> {
  const { nextSteps } = await getSettings();
  // The permission is optional: the seller may have turned the reminder on and later revoked it.
  const allowed = nextSteps.reminder.enabled && (await browser.permissions.contains({ permissions: ['notifications'] }));
  const n = await dueToday();
  if (allowed && n > 0) {
    await browser.notifications.create(REMINDER_ALARM, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('reminderTitle', n >= BADGE_COUNT_CAP ? '999+' : n),
      message: t('reminderBody'),
    });
  }
  await scheduleReminder();
}

const quietly = (p: Promise<unknown>) => void p.catch((e: unknown) => console.warn('buyerbook:', e));

// The scheduled backup to the Downloads folder: looked at every half hour (and at each start and
// when the seller changes the schedule); the rule in lib/scheduled-backup.ts says when one is due.
const BACKUP_ALARM = 'buyerbook-scheduled-backup';
const BACKUP_EVERY_MINUTES = 30;
const OFFSCREEN_PATH = '/offscreen-backup.html';

async function openOffscreen(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never], documentUrls: [url] });
  if (open.length > 0) return;
  await browser.offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: ['BLOBS' as never],
    justification: 'Writes the scheduled backup file that the downloads API saves.',
  });
}

function scheduledBackup(): Promise<unknown> {
  return runScheduledBackup({
    now: () => Date.now(),
    settings: getSettings,
    update: async (patch) => {
      await updateSettings(patch);
    },
    allowed: () => browser.permissions.contains({ permissions: ['downloads'] }),
    write: async () => {
      await openOffscreen();
      return sendRequest((m) => browser.runtime.sendMessage(m), offscreenBackupMessage());
    },
    download: async (url, filename, signal) =>
      downloadEnded(browser.downloads, await browser.downloads.download({ url, filename, conflictAction: 'uniquify', saveAs: false }), signal),
    done: async () => {
      if ((await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never] })).length > 0) await browser.offscreen.closeDocument();
    },
  });
}

export default defineBackground(() => {
  setMessageSource(browser.i18n);
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
  // Listeners first, at the top level: an MV3 service worker woken by an alarm or a message
  // only hears it if the listener is registered synchronously.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) quietly(refreshBadge());
    if (alarm.name === REMINDER_ALARM) quietly(remind());
    if (alarm.name === BACKUP_ALARM) quietly(scheduledBackup());
  });
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (bookChangedSchema.safeParse(msg).success) quietly(refreshBadge());
    else if (reminderChangedSchema.safeParse(msg).success) quietly(scheduleReminder());
    else if (scheduleChangedSchema.safeParse(msg).success) quietly(scheduledBackup());
  });

  quietly(browser.alarms.create(BADGE_ALARM, { periodInMinutes: BADGE_EVERY_MINUTES, delayInMinutes: BADGE_EVERY_MINUTES }));
  quietly(refreshBadge());
  quietly(scheduleReminder());
  quietly(browser.alarms.create(BACKUP_ALARM, { periodInMinutes: BACKUP_EVERY_MINUTES, delayInMinutes: 1 }));
  quietly(scheduledBackup());
});
