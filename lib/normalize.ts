/**
 * Turns a RawCapture into canonical values: E.164 phones (libphonenumber-js, the buyer's country
 * as the default region), ISO 3166-1 alpha-2 countries from English or Chinese names
 * (i18n-iso-countries), lower-case emails, absolute web addresses. Runs in the panel, the CLI and
 * the tests, never in the content script (these libraries are too heavy for every page).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { RawCapture } from './capture';
import { normalizeUnit } from './units';

countries.registerLocale(en);
countries.registerLocale(zh);

// Names pages use that the library's tables do not list.
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u.s.a.': 'US', 'u.s.': 'US', america: 'US', 'united states of america': 'US',
  uk: 'GB', 'u.k.': 'GB', england: 'GB', britain: 'GB', 'great britain': 'GB', scotland: 'GB', wales: 'GB',
  uae: 'AE', 'u.a.e.': 'AE', holland: 'NL', 'south korea': 'KR', korea: 'KR', 'north korea': 'KP',
  russia: 'RU', vietnam: 'VN', 'viet nam': 'VN', turkey: 'TR', türkiye: 'TR', 'hong kong': 'HK',
  macau: 'MO', taiwan: 'TW', 'ivory coast': 'CI', "côte d'ivoire": 'CI', 'czech republic': 'CZ',
  laos: 'LA', iran: 'IR', syria: 'SY', bolivia: 'BO', venezuela: 'VE', tanzania: 'TZ', moldova: 'MD',
  美国: 'US', 英国: 'GB', 韩国: 'KR', 俄罗斯: 'RU', 越南: 'VN', 中国香港: 'HK', 香港: 'HK', 中国台湾: 'TW',
  台湾: 'TW', 阿联酋: 'AE', 沙特: 'SA', 沙特阿拉伯: 'SA', 澳洲: 'AU', 荷兰: 'NL', 土耳其: 'TR', 捷克: 'CZ',
  // As buyers write their own country in signatures (accents are stripped before the lookup).
  mexico: 'MX', espana: 'ES', brasil: 'BR', deutschland: 'DE', polska: 'PL', italia: 'IT', nederland: 'NL',
  osterreich: 'AT', schweiz: 'CH', suisse: 'CH', belgique: 'BE', belgie: 'BE', sverige: 'SE', norge: 'NO',
  danmark: 'DK', suomi: 'FI', peru: 'PE', colombia: 'CO', 'republica dominicana': 'DO', 'emiratos arabes unidos': 'AE',
  marruecos: 'MA', maroc: 'MA', turkiye: 'TR', 日本: 'JP', 대한민국: 'KR', россия: 'RU', 'ksa': 'SA',
};

/** "Canada" | "加拿大" | "ca" | "Rotterdam, The Netherlands" -> "CA"/"NL"; null when unknown. */
export function normalizeCountry(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (!s) return null;
  if (/^[A-Za-z]{2}$/.test(s) && countries.isValid(s.toUpperCase())) return s.toUpperCase();
  const tryOne = (name: string): string | null => {
    const n = name.trim().replace(/^the\s+/i, '').replace(/[.。]$/, '');
    if (!n) return null;
    const alias = COUNTRY_ALIASES[n.toLowerCase()] ?? COUNTRY_ALIASES[n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()];
    if (alias) return alias;
    return countries.getAlpha2Code(n, 'en') ?? countries.getAlpha2Code(n, 'zh') ?? null;
  };
  const direct = tryOne(s) ?? tryOne(s.replace(/\s*\(.*\)\s*$/, ''));
  if (direct) return direct;
  // "Rotterdam, The Netherlands" / "Beirut - Lebanon": the country is usually the last part.
  const parts = s.split(/[,，/|\-–]+/).map((p) => p.trim()).filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const c = tryOne(parts[i] ?? '');
    if (c) return c;
  }
  // Chinese and Japanese write the country first and the parts apart with spaces: "日本 大阪府 大阪市".
  if (/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]/u.test(s)) for (const w of s.split(' ')) {
    const c = tryOne(w);
    if (c) return c;
  }
  return null;
}

/** Country name for display in the user's language. */
export function countryName(code: string | null | undefined, lang: 'en' | 'zh'): string | null {
  if (!code) return null;
  return countries.getName(code, lang) ?? code;
}

/** What a seller may type to find a country: its code and its English and Chinese names. */
export function countrySearchNames(code: string | null | undefined): string[] {
  if (!code) return [];
  return [code, countries.getName(code, 'en'), countries.getName(code, 'zh')].filter((x): x is string => !!x);
}

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
