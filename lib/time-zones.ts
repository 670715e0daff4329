/**
 * A buyer's local time: the time zone of their country from a maintained table
 * (countries-and-timezones), automatic where the country keeps one time (zones that share their
 * offsets, winter and summer, count as one: Germany's Berlin and Büsingen), chosen by hand where
 * it spans several (the United States, Russia, Brazil...).
 */
import { getTimezone, getTimezonesForCountry } from 'countries-and-timezones';

/** Every zone of a country, in the table's order; empty for an unknown or missing code. */
export function countryZones(country: string | null | undefined): string[] {
  if (!country) return [];
  return (getTimezonesForCountry(country) ?? []).map((z) => z.name);
}

/** The country's one time zone when it keeps one time, else null (the seller chooses). */
export function autoZone(country: string | null | undefined): string | null {
  const zones = countryZones(country);
  if (!zones.length) return null;
  const clocks = new Set(zones.map((name) => {
    const z = getTimezone(name);
    return z ? `${z.utcOffset}/${z.dstOffset}` : name;
  }));
  return clocks.size === 1 ? zones[0]! : null;
}

/** The zone the buyer's local time is shown in: the one chosen for them, else their country's own. */
export function buyerZone(b: { country: string | null; timeZone?: string | null }): string | null {
  if (b.timeZone && isZone(b.timeZone)) return b.timeZone;
  return autoZone(b.country);
}

/** The runtime knows this IANA zone. */
export function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "Tue 15:42" in that zone, in the panel's locale. */
export function formatLocalTime(zone: string, at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "GMT+1" (the offset at that moment, summer time included). */
export function zoneOffsetLabel(zone: string, at: number): string {
  const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** The zone's name in the panel's language ("Central European Time", "中欧时间"); the IANA name if none. */
export function zoneName(zone: string, at: number, locale: string): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value || zone;
  } catch {
    return zone;
  }
}
