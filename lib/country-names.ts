/**
 * Countries: ISO 3166-1 alpha-2 codes from English or Chinese names (i18n-iso-countries, plus the
 * names pages use that its tables do not list), and a code's name in either language. Apart from
 * lib/normalize.ts because every panel view labels countries (lib/i18n.ts), while only capture and
 * import need the phone library normalize.ts brings (libphonenumber-js, about 120 KB): the first
 * view must not wait for it.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';

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
