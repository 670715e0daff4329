/**
 * Search tokenisation, shared by the indexer (what a buyer row stores in its multiEntry
 * `searchTokens`) and the query (what the seller types). Both sides use the same folding so a
 * query word is always a prefix of some stored token when it should match:
 *
 * - words of name, company, tags, WeChat id, platform ids: folded (case, accents, Arabic
 *   diacritics) and split on anything that is not a letter or digit;
 * - emails: the whole address, the domain, and the words of both parts;
 * - phones and WhatsApp (E.164): all digits, the national number with a trunk "0", and every
 *   suffix of 4+ digits of the national number, so any run of 4+ digits matches by prefix;
 * - CJK runs (Chinese/Japanese/Korean, written without spaces): every substring of 1-3
 *   characters, so any word of the run matches; a longer query run becomes overlapping trigrams.
 *
 * Beside the tokens, a buyer row stores `phrases`: adjacent word pairs of the name, the company and
 * each tag ("jennifer johnson"). Common first words are shared by thousands of buyers at 100,000;
 * a query typed in order ("jennifer jo") is then one narrow index prefix instead of two wide ones.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { foldText, foldedWords, hasCjk } from './match-names';

/** IndexedDB keys can be long, but tokens only need to be long enough to be selective. */
export const MAX_TOKEN_LENGTH = 64;
/** Bounds the index size of one buyer whatever the page gave us. */
export const MAX_TOKENS_PER_BUYER = 600;
const CJK_GRAM = 3;
const MIN_PHONE_SUFFIX = 4;

export interface SearchableBuyer {
  name: string | null;
  company: string | null;
  emails: readonly string[];
  phones: readonly string[];
  whatsapp: string | null;
  wechat: string | null;
  tags: readonly string[];
  platformIds?: readonly { platform: string; id: string }[];
  /** The country as a seller may type it: its ISO code and its names (English, Chinese). */
  countryNames?: readonly string[];
  /** Titles of the products the buyer asked about (their inquiries), newest first. */
  products?: readonly string[];
}

const cap = (t: string) => t.slice(0, MAX_TOKEN_LENGTH);

/** Every substring of length 1..CJK_GRAM of a CJK run. */
export function cjkGrams(run: string): string[] {
  const chars = Array.from(run);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    for (let n = 1; n <= CJK_GRAM && i + n <= chars.length; n++) out.push(chars.slice(i, i + n).join(''));
  }
  return out;
}

/** Tokens of free text: folded words, CJK runs expanded to their 1-3 character substrings. */
export function textTokens(s: string | null | undefined): string[] {
  const out: string[] = [];
  for (const w of foldedWords(s)) {
    if (hasCjk(w)) out.push(...cjkGrams(w));
    else out.push(w);
  }
  return out;
}

/** Digit tokens of an E.164 number: full digits, "0" + national, every 4+ suffix of the national number. */
export function phoneTokens(e164: string | null | undefined): string[] {
  if (!e164) return [];
  const digits = e164.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_SUFFIX) return [];
  let national = digits;
  try {
    const p = parsePhoneNumberFromString(e164.startsWith('+') ? e164 : '+' + digits);
    if (p?.nationalNumber) national = String(p.nationalNumber);
  } catch {
    // Not a number libphonenumber knows: the full digits still serve as suffixes.
  }
  const out = [digits, '0' + national];
  for (let i = 0; i + MIN_PHONE_SUFFIX <= national.length; i++) out.push(national.slice(i));
  return out;
}

export function emailTokens(email: string): string[] {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  const out = [e];
  if (at > 0) out.push(e.slice(at + 1));
  out.push(...textTokens(e));
  return out;
}

/** Bounds the phrase index of one buyer. */
export const MAX_PHRASES_PER_BUYER = 40;

/** Adjacent pairs of the folded non-CJK words of `s`, "a b" (CJK grams already keep the order). */
export function phraseTokens(s: string | null | undefined): string[] {
  const words = foldedWords(s);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!hasCjk(a) && !hasCjk(b)) out.push(cap(`${a} ${b}`));
  }
  return out;
}

/** The multiEntry `phrases` of a buyer row: unique, capped. */
export function buyerPhrases(b: Pick<SearchableBuyer, 'name' | 'company' | 'tags'>): string[] {
  const out = new Set<string>();
  for (const field of [b.name, b.company, ...b.tags]) {
    for (const p of phraseTokens(field)) if (out.size < MAX_PHRASES_PER_BUYER) out.add(p);
  }
  return [...out];
}

/** The multiEntry `searchTokens` of a buyer row: unique, capped. */
export function buyerSearchTokens(b: SearchableBuyer): string[] {
  const tokens = new Set<string>();
  const add = (ts: Iterable<string>) => {
    for (const t of ts) if (t && tokens.size < MAX_TOKENS_PER_BUYER) tokens.add(cap(t));
  };
  add(textTokens(b.name));
  add(textTokens(b.company));
  for (const e of b.emails) add(emailTokens(e));
  for (const p of b.phones) add(phoneTokens(p));
  add(phoneTokens(b.whatsapp));
  if (b.wechat) add([foldText(b.wechat), ...textTokens(b.wechat)]);
  for (const t of b.tags) add(textTokens(t));
  for (const p of b.platformIds ?? []) add(textTokens(p.id));
  for (const c of b.countryNames ?? []) add(textTokens(c));
  // Last, so a buyer with many long inquiries loses product words before anything else.
  for (const p of b.products ?? []) add(textTokens(p));
  return [...tokens];
}

// A phone number as people type it: "+49 151 1234 5678", "(0151) 1234-5678", "0086 138...".
const PHONE_LIKE = /\+?\(?\d[\d\s().\-/]*\d/g;

/**
 * Tokens of a search query; every token must prefix-match one of a buyer's tokens. Emails (or
 * "@domain") stay whole; a phone typed with spaces becomes one digit run; CJK runs longer than
 * three characters become overlapping trigrams (all present = the run is a substring).
 */
export function searchQueryTokens(query: string): string[] {
  return parseQuery(query).tokens;
}

/**
 * The query's most selective pair of adjacent plain words, as stored in `phrases` ("jennifer jo":
 * the second word may still be half typed), or null when the query has no such pair.
 */
export function searchQueryPhrase(query: string): string | null {
  let best: string | null = null;
  const words = parseQuery(query).words;
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (a == null || b == null) continue; // an email, a number or a CJK run lies between
    const p = cap(`${a} ${b}`);
    if (!best || p.length > best.length) best = p;
  }
  return best;
}

/** Query tokens, and the plain words in the order typed with null where something else stood. */
function parseQuery(query: string): { tokens: string[]; words: (string | null)[] } {
  let q = query.normalize('NFKC').trim();
  const out: string[] = [];
  const words: (string | null)[] = [];
  if (!q) return { tokens: [], words };
  // Phone-like runs with separators are one number; short runs such as "2024 500" stay words.
  q = q.replace(PHONE_LIKE, (m) => {
    const digits = m.replace(/\D/g, '');
    const separated = /[\s().\-/]/.test(m);
    // "138-0013" is a number; "2024 500" (spaces only, short) may be two words.
    const punctuated = /^[\d().\-/]+$/.test(m) && digits.length >= 6;
    if (separated && (m.startsWith('+') || digits.length >= 8 || punctuated)) {
      out.push(digits.replace(/^00(?=[1-9])/, ''));
      return ' \u0000 ';
    }
    if (m.startsWith('+')) {
      out.push(digits);
      return ' \u0000 ';
    }
    return m;
  });
  for (const chunk of q.split(/\s+/)) {
    if (!chunk) continue;
    if (chunk === '\u0000') {
      words.push(null);
      continue;
    }
    if (chunk.includes('@')) {
      const e = chunk.toLowerCase().replace(/^@+/, '');
      if (e) out.push(e);
      words.push(null);
      continue;
    }
    for (const w of foldedWords(chunk)) {
      if (hasCjk(w) && Array.from(w).length > CJK_GRAM) {
        const chars = Array.from(w);
        for (let i = 0; i + CJK_GRAM <= chars.length; i++) out.push(chars.slice(i, i + CJK_GRAM).join(''));
      } else {
        out.push(w);
      }
      words.push(hasCjk(w) ? null : cap(w));
    }
  }
  return { tokens: [...new Set(out.map(cap))].filter(Boolean), words };
}

/**
 * How selective a query token probably is (higher = fewer buyers): the index is looked up with
 * the best one and the others are checked in memory. Counting every token in the index would
 * cost more than the search itself, so this is a heuristic: emails and long digit runs are
 * near-unique, a CJK character carries about as much as three Latin letters.
 */
export function tokenSelectivity(token: string): number {
  if (token.includes('@') || token.includes('.')) return 100 + token.length;
  if (/^\d+$/.test(token)) return token.length * 1.5;
  const n = Array.from(token).length;
  return hasCjk(token) ? n * 3 : n;
}
