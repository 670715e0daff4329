/**
 * Where a buyer is in time: their country's main time zone and weekend. countries-and-timezones
 * gives a country's zones; for countries spanning several, the zone of the business capital is
 * taken (a buyer in Los Angeles gets New York hours: three hours early is still a working day).
 */
import { getCountry } from 'countries-and-timezones';

const MAIN_ZONE: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  MX: 'America/Mexico_City',
  BR: 'America/Sao_Paulo',
  AR: 'America/Argentina/Buenos_Aires',
  CL: 'America/Santiago',
  RU: 'Europe/Moscow',
  AU: 'Australia/Sydney',
  NZ: 'Pacific/Auckland',
  ID: 'Asia/Jakarta',
  KZ: 'Asia/Almaty',
  CN: 'Asia/Shanghai',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  GB: 'Europe/London',
  FR: 'Europe/Paris',
  NL: 'Europe/Amsterdam',
  UA: 'Europe/Kyiv',
  EC: 'America/Guayaquil',
  MY: 'Asia/Kuala_Lumpur',
  CD: 'Africa/Kinshasa',
  MN: 'Asia/Ulaanbaatar',
  UZ: 'Asia/Tashkent',
  PG: 'Pacific/Port_Moresby',
  VN: 'Asia/Ho_Chi_Minh',
};

/** Weekdays off (0 = Sunday); Saturday–Sunday unless listed. */
const FRI_SAT = [5, 6];
const WEEKEND: Record<string, readonly number[]> = {
  SA: FRI_SAT, KW: FRI_SAT, BH: FRI_SAT, QA: FRI_SAT, OM: FRI_SAT, EG: FRI_SAT, IQ: FRI_SAT, JO: FRI_SAT,
  SY: FRI_SAT, YE: FRI_SAT, DZ: FRI_SAT, LY: FRI_SAT, SD: FRI_SAT, IL: FRI_SAT, BD: FRI_SAT, MV: FRI_SAT,
  // Iran rests on Friday (and many offices on Thursday afternoon); Afghanistan Thursday–Friday.
  IR: [5], AF: [4, 5], NP: [6],
};
export const DEFAULT_WEEKEND: readonly number[] = [6, 0];

/** The buyer's main IANA zone from an ISO country code; null when unknown. */
export function zoneForCountry(country: string | null | undefined): string | null {
  if (!country) return null;
  const code = country.toUpperCase();
  if (MAIN_ZONE[code]) return MAIN_ZONE[code]!;
  return getCountry(code)?.timezones[0] ?? null;
}

export function weekendForCountry(country: string | null | undefined): readonly number[] {
  return (country && WEEKEND[country.toUpperCase()]) || DEFAULT_WEEKEND;
}

const known = new Map<string, boolean>();

/** True when Intl knows the zone (settings may hold a zone the browser dropped). Memoised: a formatter costs a tenth of a millisecond. */
export function isValidZone(zone: string): boolean {
  let ok = known.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(zone, ok);
  }
  return ok;
}

let browserZone: string | null = null;
/** The browser's own zone (read once: it does not change while the extension runs, and it is costly to ask). */
export function localZone(): string {
  browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return browserZone;
}
