/**
 * Page times to ISO 8601 UTC. A time the page shows without a zone is in the browser's own zone,
 * as the page rendered it, so it is read with the local-time Date constructor (tests set TZ).
 * A stated offset ("GMT+08:00", "UTC+8", "+0800") wins over the browser's zone.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // The month names mail and chat clients write in other UI languages, by their first three
  // letters: German, French, Spanish, Portuguese, Polish, Dutch, Italian, Turkish.
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, fév: 2, fev: 2, avr: 4, aoû: 8, déc: 12, ene: 1, abr: 4, ago: 8,
  dic: 12, set: 9, out: 10, sty: 1, lut: 2, kwi: 4, maj: 5, cze: 6, lip: 7, sie: 8, wrz: 9, paź: 10, lis: 11,
  gru: 12, mei: 5, mrt: 3, gen: 1, mag: 5, giu: 6, lug: 7, ott: 10, oca: 1, şub: 2, nis: 4, haz: 6, tem: 7,
  ağu: 8, eyl: 9, eki: 10, kas: 11, ara: 12,
};

/** Epoch milliseconds (or seconds) to ISO UTC, null when implausible. */
export function fromEpoch(v: unknown): string | null {
  const n = typeof v === 'string' && /^\d{9,13}$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const ms = n < 1e11 ? n * 1000 : n;
  // Plausible inquiry times only: 2000-01-01 .. 2100-01-01.
  if (ms < 946684800000 || ms > 4102444800000) return null;
  return toIso(new Date(ms));
}

function toIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Parse a date-time as pages write it:
 *   2026-11-19 14:37 | 2026/11/19 14:37:05 | 2026年11月17日 16:24 | Nov 19, 2026 22:47 |
 *   Tue, Nov 17, 2026, 3:42 PM | 18 Nov 2026 17:26 (GMT+08:00) | 15:06, 18/11/2026 (day first)
 */
export function parsePageTime(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.replace(/[\u00a0\u202f\u3000]/g, ' ').trim();
  // A machine time with its zone (<time datetime="2026-11-23T02:12:00Z">) is exact as written.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(s)) return toIso(new Date(s));
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  const month = (name: string | undefined) => {
    const n = (name ?? '').toLowerCase();
    // French "juin"/"juil." share their first three letters.
    return n.startsWith('juin') ? 6 : n.startsWith('juil') ? 7 : MONTHS[n.slice(0, 3)] ?? 0;
  };
  let m: RegExpExecArray | null;
  if ((m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(s))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /(?<!\p{L})(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/u.exec(s)) && month(m[1])) {
    [y, mo, d] = [Number(m[3]), month(m[1]), Number(m[2])];
  } else if ((m = /\b(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})/u.exec(s)) && month(m[2])) {
    [y, mo, d] = [Number(m[3]), month(m[2]), Number(m[1])];
  } else if ((m = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(s))) {
    // Day first (WhatsApp, most of the world); a first part over 12 cannot be a month anyway.
    [y, mo, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  } else return null;
  const rest = s.replace(m[0], ' ');
  const t = /(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*(am|pm|上午|下午)?/i.exec(rest);
  if (t) {
    h = Number(t[1]);
    mi = Number(t[2]);
    sec = Number(t[3] ?? 0);
    // Chinese writes the half of the day before the time: "下午2:05".
    const ap = (t[4] ?? /(上午|下午|午前|午後)\s*$/.exec(rest.slice(0, t.index))?.[1] ?? '').toLowerCase().replace('午後', '下午').replace('午前', '上午');
    if ((ap === 'pm' || ap === '下午') && h < 12) h += 12;
    if ((ap === 'am' || ap === '上午') && h === 12) h = 0;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const off = /(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(rest) ?? /\s([+-])(\d{2}):?(\d{2})\b/.exec(rest);
  if (off) {
    const sign = off[1] === '-' ? -1 : 1;
    const minutes = sign * (Number(off[2]) * 60 + Number(off[3] ?? 0));
    return toIso(new Date(Date.UTC(y, mo - 1, d, h, mi, sec) - minutes * 60000));
  }
  if (/\b(?:UTC|GMT|Z)\b/.test(rest)) return toIso(new Date(Date.UTC(y, mo - 1, d, h, mi, sec)));
  return toIso(new Date(y, mo - 1, d, h, mi, sec));
}

const NUMERIC_DATE = /\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b/;

/**
 * Whether a page writes numeric dates month first (11/17/2026, US locale) rather than day first
 * (17/11/2026). A part over 12 in any of the page's own dates settles it; when every date is
 * ambiguous the page's language decides (only en-US writes month first among our users).
 */
export function isMonthFirst(samples: (string | null | undefined)[], lang?: string | null): boolean {
  for (const s of samples) {
    const m = NUMERIC_DATE.exec(s ?? '');
    if (m && Number(m[1]) > 12) return false;
    if (m && Number(m[3]) > 12) return true;
  }
  return /^en-us\b/i.test(lang ?? '');
}

/** Rewrites a month-first numeric date as yyyy-mm-dd so parsePageTime reads it unambiguously. */
export function monthFirstToIso(s: string): string {
  return s.replace(NUMERIC_DATE, (_, mo: string, _sep: string, d: string, y: string) => `${y}-${mo}-${d}`);
}
