/**
 * Turns a RawCapture into canonical values: E.164 phones (libphonenumber-js, the buyer's country
 * as the default region), ISO 3166-1 alpha-2 countries from English or Chinese names
 * (i18n-iso-countries), lower-case emails, absolute web addresses. Runs in the panel, the CLI and
 * the tests, never in the content script (these libraries are too heavy for every page).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { RawCapture } from './capture';
import { normalizeCountry } from './country-names';
import { normalizeUnit } from './units';

// The country functions live in lib/country-names.ts (no phone library); callers of this module keep them here.
export { countryName, countrySearchNames, normalizeCountry } from './country-names';

/** Any written phone number -> E.164, or null when it is not a possible number. */
export function normalizePhone(raw: string | null | undefined, defaultCountry?: string | null): string | null {
  if (!raw) return null;
  if (/[*•]/.test(raw)) return null; // masked
  let s = raw.replace(/[\u00a0\u3000]/g, ' ').replace(/^\s*00(?=\d)/, '+').trim();
  // "+49 (0) 151 ..." : the trunk zero in brackets is not dialled from abroad.
  s = s.replace(/^(\+\d{1,3})\s*\(0\)\s*/, '$1 ');
  const region =
    defaultCountry && /^[A-Z]{2}$/.test(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  try {
    const p = parsePhoneNumberFromString(s, region);
    if (!p) return null;
    // A number written with its "+<country code>" is kept when the metadata's length table
    // disagrees but the length is plausible: numbering plans change faster than the tables
    // (Lagos landlines "+234-1-4627185" are 7-digit subscriber numbers the tables call too short).
    const written = s.startsWith('+') && p.nationalNumber.length >= 7 && p.nationalNumber.length <= 12;
    if (!p.isPossible() && !written) return null;
    return p.number;
  } catch {
    return null;
  }
}

export function normalizeEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const e = raw.trim().replace(/^mailto:/i, '').toLowerCase();
  return /^[^\s@*]+@[^\s@*]+\.[a-z]{2,24}$/.test(e) ? e : null;
}

/** "www.x.com/" -> "https://www.x.com"; keeps a path other than "/". */
export function normalizeWebsite(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s || /[*\s]/.test(s) || s.includes('@')) return null;
  try {
    const u = new URL(/^https?:\/\//i.test(s) ? s : 'https://' + s);
    if (!/\.[a-z]{2,}$/i.test(u.hostname)) return null;
    const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
    return `${u.protocol}//${u.hostname.toLowerCase()}${path}${u.search}`;
  } catch {
    return null;
  }
}

/** LinkedIn profile address in its canonical form, https://www.linkedin.com/in/<slug>. */
export function normalizeLinkedIn(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /linkedin\.com\/(in|company)\/([^/?#\s]+)/i.exec(raw);
  if (!m?.[1] || !m[2]) return null;
  try {
    return `https://www.linkedin.com/${m[1].toLowerCase()}/${decodeURIComponent(m[2]).toLowerCase()}`;
  } catch {
    return null; // a malformed %-escape in a page-supplied address
  }
}

const cleanText = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return t || null;
};

function uniq<T>(xs: (T | null)[]): T[] {
  const out: T[] = [];
  for (const x of xs) if (x != null && !out.includes(x)) out.push(x);
  return out;
}

export function normalizeCapture(raw: RawCapture): RawCapture {
  const b = raw.buyer;
  const country = normalizeCountry(b.country);
  const phones = uniq(b.phones.map((p) => normalizePhone(p, country)));
  const whatsapp = normalizePhone(b.whatsapp, country);
  const msg = raw.inquiry.message?.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0]+/g, ' ').trim();
  return {
    platform: raw.platform,
    url: raw.url,
    buyer: {
      name: cleanText(b.name),
      company: cleanText(b.company),
      country,
      emails: uniq(b.emails.map(normalizeEmail)),
      phones,
      whatsapp,
      wechat: cleanText(b.wechat),
      linkedin: normalizeLinkedIn(b.linkedin),
      website: normalizeWebsite(b.website),
      platformBuyerId: cleanText(b.platformBuyerId),
    },
    inquiry: {
      ...raw.inquiry,
      platformInquiryId: cleanText(raw.inquiry.platformInquiryId),
      subject: cleanText(raw.inquiry.subject),
      productTitle: cleanText(raw.inquiry.productTitle),
      productId: cleanText(raw.inquiry.productId),
      // "Piece/Pieces", "Sets", "件" -> "pieces"/"sets": adapters may pass the unit as the page shows it.
      unit: normalizeUnit(cleanText(raw.inquiry.unit)),
      message: msg || null,
    },
    ...(raw.sources ? { sources: { ...raw.sources } } : {}),
  };
}
