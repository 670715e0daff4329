import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bookChangedSchema, reminderChangedSchema } from '../lib/badge-messages';
import { t } from '../lib/i18n';
import { nextReminderAt } from '../lib/next-steps/reminder';
import { sellerZone } from '../lib/next-steps/rules';
import { localDayBounds } from '../lib/next-steps/working-hours';
import { getSettings } from '../storage/settings-repo';
import { countDueBy } from '../storage/today-repo';

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
      title: t('reminderTitle', n),
      message: t('reminderBody'),
    });
  }
  await scheduleReminder();
}

const quietly = (p: Promise<unknown>) => void p.catch((e: unknown) => console.warn('buyerbook:', e));

export default defineBackground(() => {
  // The toolbar button opens the side panel. Chrome keeps this setting, but it is set again at
  // every start so an update can never leave the button doing nothing.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});

  // Listeners first, at the top level: an MV3 service worker woken by an alarm or a message
  // only hears it if the listener is registered synchronously.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) quietly(refreshBadge());
    if (alarm.name === REMINDER_ALARM) quietly(remind());
  });
  browser.runtime.onMessage.addListener((msg: unknown) => {
    if (bookChangedSchema.safeParse(msg).success) quietly(refreshBadge());
    else if (reminderChangedSchema.safeParse(msg).success) quietly(scheduleReminder());
  });

  quietly(browser.alarms.create(BADGE_ALARM, { periodInMinutes: BADGE_EVERY_MINUTES, delayInMinutes: BADGE_EVERY_MINUTES }));
  quietly(refreshBadge());
  quietly(scheduleReminder());
});
