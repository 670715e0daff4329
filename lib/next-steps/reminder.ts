/** When the daily reminder fires next: the seller's chosen local time, today if still ahead, else tomorrow. */
import { minutesOf } from './settings';
import { instantAt, localParts } from './working-hours';

export function nextReminderAt(now: number, hhmm: string, zone: string): number {
  const m = minutesOf(hhmm);
  const p = localParts(now, zone);
  const today = instantAt(zone, p.year, p.month, p.day, Math.floor(m / 60), m % 60);
  if (today > now) return today;
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day) + 24 * 3600 * 1000);
  return instantAt(zone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(m / 60), m % 60);
}
